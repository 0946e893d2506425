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

/** One thing wrong with a group, for a message in either language. */
export interface GroupIssue {
	readonly kind: 'no_code' | 'duplicate_code' | 'code_is_indicator' | 'no_members' | 'unknown_member' | 'two_groups' | 'no_name' | 'name_taken';
	/** The group's code. */
	readonly group: string;
	readonly member?: string;
	/** The other group of a member in two groups. */
	readonly other?: string;
	/** A name another indicator or group already has. */
	readonly name?: string;
}

/**
 * What is wrong with a system's groups (empty when usable): a code that is empty, repeated, or the same as an
 * indicator's (a group-level score would be read as that indicator); a group without members; a member the
 * system does not have; an indicator in two groups (two defined groups, or a defined group and the group its
 * `group` mark names, as the facilities indicators carry 'facilities').
 */
export function groupIssues(system: GroupedSystem): GroupIssue[] {
	const issues: GroupIssue[] = [];
	const groups = system.groups ?? [];
	const codes = new Set(system.indicators.map((i) => i.code));
	const seen = new Set<string>();
	const memberOf = new Map<string, string>();
	for (const g of groups) {
		const group = g.code.trim();
		if (group === '') {
			issues.push({ kind: 'no_code', group });
			continue;
		}
		if (seen.has(group)) issues.push({ kind: 'duplicate_code', group });
		seen.add(group);
		if (codes.has(group) || group === 'satisfaction') issues.push({ kind: 'code_is_indicator', group });
		if (g.members.length === 0) issues.push({ kind: 'no_members', group });
		for (const member of g.members) {
			if (!codes.has(member)) issues.push({ kind: 'unknown_member', group, member });
			const other = memberOf.get(member) ?? system.indicators.find((i) => i.code === member)?.group;
			if (other !== undefined && other !== group) issues.push({ kind: 'two_groups', group, member, other });
			memberOf.set(member, group);
		}
	}
	return issues;
}

/** The group problems of a system as English lines (indicatorSystemProblems lists them). */
export function indicatorGroupProblems(system: GroupedSystem): string[] {
	return groupIssues(system).map((i) => {
		switch (i.kind) {
			case 'no_code':
				return 'a group has no code';
			case 'duplicate_code':
				return `duplicate group code '${i.group}'`;
			case 'code_is_indicator':
				return `group code '${i.group}' is also an indicator code`;
			case 'no_members':
				return `group '${i.group}' has no members`;
			case 'unknown_member':
				return `group '${i.group}' lists unknown indicator '${i.member}'`;
			case 'two_groups':
				return `indicator '${i.member}' is in two groups: '${i.other}' and '${i.group}'`;
			case 'no_name':
				return `group '${i.group}' has no name`;
			case 'name_taken':
				return `group '${i.group}': the name '${i.name}' is already used`;
		}
	});
}

/** What the system's names already are (indicators' and groups'), as compared: trimmed, lower case. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * What is wrong with a group about to be added to a system (empty: it can be added): the checks of
 * {@link groupIssues} for it, a name to recognise its column by, and names no indicator or group already has
 * (a header could not tell them apart).
 */
export function groupDraftIssues(
	system: { readonly indicators: readonly { readonly code: string; readonly group?: string; readonly name_zh: string; readonly name_en: string }[]; readonly groups?: readonly IndicatorGroupDef[] },
	draft: IndicatorGroupDef
): GroupIssue[] {
	const group = draft.code.trim();
	const all = groupIssues({ indicators: system.indicators, groups: [...(system.groups ?? []), draft] });
	const issues = all.filter((i) => i.group === group && (i.kind !== 'duplicate_code' || (system.groups ?? []).some((g) => g.code.trim() === group)));
	const names = [draft.name_zh, draft.name_en, ...(draft.aliases ?? [])].map((n) => n.trim()).filter((n) => n !== '');
	if (group !== '' && draft.name_zh.trim() === '' && draft.name_en.trim() === '') issues.push({ kind: 'no_name', group });
	const taken = new Set([...system.indicators.flatMap((i) => [i.name_zh, i.name_en]), ...(system.groups ?? []).flatMap((g) => [g.name_zh, g.name_en, ...(g.aliases ?? [])])].map(fold));
	for (const name of names) if (taken.has(fold(name))) issues.push({ kind: 'name_taken', group, name });
	return issues;
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
