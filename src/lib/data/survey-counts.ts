/**
 * The `survey_counts` dataset (docs/sources.md §13): an owners' satisfaction survey kept as counts per question and answer
 * level, never as respondents (docs/sources.md §13). Schema and column metadata here; datasets.ts registers it.
 *
 * Only type imports from datasets.ts (it imports this module; a value import back would be a cycle).
 */
import { z } from 'zod';
import type { ColumnMeta, EnumValue } from './datasets/columns';

/** Answer levels, top first; `skipped` counts answers left empty or (跳过). */
export const SURVEY_LEVELS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied', 'skipped'] as const;

const LEVEL_VALUES: readonly EnumValue[] = [
	{ value: 'very_satisfied', zh: '非常满意', en: 'Very satisfied', aliases: ['非常满意', '很满意', 'very satisfied'] },
	{ value: 'satisfied', zh: '满意', en: 'Satisfied', aliases: ['满意', '比较满意', 'satisfied'] },
	{ value: 'neutral', zh: '一般', en: 'Neutral', aliases: ['一般', '基本满意', 'neutral'] },
	{ value: 'dissatisfied', zh: '不满意', en: 'Dissatisfied', aliases: ['不满意', '不太满意', 'dissatisfied'] },
	{ value: 'very_dissatisfied', zh: '非常不满意', en: 'Very dissatisfied', aliases: ['非常不满意', '很不满意', 'very dissatisfied'] },
	{ value: 'skipped', zh: '跳过', en: 'Skipped', aliases: ['跳过', '(跳过)', '空', 'skipped'] }
];

const PERIOD = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$/;

/** One count: how many owners gave one answer level to one question of an estate's survey in a period. */
export const surveyCountRowSchema = z.object({
	estate_id: z.string().trim().min(1),
	period: z.string().regex(PERIOD, "expected 'YYYYQn' or 'YYYY-MM'"),
	question: z.string().trim().min(1),
	indicator: z.string().trim().min(1).nullable(),
	level: z.enum(SURVEY_LEVELS),
	count: z.number().int().min(0)
});
export type SurveyCountRow = z.infer<typeof surveyCountRowSchema>;

type Col<Row> = ColumnMeta<Extract<keyof Row, string>>;

/** Columns of `survey_counts` (order = CSV order = schema order = DDL order). */
export const surveyCountColumns: readonly Col<SurveyCountRow>[] = [
	{
		name: 'estate_id',
		type: 'VARCHAR',
		required: true,
		zh: '小区编号',
		en: 'Estate ID',
		descriptionZh: '小区的唯一编号，与「小区」表的 estate_id 对应',
		descriptionEn: 'Unique estate identifier; matches estate_id in the estates table',
		aliases: ['estate_id', '小区编号', '小区代码', 'Estate ID']
	},
	{
		name: 'period',
		type: 'VARCHAR',
		required: true,
		zh: '期间',
		en: 'Period',
		descriptionZh: '调查所属期间：YYYYQn 或 YYYY-MM',
		descriptionEn: "The survey's period: YYYYQn or YYYY-MM",
		aliases: ['period', '期间', '调查期间', '问卷期间']
	},
	{
		name: 'question',
		type: 'VARCHAR',
		required: true,
		zh: '题目',
		en: 'Question',
		descriptionZh: '问卷题目（导出文件中的列标题）',
		descriptionEn: "The question (the export's column header)",
		aliases: ['question', '题目', '问卷题目']
	},
	{
		name: 'indicator',
		type: 'VARCHAR',
		required: false,
		zh: '对应指标',
		en: 'Indicator',
		descriptionZh: '题目对应的指标代码（satisfaction 为总体满意度；空为不计入）',
		descriptionEn: 'Indicator code the question maps to (satisfaction = overall; empty = not used)',
		aliases: ['indicator', '对应指标', '题目指标']
	},
	{
		name: 'level',
		type: 'VARCHAR',
		required: true,
		values: LEVEL_VALUES,
		zh: '答案等级',
		en: 'Answer level',
		descriptionZh: '五级满意度之一，或跳过',
		descriptionEn: 'One of the five satisfaction levels, or skipped',
		aliases: ['level', '答案等级', '满意度等级']
	},
	{
		name: 'count',
		type: 'INTEGER',
		required: true,
		min: 0,
		unit: '人',
		zh: '人数',
		en: 'Count',
		descriptionZh: '选择该等级的答卷数',
		descriptionEn: 'Responses giving this level',
		aliases: ['count', '人数', '答卷数', '票数']
	}
];
