import * as Plot from '@observablehq/plot';

/**
 * Plot.plot for the subsidy charts inside ChartPanel: never narrower than 280 px (the panel may report 0 before
 * layout, which would give negative bar widths), and a figure Plot wraps around a legend gets no browser margin
 * (the default 40 px each side would shrink the chart below the width it was drawn for).
 */
export function plotAt(width: number, options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
	const el = Plot.plot({ ...options, width: Math.max(width, 280) });
	if (el instanceof HTMLElement) el.style.margin = '0';
	return el;
}
