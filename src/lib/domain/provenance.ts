/**
 * Where a default figure comes from. Every shipped default carries one of these as data so the UI can
 * show its source next to the number, and so a user-entered replacement is marked as such.
 */

/**
 * Evidence tag, as defined in the method notes (docs/sources.md, 《质价方法与来源说明》 §2):
 * - `V`      seen in a public source (often a secondary copy: check the official text before legal use)
 * - `V-calc` computed from such a source
 * - `M`      widely known but not re-checked
 * - `E`      an estimate or design proposal of this app
 * - `user`   entered by the user, replacing a default
 */
export type ProvenanceTag = 'V' | 'V-calc' | 'M' | 'E' | 'user';

/** A short text in both app languages. */
export interface Bilingual {
	zh: string;
	en: string;
}

/** The two languages the app speaks. */
export type Lang = keyof Bilingual;

/** The origin of one figure or set of figures. */
export interface Provenance {
	tag: ProvenanceTag;
	/** Source text (English): the document, table or reasoning the figure comes from. */
	source: string;
	/** The source text in Chinese; `source` stands in where absent (e.g. user or imported records). */
	source_zh?: string;
	/** Caveats the user should see with the figure (English). */
	note?: string;
	/** The caveats in Chinese; `note` stands in where absent. */
	note_zh?: string;
}

/** The source text of a record in one language: Chinese when given, else the English `source`. */
export function sourceText(p: Pick<Provenance, 'source' | 'source_zh'>, lang: Lang): string {
	return lang === 'zh' && p.source_zh ? p.source_zh : p.source;
}

/** The note of a record in one language (Chinese when given, else `note`); undefined when there is none. */
export function noteText(p: Pick<Provenance, 'note' | 'note_zh'>, lang: Lang): string | undefined {
	return lang === 'zh' && p.note_zh ? p.note_zh : p.note;
}

/** What each tag means, for a legend beside sourced figures. */
export const PROVENANCE_TAG_LABELS: Readonly<Record<ProvenanceTag, Bilingual>> = {
	V: { zh: '公开来源所见（使用前请核对官方原文）', en: 'Seen in a public source (check the official text)' },
	'V-calc': { zh: '依公开来源计算', en: 'Computed from a public source' },
	M: { zh: '通行说法，未复核', en: 'Widely known, not re-checked' },
	E: { zh: '估计或本应用的设计建议', en: 'Estimate or design proposal of this app' },
	user: { zh: '用户自填', en: 'Entered by the user' }
};

/** Provenance for a figure the user typed in place of a default. */
export function userProvenance(note?: string): Provenance {
	const base: Provenance = { tag: 'user', source: 'user-entered', source_zh: '用户自填' };
	return note === undefined ? base : { ...base, note };
}

/** Pick the text of a bilingual label in one language. */
export function pick(text: Bilingual, lang: Lang): string {
	return text[lang];
}
