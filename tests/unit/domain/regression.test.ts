import { describe, expect, it } from 'vitest';
import { describePeerModel, expectedFee, fitPeerColumns, fitPeerColumnsSteps, fitPeerModel, percentileRank, residual, seededRandom, solve3x3 } from './helpers';

describe('solve3x3', () => {
	it('solves a system worked by hand: x = 1, y = 2, z = 3', () => {
		// 2x +  y −  z = 1;  x + 3y + 2z = 13;  x −  y + 4z = 11
		const x = solve3x3(
			[
				[2, 1, -1],
				[1, 3, 2],
				[1, -1, 4]
			],
			[1, 13, 11]
		);
		expect(x?.[0]).toBeCloseTo(1, 12);
		expect(x?.[1]).toBeCloseTo(2, 12);
		expect(x?.[2]).toBeCloseTo(3, 12);
	});

	it('returns null for a singular matrix (row 3 = row 1 + row 2)', () => {
		expect(
			solve3x3(
				[
					[1, 2, 3],
					[4, 5, 6],
					[5, 7, 9]
				],
				[1, 2, 3]
			)
		).toBeNull();
	});
});

describe('fitPeerModel', () => {
	it('recovers a plane exactly: fee = 0.5 + 0.02 Q − 0.01 age', () => {
		const rows = [
			{ q: 60, age: 10, fee: 1.6 }, //  0.5 + 1.2 − 0.10
			{ q: 70, age: 20, fee: 1.7 }, //  0.5 + 1.4 − 0.20
			{ q: 80, age: 5, fee: 2.05 }, //  0.5 + 1.6 − 0.05
			{ q: 90, age: 30, fee: 2.0 }, //  0.5 + 1.8 − 0.30
			{ q: 75, age: 15, fee: 1.85 } //  0.5 + 1.5 − 0.15
		];
		const m = fitPeerModel(rows);
		expect(m.method).toBe('ols_q_age');
		expect(m.n).toBe(5);
		expect(m.coef?.intercept).toBeCloseTo(0.5, 10);
		expect(m.coef?.q).toBeCloseTo(0.02, 12);
		expect(m.coef?.age).toBeCloseTo(-0.01, 12);
		expect(m.r2).toBeCloseTo(1, 10);
		// expected for Q 85, age 12: 0.5 + 1.7 − 0.12 = 2.08
		expect(expectedFee(m, 85, 12)).toBeCloseTo(2.08, 10);
		expect(residual(m, 2.2, 85, 12)).toBeCloseTo(0.12, 10);
		expect(describePeerModel(m).en).toBe('fee = 0.5 + 0.02·Q − 0.01·age (n = 5, R² = 1)');
	});

	it('noisy Q + age on a balanced design, by hand', () => {
		// Q 60,60,80,80 and age 10,30,10,30: centred Q −10,−10,10,10, age −10,10,−10,10 (orthogonal).
		// fee 1.0, 0.9, 1.5, 1.2 → mean 4.6/4 = 1.15
		// b_Q   = Σ q̃·fee / Σ q̃² = (−10 − 9 + 15 + 12) / 400 = 8 / 400 = 0.02
		// b_age = Σ ã·fee / Σ ã² = (−10 + 9 − 15 + 12) / 400 = −4 / 400 = −0.01
		// b0 = 1.15 − 0.02 × 70 + 0.01 × 20 = −0.05
		// fitted 1.05, 0.85, 1.45, 1.25 → residuals ∓0.05 → SSres = 4 × 0.0025 = 0.01
		// SStot = 0.15² + 0.25² + 0.35² + 0.05² = 0.0225 + 0.0625 + 0.1225 + 0.0025 = 0.21 → R² = 1 − 0.01/0.21 = 20/21
		const m = fitPeerModel([
			{ q: 60, age: 10, fee: 1.0 },
			{ q: 60, age: 30, fee: 0.9 },
			{ q: 80, age: 10, fee: 1.5 },
			{ q: 80, age: 30, fee: 1.2 }
		]);
		expect(m.method).toBe('ols_q_age');
		expect(m.coef?.intercept).toBeCloseTo(-0.05, 10);
		expect(m.coef?.q).toBeCloseTo(0.02, 12);
		expect(m.coef?.age).toBeCloseTo(-0.01, 12);
		expect(m.r2).toBeCloseTo(20 / 21, 10);
	});

	it('falls back to fee ~ Q when age does not vary; simple regression by hand', () => {
		// Q 60,70,80,90 (mean 75), fee 1.0,1.3,1.4,1.9 (mean 1.4)
		// Sqq = 225 + 25 + 25 + 225 = 500; Sqy = (−15)(−0.4) + (−5)(−0.1) + 5·0 + 15·0.5 = 6 + 0.5 + 7.5 = 14
		// b1 = 14 / 500 = 0.028; b0 = 1.4 − 0.028 × 75 = −0.7
		// fitted 0.98, 1.26, 1.54, 1.82 → residuals 0.02, 0.04, −0.14, 0.08 → SSres = 0.028
		// SStot = 0.16 + 0.01 + 0 + 0.25 = 0.42 → R² = 1 − 0.028/0.42 = 0.93333…
		const m = fitPeerModel([
			{ q: 60, age: 20, fee: 1.0 },
			{ q: 70, age: 20, fee: 1.3 },
			{ q: 80, age: 20, fee: 1.4 },
			{ q: 90, age: 20, fee: 1.9 }
		]);
		expect(m.method).toBe('ols_q');
		expect(m.coef?.intercept).toBeCloseTo(-0.7, 10);
		expect(m.coef?.q).toBeCloseTo(0.028, 12);
		expect(m.coef?.age).toBe(0);
		expect(m.r2).toBeCloseTo(14 / 15, 10);
		expect(m.fallbacks).toHaveLength(1);
		expect(expectedFee(m, 85, null)).toBeCloseTo(1.68, 10); // −0.7 + 0.028 × 85 = 1.68
	});

	it('falls back to fee ~ Q when Q and age are collinear (age = 100 − Q)', () => {
		const m = fitPeerModel([
			{ q: 60, age: 40, fee: 1.0 },
			{ q: 70, age: 30, fee: 1.3 },
			{ q: 80, age: 20, fee: 1.4 },
			{ q: 90, age: 10, fee: 1.9 }
		]);
		expect(m.method).toBe('ols_q');
		expect(m.coef?.q).toBeCloseTo(0.028, 12); // same data as above
		expect(m.fallbacks[0].en).toContain('collinear');
	});

	it('uses rows without an age in fee ~ Q only', () => {
		// Only 2 rows have an age (< 4): fee ~ Q on all 4 rows, same numbers as the simple case.
		const m = fitPeerModel([
			{ q: 60, age: 5, fee: 1.0 },
			{ q: 70, age: null, fee: 1.3 },
			{ q: 80, fee: 1.4 },
			{ q: 90, age: 9, fee: 1.9 }
		]);
		expect(m.method).toBe('ols_q');
		expect(m.n).toBe(4);
		expect(m.coef?.q).toBeCloseTo(0.028, 12);
	});

	it('falls back to the median with too few rows: median(1.0, 2.0) = 1.5', () => {
		const m = fitPeerModel([
			{ q: 70, age: 10, fee: 1.0 },
			{ q: 80, age: 20, fee: 2.0 }
		]);
		expect(m.method).toBe('median');
		expect(m.coef?.intercept).toBe(1.5);
		expect(m.r2).toBeNull();
		expect(m.fallbacks).toHaveLength(2);
		expect(expectedFee(m, 10, null)).toBe(1.5);
	});

	it('falls back to the median when Q never varies: median(1.0, 1.2, 1.6, 2.0) = 1.4', () => {
		const m = fitPeerModel([
			{ q: 80, age: 5, fee: 1.0 },
			{ q: 80, age: 10, fee: 1.2 },
			{ q: 80, age: 15, fee: 1.6 },
			{ q: 80, age: 20, fee: 2.0 }
		]);
		expect(m.method).toBe('median');
		expect(m.coef?.intercept).toBeCloseTo(1.4, 12);
	});

	it('drops unusable rows and reports none when nothing is left', () => {
		const m = fitPeerModel([{ q: NaN, age: 1, fee: 1 }]);
		expect(m.method).toBe('none');
		expect(m.dropped).toBe(1);
		expect(expectedFee(m, 80, 10)).toBeNull();
	});

	it('a q + age model needs the age to predict', () => {
		const m = fitPeerModel([
			{ q: 60, age: 10, fee: 1.0 },
			{ q: 60, age: 30, fee: 0.9 },
			{ q: 80, age: 10, fee: 1.5 },
			{ q: 80, age: 30, fee: 1.2 }
		]);
		expect(expectedFee(m, 70, null)).toBeNull();
	});
});

describe('fitPeerColumns (the district fit\'s path, NaN for missing)', () => {
	it('fits the plane of fitPeerModel\'s first test, dropping rows without a fee or Q and using rows without an age', () => {
		// The five plane rows plus one without a fee and one without Q (dropped), and one without an age.
		const m = fitPeerColumns({
			fee: Float64Array.from([1.6, 1.7, 2.05, 2.0, 1.85, NaN, 1.9, 1.8]),
			q: Float64Array.from([60, 70, 80, 90, 75, 70, NaN, 65]),
			age: Float64Array.from([10, 20, 5, 30, 15, 10, 10, NaN])
		});
		expect(m.method).toBe('ols_q_age');
		expect(m.n).toBe(5);
		expect(m.dropped).toBe(2);
		expect(m.coef?.intercept).toBeCloseTo(0.5, 10);
		expect(m.coef?.q).toBeCloseTo(0.02, 12);
		expect(m.coef?.age).toBeCloseTo(-0.01, 12);
	});
	it('falls back like fitPeerModel: fee ~ Q on 4 rows when only 2 have an age (slope 0.028)', () => {
		const m = fitPeerColumns({ fee: Float64Array.from([1.0, 1.3, 1.4, 1.9]), q: Float64Array.from([60, 70, 80, 90]), age: Float64Array.from([5, NaN, NaN, 9]) });
		expect(m.method).toBe('ols_q');
		expect(m.n).toBe(4);
		expect(m.coef?.q).toBeCloseTo(0.028, 12);
		expect(fitPeerColumns({ fee: new Float64Array(0), q: new Float64Array(0), age: new Float64Array(0) }).method).toBe('none');
	});
});

describe('fitPeerColumns: its sums taken several in one pass', () => {
	it('gives, to the last bit, the textbook fit with one loop per sum', () => {
		// The centred normal equations written the plain way: each mean and each sum in a loop of its own.
		const sum = (n: number, f: (i: number) => number) => {
			let s = 0;
			for (let i = 0; i < n; i++) s += f(i);
			return s;
		};
		const rand = seededRandom(16);
		for (let trial = 0; trial < 20; trial++) {
			const rows = 30 + Math.floor(rand() * 2000);
			const given = { q: new Float64Array(rows), age: new Float64Array(rows), fee: new Float64Array(rows) };
			for (let i = 0; i < rows; i++) {
				given.q[i] = 50 + 50 * rand();
				given.age[i] = Math.floor(40 * rand());
				given.fee[i] = 0.3 + 0.02 * given.q[i] - 0.01 * given.age[i] + 0.3 * (rand() - 0.5);
			}
			// Every other set lacks a fee, a Q or an age in about one row of 20: the fit drops those rows (its copy of
			// the rest), so the textbook runs over the others; the other sets are used whole (no copy).
			if (trial % 2 === 1) for (let i = 0; i < rows; i++) if (rand() < 0.05) [given.fee, given.q, given.age][Math.floor(rand() * 3)][i] = NaN;
			const before = JSON.stringify([...given.fee, ...given.q, ...given.age]);
			const kept = [...given.fee.keys()].filter((i) => Number.isFinite(given.fee[i]) && Number.isFinite(given.q[i]) && Number.isFinite(given.age[i]));
			const [fee, q, age] = [given.fee, given.q, given.age].map((c) => Float64Array.from(kept, (i) => c[i]));
			const n = kept.length;
			const [my, mq, ma] = [sum(n, (i) => fee[i]) / n, sum(n, (i) => q[i]) / n, sum(n, (i) => age[i]) / n];
			const sqq = sum(n, (i) => (q[i] - mq) * (q[i] - mq));
			const saa = sum(n, (i) => (age[i] - ma) * (age[i] - ma));
			const sqa = sum(n, (i) => (q[i] - mq) * (age[i] - ma));
			const rhs = [n * my, sum(n, (i) => (q[i] - mq) * (fee[i] - my)), sum(n, (i) => (age[i] - ma) * (fee[i] - my))];
			const [c0, bq, ba] = solve3x3([[n, 0, 0], [0, sqq, sqa], [0, sqa, saa]], rhs)!;
			const coef = { intercept: c0 - bq * mq - ba * ma, q: bq, age: ba };
			const fitted = Float64Array.from(fee, (_, i) => coef.intercept + coef.q * q[i] + coef.age * age[i]);
			const r2 = 1 - sum(n, (i) => (fee[i] - fitted[i]) ** 2) / sum(n, (i) => (fee[i] - my) * (fee[i] - my));
			const m = fitPeerColumns(given);
			expect(m.method).toBe('ols_q_age');
			expect(m.n).toBe(n);
			// Dropped: the rows without a fee or Q; a row without an age only sits out this model.
			expect(m.dropped).toBe([...given.fee.keys()].filter((i) => !Number.isFinite(given.fee[i]) || !Number.isFinite(given.q[i])).length);
			if (trial % 2 === 1) expect(n).toBeLessThan(rows);
			expect(m.coef).toEqual(coef);
			expect(m.r2).toBe(r2);
			expect(JSON.stringify([...given.fee, ...given.q, ...given.age]), 'the columns given are left as they were').toBe(before);
		}
	});
});

describe('fitPeerColumnsSteps (fitPeerColumns with pauses, for a first visit)', () => {
	const drive = (rows: Parameters<typeof fitPeerColumnsSteps>[0]) => {
		const steps = fitPeerColumnsSteps(rows);
		let pauses = 0;
		for (let r = steps.next(); ; r = steps.next(), pauses++) if (r.done) return { pauses, model: r.value };
	};
	const cols = (fee: number[], q: number[], age: number[]) => ({ fee: Float64Array.from(fee), q: Float64Array.from(q), age: Float64Array.from(age) });

	it('pauses three times on every path and ends with the same model', () => {
		const cases = {
			// the plane 0.5 + 0.02·Q − 0.01·age of fitPeerModel's first test
			ols_q_age: cols([1.6, 1.7, 2.05, 2.0, 1.85], [60, 70, 80, 90, 75], [10, 20, 5, 30, 15]),
			// only two ages: fee ~ Q, slope 0.028
			ols_q: cols([1.0, 1.3, 1.4, 1.9], [60, 70, 80, 90], [5, NaN, NaN, 9]),
			// Q does not vary: the median fee, 1.3
			median: cols([1.0, 1.3, 1.9], [70, 70, 70], [NaN, NaN, NaN]),
			none: cols([NaN, 1.2], [80, NaN], [5, 6])
		};
		for (const [method, rows] of Object.entries(cases)) {
			const { pauses, model } = drive(rows);
			expect(pauses, method).toBe(3);
			expect(model.method, method).toBe(method);
			expect(model, method).toEqual(fitPeerColumns(rows));
		}
		expect(drive(cases.ols_q_age).model.coef?.age).toBeCloseTo(-0.01, 12);
		expect(drive(cases.ols_q).model.coef?.q).toBeCloseTo(0.028, 12);
		expect(drive(cases.median).model.coef?.intercept).toBe(1.3);
	});
});

describe('percentileRank (share of values ≤ value, 0-100)', () => {
	it('3 among 1,2,3,4: 3 of 4 are ≤ 3 → 75', () => {
		expect(percentileRank(3, [1, 2, 3, 4])).toBe(75);
	});
	it('ties share the higher rank: 2 among 2,2,2,5 → 3/4 = 75', () => {
		expect(percentileRank(2, [2, 2, 2, 5])).toBe(75);
	});
	it('below all → 0; the maximum → 100; empty → null', () => {
		expect(percentileRank(0, [1, 2])).toBe(0);
		expect(percentileRank(2, [1, 2])).toBe(100);
		expect(percentileRank(1, [])).toBeNull();
	});
	it('ignores non-finite values: 0.1 among −0.2, 0.1, NaN, 0.3 → 2/3', () => {
		expect(percentileRank(0.1, [-0.2, 0.1, NaN, 0.3])).toBeCloseTo(200 / 3, 10);
	});
});
