/**
 * Observable Plot (with d3, about 250 kB of JavaScript) loaded as its own chunk for the overview: its first paint
 * needs no Plot when a snapshot kept the chart as drawn (ChartPanel's `drawn`), and otherwise Plot loads beside
 * the snapshot read instead of before the app starts. Other pages import Plot directly (the same chunk).
 */
import type * as PlotModule from '@observablehq/plot';

class PlotLoader {
	/** Plot once loaded (null until then). */
	module = $state.raw<typeof PlotModule | null>(null);
	#loading: Promise<typeof PlotModule> | null = null;

	/** Starts loading Plot (once); resolves with it. */
	load(): Promise<typeof PlotModule> {
		return (this.#loading ??= import('@observablehq/plot').then((m) => (this.module = m)));
	}
}

export const plot = new PlotLoader();
