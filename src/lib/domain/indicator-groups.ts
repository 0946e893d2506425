/**
 * A user's own indicator groups (docs/sources.md §5, §18): several indicators a score sheet may score together
 * in one column (as 设施设备运行 scores the four facility indicators). A group has a code (what a group-level
 * score is stored as), its names in Chinese and English, other names it is written under in sheets, and its
 * member indicators. Pure data and checks; the import reads the groups through src/lib/import/groups.ts.
 */

/** One group of indicators defined in an indicator system. */
export interface IndicatorGroupDef {
	/** Stored as the indicator of a group-level score; also each member's `group`. */
	code: string;
	name_zh: string;
	name_en: string;
	/** Other headers a sheet may use for the group (e.g. '安全管理得分'), besides the two names. */
	aliases?: string[];
	/** Indicator codes of the system. */
	members: string[];
}

/** What the checks need of a system (a structural subset of IndicatorSystem, so no import cycle). */
interface GroupedSystem {
	readonly indicators: readonly { readonly code: string; readonly group?: string }[];
	readonly groups?: readonly IndicatorGroupDef[];
}

/**
 * Problems with a system's groups (empty when usable): a code that is empty, repeated, or the same as an
 * indicator's (a group-level score would be read as that indicator); a group without members; a member the
 * system does not have; an indicator in two groups, or marked with another group than the one listing it.
 */
export function indicatorGroupProblems(system: GroupedSystem): string[] {
	const problems: string[] = [];
	const groups = system.groups ?? [];
	const codes = new Set(system.indicators.map((i) => i.code));
	const seen = new Set<string>();
	const memberOf = new Map<string, string>();
	for (const g of groups) {
		const code = g.code.trim();
		if (code === '') {
			problems.push('a group has no code');
			continue;
		}
		if (seen.has(code)) problems.push(`duplicate group code '${code}'`);
		seen.add(code);
		if (codes.has(code) || code === 'satisfaction') problems.push(`group code '${code}' is also an indicator code`);
		if (g.members.length === 0) problems.push(`group '${code}' has no members`);
		for (const m of g.members) {
			if (!codes.has(m)) problems.push(`group '${code}' lists unknown indicator '${m}'`);
			const other = memberOf.get(m);
			if (other !== undefined && other !== code) problems.push(`indicator '${m}' is in two groups: '${other}' and '${code}'`);
			memberOf.set(m, code);
		}
	}
	for (const ind of system.indicators) {
		const listed = memberOf.get(ind.code);
		if (listed !== undefined && ind.group !== undefined && ind.group !== listed) {
			problems.push(`indicator '${ind.code}' is marked group '${ind.group}' but listed in group '${listed}'`);
		}
	}
	return problems;
}

/** Indicators with each member's `group` set to the group listing it (and cleared where a defined group no longer lists it). */
export function withGroupMarks<I extends { code: string; group?: string }>(indicators: readonly I[], groups: readonly IndicatorGroupDef[]): I[] {
	const defined = new Set(groups.map((g) => g.code));
	return indicators.map((ind) => {
		const g = groups.find((x) => x.members.includes(ind.code));
		if (g) return { ...ind, group: g.code };
		if (ind.group !== undefined && defined.has(ind.group)) {
			const { group: _dropped, ...rest } = ind;
			return rest as I;
		}
		return ind;
	});
}
