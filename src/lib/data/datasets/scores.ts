/**
 * The `scores` dataset: quality scores in long form.
 */
import { z } from 'zod';
import { SCORE_SOURCES, SCORE_SOURCE_VALUES } from '../../domain/vocabulary/codes';
import { estateIdCol, id, PERIOD_PATTERN, type Col } from './columns';

/** One quality score (long form): an estate, a period, an indicator, a 0-100 score and its source. */
export const scoreRowSchema = z.object({
	estate_id: id,
	period: z.string().regex(PERIOD_PATTERN, "expected 'YYYYQn' or 'YYYY-MM'"),
	indicator: z.string().trim().min(1),
	score: z.number().min(0).max(100),
	source: z.enum(SCORE_SOURCES)
});

export type ScoreRow = z.infer<typeof scoreRowSchema>;

export const scoreColumns: readonly Col<ScoreRow>[] = [
	estateIdCol(true),
	{
		name: 'period',
		type: 'VARCHAR',
		required: true,
		zh: '期间',
		en: 'Period',
		descriptionZh: "考核期：季度 'YYYYQn'（如 2024Q1）或月份 'YYYY-MM'",
		descriptionEn: "Assessment period: quarter 'YYYYQn' (e.g. 2024Q1) or month 'YYYY-MM'",
		aliases: ['period', '期间', '考核期', '考核期间', '考评期', '考评期间', '测评期', '季度', '考核季度', '月份', '考核月份', '考评月份', '检查日期', '检查时间', '考评日期', '考核日期', '测评日期', '评价日期', '提交答卷时间', '提交时间', 'Period', 'inspection date', 'quarter', 'month'],
		// Any assessment word before any word for a time (考评时间, 检查月份, 测评年月, 统计期间, 所属期…).
		headerPattern: /^(考核|考评|测评|评价|评定|评估|检查|巡查|抽查|督查|打分|评分|统计|所属|填报|调查)(时间|日期|期间|期|月份|月度|季度|年月|周期)$/
	},
	{
		name: 'indicator',
		type: 'VARCHAR',
		required: true,
		zh: '指标',
		en: 'Indicator',
		descriptionZh: '指标代码；默认体系见 indicators.ts，满意度为 satisfaction，也可使用自定义指标',
		descriptionEn: "Indicator code; default system in indicators.ts, 'satisfaction' for owner satisfaction; custom codes allowed",
		aliases: ['indicator', '指标', '指标代码', '指标名称', '指标项', '考核指标', '考评指标', '评价指标', '评分项目', '评分项', '考评项目', '考核项目', '考核项', '检查项目', '评价项目', '考核内容', '考评内容', '检查内容', 'Indicator', 'indicator name', 'criterion']
	},
	{
		name: 'score',
		type: 'DOUBLE',
		unit: '分',
		required: true,
		min: 0,
		max: 100,
		zh: '得分',
		en: 'Score',
		descriptionZh: '得分（百分制，0-100）',
		descriptionEn: 'Score on a 0-100 scale',
		aliases: ['score', '得分', '分数', '评分', '分值', '考核得分', '考评得分', '检查得分', '实得分', 'Score', 'points']
	},
	{
		name: 'source',
		type: 'VARCHAR',
		required: true,
		values: SCORE_SOURCE_VALUES,
		zh: '来源',
		en: 'Source',
		descriptionZh: '得分来源：检查考评、满意度调查或第三方评估',
		descriptionEn: 'Where the score comes from: inspection, satisfaction survey or third-party appraisal',
		aliases: ['source', '来源', '数据来源', '评分来源', '得分来源', '评分方式', '考评方式', 'Source']
	}
];
