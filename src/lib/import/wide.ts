/** Wide score sheets (考评汇总表): one row per estate and period, one column per indicator, melted into scores. */
import { DATASETS, type ColumnMeta } from '../data/datasets';
import { indicatorOfTarget, sourceOfIndicator } from './detect';
import { CHUNK_ROWS } from './prepared';
import { convertedNormaliser } from './conversions/plan';
import { valuesBeforeRules13 } from './values/rules13';
import { valuesBeforeRules14 } from './values/rules14';
import { indicatorName } from '../data/indicators';
import { DEFAULT_GROUPS, groupOfTarget, type IndicatorGroup } from './groups';
import { checkpoint, now } from './progress';
import { rangeIssue, rangeRule, type Normalised, type RowContext } from './row-checks';
import { beforeRules4, cellText, columnNormaliser, figuresBeforeRules8, figuresBeforeRules10, valuesBeforeRules11, headerHints, isError, isMissing, type CellNormaliser } from './values';
import { TitlePeriodCheck } from './title-period';

/**
 * An indicator column's score reader; as before reading rules 8 (financial capitals), 10 (一百二 as 102) and 11 (8.5/10
 * an error) for a replay of then.
 */
function wideScore(header: string, before: { readonly valuesBeforeRules8?: boolean; readonly valuesBeforeRules10?: boolean; readonly valuesBeforeRules11?: boolean; readonly valuesBeforeRules13?: boolean }): CellNormaliser {
	const norm = columnNormaliser('scores', 'score', header);
	const before8 = before.valuesBeforeRules8 ? figuresBeforeRules8(norm, 'figure') : norm;
	const before10 = before.valuesBeforeRules10 ? figuresBeforeRules10(before8) : before8;
	const before11 = before.valuesBeforeRules11 ? valuesBeforeRules11(SCORE_COLUMN, before10) : before10;
	return before.valuesBeforeRules13 ? valuesBeforeRules13(before11) : before11;
}
const SCORE_COLUMN = (DATASETS.scores.columns as readonly ColumnMeta[]).find((c) => c.name === 'score')!;

/** Melts a wide score sheet: one canonical row per estate, period and indicator cell that is not empty. */
export async function normaliseWide(ctx: RowContext): Promise<Normalised> {
	const { table, sink, options } = ctx;
	const cols = DATASETS.scores.columns as readonly ColumnMeta[];
	const estateSrc = ctx.mapping.indexOf('estate_id');
	const periodSrc = ctx.mapping.indexOf('period');
	const scoreRange = rangeRule('scores', cols.find((c) => c.name === 'score')!)!;
	const indicators: { src: number; code: string; header: string; norm: CellNormaliser; points: number | undefined; group?: IndicatorGroup }[] = [];
	const groups = options.groups ?? DEFAULT_GROUPS;
	ctx.mapping.forEach((t, i) => {
		const header = table.headers[i];
		const code = indicatorOfTarget(t);
		const group = groups.find((g) => g.code === groupOfTarget(t));
		if (code || group) indicators.push({ src: i, code: code ?? group!.code, header, norm: wideScore(header, options), points: headerHints(header).points, group });
	});
	// Columns of the sheet by indicator code: a member's own score wins over its group's.
	const ownColumn = new Map(indicators.filter((x) => !x.group).map((x) => [x.code, x.src]));
	const scoring = options.groupScoring ?? 'spread';
	const groupRows = new Map<IndicatorGroup, Set<number>>();
	/** The indicator codes one cell scores: itself; a group's members not scored in this row; or the group. */
	const codesOf = (ind: (typeof indicators)[number], r: number): string[] => {
		if (!ind.group) return [ind.code];
		if (scoring === 'group') return [ind.group.code];
		return ind.group.members.filter((m) => {
			const own = ownColumn.get(m);
			return own === undefined || isMissing(table.columns[own][r]);
		});
	};
	let fileError = false;
	const missing = (name: string) => {
		const col = cols.find((c) => c.name === name)!;
		sink.add(null, null, null, { code: 'missing_column', params: { name, columnZh: col.zh, columnEn: col.en } }, 'error');
		fileError = true;
	};
	if (estateSrc < 0) missing('estate_id');
	let periodConstant: string | undefined;
	if (periodSrc < 0) {
		if (ctx.constantPeriod) {
			periodConstant = ctx.constantPeriod.value;
			sink.add(null, null, periodConstant, { code: ctx.constantPeriod.from === 'given' ? 'period_given' : 'period_from_title', params: { period: periodConstant } }, 'warning');
		} else missing('period');
	}
	if (indicators.length === 0) missing('indicator');

	const estateNorm = columnNormaliser('scores', 'estate_id', estateSrc >= 0 ? table.headers[estateSrc] : '');
	// A period column of dates (检查日期) goes through its conversion, as in a long sheet.
	const periodCol = cols.find((c) => c.name === 'period')!;
	const periodRead = convertedNormaliser('scores', periodCol, periodSrc >= 0 ? table.headers[periodSrc] : '', periodSrc >= 0 ? ctx.conversions[periodSrc] : null);
	const periodRead4 = options.periodsBeforeRules4 ? beforeRules4(periodRead) : periodRead;
	const periodRead11 = options.valuesBeforeRules11 ? valuesBeforeRules11(cols.find((c) => c.name === 'period')!, periodRead4) : periodRead4;
	const periodRead13 = options.valuesBeforeRules13 ? valuesBeforeRules13(periodRead11) : periodRead11;
	const periodNorm = options.valuesBeforeRules14 ? valuesBeforeRules14(periodCol, periodRead13) : periodRead13;
	const titlePeriod = TitlePeriodCheck.of(ctx, periodSrc >= 0);
	const out: unknown[][] = cols.map(() => []);
	const rowNumbers: number[] = [];
	const sourceColumns: number[] = [];
	const invalidList: number[] = [];
	const n = table.rowCount;
	const started = now();

	for (let r = 0; r < n; r++) {
		if (r > 0 && r % CHUNK_ROWS === 0) await checkpoint(options, 'normalise', r, n, started);
		const row = table.rowNumbers[r];
		let keyBad = fileError || ctx.readErrorRows.has(row);
		let estate: string | null = null;
		let period: string | null = periodConstant ?? null;
		if (estateSrc >= 0) {
			const cell = table.columns[estateSrc][r];
			const res = estateNorm(cell);
			if (isError(res)) {
				sink.add(row, table.headers[estateSrc], cellText(cell), res.error, 'error');
				keyBad = true;
			} else if (res.value === null) {
				sink.add(row, table.headers[estateSrc], cellText(cell), { code: 'required' }, 'error');
				keyBad = true;
			} else estate = res.value as string;
		}
		if (periodSrc >= 0) {
			const cell = table.columns[periodSrc][r];
			const res = periodNorm(cell);
			if (isError(res)) {
				sink.add(row, table.headers[periodSrc], cellText(cell), res.error, 'error');
				keyBad = true;
			} else if (res.value === null) {
				sink.add(row, table.headers[periodSrc], cellText(cell), { code: 'required' }, 'error');
				keyBad = true;
			} else period = res.value as string;
			titlePeriod.note(period);
		}
		for (const ind of indicators) {
			const cell = table.columns[ind.src][r];
			// An empty indicator cell is no score (a multi-storey estate has no elevator score).
			if (isMissing(cell)) continue;
			let bad = keyBad;
			let score: number | null = null;
			const res = ind.norm(cell);
			if (isError(res)) {
				sink.add(row, ind.header, cellText(cell), res.error, 'error');
				bad = true;
			} else {
				score = res.value as number | null;
				if (res.warnings) for (const w of res.warnings) sink.add(row, ind.header, cellText(cell), w, 'warning');
				// 待查 and the like: no score, as an empty cell, with its note.
				if (score === null) continue;
				let issue = rangeIssue(scoreRange, score);
				// Out of range on the column's own scale ("保洁（15分）": 0 to 15), as the user wrote it.
				if (issue && ind.points) issue = { code: 'out_of_range', params: { min: 0, max: ind.points } };
				if (issue) {
					sink.add(row, ind.header, cellText(cell), issue, 'error');
					bad = true;
				}
			}
			if (ind.group) groupRows.set(ind.group, (groupRows.get(ind.group) ?? new Set()).add(row));
			for (const code of codesOf(ind, r)) {
				out[0].push(estate);
				out[1].push(period);
				out[2].push(code);
				out[3].push(score);
				out[4].push(sourceOfIndicator(code));
				rowNumbers.push(row);
				sourceColumns.push(ind.src);
				if (bad) invalidList.push(rowNumbers.length - 1);
			}
		}
	}
	titlePeriod.report(ctx, periodSrc >= 0 ? table.headers[periodSrc] : null);
	// Said once per group, so the person sees what became of the group column (never dropped silently).
	for (const [g, rows] of groupRows) {
		const header = indicators.find((x) => x.group === g)!.header;
		const members = g.members.map((m) => indicatorName(m).zh).join('、');
		const membersEn = g.members.map((m) => indicatorName(m).en).join(', ');
		sink.add(null, header, null, { code: scoring === 'group' ? 'group_scored' : 'group_spread', params: { group: header, members, membersEn, rows: rows.size } }, 'warning');
	}
	const invalid = new Uint8Array(rowNumbers.length);
	for (const i of invalidList) invalid[i] = 1;
	return { columns: out, rowNumbers, sourceColumns, invalid, fileError };
}
