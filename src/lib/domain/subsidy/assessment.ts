/**
 * The assessment score that decides a relocation estate's reward (考核, docs/sources.md §1 and §9): the quality
 * score Q together with how the estate's grid-management tickets (网格工单) were handled in the year.
 *
 * Per estate and year (tickets belong to the year they were opened):
 * - opened = tickets opened (problems found); closed = those with a close time (closed at any time since);
 * - handling rate = closed ÷ opened;
 * - on-time rate = closed within the category's time limit ÷ opened;
 * - median hours to close, over the closed tickets;
 * - score = weighted mean of Q, 100 × handling rate, 100 × on-time rate and (optionally) a median-time score.
 *
 * The same rules are written in SQL in src/lib/queries/subsidy.ts; a test holds the two to 1e-9.
 */
import type { Bilingual } from '../provenance';
import { formatFigure } from '../format';
import { median } from '../stats';

/**
 * Ticket categories, as stored in the tickets table (the data layer's TICKET_CATEGORIES; repeated here so the
 * domain stays free of the data layer, and a test checks the two lists are equal).
 */
export const SUBSIDY_TICKET_CATEGORIES = [
	'repair',
	'cleaning',
	'order',
	'greening',
	'facilities',
	'illegal_building',
	'group_renting',
	'arrears',
	'other'
] as const;
/** One ticket category code. */
export type SubsidyTicketCategory = (typeof SUBSIDY_TICKET_CATEGORIES)[number];

/** Display names of the ticket categories (as the data layer names them). */
export const TICKET_CATEGORY_LABELS: Readonly<Record<SubsidyTicketCategory, Bilingual>> = {
	repair: { zh: '房屋报修', en: 'Repair' },
	cleaning: { zh: '环境卫生', en: 'Cleaning' },
	order: { zh: '秩序治安', en: 'Order and security' },
	greening: { zh: '绿化', en: 'Greening' },
	facilities: { zh: '设施设备', en: 'Facilities' },
	illegal_building: { zh: '违法建筑', en: 'Illegal building' },
	group_renting: { zh: '群租', en: 'Group renting' },
	arrears: { zh: '欠缴物业费', en: 'Fee arrears' },
	other: { zh: '其他', en: 'Other' }
};

/**
 * Default time limit per category, in hours, within which a ticket counts as handled on time [E]: urgent
 * everyday problems (cleaning, order) a day, repairs two days, greening and facilities three days, enforcement
 * matters (illegal building, group renting) a week, fee arrears a month.
 */
export const DEFAULT_TIME_LIMITS_HOURS: Readonly<Record<SubsidyTicketCategory, number>> = {
	repair: 48,
	cleaning: 24,
	order: 24,
	greening: 72,
	facilities: 72,
	illegal_building: 168,
	group_renting: 168,
	arrears: 720,
	other: 72
};

/** Weights of the parts of the assessment score (any non-negative scale; normalised over the parts present). */
export interface AssessmentWeights {
	/** Quality score Q (0-100). */
	q: number;
	/** 100 × handling rate. */
	handling: number;
	/** 100 × on-time rate. */
	onTime: number;
	/** Median-time score: 100 when the median time to close is within the target, else 100 × target ÷ median. */
	median: number;
}

/** Default weights [E]: Q 60 %, handling 20 %, on-time 20 %; the median time is shown but not scored. */
export const DEFAULT_ASSESSMENT_WEIGHTS: Readonly<AssessmentWeights> = { q: 0.6, handling: 0.2, onTime: 0.2, median: 0 };

/** Default target for the median time to close, in hours [E] (the repair limit). */
export const DEFAULT_MEDIAN_TARGET_HOURS = 48;

/** A ticket as the assessment needs it: timestamps as canonical text 'YYYY-MM-DD HH:MM:SS' (naive local time). */
export interface TicketLike {
	category: string;
	opened_at: string;
	closed_at: string | null;
}

const TS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Seconds since 1970 of a naive timestamp, read as if UTC (the text carries no zone; differences are then exact
 * whole seconds, as DuckDB's date_diff('second', …) gives them).
 * @throws RangeError for text that is not 'YYYY-MM-DD HH:MM:SS'.
 */
export function timestampSeconds(text: string): number {
	const m = TS.exec(text);
	if (!m) throw new RangeError(`not a timestamp 'YYYY-MM-DD HH:MM:SS': ${text}`);
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
}

/** Year a ticket belongs to: the year it was opened. */
export function ticketYear(t: TicketLike): number {
	return Number(t.opened_at.slice(0, 4));
}

/**
 * The time limit of a category in seconds: the given limit, else the default, else the limit of 'other'.
 * Seconds (limit hours × 3600, computed here and written into the SQL as the same double) so that the on-time test
 * compares whole seconds on both sides.
 */
export function timeLimitSeconds(category: string, limitsHours: Readonly<Partial<Record<string, number>>> = {}): number {
	const h =
		limitsHours[category] ??
		(DEFAULT_TIME_LIMITS_HOURS as Record<string, number>)[category] ??
		limitsHours.other ??
		DEFAULT_TIME_LIMITS_HOURS.other;
	return h * 3600;
}

/** The complete time-limit table: the given limits over the defaults (what the SQL receives). */
export function timeLimitsTable(limitsHours: Readonly<Partial<Record<string, number>>> = {}): Record<SubsidyTicketCategory, number> {
	const out = {} as Record<SubsidyTicketCategory, number>;
	for (const c of SUBSIDY_TICKET_CATEGORIES) out[c] = limitsHours[c] ?? DEFAULT_TIME_LIMITS_HOURS[c];
	return out;
}

/** What the tickets of one estate and year say. */
export interface TicketStats {
	opened: number;
	closed: number;
	/** Closed within the category's time limit. */
	onTime: number;
	/** closed ÷ opened; null without tickets. */
	handlingRate: number | null;
	/** onTime ÷ opened; null without tickets. */
	onTimeRate: number | null;
	/** Median hours from opening to closing over the closed tickets; null when none is closed. */
	medianHours: number | null;
}

/** Ticket figures for a set of tickets (usually one estate's tickets of one year). */
export function ticketStats(tickets: readonly TicketLike[], limitsHours: Readonly<Partial<Record<string, number>>> = {}): TicketStats {
	let closed = 0;
	let onTime = 0;
	const hours: number[] = [];
	for (const t of tickets) {
		if (t.closed_at === null) continue;
		closed++;
		const secs = timestampSeconds(t.closed_at) - timestampSeconds(t.opened_at);
		if (secs <= timeLimitSeconds(t.category, limitsHours)) onTime++;
		hours.push(secs / 3600);
	}
	const opened = tickets.length;
	return {
		opened,
		closed,
		onTime,
		handlingRate: opened > 0 ? closed / opened : null,
		onTimeRate: opened > 0 ? onTime / opened : null,
		medianHours: hours.length > 0 ? median(hours) : null
	};
}

/** Tickets grouped by the year they were opened. */
export function ticketsByYear<T extends TicketLike>(tickets: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const t of tickets) {
		const y = ticketYear(t);
		const list = out.get(y);
		if (list) list.push(t);
		else out.set(y, [t]);
	}
	return out;
}

/**
 * Median-time score: 100 when the median time to close is within the target, 100 × target ÷ median above it,
 * 0 when tickets were opened but none closed (the median time is then unbounded).
 */
export function medianTimeScore(medianHours: number | null, targetHours: number): number {
	if (medianHours === null) return 0;
	if (medianHours <= targetHours) return 100;
	return (100 * targetHours) / medianHours;
}

/** The assessment settings: weights, time limits, median target. */
export interface AssessmentSettings {
	weights: AssessmentWeights;
	timeLimitsHours: Partial<Record<string, number>>;
	medianTargetHours: number;
}

/** One part of the assessment score, for display. */
export interface AssessmentPart {
	part: keyof AssessmentWeights;
	/** The part on 0-100; null when it could not be measured (no Q, no tickets). */
	value: number | null;
	/** Declared weight. */
	weight: number;
	/** Share in the score after leaving out the parts not measured (0 when left out). */
	share: number;
}

/** An assessment score with its inputs. */
export interface AssessmentScore {
	/** 0-100, or null (no Q while Q is weighted; nothing measured). */
	score: number | null;
	q: number | null;
	tickets: TicketStats;
	parts: AssessmentPart[];
	notes: Bilingual[];
}

/**
 * The assessment score from Q and the year's ticket figures:
 *   score = (w_q·Q + w_h·100·handling + w_t·100·on-time + w_m·median score) ÷ (w_q + w_h + w_t + w_m),
 * with the ticket parts left out (and the weights re-normalised) when no ticket was opened. Q is the assessment of
 * record: while it carries weight, a missing Q gives no score. Clamped to 0-100 (float rounding only).
 * The operations and their order are those of the SQL, so both give the same doubles.
 */
export function assessmentScore(q: number | null, tickets: TicketStats, settings: AssessmentSettings): AssessmentScore {
	const w = settings.weights;
	const hasTickets = tickets.opened > 0;
	const h = tickets.handlingRate;
	const t = tickets.onTimeRate;
	const m = hasTickets ? medianTimeScore(tickets.medianHours, settings.medianTargetHours) : null;
	const notes: Bilingual[] = [];
	let score: number | null;
	let den: number;
	if (w.q > 0 && q === null) {
		score = null;
		den = 0;
		notes.push({
			zh: '该年度没有服务质量得分 Q：无法计算考核得分。',
			en: 'No quality score Q for the year: no assessment score.'
		});
	} else if (hasTickets) {
		den = w.q + w.handling + w.onTime + w.median;
		const num = w.q * (q ?? 0) + w.handling * (100 * (h as number)) + w.onTime * (100 * (t as number)) + w.median * (m as number);
		score = den > 0 ? Math.min(100, Math.max(0, num / den)) : null;
	} else {
		den = w.q;
		score = den > 0 ? Math.min(100, Math.max(0, (w.q * (q as number)) / den)) : null;
		if (w.handling + w.onTime + w.median > 0) {
			notes.push({
				zh: '该年度没有网格工单：处置率与及时率不计分，权重并入 Q。',
				en: 'No grid tickets in the year: handling and on-time rates are not scored; their weight goes to Q.'
			});
		}
	}
	const value = { q, handling: h === null ? null : 100 * h, onTime: t === null ? null : 100 * t, median: m };
	const parts: AssessmentPart[] = (['q', 'handling', 'onTime', 'median'] as const).map((part) => {
		const measured = part === 'q' ? q !== null : hasTickets;
		return {
			part,
			value: value[part],
			weight: w[part],
			share: measured && den > 0 && score !== null ? w[part] / den : 0
		};
	});
	if (hasTickets && tickets.medianHours !== null && w.median === 0) {
		notes.push({
			zh: `结单时间中位数 ${formatFigure(tickets.medianHours, 3)} 小时（仅展示，未计分）。`,
			en: `Median time to close ${formatFigure(tickets.medianHours, 3)} hours (shown, not scored).`
		});
	}
	return { score, q, tickets, parts, notes };
}

/** Display names of the assessment parts. */
export const ASSESSMENT_PART_LABELS: Readonly<Record<keyof AssessmentWeights, Bilingual>> = {
	q: { zh: '服务质量得分 Q', en: 'Quality score Q' },
	handling: { zh: '处置率', en: 'Handling rate' },
	onTime: { zh: '按时处置率', en: 'On-time rate' },
	median: { zh: '结单时间得分', en: 'Time-to-close score' }
};
