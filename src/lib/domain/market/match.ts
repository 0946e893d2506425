/**
 * Own estates matched to listings (docs/sources.md §14.3): by normalised name, and by area when both have one.
 * A user's correction wins: an override names the listing (by its key) or says "no match" (null).
 */
import { estateNameLooseKey } from '../names/normalise';
import { normaliseName } from './scale';

export interface MatchableListing {
	readonly name: string;
	readonly area: string | null;
}

/** A stable key of a listing: normalised name and area. */
export function listingKey(l: MatchableListing): string {
	return `${normaliseName(l.name)}|${l.area ? normaliseName(l.area) : ''}`;
}

export type MatchOverrides = Readonly<Record<string, string | null>>;

/** How an estate got its listing: found by name (and area), set by the user, or none. */
export interface EstateMatch<L> {
	readonly listing: L | null;
	readonly how: 'name_area' | 'name' | 'user' | 'none' | 'undone';
}

/**
 * The listing of an own estate: a user override first; else the one listing whose normalised name equals
 * the estate's (or, when none does, whose name differs only in how its numerals are written) and whose area equals the estate's area when both are known; a name found in two areas with
 * no area to decide is not matched (ambiguous).
 */
export function matchEstate<L extends MatchableListing>(
	estate: { id: string; name: string; area?: string | null },
	listings: readonly L[],
	overrides: MatchOverrides = {}
): EstateMatch<L> {
	if (Object.hasOwn(overrides, estate.id)) {
		const key = overrides[estate.id];
		if (key === null) return { listing: null, how: 'undone' };
		const l = listings.find((x) => listingKey(x) === key);
		return l ? { listing: l, how: 'user' } : { listing: null, how: 'none' };
	}
	const name = normaliseName(estate.name);
	const exact = listings.filter((l) => normaliseName(l.name) === name);
	// 锦馨1村 on the site for 锦馨一村 here: the same name with its numerals written the other way (docs/sources.md §18.5).
	const loose = exact.length > 0 ? '' : estateNameLooseKey(estate.name);
	const same = exact.length > 0 ? exact : listings.filter((l) => estateNameLooseKey(l.name) === loose);
	if (same.length === 0) return { listing: null, how: 'none' };
	if (estate.area) {
		const area = normaliseName(estate.area);
		const inArea = same.filter((l) => l.area && normaliseName(l.area) === area);
		if (inArea.length === 1) return { listing: inArea[0], how: 'name_area' };
		if (inArea.length > 1) return { listing: null, how: 'none' };
	}
	return same.length === 1 ? { listing: same[0], how: 'name' } : { listing: null, how: 'none' };
}
