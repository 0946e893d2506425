/**
 * The `tickets` dataset: grid-management tickets (网格工单).
 */
import { z } from 'zod';
import { TICKET_CATEGORIES, TICKET_CATEGORY_VALUES } from '../../domain/vocabulary/codes';
import { estateIdCol, id, timestamp, type Col } from './columns';

/** One grid-management ticket (网格工单); `closed_at` null means still open. */
export const ticketRowSchema = z
	.object({
		ticket_id: id,
		estate_id: id,
		category: z.enum(TICKET_CATEGORIES),
		opened_at: timestamp,
		closed_at: timestamp.nullable()
	})
	// The canonical text form sorts like time, so a string comparison is a time comparison.
	.refine((t) => t.closed_at === null || t.closed_at >= t.opened_at, {
		message: 'closed_at is before opened_at',
		path: ['closed_at']
	});

export type TicketRow = z.infer<typeof ticketRowSchema>;

export const ticketColumns: readonly Col<TicketRow>[] = [
	{
		name: 'ticket_id',
		type: 'VARCHAR',
		required: true,
		zh: '工单编号',
		en: 'Ticket ID',
		descriptionZh: '网格工单编号',
		descriptionEn: 'Grid-management ticket identifier',
		aliases: ['ticket_id', '工单编号', '工单号', '案件编号', '案件号', '单号', '工单ID', '报修单号', '流水号', '事件编号', '编号', 'Ticket ID', 'ticket', 'case id']
	},
	estateIdCol(false),
	{
		name: 'category',
		type: 'VARCHAR',
		required: true,
		values: TICKET_CATEGORY_VALUES,
		zh: '问题类别',
		en: 'Category',
		descriptionZh: '问题类别',
		descriptionEn: 'Problem category',
		aliases: ['category', '问题类别', '工单类别', '工单类型', '问题类型', '类别', '案件类别', '案件类型', '事件类型', '事件类别', '报修类别', '报修类型', '诉求类别', '诉求类型', '事项类别', 'Category', 'type']
	},
	{
		name: 'opened_at',
		type: 'TIMESTAMP',
		required: true,
		zh: '发现时间',
		en: 'Opened at',
		descriptionZh: "发现（立案）时间，'YYYY-MM-DD HH:MM:SS'",
		descriptionEn: "When the problem was found or filed, 'YYYY-MM-DD HH:MM:SS'",
		aliases: ['opened_at', '发现时间', '立案时间', '上报时间', '创建时间', '受理时间', '报修时间', '报事时间', '登记时间', '接报时间', '来电时间', '投诉时间', '反映时间', '发生时间', '开始时间', '派单时间', '下单时间', '工单创建时间', 'Opened at', 'opened', 'created_at']
	},
	{
		name: 'closed_at',
		type: 'TIMESTAMP',
		required: false,
		zh: '结案时间',
		en: 'Closed at',
		descriptionZh: "结案（办结）时间，'YYYY-MM-DD HH:MM:SS'；空表示尚未办结",
		descriptionEn: "When the ticket was closed, 'YYYY-MM-DD HH:MM:SS'; empty while still open",
		aliases: ['closed_at', '结案时间', '办结时间', '处置完成时间', '关闭时间', '完成时间', '处理完成时间', '维修完成时间', '完结时间', '结单时间', '关单时间', '销号时间', '解决时间', '完工时间', '处置时间', 'Closed at', 'closed', 'resolved_at']
	}
];
