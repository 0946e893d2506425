/**
 * Names to estates (docs/sources.md §18.5): a row that names an estate gets its id only when exactly one known
 * estate has the same name key (and the same subdistrict, or district, when both sides have one). Anything else
 * is listed once per distinct name with the closest candidates; nothing is joined on a guess. The user's
 * answer (an id, or null for "no such estate") wins.
 */
import { estateNameKey, estateNameLooseKey, estateNameStem, nameParts, placeKey } from './normalise';

/** An estate a name can resolve to. */
export interface KnownEstate {
	readonly id: string;
	readonly name: string;
	readonly subdistrict?: string | null;
	readonly district?: string | null;
}

/** A name as a row writes it, with the place it gives (if any). */
export interface NameQuery {
	readonly name: string;
	readonly subdistrict?: string | null;
	readonly district?: string | null;
}

/** How a name resolved. */
export type NameMatch =
	| { readonly kind: 'matched'; readonly id: string; readonly how: 'name' | 'name_place' | 'user'; readonly numerals?: KnownEstate }
	| { readonly kind: 'ambiguous'; readonly candidates: readonly KnownEstate[] }
	| { readonly kind: 'unmatched'; readonly candidates: readonly KnownEstate[] }
	| { readonly kind: 'refused' };

/** The user's answers: query key ({@link queryKey}) → estate id, or null for "not one of ours". */
export type NameAnswers = Readonly<Record<string, string | null>>;

/** The key of a query: its name key and place key, as answers are stored. */
export function queryKey(q: NameQuery): string {
	return `${estateNameKey(q.name)}|${placeKey(q.subdistrict ?? q.district)}`;
}

/** An index of known estates by name key and by stem, built once for many queries. */
export class EstateNameIndex {
	private readonly byKey = new Map<string, KnownEstate[]>();
	private readonly byStem = new Map<string, KnownEstate[]>();
	private readonly byLooseKey = new Map<string, KnownEstate[]>();
	constructor(readonly estates: readonly KnownEstate[]) {
		for (const e of estates) {
			push(this.byKey, estateNameKey(e.name), e);
			push(this.byLooseKey, estateNameLooseKey(e.name), e);
			push(this.byStem, estateNameStem(e.name), e);
		}
	}

	/** Resolves one name (see the module comment). */
	match(q: NameQuery, answers: NameAnswers = {}): NameMatch {
		const qk = queryKey(q);
		if (Object.hasOwn(answers, qk)) {
			const id = answers[qk];
			return id === null ? { kind: 'refused' } : { kind: 'matched', id, how: 'user' };
		}
		const same = this.byKey.get(estateNameKey(q.name)) ?? [];
		const placed = narrowByPlace(same, q);
		if (placed.length === 1) return { kind: 'matched', id: placed[0].id, how: hasPlace(q, placed[0]) ? 'name_place' : 'name' };
		if (placed.length > 1) return { kind: 'ambiguous', candidates: placed };
		// 锦馨1村 for 锦馨一村: the same name with its numerals written the other way (reported with the match).
		const loose = narrowByPlace(this.byLooseKey.get(estateNameLooseKey(q.name)) ?? [], q);
		if (loose.length === 1) return { kind: 'matched', id: loose[0].id, how: hasPlace(q, loose[0]) ? 'name_place' : 'name', numerals: loose[0] };
		if (loose.length > 1) return { kind: 'ambiguous', candidates: loose };
		return { kind: 'unmatched', candidates: this.closest(q) };
	}

	/** Up to `n` estates closest to a name: other phases of it, the same stem, then by edit distance of the keys. */
	closest(q: NameQuery, n = 3): KnownEstate[] {
		const key = estateNameKey(q.name);
		const base = nameParts(q.name).base;
		const phases = this.estates.filter((e) => nameParts(e.name).base === base);
		const stem = this.byStem.get(estateNameStem(q.name)) ?? [];
		const scored = this.estates
			.map((e) => ({ e, d: editDistance(key, estateNameKey(e.name)) }))
			.filter((x) => x.d <= Math.max(1, Math.floor(key.length / 3)))
			.sort((a, b) => a.d - b.d || a.e.id.localeCompare(b.e.id));
		return [...new Set([...phases, ...stem, ...scored.map((x) => x.e)])].slice(0, n);
	}
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
	const list = m.get(k);
	if (list) list.push(v);
	else m.set(k, [v]);
}

function hasPlace(q: NameQuery, e: KnownEstate): boolean {
	return (!!q.subdistrict && !!e.subdistrict) || (!!q.district && !!e.district);
}

/** Estates of the same name narrowed by subdistrict (then district) where both sides have one. */
function narrowByPlace(same: readonly KnownEstate[], q: NameQuery): readonly KnownEstate[] {
	let list = same;
	for (const field of ['subdistrict', 'district'] as const) {
		const want = placeKey(q[field]);
		if (!want) continue;
		// An estate without the place stays in: only a different place rules it out.
		list = list.filter((e) => !placeKey(e[field]) || placeKey(e[field]) === want);
	}
	return list;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const cur = [i];
		for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		prev = cur;
	}
	return prev[y.length];
}

/** One distinct name that did not resolve, listed once however many rows carry it. */
export interface NameIssue {
	readonly key: string;
	readonly name: string;
	readonly subdistrict: string | null;
	readonly kind: 'ambiguous' | 'unmatched';
	readonly candidates: readonly KnownEstate[];
	/** Source rows carrying the name (row numbers as the user sees them). */
	readonly rows: readonly number[];
}

/** A name the person answered "not one of ours": its rows are left out of the import. */
export interface RefusedName {
	readonly name: string;
	readonly subdistrict: string | null;
	/** Indices of the rows carrying it (positions in the queries, not source row numbers). */
	readonly at: readonly number[];
}

/** A name matched to an estate written with its numerals the other way (锦馨1村 for 锦馨一村), said once per name. */
export interface NumeralMatch {
	readonly name: string;
	readonly estate: KnownEstate;
	/** Source row number of its first row. */
	readonly row: number;
	readonly rows: number;
}

/**
 * Resolves every row's name: ids (null where unresolved or refused), the issues, one per distinct name, the names
 * refused, and the names matched by their numerals. `rows` are the source row numbers, for the issues.
 */
export function resolveNames(
	queries: readonly NameQuery[],
	rows: readonly number[],
	index: EstateNameIndex,
	answers: NameAnswers = {}
): { ids: (string | null)[]; issues: NameIssue[]; refused: RefusedName[]; numerals: NumeralMatch[] } {
	const cache = new Map<string, NameMatch>();
	const numerals = new Map<string, { name: string; estate: KnownEstate; row: number; rows: number }>();
	const issues = new Map<string, { issue: NameIssue; rows: number[] }>();
	const refused = new Map<string, { name: string; subdistrict: string | null; at: number[] }>();
	const ids = queries.map((q, i) => {
		const k = queryKey(q);
		let m = cache.get(k);
		if (!m) cache.set(k, (m = index.match(q, answers)));
		if (m.kind === 'matched') {
			if (m.numerals) {
				const seen = numerals.get(k);
				if (seen) seen.rows++;
				else numerals.set(k, { name: q.name, estate: m.numerals, row: rows[i], rows: 1 });
			}
			return m.id;
		}
		if (m.kind === 'refused') {
			let entry = refused.get(k);
			if (!entry) refused.set(k, (entry = { name: q.name, subdistrict: q.subdistrict ?? q.district ?? null, at: [] }));
			entry.at.push(i);
			return null;
		}
		if (m.kind === 'ambiguous' || m.kind === 'unmatched') {
			let entry = issues.get(k);
			if (!entry) {
				entry = { issue: { key: k, name: q.name, subdistrict: q.subdistrict ?? q.district ?? null, kind: m.kind, candidates: m.candidates, rows: [] }, rows: [] };
				issues.set(k, entry);
			}
			entry.rows.push(rows[i]);
		}
		return null;
	});
	return { ids, issues: [...issues.values()].map((e) => ({ ...e.issue, rows: e.rows })), refused: [...refused.values()], numerals: [...numerals.values()] };
}
