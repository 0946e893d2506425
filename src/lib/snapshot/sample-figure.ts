/**
 * The overview's chart of the sample district, drawn at build time as markup in each interface language: a first
 * visit paints it with the build's snapshot, before Plot (about 120 kB compressed, and its first draw) has loaded,
 * exactly as a later visit paints the figure its own snapshot kept (ChartPanel's `drawn`). Plot draws the live
 * figure over it once loaded. Node only (a small DOM, linkedom, stands in for the browser's).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { BUILD_FIGURE_WIDTH, CANVAS_ABOVE, feeQualityOptions, plottedPoints, type FeeQualityWords } from '../components/fee-quality-figure';
import { quietFigure } from '../components/quiet-figure';
import { ESTATE_TYPE_KEYS } from '../i18n/code-keys';
import { en, zh, type MessageKey } from '../i18n/messages';
import type { Lang } from '../i18n/i18n.svelte';
import type { Overview } from '../queries/overview';

/** The figure's markup per interface language, or null when the chart would be a canvas (not kept as markup). */
export function overviewFigures(overview: Overview): Record<Lang, string> | null {
	const plotted = plottedPoints(overview.points);
	if (plotted.length === 0 || plotted.length > CANVAS_ABOVE) return null;
	const draw = (messages: Record<MessageKey, string>): string => {
		const { document } = parseHTML('<!doctype html><html><body></body></html>');
		const words: FeeQualityWords = { x: messages['chart.x'], y: messages['chart.y'], type: (k) => messages[ESTATE_TYPE_KEYS[k]], tip: () => '' };
		const chart = Plot.plot(feeQualityOptions(Plot, plotted, BUILD_FIGURE_WIDTH, words, { document: document as unknown as Document }));
		quietFigure(chart);
		return chart.outerHTML;
	};
	return { 'zh-CN': draw(zh), en: draw(en) };
}
