/**
 * The `votes` dataset: tallies of owners' votes.
 */
import { z } from 'zod';
import { MOTION_KINDS, MOTION_KIND_VALUES } from '../../domain/vocabulary/codes';
import { estateIdCol, id, type Col } from './columns';

/** One tally of an owners' vote on a motion, by head count and by exclusive area. */
export const voteRowSchema = z
	.object({
		estate_id: id,
		motion: z.string().trim().min(1),
		motion_kind: z.enum(MOTION_KINDS),
		owners_total: z.number().int().positive(),
		area_total_m2: z.number().positive(),
		owners_participating: z.number().int().min(0),
		area_participating_m2: z.number().min(0),
		owners_yes: z.number().int().min(0),
		area_yes_m2: z.number().min(0)
	})
	.refine(
		(v) =>
			v.owners_yes <= v.owners_participating &&
			v.owners_participating <= v.owners_total &&
			v.area_yes_m2 <= v.area_participating_m2 &&
			v.area_participating_m2 <= v.area_total_m2,
		{ message: 'expected yes <= participating <= total (owners and area)' }
	);

export type VoteRow = z.infer<typeof voteRowSchema>;

export const voteColumns: readonly Col<VoteRow>[] = [
	estateIdCol(true),
	{
		name: 'motion',
		type: 'VARCHAR',
		required: true,
		zh: '表决事项',
		en: 'Motion',
		descriptionZh: '表决事项',
		descriptionEn: 'What was voted on',
		aliases: ['motion', '表决事项', '议题', '事项', '表决内容', 'Motion', 'resolution']
	},
	{
		name: 'motion_kind',
		type: 'VARCHAR',
		required: true,
		values: MOTION_KIND_VALUES,
		zh: '事项类别',
		en: 'Motion kind',
		descriptionZh: '一般事项（双过半）或重大事项（双四分之三），《民法典》第278条',
		descriptionEn: 'Ordinary (majority of area and owners) or major (3/4 of both), Civil Code art. 278',
		aliases: ['motion_kind', '事项类别', '表决类型', '事项类型', 'Motion kind', 'kind']
	},
	{
		name: 'owners_total',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 1,
		zh: '业主总人数',
		en: 'Owners total',
		descriptionZh: '业主总人数',
		descriptionEn: 'Number of owners',
		aliases: ['owners_total', '业主总人数', '总人数', '业主人数', '业主总数', '全体业主人数', '业主总户数', '应参与人数', '应表决人数', 'Owners total', 'total owners']
	},
	{
		name: 'area_total_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '专有部分总面积',
		en: 'Total area',
		descriptionZh: '专有部分总面积（平方米）',
		descriptionEn: 'Total exclusive area, m²',
		aliases: ['area_total_m2', '专有部分总面积', '总面积', '专有面积', '专有部分面积', '总专有面积', '全体业主专有面积', '专有部分面积总数', '专有部分面积合计', '专有部分建筑面积', '专有部分总建筑面积', '业主专有部分总面积', '全体业主专有部分面积', '建筑物总面积', '应参与面积', '应表决面积', 'Total area', 'area total']
	},
	{
		name: 'owners_participating',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 0,
		zh: '参与表决人数',
		en: 'Owners participating',
		descriptionZh: '参与表决的业主人数',
		descriptionEn: 'Owners who took part in the vote',
		aliases: ['owners_participating', '参与表决人数', '参加表决人数', '投票人数', '参与人数', '参加人数', '实际参与人数', '参与表决户数', '投票户数', '已投票人数', '表决人数', 'Owners participating', 'owners voting']
	},
	{
		name: 'area_participating_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '参与表决面积',
		en: 'Area participating',
		descriptionZh: '参与表决业主的专有部分面积（平方米）',
		descriptionEn: 'Exclusive area of the owners who took part, m²',
		aliases: ['area_participating_m2', '参与表决面积', '参加表决面积', '投票面积', '参与面积', '参加面积', '参与表决专有面积', '实际参与面积', '已投票面积', '表决面积', 'Area participating', 'area voting']
	},
	{
		name: 'owners_yes',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 0,
		zh: '同意人数',
		en: 'Owners yes',
		descriptionZh: '表示同意的业主人数',
		descriptionEn: 'Owners voting yes',
		aliases: ['owners_yes', '同意人数', '赞成人数', '同意户数', '赞成户数', '同意票数', '赞成票数', '同意业主人数', 'Owners yes', 'yes owners']
	},
	{
		name: 'area_yes_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '同意面积',
		en: 'Area yes',
		descriptionZh: '表示同意的业主的专有部分面积（平方米）',
		descriptionEn: 'Exclusive area of the owners voting yes, m²',
		aliases: ['area_yes_m2', '同意面积', '赞成面积', '同意专有面积', '赞成专有面积', '同意业主专有面积', 'Area yes', 'yes area']
	}
];
