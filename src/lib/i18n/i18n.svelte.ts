import { en, zh, type MessageKey } from './messages';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'zhijia.lang';

function initialLang(): Lang {
	try {
		return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
	} catch {
		return 'zh-CN';
	}
}

/** The interface language; Chinese unless the user chose English (remembered in localStorage). */
export const i18n = $state<{ lang: Lang }>({ lang: 'zh-CN' });

/** Reads the remembered choice; call once on the client. */
export function restoreLang(): void {
	i18n.lang = initialLang();
	document.documentElement.lang = i18n.lang;
}

export function setLang(lang: Lang): void {
	i18n.lang = lang;
	document.documentElement.lang = lang;
	try {
		localStorage.setItem(STORAGE_KEY, lang);
	} catch {
		// Private mode may refuse storage; the switch still works for this visit.
	}
}

/** Translates a key, filling {name} placeholders. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
	let s: string = i18n.lang === 'en' ? en[key] : zh[key];
	if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
	return s;
}

/** The source text of a default in the current language (domain provenance or a catalogue). */
export function src(p: { source: string; source_zh?: string }): string {
	return i18n.lang === 'en' ? p.source : (p.source_zh ?? p.source);
}

/** Picks the current language from a domain label ({zh, en}). */
export function dl(label: { zh: string; en: string }): string {
	return i18n.lang === 'en' ? label.en : label.zh;
}
