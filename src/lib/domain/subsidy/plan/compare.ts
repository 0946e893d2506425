/** Two or three policy variants side by side. */
import { fenToYuan, sumFen } from '../../money';
import type { Plan } from './rows';
import { compareIds } from './budget';

/** Two or three plans side by side. */
export interface PlanComparison {
	variants: { label: string; policyId: string }[];
	/** Per plan year: each variant's requested, paid and cap (missing year: null). */
	years: { year: number; byVariant: ({ requested: number; paid: number; cap: number | null } | null)[] }[];
	/** Per estate: each variant's total base paid, reward paid and paid over its years. */
	estates: { estate_id: string; name: string; byVariant: ({ base_paid: number; reward_paid: number; paid: number } | null)[] }[];
	/** Each variant's totals over all years. */
	overall: { requested: number; paid: number }[];
}

/**
 * Labels made unique in order: a repeated label gets " (2)", " (3)", … so that a chart or table keyed by label can
 * never merge two variants into one series.
 */
export function uniqueLabels(labels: readonly string[]): string[] {
	const used = new Set<string>();
	return labels.map((l) => {
		let out = l;
		for (let i = 2; used.has(out); i++) out = `${l} (${i})`;
		used.add(out);
		return out;
	});
}

/** Compare plans (typically two or three policy variants over the same estates); labels are made unique. */
export function comparePlans(variants: readonly { label: string; plan: Plan }[]): PlanComparison {
	const labels = uniqueLabels(variants.map((v) => v.label));
	const years = [...new Set(variants.flatMap((v) => v.plan.totals.map((t) => t.year)))].sort((a, b) => a - b);
	const ids = new Map<string, string>();
	for (const v of variants) for (const r of v.plan.rows) ids.set(r.estate_id, r.name);
	return {
		variants: variants.map((v, i) => ({ label: labels[i], policyId: v.plan.policyId })),
		years: years.map((year) => ({
			year,
			byVariant: variants.map((v) => {
				const t = v.plan.totals.find((x) => x.year === year);
				return t ? { requested: t.requested, paid: t.paid, cap: t.cap } : null;
			})
		})),
		estates: [...ids.entries()]
			.sort((a, b) => compareIds(a[0], b[0]))
			.map(([estate_id, name]) => ({
				estate_id,
				name,
				byVariant: variants.map((v) => {
					const rs = v.plan.rows.filter((r) => r.estate_id === estate_id);
					if (rs.length === 0) return null;
					return {
						base_paid: fenToYuan(sumFen(rs.map((r) => r.base_paid_fen))),
						reward_paid: fenToYuan(sumFen(rs.map((r) => r.reward_paid_fen))),
						paid: fenToYuan(sumFen(rs.map((r) => r.paid_fen)))
					};
				})
			})),
		overall: variants.map((v) => ({
			requested: fenToYuan(sumFen(v.plan.totals.map((t) => t.requested_fen))),
			paid: fenToYuan(sumFen(v.plan.totals.map((t) => t.paid_fen)))
		}))
	};
}
