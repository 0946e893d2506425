// @ts-check
/**
 * Fee ranges and the illustrative guide-price ladder both generators set fees from, so the sample district and
 * the benchmark city charge alike for the same quality.
 */

/** @typedef {import('./estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('./estate-kinds.mjs').BuildingType} BuildingType */

/** Fee ranges per m² (元/㎡·月) by type and building, from docs/sources.md §3, 7 and 10. */
export const FEE_RANGES = {
	relocation: { multi: [0.4, 0.7], high: [0.8, 1.2] },
	commercial: { multi: [0.9, 2.2], high: [1.2, 3.0], luxury: [3.5, 6.0] },
	mixed: { multi: [0.55, 1.2], high: [0.9, 1.9] },
	/** 售后公房 per household (元/户·月), docs/sources.md §3. */
	public_sold: { perHousehold: [10.5, 24] }
};

/**
 * Guide price of the grade a composite Q earns (grades of docs/sources.md §5 [E]) on the illustrative
 * five-level ladder of section 4 [E, not official]: high-rise 2.30/1.90/1.50/1.10/0.70, multi-storey
 * 1.50/1.20/0.90/0.60/0.40. @param {BuildingType} building @param {number} q
 */
export function gradePrice(building, q) {
	const grade = q >= 90 ? 0 : q >= 80 ? 1 : q >= 70 ? 2 : q >= 60 ? 3 : 4;
	return (building === 'high' ? [2.3, 1.9, 1.5, 1.1, 0.7] : [1.5, 1.2, 0.9, 0.6, 0.4])[grade];
}

/** The fee range an estate must stay in. @param {{ type: EstateType, building: BuildingType, luxury: boolean }} e @returns {[number, number]} */
export function feeRange(e) {
	if (e.type === 'public_sold') return /** @type {[number, number]} */ (FEE_RANGES.public_sold.perHousehold);
	if (e.type === 'commercial' && e.luxury) return /** @type {[number, number]} */ (FEE_RANGES.commercial.luxury);
	return /** @type {[number, number]} */ (FEE_RANGES[e.type][e.building]);
}
