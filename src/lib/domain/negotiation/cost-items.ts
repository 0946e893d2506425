/**
 * The ten cost items of the 2007 cost-audit rules (《物业服务定价成本监审办法（试行）》, docs/sources.md §3)
 * as annual amounts in yuan, in their legal order. The codes and names come from the data model, so the
 * budget a user imports and the build-up shown here name the items the same way.
 */
import { COST_ITEM_CODES, COST_ITEMS, type CostItemCode } from '../../data/datasets';
import type { Bilingual } from '../provenance';

/** Annual amount of every cost item, yuan/year. */
export type CostAmounts = Readonly<Record<CostItemCode, number>>;

/** Some cost items, yuan/year (absent items are 0 in a budget, no change in a change list). */
export type PartialCostAmounts = Readonly<Partial<Record<CostItemCode, number>>>;

/** Display name of a cost item: its official Chinese name and an English gloss. */
export function costItemLabel(item: CostItemCode): Bilingual {
	const entry = COST_ITEMS.find((c) => c.value === item);
	// COST_ITEMS covers every code (both are the data model's), so the fallback only guards edits there.
	return entry ? { zh: entry.zh, en: entry.en } : { zh: item, en: item };
}

/**
 * A full budget from a partial one: missing items are 0.
 * @throws RangeError if an amount is negative or not finite (a budget cannot hold a negative cost;
 *   a change list, which can, goes through {@link applyCostChanges}).
 */
export function costAmounts(partial: PartialCostAmounts): CostAmounts {
	const out = {} as Record<CostItemCode, number>;
	for (const item of COST_ITEM_CODES) {
		const v = partial[item] ?? 0;
		if (!Number.isFinite(v) || v < 0) throw new RangeError(`cost item '${item}' must be a finite amount ≥ 0, got ${v}`);
		out[item] = v;
	}
	return out;
}

/** Total annual cost, yuan/year: the sum over the ten items in legal order. */
export function totalCost(costs: PartialCostAmounts): number {
	let sum = 0;
	for (const item of COST_ITEM_CODES) sum += costs[item] ?? 0;
	return sum;
}

/**
 * A budget after changes (yuan/year, + adds cost, − saves it), e.g. a proposal adding two guards.
 * @throws RangeError if a change is not finite or would leave an item below 0: a saving larger than the
 *   item is a mistake in the proposal, and silently flooring it at 0 would hide it.
 */
export function applyCostChanges(base: PartialCostAmounts, changes: PartialCostAmounts): CostAmounts {
	const out = {} as Record<CostItemCode, number>;
	for (const item of COST_ITEM_CODES) {
		const delta = changes[item] ?? 0;
		if (!Number.isFinite(delta)) throw new RangeError(`change to cost item '${item}' must be finite, got ${delta}`);
		const v = (base[item] ?? 0) + delta;
		// Tolerate float dust from e.g. 0.1 + 0.2 − 0.3: a cut of exactly the item's amount must give 0.
		if (v < -1e-9) throw new RangeError(`change ${delta} to cost item '${item}' leaves it below 0 (${base[item] ?? 0} + ${delta})`);
		out[item] = Math.max(0, v);
	}
	return out;
}
