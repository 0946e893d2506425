/**
 * The `costs` dataset: annual cost budgets by the ten cost items.
 */
import { z } from 'zod';
import { COST_ITEM_CODES, COST_ITEMS } from '../../domain/vocabulary/codes';
import { estateIdCol, id, year, yearCol, type Col } from './columns';

/** One cost item of an estate's annual cost budget, in yuan per year. */
export const costRowSchema = z.object({
	estate_id: id,
	year,
	item: z.enum(COST_ITEM_CODES),
	amount_yuan: z.number().min(0)
});

export type CostRow = z.infer<typeof costRowSchema>;

export const costColumns: readonly Col<CostRow>[] = [
	estateIdCol(true),
	yearCol,
	{
		name: 'item',
		type: 'VARCHAR',
		required: true,
		values: COST_ITEMS,
		zh: '成本项目',
		en: 'Cost item',
		descriptionZh: '《物业服务定价成本监审办法（试行）》的十项成本之一',
		descriptionEn: 'One of the ten cost items of the 2007 cost-audit rules',
		aliases: ['item', '成本项目', '费用项目', '成本科目', '科目', '项目', 'Cost item', 'cost category']
	},
	{
		name: 'amount_yuan',
		type: 'DOUBLE',
		unit: '元/年',
		required: true,
		min: 0,
		zh: '金额',
		en: 'Amount',
		descriptionZh: '年度金额（元）',
		descriptionEn: 'Annual amount, yuan',
		aliases: ['amount_yuan', '金额', '年度金额', '预算金额', '金额元', '费用', 'Amount', 'amount', 'yuan']
	}
];
