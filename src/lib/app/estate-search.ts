/**
 * Finding an estate by what a person types: its id, part of its name, or the pinyin of its name, either the
 * initials ("ljhy" for 临江花园) or the full syllables ("linjiang"). Pure: the pinyin comes in as a function, so
 * the matcher can be tested without the dictionary and the page loads the dictionary only when a search starts.
 * Rules: docs/sources.md §16.
 */

/** What the search needs of an estate. */
export interface Searchable {
	id: string;
	name: string;
	subdistrict: string | null;
}

/** The pinyin of a name as lower-case initials and full syllables, letters and digits only. */
export type PinyinOf = (name: string) => { initials: string; full: string };

interface Entry<T extends Searchable> {
	item: T;
	id: string;
	name: string;
	initials: string;
	full: string;
}

/** The estates with their search keys, built once per list. */
export interface EstateIndex<T extends Searchable> {
	entries: Entry<T>[];
}

const fold = (s: string) => s.toLowerCase().replace(/[\s·・\-_]+/g, '');

export function buildIndex<T extends Searchable>(items: readonly T[], pinyinOf: PinyinOf | null): EstateIndex<T> {
	return {
		entries: items.map((item) => {
			const py = pinyinOf ? pinyinOf(item.name) : { initials: '', full: '' };
			return { item, id: item.id.toLowerCase(), name: fold(item.name), initials: py.initials, full: py.full };
		})
	};
}

/**
 * How well an entry matches (lower is better; null: no match). An exact id beats everything, then the starts
 * of id, name and pinyin, then matches inside them.
 */
function rank(e: Entry<Searchable>, q: string): number | null {
	if (e.id === q) return 0;
	if (e.id.startsWith(q) || e.name.startsWith(q)) return 1;
	if (e.initials.startsWith(q) || e.full.startsWith(q)) return 2;
	if (e.name.includes(q)) return 3;
	if (e.initials.includes(q) || e.full.includes(q)) return 4;
	if (e.id.includes(q)) return 5;
	return null;
}

/** The estates matching `query`, best first (ties by id), at most `limit`. An empty query matches nothing. */
export function searchEstates<T extends Searchable>(index: EstateIndex<T>, query: string, limit = 12): T[] {
	const q = fold(query.trim());
	if (!q) return [];
	const hits: { e: Entry<T>; r: number }[] = [];
	for (const e of index.entries) {
		const r = rank(e, q);
		if (r !== null) hits.push({ e, r });
	}
	hits.sort((a, b) => a.r - b.r || (a.e.item.id < b.e.item.id ? -1 : a.e.item.id > b.e.item.id ? 1 : 0));
	return hits.slice(0, limit).map((h) => h.e.item);
}

let pinyinPromise: Promise<PinyinOf> | null = null;

/**
 * The pinyin function, from the pinyin-pro dictionary (about 140 KB gzipped, bundled with the app: it makes no
 * request to another origin). Loaded on first use and shared.
 */
export function loadPinyin(): Promise<PinyinOf> {
	pinyinPromise ??= import('pinyin-pro').then(({ pinyin }) => (name: string) => {
		const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;
		const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
		return {
			initials: clean(pinyin(name, { ...opts, pattern: 'first' })),
			full: clean(pinyin(name, opts))
		};
	});
	return pinyinPromise;
}
