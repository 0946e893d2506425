import { describe, expect, it } from 'vitest';
import { tableOfRows } from '../../../src/lib/app/district-table';
import { dotsMark, feeDomain, plottable } from '../../../src/lib/components/scatter-dots';
import { BAND_COLORS } from '../../../src/lib/components/band-colors';
import type { CanvasDots } from '../../../src/lib/components/canvas-dots';
import type { EstateFit } from '../../../src/lib/queries/analysis';

/** Five estates by hand: e1 has no Q, e5 no fee; the others are drawn in estate order. */
const row = (estate_id: string, q: number | null, band: EstateFit['band'], fee_m2: number | null) =>
	({ estate_id, name: estate_id, q, band, fee_m2, grade: null, subdistrict: null, estate_type: 'commodity', building_type: 'high', firm: null }) as unknown as EstateFit;
const t = tableOfRows(
	[row('e1', null, null, 2), row('e2', 70, 'matched', 2.5), row('e3', 90, 'price_above_quality', 1.5), row('e4', 55, null, 3), row('e5', 80, 'matched', null)],
	'2025-Q4'
);

describe('the city scatter dots', () => {
	it('draws the estates shown that have Q and a fee, with their fees', () => {
		const p = plottable(t, Int32Array.from([0, 1, 2, 3, 4]));
		expect(p.at).toEqual([1, 2, 3]);
		expect(p.fee).toEqual([2.5, 1.5, 3]);
		expect(plottable(t, Int32Array.from([4, 3])).at).toEqual([3]);
	});
	it('gives the y domain Plot infers with zero: the extent of fees and box edges, stretched to 0', () => {
		expect(feeDomain([2.5, 1.5, 3], [1.2, 3.4])).toEqual([0, 3.4]);
		expect(feeDomain([2.5, -1], [1.2])).toEqual([-1, 2.5]);
		expect(feeDomain([NaN, 2, Infinity], [])).toEqual([0, 2]);
	});
	it('positions the dots with the scales and colours them by fit class', () => {
		let got: { index: number[]; x: number[]; y: number[]; fill: string[] } | null = null;
		const canvas = {
			render: (index: number[], _s: unknown, v: { x: ArrayLike<number>; y: ArrayLike<number>; fill: ArrayLike<string> }) => {
				got = { index, x: Array.from(v.x), y: Array.from(v.y), fill: Array.from(v.fill) };
				return null as unknown as SVGElement;
			},
			nearest: () => null
		} as CanvasDots;
		const mark = dotsMark(plottable(t, Int32Array.from([0, 1, 2, 3, 4])), canvas);
		const scales = { x: (q: number) => q * 10, y: (fee: number) => 100 - fee * 20 };
		mark([], scales as never, {} as never, { width: 1000, height: 120 } as never, {} as never);
		expect(got).toEqual({
			index: [0, 1, 2],
			x: [700, 900, 550],
			y: [50, 70, 40],
			fill: [BAND_COLORS.matched, BAND_COLORS.price_above_quality, BAND_COLORS.none]
		});
	});
});
