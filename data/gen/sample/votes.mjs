// @ts-check
/** Owners' vote tallies of the sample district (votes.csv). */

import { clamp, roundTo } from '../../rng.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */

/**
 * Fifteen vote tallies covering the cases of Civil Code art. 278 (docs/sources.md §8): passes, fails on
 * the majority, fails on the 3/4 majority while clearing 1/2, fails the 2/3 participation quorum, and
 * passes by head count but not by area (and the reverse).
 * @param {Rng} rng @param {Estate[]} estates @param {Map<string, number>} fee2025
 */
export function makeVotes(rng, estates, fee2025) {
	/** @typedef {{ motion: (e: Estate) => string, kind: 'ordinary' | 'major', pOwners: number[], pArea?: number[], yOwners: number[], yArea?: number[], pool: (e: Estate) => boolean }} Scenario */
	const perM2 = (/** @type {Estate} */ e) => e.type !== 'public_sold' && !e.luxury;
	const raiseText = (/** @type {Estate} */ e) => {
		const now = fee2025.get(e.id) ?? 1;
		const next = roundTo(now * 1.15, 0.05);
		return `物业费由${now.toFixed(2)}元/㎡·月调整为${next.toFixed(2)}元/㎡·月`;
	};
	/** @type {Scenario[]} */
	const scenarios = [
		{ motion: () => '续聘物业服务企业', kind: 'ordinary', pOwners: [0.74, 0.86], yOwners: [0.62, 0.8], pool: () => true },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.52, 0.56], pool: perM2 },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.38, 0.47], pool: perM2 },
		{ motion: () => '选聘新物业服务企业', kind: 'ordinary', pOwners: [0.72, 0.84], yOwners: [0.58, 0.7], pool: () => true },
		{ motion: () => '解聘现物业服务企业', kind: 'ordinary', pOwners: [0.55, 0.63], yOwners: [0.6, 0.75], pool: () => true },
		{ motion: () => '筹集专项维修资金', kind: 'major', pOwners: [0.78, 0.9], yOwners: [0.8, 0.9], pool: () => true },
		{ motion: () => '筹集专项维修资金', kind: 'major', pOwners: [0.72, 0.82], yOwners: [0.62, 0.72], pool: () => true },
		{ motion: () => '加装电梯改建共用部位', kind: 'major', pOwners: [0.8, 0.92], yOwners: [0.78, 0.88], pool: (e) => !e.elevator },
		{ motion: () => '利用共有部分设置广告位经营', kind: 'major', pOwners: [0.68, 0.76], yOwners: [0.5, 0.66], pool: () => true },
		{ motion: () => '修改管理规约', kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.7, 0.85], pool: () => true },
		{ motion: () => '选举业主委员会委员', kind: 'ordinary', pOwners: [0.68, 0.78], yOwners: [0.55, 0.75], pool: () => true },
		{ motion: () => '绿地改建为停车位', kind: 'major', pOwners: [0.76, 0.84], yOwners: [0.71, 0.74], yArea: [0.77, 0.8], pool: () => true },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.72, 0.8], yOwners: [0.53, 0.56], yArea: [0.46, 0.49], pool: perM2 },
		{ motion: () => '续聘物业服务企业', kind: 'ordinary', pOwners: [0.7, 0.82], yOwners: [0.42, 0.48], pool: () => true },
		{ motion: () => '调整停车管理费', kind: 'ordinary', pOwners: [0.7, 0.8], pArea: [0.64, 0.66], yOwners: [0.6, 0.7], pool: () => true }
	];
	// Estates with an owners' committee: not the 售后公房 (mostly run by the housing office's firm).
	const candidates = rng.shuffle(estates.filter((e) => e.type !== 'public_sold'));
	const rows = [];
	/** Estates used so far, with their owner count (fixed per estate) and motions. @type {Map<string, { owners: number, motions: Set<string> }>} */
	const used = new Map();
	for (const s of scenarios) {
		// Reuse an estate now and then: some estates vote on several motions (never the same one twice).
		const again = used.size > 0 && rng.chance(0.3) ? rng.pick([...used.keys()]) : undefined;
		const fresh = (/** @type {Estate} */ c) => s.pool(c) && (c.id === again ? !used.get(c.id)?.motions.has(s.motion(c)) : !used.has(c.id));
		const e = estates.find((c) => c.id === again && fresh(c)) ?? candidates.find(fresh);
		if (!e) continue;
		const record = used.get(e.id) ?? { owners: Math.round(e.households * rng.u(0.93, 0.99)), motions: new Set() }; // some own several homes
		record.motions.add(s.motion(e));
		used.set(e.id, record);
		const owners = record.owners;
		const area = e.units.reduce((sum, u) => sum + u.size * u.households, 0);
		const pO = rng.u(s.pOwners[0], s.pOwners[1]);
		const pA = s.pArea ? rng.u(s.pArea[0], s.pArea[1]) : clamp(pO + rng.normal(0, 0.015), 0, 1);
		const yO = rng.u(s.yOwners[0], s.yOwners[1]);
		const yA = s.yArea ? rng.u(s.yArea[0], s.yArea[1]) : clamp(yO + rng.normal(0, 0.01), 0, 1);
		const ownersP = Math.round(owners * pO);
		const areaP = Math.round(area * pA * 100) / 100;
		rows.push([
			e.id,
			s.motion(e),
			s.kind,
			String(owners),
			area.toFixed(2),
			String(ownersP),
			areaP.toFixed(2),
			String(Math.round(ownersP * yO)),
			(Math.round(areaP * yA * 100) / 100).toFixed(2)
		]);
	}
	return rows;
}
