import { describe, expect, it } from 'vitest';
import {
	DEFAULT_ASSESSMENT_WEIGHTS,
	DEFAULT_MEDIAN_TARGET_HOURS,
	DEFAULT_TIME_LIMITS_HOURS,
	SUBSIDY_TICKET_CATEGORIES,
	assessmentScore,
	medianTimeScore,
	ticketStats,
	ticketsByYear,
	timeLimitSeconds,
	timestampSeconds,
	type AssessmentSettings,
	type TicketLike
} from '$lib/domain/subsidy';
import { TICKET_CATEGORIES } from '$lib/data/datasets';

const DEFAULTS: AssessmentSettings = {
	weights: { ...DEFAULT_ASSESSMENT_WEIGHTS },
	timeLimitsHours: { ...DEFAULT_TIME_LIMITS_HOURS },
	medianTargetHours: DEFAULT_MEDIAN_TARGET_HOURS
};

/**
 * A tiny ticket set of 2025, default limits (repair 48 h, cleaning 24 h, order 24 h, greening 72 h, arrears 720 h):
 *   1 repair    03-01 08:00 → 03-02 08:00   24 h   ≤ 48  on time
 *   2 cleaning  03-01 08:00 → 03-02 20:00   36 h   > 24  late
 *   3 order     03-05 10:00 → 03-05 12:30   2.5 h  ≤ 24  on time
 *   4 arrears   04-01 00:00 → still open
 *   5 greening  06-01 00:00 → 06-04 00:00   72 h   = 72  on time (the limit itself counts)
 * opened 5, closed 4 → handling rate 4/5 = 0.8; on time 3 → on-time rate 3/5 = 0.6;
 * hours closed, sorted: 2.5, 24, 36, 72 → median (24 + 36)/2 = 30 h.
 * Score with Q = 70 and default weights (Q 0.6, handling 0.2, on-time 0.2, median 0):
 *   (0.6 × 70 + 0.2 × 80 + 0.2 × 60) / 1 = 42 + 16 + 12 = 70.
 * With weights Q 0.5, handling 0.2, on-time 0.2, median 0.1 and a 24 h median target:
 *   median score = 100 × 24 / 30 = 80 → 35 + 16 + 12 + 8 = 71.
 */
const TINY: TicketLike[] = [
	{ category: 'repair', opened_at: '2025-03-01 08:00:00', closed_at: '2025-03-02 08:00:00' },
	{ category: 'cleaning', opened_at: '2025-03-01 08:00:00', closed_at: '2025-03-02 20:00:00' },
	{ category: 'order', opened_at: '2025-03-05 10:00:00', closed_at: '2025-03-05 12:30:00' },
	{ category: 'arrears', opened_at: '2025-04-01 00:00:00', closed_at: null },
	{ category: 'greening', opened_at: '2025-06-01 00:00:00', closed_at: '2025-06-04 00:00:00' }
];

describe('ticket figures', () => {
	it('counts handling and on-time rates and the median on the tiny set', () => {
		const s = ticketStats(TINY);
		expect(s).toEqual({ opened: 5, closed: 4, onTime: 3, handlingRate: 0.8, onTimeRate: 0.6, medianHours: 30 });
	});

	it('uses edited limits: cleaning at 36 h makes ticket 2 on time', () => {
		expect(ticketStats(TINY, { cleaning: 36 }).onTime).toBe(4);
		expect(ticketStats(TINY, { repair: 23 }).onTime).toBe(2);
	});

	it('gives no rates without tickets and no median without a closed ticket', () => {
		expect(ticketStats([])).toEqual({ opened: 0, closed: 0, onTime: 0, handlingRate: null, onTimeRate: null, medianHours: null });
		const open = ticketStats([TINY[3]]);
		expect(open.handlingRate).toBe(0);
		expect(open.medianHours).toBeNull();
	});

	it('assigns a ticket to the year it was opened', () => {
		const late: TicketLike = { category: 'order', opened_at: '2024-12-31 23:00:00', closed_at: '2025-01-01 01:00:00' };
		const byYear = ticketsByYear([late, ...TINY]);
		expect(byYear.get(2024)?.length).toBe(1);
		expect(byYear.get(2025)?.length).toBe(5);
		expect(ticketStats(byYear.get(2024) ?? []).medianHours).toBe(2);
	});

	it('reads naive timestamps as whole seconds and rejects other text', () => {
		expect(timestampSeconds('2025-03-02 08:00:00') - timestampSeconds('2025-03-01 08:00:00')).toBe(86400);
		expect(() => timestampSeconds('2025/03/01')).toThrow(RangeError);
		expect(timeLimitSeconds('repair')).toBe(48 * 3600);
		expect(timeLimitSeconds('something_else', { other: 10 })).toBe(36000);
	});

	it('lists the same categories as the data model', () => {
		expect([...SUBSIDY_TICKET_CATEGORIES]).toEqual([...TICKET_CATEGORIES]);
		expect(Object.keys(DEFAULT_TIME_LIMITS_HOURS).sort()).toEqual([...TICKET_CATEGORIES].sort());
	});
});

describe('assessment score', () => {
	it('combines Q, handling and on-time rates with the default weights (70)', () => {
		const a = assessmentScore(70, ticketStats(TINY), DEFAULTS);
		expect(a.score).toBeCloseTo(70, 12);
		expect(a.parts.map((p) => [p.part, p.value])).toEqual([
			['q', 70],
			['handling', 80],
			['onTime', 60],
			['median', 100] // 30 h is within the default 48 h target
		]);
		// the median is shown, not scored, by default
		expect(a.notes.some((n) => n.en.includes('Median time to close 30 hours'))).toBe(true);
	});

	it('scores the median time against a target when weighted (71)', () => {
		const a = assessmentScore(70, ticketStats(TINY), {
			...DEFAULTS,
			weights: { q: 0.5, handling: 0.2, onTime: 0.2, median: 0.1 },
			medianTargetHours: 24
		});
		expect(a.score).toBeCloseTo(71, 12);
		expect(medianTimeScore(30, 24)).toBe(80);
		expect(medianTimeScore(10, 24)).toBe(100);
		expect(medianTimeScore(null, 24)).toBe(0);
	});

	it('falls back to Q alone without tickets, and gives no score without Q', () => {
		const none = ticketStats([]);
		const a = assessmentScore(64, none, DEFAULTS);
		expect(a.score).toBeCloseTo(64, 12);
		expect(a.parts.find((p) => p.part === 'q')?.share).toBe(1);
		expect(a.notes[0].en).toContain('No grid tickets');
		expect(assessmentScore(null, ticketStats(TINY), DEFAULTS).score).toBeNull();
	});

	it('scores from tickets alone when Q carries no weight', () => {
		const a = assessmentScore(null, ticketStats(TINY), { ...DEFAULTS, weights: { q: 0, handling: 1, onTime: 1, median: 0 } });
		expect(a.score).toBeCloseTo(70, 12); // (80 + 60) / 2
	});
});
