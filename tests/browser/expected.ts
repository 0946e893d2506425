/**
 * The overview figures, computed by the test itself from the sample CSV files with plain arithmetic, so the
 * browser test checks the app against an independent calculation (not against the app's own code).
 */
import { readFileSync } from 'node:fs';

/** domain.md section 5: the default indicator system (points of 100) and Q = 0.6 inspection + 0.4 satisfaction. */
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
