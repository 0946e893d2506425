/**
 * Columns of a questionnaire export (docs/sources.md §13): the platform's meta columns (never read beyond their
 * header, so personal data such as the IP address goes nowhere), and question columns headed "5、text",
 * "Q5.", "5." or "第5题". Pure.
 */

/** Meta columns of 问卷星 / 腾讯问卷 style exports: respondent-level data that must not be kept. */
const META = [
	'序号', '编号', '答卷编号', '开始答题时间', '结束答题时间', '答卷id', '提交答卷时间', '提交时间', '开始时间', '结束时间', '答题时间', '所用时间', '答题时长', '作答时长',
	'来源', '来源详情', '来源渠道', '来自ip', 'ip', 'ip地址', 'ip属地', '地理位置', '省份', '城市', '总分', '用户id', '用户名', '微信昵称',
	'昵称', 'openid', '填写设备', '浏览器', '操作系统', '答卷状态'
];

/** Whether a header is a platform meta column (not a question). */
export function isMetaColumn(header: string): boolean {
	const h = header.trim().toLowerCase().replace(/\s+/g, '');
	return META.includes(h);
}

/** A question header split into its number (when it has one) and its words. */
export interface QuestionHeader {
	readonly number: number | null;
	readonly text: string;
}

/** Splits "5、您对…的满意程度", "Q5. …", "5. …", "第5题 …" (full-width digits and dots allowed). */
export function parseQuestionHeader(header: string): QuestionHeader {
	const h = header.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
	const m =
		/^第\s*(\d+)\s*题\s*[.．、:：]?\s*(.*)$/s.exec(h) ??
		/^[Qq]\s*(\d+)\s*[.．、:：]?\s*(.*)$/s.exec(h) ??
		/^(\d+)\s*[.．、:：]\s*(.*)$/s.exec(h);
	if (!m) return { number: null, text: h };
	return { number: Number(m[1]), text: m[2].trim() };
}

/** Code for the overall-satisfaction question (the scores table's `satisfaction` indicator). */
export const OVERALL = 'satisfaction';

// Specific services first: "您对保洁的总体评价" is about cleaning, not overall.
const RULES: readonly (readonly [RegExp, string])[] = [
	[/电梯/, 'elevator'],
	[/消防/, 'fire'],
	[/二次供水|供水|水压|水箱/, 'water'],
	[/保洁|卫生|清洁|垃圾/, 'cleaning'],
	[/绿化|绿地|花草|园林/, 'greening'],
	[/门岗|巡逻|安保|秩序|保安|治安|停车|车辆|安全防范/, 'order'],
	[/报修|维修|修缮|房屋养护|房屋维护/, 'upkeep'],
	[/客服|服务态度|投诉|接待|沟通|前台|管家/, 'customer_service'],
	[/收支|公示|账目|财务|公开/, 'accounts'],
	[/设施|设备|照明|门禁|监控/, 'facilities_other'],
	[/综合管理|管理制度|管理水平/, 'management'],
	[/总体|整体|综合|总的来说|总评/, OVERALL]
];

/**
 * The indicator a question's words suggest (codes of src/lib/data/indicators.ts, `satisfaction` for overall),
 * or null when nothing fits; the user can change it.
 */
export function suggestIndicator(text: string): string | null {
	for (const [re, code] of RULES) if (re.test(text)) return code;
	return null;
}
