/**
 * The overview figures, computed by the test itself from the sample CSV files with plain arithmetic, so the
 * browser test checks the app against an independent calculation (not against the app's own code).
 */
import { readFileSync } from 'node:fs';

/** docs/sources.md §5: the default indicator system (points of 100) and Q = 0.6 inspection + 0.4 satisfaction. */
const WEIGHTS: Record<string, number> = {
	management: 15,
	upkeep: 10,
	elevator: 6,
	fire: 5,
	water: 3,
	facilities_other: 6,
	order: 15,
	cleaning: 15,
	greening: 8,
	customer_service: 12,
	accounts: 5
};

export function readCsv(file: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(`data/sample/${file}`, 'utf8').trim().split(/\r?\n/);
	const cols = head.split(',');
	return lines.map((l) => {
		const cells = l.split(',');
		return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
	});
}

export interface ExpectedEstate {
	id: string;
	name: string;
	type: string;
	building: string;
	q: number;
	fee: number;
	collection: number | null;
}

export function expectedOverview() {
	const estates = readCsv('estates.csv');
	const scores = readCsv('scores.csv');
	const fees = readCsv('fees.csv');
	const period = scores.reduce((m, s) => (s.period > m ? s.period : m), '');
	const acc = new Map<string, { wsum: number; w: number; sat: number[] }>();
	for (const s of scores) {
		if (s.period !== period) continue;
		const a = acc.get(s.estate_id) ?? { wsum: 0, w: 0, sat: [] };
		if (s.indicator === 'satisfaction') a.sat.push(Number(s.score));
		else if (WEIGHTS[s.indicator]) {
			a.wsum += WEIGHTS[s.indicator] * Number(s.score);
			a.w += WEIGHTS[s.indicator];
		}
		acc.set(s.estate_id, a);
	}
	const latestFee = new Map<string, Record<string, string>>();
	for (const f of fees) {
		const cur = latestFee.get(f.estate_id);
		if (!cur || Number(f.year) > Number(cur.year)) latestFee.set(f.estate_id, f);
	}
	const rows: ExpectedEstate[] = estates.map((e) => {
		const a = acc.get(e.estate_id)!;
		const inspection = a.wsum / a.w;
		const sat = a.sat.length ? a.sat.reduce((x, y) => x + y, 0) / a.sat.length : null;
		const q = sat === null ? inspection : 0.6 * inspection + 0.4 * sat;
		const f = latestFee.get(e.estate_id)!;
		const meanUnitArea = Number(e.chargeable_area_m2) / Number(e.households);
		const fee = f.fee_unit === 'per_household_month' ? Number(f.fee) / meanUnitArea : Number(f.fee);
		return {
			id: e.estate_id,
			name: e.name,
			type: e.estate_type,
			building: e.building_type,
			q,
			fee,
			collection: f.collection_rate === '' ? null : Number(f.collection_rate)
		};
	});
	const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
	const collections = rows.map((r) => r.collection).filter((c): c is number => c !== null);
	const byType = new Map<string, ExpectedEstate[]>();
	for (const r of rows) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
	return {
		period,
		rows,
		estates: rows.length,
		meanQ: mean(rows.map((r) => r.q)),
		meanFee: mean(rows.map((r) => r.fee)),
		meanCollection: mean(collections),
		byType: [...byType].map(([type, rs]) => ({
			type,
			count: rs.length,
			meanQ: mean(rs.map((r) => r.q)),
			meanFee: mean(rs.map((r) => r.fee))
		}))
	};
}

/** How the app writes a number: zh-CN grouping, fixed decimals. */
export function fmt(v: number, digits: number): string {
	return new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/**
 * docs/sources.md §4-§6, computed independently: Q with the given weights, grade at 90/80/70/60, red line
 * (elevator or fire below 60 caps the grade at 三级), guide price from the illustrative five-level ladder,
 * QPR = guide ÷ fee, 相符 for 0.9 ≤ QPR ≤ 1.1.
 */
const LADDER: Record<string, number[]> = { high: [2.3, 1.9, 1.5, 1.1, 0.7], multi: [1.5, 1.2, 0.9, 0.6, 0.4] };

export function expectedFit(weights: Record<string, number>, period = '2025Q4', ladder: Record<string, number[]> = LADDER) {
	const estates = readCsv('estates.csv');
	const scores = readCsv('scores.csv').filter((s) => s.period === period);
	const fees = readCsv('fees.csv');
	const year = Number(period.slice(0, 4));
	return estates.map((e) => {
		const mine = scores.filter((s) => s.estate_id === e.estate_id);
		let wsum = 0;
		let w = 0;
		const byInd: Record<string, number> = {};
		const sat: number[] = [];
		for (const s of mine) {
			if (s.indicator === 'satisfaction') sat.push(Number(s.score));
			else if (weights[s.indicator] > 0) {
				wsum += weights[s.indicator] * Number(s.score);
				w += weights[s.indicator];
				byInd[s.indicator] = Number(s.score);
			}
		}
		const inspection = wsum / w;
		const q = sat.length ? 0.6 * inspection + 0.4 * (sat.reduce((a, b) => a + b, 0) / sat.length) : inspection;
		let grade = q >= 90 ? 1 : q >= 80 ? 2 : q >= 70 ? 3 : q >= 60 ? 4 : 5;
		if ((byInd.elevator !== undefined && byInd.elevator < 60) || (byInd.fire !== undefined && byInd.fire < 60)) grade = Math.max(grade, 3);
		const feeRow = fees
			.filter((f) => f.estate_id === e.estate_id && Number(f.year) <= year)
			.sort((a, b) => Number(b.year) - Number(a.year))[0];
		const fee =
			feeRow.fee_unit === 'per_household_month'
				? Number(feeRow.fee) / (Number(e.chargeable_area_m2) / Number(e.households))
				: Number(feeRow.fee);
		const guide = ladder[e.building_type][grade - 1];
		const qpr = guide / fee;
		const band = qpr < 0.9 - 1e-9 ? 'price_above_quality' : qpr > 1.1 + 1e-9 ? 'quality_above_price' : 'matched';
		return { id: e.estate_id, name: e.name, q, grade, fee, qpr, band };
	});
}

export function bandCounts(rows: { band: string }[]): Record<string, number> {
	const c: Record<string, number> = { matched: 0, price_above_quality: 0, quality_above_price: 0 };
	for (const r of rows) c[r.band]++;
	return c;
}

export { LADDER };
export const DEFAULT_WEIGHTS: Record<string, number> = { ...WEIGHTS };
