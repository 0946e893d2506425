/**
 * The overview's fee–quality scatter as Plot options, without Svelte or the page's state: the chart component draws
 * it in the browser, and the build draws the sample district's figure with it in Node (src/lib/snapshot/sample-build.ts),
 * so a first visit paints the same figure before Plot has loaded.
 */
import type * as PlotModule from '@observablehq/plot';
import type { EstatePoint } from '../queries/overview';

/** Estate types in the legend's fixed order, and their colour-blind-safe colours (Okabe–Ito). */
export const FEE_QUALITY_TYPES = ['commercial', 'mixed', 'relocation', 'public_sold'] as const;
const COLORS = ['#0072b2', '#009e73', '#d55e00', '#cc79a7'];

/** Above this many estates the dots are painted on one canvas (canvas-dots.ts), as on the district page. */
export const CANVAS_ABOVE = 1500;

/** The chart's height in px (the panel keeps room for it and the legend). */
export const FEE_QUALITY_HEIGHT = 380;

/** The width the build draws the sample's figure at: the panel's width at 1,440 px and wider (it scales down below). */
export const BUILD_FIGURE_WIDTH = 792;

/** The words the figure shows, in the interface language. */
export interface FeeQualityWords {
	readonly x: string;
	readonly y: string;
	readonly type: (t: EstatePoint['estate_type']) => string;
	/** A dot's tip text (hover; not part of a figure kept as markup). */
	readonly tip: (d: EstatePoint) => string;
}

/** Estates with both a Q and a fee: the dots. */
export function plottedPoints(points: readonly EstatePoint[]): EstatePoint[] {
	return points.filter((p) => p.q !== null && p.fee_m2 !== null);
}

/**
 * Plot's options for the scatter. `render` replaces the SVG dots (a canvas layer for many estates); `document` is
 * the DOM to draw into where there is no browser.
 */
export function feeQualityOptions(
	Plot: typeof PlotModule,
	plotted: readonly EstatePoint[],
	width: number,
	words: FeeQualityWords,
	options: { render?: PlotModule.RenderFunction; document?: Document } = {}
): PlotModule.PlotOptions {
	const fill = (d: EstatePoint) => words.type(d.estate_type);
	return {
		width,
		height: FEE_QUALITY_HEIGHT,
		marginLeft: 48,
		style: { fontFamily: 'inherit', fontSize: '12px' },
		x: { label: words.x, grid: true, domain: [plotted.reduce((m, p) => Math.min(m, p.q!), 40), 100] },
		y: { label: words.y, grid: true, zero: true, nice: true },
		color: { domain: FEE_QUALITY_TYPES.map(words.type), range: COLORS, legend: true },
		marks: [
			options.render
				? Plot.dot(plotted, { x: 'q', y: 'fee_m2', fill, r: 3.5, render: options.render })
				: Plot.dot(plotted, { x: 'q', y: 'fee_m2', fill, r: 3.5, fillOpacity: 0.8, stroke: 'white', strokeWidth: 0.5, tip: true, title: words.tip })
		],
		...(options.document ? { document: options.document } : {})
	};
}
