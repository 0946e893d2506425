/**
 * The k most similar estates ("peers") for one estate, by a stated distance over standardised features.
 *
 * Distance [E, this app's design]:
 * - Building type must match: multi-storey and high-rise estates have different costs and guide prices,
 *   so the other type is never a peer.
 * - Features: age (years), log of chargeable area (size differences matter in ratio, not in m²), and Q.
 *   Each is standardised as z = (x − mean) / sd over the candidate pool (same building type, without the
 *   target; population sd), so one year of age and one point of Q are put on a common scale.
 * - d² = Σ weight_f · (z_f(target) − z_f(candidate))² + (estate type differs ? penalty² : 0).
 *   The estate-type penalty (default 3, as if three standard deviations apart) strongly prefers the same
 *   estate type while still letting a mixed or relocation estate with few same-type peers find some.
 * - A feature the target lacks, or with no spread in the pool, is not used. A candidate lacking a used
 *   feature gets a squared gap of 2: the expected (Δz)² between two random estates, neither near nor far.
 * - Ties are broken by id, so the order is stable.
 */
import type { Bilingual } from './provenance';
import { populationSd } from './stats';
import type { BuildingType, EstateType } from './vocabulary';

/** What the distance needs to know about an estate. */
export interface PeerCandidate {
	id: string;
	estate_type: EstateType;
	building_type: BuildingType;
	/** Years since completion; null when unknown. */
	age: number | null;
	/** Chargeable area, m²; null when unknown. */
	chargeable_area_m2: number | null;
	/** Composite quality score 0-100; null when not assessed. */
	q: number | null;
}

/** The features compared. */
export type PeerFeature = 'age' | 'logArea' | 'q';

/** Knobs of the distance. */
export interface PeerOptions {
	/** How many peers to return. */
	k: number;
	/** Weight of each feature's squared standardised gap. */
	weights: Readonly<Record<PeerFeature, number>>;
	/** Added (squared) when estate types differ, in standard-deviation units. */
	estateTypePenalty: number;
	/** Squared standardised gap charged when a candidate lacks a used feature. */
	missingFeatureGapSquared: number;
}

/** Default distance settings [E]. */
export const DEFAULT_PEER_OPTIONS: PeerOptions = {
	k: 5,
	weights: { age: 1, logArea: 1, q: 1 },
	estateTypePenalty: 3,
	missingFeatureGapSquared: 2
};

/** One peer and how far it is. */
export interface PeerMatch<T extends PeerCandidate = PeerCandidate> {
	candidate: T;
	distance: number;
	/** Standardised gap |Δz| per used feature (√ of the missing-feature charge when the candidate lacks it). */
	gaps: Partial<Record<PeerFeature, number>>;
	sameEstateType: boolean;
}

/** The peer search result. */
export interface PeerSearch<T extends PeerCandidate = PeerCandidate> {
	/** Up to k nearest peers, nearest first. */
	matches: PeerMatch<T>[];
	/** Candidates of the same building type (without the target) that were ranked. */
	poolSize: number;
	/** Candidates left out for being another building type. */
	excludedOtherBuildingType: number;
	/** Features that entered the distance. */
	featuresUsed: PeerFeature[];
	/** Features not used, and why. */
	notes: Bilingual[];
}

const FEATURE_NAMES: Readonly<Record<PeerFeature, Bilingual>> = {
	age: { zh: '房龄', en: 'age' },
	logArea: { zh: '计费面积（对数）', en: 'chargeable area (log)' },
	q: { zh: '质量分 Q', en: 'quality Q' }
};

/** A feature's value, or null when unknown or unusable (log needs a positive area). */
function featureOf(c: PeerCandidate, f: PeerFeature): number | null {
	const v = f === 'age' ? c.age : f === 'q' ? c.q : c.chargeable_area_m2;
	if (typeof v !== 'number' || !Number.isFinite(v)) return null;
	if (f === 'logArea') return v > 0 ? Math.log(v) : null;
	return v;
}

/**
 * The k most similar estates to `target` among `candidates` (the target itself, matched by id, is skipped).
 * See the module comment for the distance.
 */
export function findPeers<T extends PeerCandidate>(
	target: PeerCandidate,
	candidates: readonly T[],
	options: PeerOptions = DEFAULT_PEER_OPTIONS
): PeerSearch<T> {
	const others = candidates.filter((c) => c.id !== target.id);
	const pool = others.filter((c) => c.building_type === target.building_type);
	const notes: Bilingual[] = [];

	// z(target) − z(candidate) = (x_target − x_candidate) / sd: the pool mean cancels, only sd is needed.
	const used: { feature: PeerFeature; sd: number; weight: number; targetValue: number }[] = [];
	for (const feature of ['age', 'logArea', 'q'] as const) {
		const weight = options.weights[feature];
		const targetValue = featureOf(target, feature);
		const values = pool.map((c) => featureOf(c, feature)).filter((v): v is number => v !== null);
		const sd = populationSd(values);
		const name = FEATURE_NAMES[feature];
		if (!(weight > 0)) continue;
		if (targetValue === null) {
			notes.push({ zh: `本小区缺少${name.zh}，未用于匹配。`, en: `This estate has no ${name.en}: not used for matching.` });
		} else if (!(sd > 0)) {
			notes.push({ zh: `候选小区的${name.zh}没有差异，未用于匹配。`, en: `Candidates do not vary in ${name.en}: not used for matching.` });
		} else {
			used.push({ feature, sd, weight, targetValue });
		}
	}

	const ranked = pool.map((candidate): PeerMatch<T> => {
		const gaps: Partial<Record<PeerFeature, number>> = {};
		let d2 = 0;
		for (const u of used) {
			const v = featureOf(candidate, u.feature);
			const gap2 = v === null ? options.missingFeatureGapSquared : ((u.targetValue - v) / u.sd) ** 2;
			gaps[u.feature] = Math.sqrt(gap2);
			d2 += u.weight * gap2;
		}
		const sameEstateType = candidate.estate_type === target.estate_type;
		if (!sameEstateType) d2 += options.estateTypePenalty ** 2;
		return { candidate, distance: Math.sqrt(d2), gaps, sameEstateType };
	});
	ranked.sort((a, b) => a.distance - b.distance || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));

	return {
		matches: ranked.slice(0, Math.max(0, Math.floor(options.k))),
		poolSize: pool.length,
		excludedOtherBuildingType: others.length - pool.length,
		featuresUsed: used.map((u) => u.feature),
		notes
	};
}
