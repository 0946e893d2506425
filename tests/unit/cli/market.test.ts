import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

/**
 * `zhijia market` on a listing file made here (tests/unit/cli/fixtures/market): every figure worked out by hand
 * from the rows (comments), the hedonic fit checked against numpy.linalg.lstsq run outside the app.
 */
const DIR = 'tests/unit/cli/fixtures/market';
const FILE = `${DIR}/listings_2024-05-01.csv`;

async function run(args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

describe('zhijia market', () => {
	it('counts, median and by area (a range counts as its midpoint; per household and 暂无数据 left out)', async () => {
		const r = await run(['market', FILE, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		// Per-m² fees: 2.0, 2.0 (1.6–2.4), 2.6, 1.2, 1.5 (0.05/天 × 30), 1.2 (多层 1.0 – 小高层 1.4) → 6;
		// sorted 1.2 1.2 1.5 2.0 2.0 2.6 → median (1.5 + 2.0) / 2 = 1.75. 江滨 2.0 2.0 2.6 → 2.0; 望湖 1.2 1.5 1.2 → 1.2.
		expect(JSON.parse(r.stdout)).toEqual({
			listings: 8,
			with_fee: 6,
			per_household: 1,
			median_fee: 1.75,
			by_area: [
				{ area: '江滨', n: 5, median_fee: 2 },
				{ area: '望湖', n: 3, median_fee: 1.2 }
			]
		});
	});

	it('places own estates: percentile, comparables, median, hedonic expected fee', async () => {
		const r = await run(['market', FILE, '--estates', `${DIR}/own`, '--json']);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		// fee = b0 + b1 ln(price) + b2 age over the 6 listings with fee, price and year (no form has 3 listings: no
		// dummies); numpy.linalg.lstsq gives b = (−12.7813, 1.44256, −0.026886), R² = 0.87443.
		expect(out.hedonic).toMatchObject({ n: 6, reference_year: 2024, forms: {} });
		expect(out.hedonic.r2).toBeCloseTo(0.8744, 3);
		expect(out.hedonic.log_house_price).toBeCloseTo(1.4426, 3);
		expect(out.hedonic.age).toBeCloseTo(-0.0269, 3);
		const [e1, e2, e3] = out.estates;
		// E1 江滨花园 is its own listing (40000, 2008, 江滨), left out of its comparables. Same area, 2003–2013,
		// high-rise class, 28000–52000: 滨江苑 2.0, 临江府 2.6 (江畔 has no fee). Median 2.3; Q1 2.0 + 0.25 × 0.6 = 2.15,
		// Q3 2.45; 2.2 is above one of two → P50. Expected −12.7813 + 1.44256 ln 40000 − 0.026886 × 16 = 2.0748.
		expect(e1).toMatchObject({ estate_id: 'E1', listing: '江滨花园', fee: 2.2, comparables: 2, percentile: 50, median_fee: 2.3, q1: 2.15, q3: 2.45 });
		expect(e1.expected_fee).toBeCloseTo(2.0748, 3);
		expect(e1.residual).toBeCloseTo(0.1252, 3);
		// E2 望湖二村 (26000, 2002): 望湖一村 1.2 (多层) and 望湖三村 1.2 (板楼: height unknown, kept) → median 1.2, 1.4 above both → P100.
		expect(e2).toMatchObject({ estate_id: 'E2', listing: '望湖二村', comparables: 2, percentile: 100, median_fee: 1.2 });
		expect(e2.expected_fee).toBeCloseTo(1.292, 3);
		// E3 has no listing and its area (南街道) has none: no comparables, no house price → no expectation.
		expect(e3).toMatchObject({ estate_id: 'E3', listing: null, comparables: 0, percentile: null, median_fee: null, expected_fee: null });
	});

	it('names the file when it is not a listing file, and runs as a child process', async () => {
		const r = await run(['market', `${DIR}/own/fees.csv`]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('fees.csv');
		expect(r.stderr).toContain('is not a listing file');
		const child = await new Promise<{ code: number; stdout: string }>((resolve) =>
			execFile(process.execPath, ['bin/zhijia.mjs', 'market', FILE], (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }))
		);
		expect(child.code).toBe(0);
		expect(child.stdout).toContain('中位数 median: 1.75 元/㎡·月');
		expect(child.stdout).toContain('Listings are not quality scores');
	}, 60_000);
});
