/**
 * The one estate a sheet is about, named in its title (docs/sources.md §18.5): a property firm's cost sheet, a
 * facility ledger or a fund statement of one estate has no estate column, only a title such as
 * 锦馨一村2024年度物业服务成本明细. The estate is found by its name inside the title among the estates known; failing
 * that, the title's likely name is asked like any unmatched name. Nothing is joined on a guess.
 */
import type { KnownEstate } from './match';
import { foldName, GENERIC_SUFFIX } from './normalise';

/** A name or a title folded as names are ({@link foldName}), its brackets dropped too. */
function clean(s: string): string {
	return foldName(s).replace(/[()[\]【】《》<>]/g, '');
}

/** A phase or a part right after a name makes it another estate (梅澜公寓二期 is not 梅澜公寓). */
const PHASE_AFTER = /^(第?[一二三四五六七八九十\d]+[期区]|[东南西北中][区片])/;

/**
 * The name of the known estate a title names (the longest name found in the first title line that holds one, not
 * followed by a phase), or undefined. Two estates of that name (in different subdistricts) give the name once: the
 * caller's name matching then asks which.
 */
export function estateNameInTitle(titleLines: readonly string[], known: readonly KnownEstate[]): string | undefined {
	for (const line of titleLines) {
		const title = clean(line);
		if (!title) continue;
		let best: KnownEstate | undefined;
		let bestLength = 0;
		for (const e of known) {
			// 小区 and 社区 at a name's end are often left out of titles.
			const name = clean(e.name).replace(GENERIC_SUFFIX, '');
			if (name.length < 2 || name.length <= bestLength) continue;
			for (let at = title.indexOf(name); at >= 0; at = title.indexOf(name, at + 1)) {
				if (!PHASE_AFTER.test(title.slice(at + name.length))) {
					best = e;
					bestLength = name.length;
					break;
				}
			}
		}
		if (best) return best.name;
	}
	return undefined;
}

/** Years, quarters, months, dates and spans of them, as titles write them: taken out in this order. */
const TIMES = [
	/(?:19|20)\d{2}\s*(?:年度?)?\s*[-~～至到—–/]\s*(?:19|20)\d{2}\s*(?:年度?)?/g,
	/(?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}[日号]?)?(?:\s*[-~～至到—–]\s*(?:(?:19|20)\d{2}[-/.年])?\d{1,2}(?:[-/.月]\d{1,2}[日号]?)?)?月?/g,
	/(?:19|20)\d{2}\s*年度?/g,
	/(?:[至到~～—–-]\s*)?(?:第?[一二三四1-4]\s*季度|[上下]半年|\d{1,2}\s*月份?(?:\d{1,2}\s*[日号])?)/g
];
/** Where a title's name ends: the first word of what the sheet is (物业服务, 成本, 设施设备, 台账 …). */
const DOCUMENT_WORD = /(住宅小区|住宅)?(物业|设施|设备|成本|收费|费用|专项|维修|业主|满意度|考评|考核|检查|工单|户型|预算|决算|台账|明细|情况|统计|汇总|一览|基本|公共|共用)/;
/**
 * A place above an estate (a city, a district, a subdistrict): what a district-wide sheet's title starts with. 翠苑一区
 * and 东区 are parts of estates, not places.
 */
const PLACE = /(省|市|县|街道|镇|乡)$|^\p{Script=Han}{1,3}(?<![一二三四五六七八九十东南西北中\d])区$/u;
/** What stands before a name in a title and is not part of it. */
const LEADING = /^(关于|附件\s*\d*[:：]?)/;

/**
 * The estate name a title likely gives when no known estate is found in it: the first title line without its years
 * and periods, cut at the first word of what the sheet is. 锦馨一村2024年度物业服务成本明细 → 锦馨一村;
 * 2024年度锦馨一村小区设施设备台账 → 锦馨一村小区. Undefined when nothing name-like is left (2024年物业服务成本明细).
 */
export function estateNameGuessInTitle(titleLines: readonly string[]): string | undefined {
	for (const line of titleLines) {
		const text = TIMES.reduce((t, re) => t.replace(re, ' '), line.normalize('NFKC')).replace(LEADING, '').trim();
		const cut = DOCUMENT_WORD.exec(text);
		const name = (cut ? text.slice(0, cut.index) : text).replace(/[\s:：,，、(（]+$/, '').trim();
		if (name.length >= 2 && name.length <= 30 && /[\p{Script=Han}A-Za-z]/u.test(name) && !PLACE.test(name)) return name;
	}
	return undefined;
}
