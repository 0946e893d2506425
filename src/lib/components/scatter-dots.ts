/**
 * The district scatter's dots for a city (thousands of estates), prepared for one canvas (canvas-dots.ts) without
 * handing them to Plot as channels: Plot's channel pass (read, filter, scale and colour 13,000 values) cost more
 * than the painting itself. Plot draws the axes, the boxes and the legend from declared scales; the dots are a
 * render function that positions them with Plot's own scale functions, so they land where Plot's dots did.
 */
import type { RenderFunction } from '@observablehq/plot';
import type { DistrictTable } from '$lib/app/district-table';
import { BAND_OF } from '$lib/domain/district-fit';
import { BAND_COLORS } from './band-colors';
import type { CanvasDots } from './canvas-dots';

/** The estates drawn (indices into the table: those shown with Q and a fee) and their fees, in one pass. */
export interface Plottable {
	of: DistrictTable;
	at: number[];
	fee: number[];
}

export function plottable(of: DistrictTable, shown: Int32Array): Plottable {
	const at: number[] = [];
	const fee: number[] = [];
	for (const i of shown) {
		if (of.q[i] !== of.q[i]) continue;
		const f = of.value(i, 'fee_m2');
		if (f === null) continue;
		at.push(i);
		fee.push(f as number);
	}
	return { of, at, fee };
}

/**
 * The y domain Plot would infer from the dots' fees and the boxes' fee edges with `zero: true` (the extent of
 * every finite value, stretched to 0); Plot still applies `nice` to it.
 */
export function feeDomain(fee: readonly number[], edges: readonly number[]): [number, number] {
	let lo = 0;
	let hi = 0;
	for (const v of [fee, edges]) {
		for (const x of v) {
			if (!Number.isFinite(x)) continue;
			if (x < lo) lo = x;
			if (x > hi) hi = x;
		}
	}
	return [lo, hi];
}

/**
 * The dots as a Plot render function: pixel positions from Plot's x and y scales, colours by fit class. `later`:
 * paint them one task after Plot's axes, boxes and legend, one colour a task (a city's first draw: each part a
 * short task); the canvas is put in the figure with its first colour painted.
 */
export function dotsMark({ of, at, fee }: Plottable, canvas: CanvasDots, later = false): RenderFunction {
	return (_index, scales, _values, dimensions) => {
		const paint = () => {
			const sx = scales.x as (v: number) => number;
			const sy = scales.y as (v: number) => number;
			const n = at.length;
			const x = new Float64Array(n);
			const y = new Float64Array(n);
			const fill: string[] = new Array(n);
			const index: number[] = new Array(n);
			for (let k = 0; k < n; k++) {
				const i = at[k];
				x[k] = sx(of.q[i]);
				y[k] = sy(fee[k]);
				fill[k] = BAND_COLORS[BAND_OF[of.band[i]] ?? 'none'];
				index[k] = k;
			}
			return canvas.render(index, scales, { x, y, fill }, dimensions, later);
		};
		if (!later) return paint();
		const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
		// Not painted when the figure was replaced meanwhile (a newer draw paints its own).
		setTimeout(() => {
			if (g.isConnected) g.append(paint());
		}, 0);
		return g;
	};
}
