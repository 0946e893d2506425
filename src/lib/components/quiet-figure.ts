/**
 * A chart's figure carries one accessible name (the panel's figure has role=img and a description): Plot's own
 * per-mark labels and its SVGs are hidden from assistive technology, so a screen reader hears one description, not
 * hundreds of dots. Used on every figure the panel shows and on the one the build keeps as markup.
 */
export function quietFigure(chart: Element): void {
	for (const el of chart.querySelectorAll('g[aria-label]')) el.removeAttribute('aria-label');
	for (const svg of chart.querySelectorAll('svg')) svg.setAttribute('aria-hidden', 'true');
	if (chart.tagName.toLowerCase() === 'svg') chart.setAttribute('aria-hidden', 'true');
}
