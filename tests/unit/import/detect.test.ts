/** Which dataset a header row holds, the column mapping, wide score sheets, header rows and signatures. */
import { describe, expect, it } from 'vitest';
import { DATASET_IDS, DATASETS, type ColumnMeta } from '../../../src/lib/data/datasets';
import { detectDataset, detectHeaderRow, headerSignature, headerTexts } from '../../../src/lib/import/detect';

describe('detectDataset', () => {
	it('recognises every dataset from its canonical header, with high confidence', () => {
		for (const id of DATASET_IDS) {
			const headers = DATASETS[id].columns.map((c) => c.name);
			const g = detectDataset(headers);
			expect(g.dataset, id).toBe(id);
			expect(g.confidence, id).toBe('high');
			expect(g.mapping, id).toEqual(headers);
		}
	});

	it('recognises every dataset from its Chinese headers', () => {
		for (const id of DATASET_IDS) {
			const headers = (DATASETS[id].columns as readonly ColumnMeta[]).map((c) => c.zh);
			const g = detectDataset(headers);
			expect(g.dataset, id).toBe(id);
			expect(g.missing, id).toEqual([]);
		}
	});

	it('maps headers written differently and ignores what it does not know', () => {
		const g = detectDataset(['小区代码', '年份', '物业服务费（元/㎡·月）', '收缴率(%)', '备注']);
		expect(g.dataset).toBe('fees');
		expect(g.mapping).toEqual(['estate_id', 'year', 'fee', 'collection_rate', null]);
		// fee_unit may come from the fee text, so fees are recognised without it.
		expect(g.missing).toEqual([]);
	});

	it('a bare 编号 is the ticket in tickets and the estate elsewhere', () => {
		expect(detectDataset(['编号', '小区编号', '类别', '发现时间', '结案时间']).mapping).toEqual([
			'ticket_id',
			'estate_id',
			'category',
			'opened_at',
			'closed_at'
		]);
		expect(detectDataset(['编号', '户型面积', '户数']).mapping).toEqual(['estate_id', 'unit_area_m2', 'households']);
	});

	it('when unsure returns candidates; when nothing fits returns no dataset', () => {
		const g = detectDataset(['小区编号', '户数']);
		expect(g.confidence).toBe('low');
		expect(g.candidates.map((c) => c.dataset).slice(0, 2)).toEqual(['unit_sizes', 'estates']);
		const none = detectDataset(['foo', 'bar']);
		expect(none.dataset).toBeNull();
		expect(none.confidence).toBe('none');
	});

	it('marks a second header naming the same column as a duplicate', () => {
		const g = detectDataset(['小区编号', '小区名称', '小区', '小区类型', '建筑类型', '计费面积', '户数', '有无电梯']);
		expect(g.dataset).toBe('estates');
		expect(g.mapping[2]).toBeNull();
		expect(g.duplicates).toEqual([[2, 1]]);
	});

	it("a facility ledger's 投入使用时间, 最近鉴定日期 and 鉴定结论 are its installation year and last assessment", () => {
		const g = detectDataset(['小区名称', '设施名称', '数量', '投入使用时间', '设计使用年限', '更新单价', '最近鉴定日期', '鉴定结论']);
		expect(g.dataset).toBe('facilities');
		expect(g.mapping.slice(1)).toEqual(['facility', 'quantity', 'installed_year', 'life_years', 'unit_replacement_cost_yuan', 'last_assessed_at', 'last_assessment_result']);
	});

	it('names with a fee and a collection rate are a fee ledger missing its year, not a listing', () => {
		const g = detectDataset(['小区', '物业费标准', '收缴率']);
		expect(g.dataset).toBe('fees');
		expect(g.missing).toEqual(['year']);
		// Without the rate, names and fees are a listing.
		expect(detectDataset(['小区', '物业费标准']).dataset).toBe('market');
	});

	it('a forced dataset is used even when its columns are missing', () => {
		const g = detectDataset(['小区编号', '户数'], { dataset: 'estates' });
		expect(g.dataset).toBe('estates');
		expect(g.missing).toContain('name');
	});
});

describe('a coded column settled by its values (detect-values.ts)', () => {
	const estates = (headers: string[], rows: string[][]) => detectDataset(headers, { dataset: 'estates', cells: headers.map((_, c) => rows.map((r) => r[c])) });
	const head = ['小区编号', '小区名称', '街道', '小区类型', '房屋类型', '户数', '有无电梯', '收费方式'];
	const rows = [
		['A1', '甲', '城关', '商品房', '高层', '10', '有', '市场调节价'],
		['A2', '乙', '城关', '安置房', '多层', '20', '无', '政府指导价'],
		['A3', '丙', '城关', '商品房', '小高层', '30', '有', '指导价']
	];

	it('a second header naming the estate type whose values are building types is the building type', () => {
		const g = estates(head, rows);
		expect(g.mapping).toEqual(['estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'households', 'has_elevator', 'pricing_regime']);
		expect(g.duplicates).toEqual([]);
		expect(g.byValues).toEqual([4, 7]);
		expect(g.missing).not.toContain('building_type');
	});

	it('the first header, holding building types, moves; the later one naming the estate type takes its column', () => {
		const swapped = ['小区编号', '小区名称', '街道', '房屋类型', '小区性质', '户数', '有无电梯'];
		const g = estates(swapped, rows.map((r) => [r[0], r[1], r[2], r[4], r[3], r[5], r[6]]));
		expect(g.mapping.slice(3, 5)).toEqual(['building_type', 'estate_type']);
		expect(g.duplicates).toEqual([]);
		expect(g.byValues).toEqual([3]);
	});

	it('names alone decide without the cells, and values that fit nothing change nothing', () => {
		expect(detectDataset(head, { dataset: 'estates' }).mapping[4]).toBeNull();
		const odd = rows.map((r) => [...r.slice(0, 4), '砖混', ...r.slice(5)]);
		const g = estates(head, odd);
		expect(g.mapping[4]).toBeNull();
		expect(g.duplicates).toEqual([[4, 3]]);
		expect(g.missing).toContain('building_type');
	});

	it('one filled cell is too little to judge, and a column of mostly other words is not moved', () => {
		const one = estates(head, rows.map((r, i) => (i === 0 ? r : [...r.slice(0, 7), ''])));
		expect(one.mapping[7]).toBeNull();
		// Two of three texts are pricing words (2/3 < 0.8): not taken.
		const mixed = estates(head, rows.map((r, i) => (i === 2 ? [...r.slice(0, 7), '按面积'] : r)));
		expect(mixed.mapping[7]).toBeNull();
	});
});

describe('wide score sheets (考评汇总表)', () => {
	it("one indicator column is enough beside the estate and the period: a survey's satisfaction, one inspection item", () => {
		const satisfaction = detectDataset(['小区编号', '调查时间', '业主满意度']);
		expect([satisfaction.dataset, satisfaction.layout, satisfaction.confidence]).toEqual(['scores', 'wide', 'high']);
		expect(satisfaction.mapping).toEqual(['estate_id', 'period', 'indicator:satisfaction']);
		// Keyed by name, as a wide sheet of several indicators: the names are matched to estates later (the recipes).
		const byName = detectDataset(['小区名称', '调查时间', '业主满意度']);
		expect([byName.dataset, byName.layout, byName.mapping]).toEqual(['scores', 'wide', [null, 'period', 'indicator:satisfaction']]);
		const cleaning = detectDataset(['小区编号', '检查日期', '保洁']);
		expect([cleaning.dataset, cleaning.layout]).toEqual(['scores', 'wide']);
		expect(cleaning.mapping).toEqual(['estate_id', 'period', 'indicator:cleaning']);
		// A long-form score column still makes the sheet long, and no indicator column at all is no wide sheet.
		expect(detectDataset(['小区编号', '期间', '保洁', '得分']).layout).toBe('long');
		expect(detectDataset(['小区编号', '检查日期', '备注']).layout).toBe('long');
	});

	const headers = ['序号', '小区编号', '小区名称', '考核期', '综合管理', '房屋维修养护', '电梯', '消防', '保洁（15分）', '绿化', '满意度', '总分'];
	it('are recognised, with indicator columns mapped to codes', () => {
		const g = detectDataset(headers);
		expect(g.dataset).toBe('scores');
		expect(g.layout).toBe('wide');
		expect(g.mapping).toEqual([
			null,
			'estate_id',
			null,
			'period',
			'indicator:management',
			'indicator:upkeep',
			'indicator:elevator',
			'indicator:fire',
			'indicator:cleaning',
			'indicator:greening',
			'indicator:satisfaction',
			null
		]);
	});
	it('need a period column unless the period is known from elsewhere', () => {
		const noPeriod = headers.filter((h) => h !== '考核期');
		expect(detectDataset(noPeriod).missing).toEqual(['period']);
		expect(detectDataset(noPeriod, { periodKnown: true }).missing).toEqual([]);
	});
	it('reads a month or quarter column named the way inspection sheets name it as the period', () => {
		for (const period of ['考核月份', '考评月份', '考核季度', '考评期', '考评期间']) {
			const g = detectDataset(['小区编号', period, '考核项目', '得分', '数据来源']);
			expect(g.dataset, period).toBe('scores');
			expect(g.mapping, period).toEqual(['estate_id', 'period', 'indicator', 'score', 'source']);
		}
	});

	it('reads any assessment word before any word for a time as the period column, in long and wide sheets', () => {
		for (const period of ['考评时间', '考核时间', '检查月份', '测评年月', '统计期间', '所属期', '评价季度', '巡查日期', '考 评 时 间', '考评时间：']) {
			expect(detectDataset(['小区编号', period, '考核项目', '得分', '数据来源']).mapping, period).toEqual(['estate_id', 'period', 'indicator', 'score', 'source']);
			const wide = detectDataset(['小区名称', period, '综合管理', '保洁', '绿化']);
			expect(wide.layout, period).toBe('wide');
			expect(wide.mapping[1], period).toBe('period');
		}
		// Not a time, or no assessment word: not the period.
		for (const other of ['考评人', '填表时', '时间段说明', '检查']) expect(detectDataset(['小区编号', other, '考核项目', '得分', '数据来源']).mapping[1], other).toBeNull();
	});

	it('a header naming the period exactly wins over one that only fits the pattern, wherever it stands', () => {
		const g = detectDataset(['小区编号', '填报日期', '考核期', '考核项目', '得分', '数据来源']);
		expect(g.mapping).toEqual(['estate_id', null, 'period', 'indicator', 'score', 'source']);
		expect(g.duplicates).toEqual([[1, 2]]);
		const wide = detectDataset(['小区编号', '检查日期', '考评时间', '综合管理', '保洁']);
		expect(wide.mapping.slice(0, 3)).toEqual(['estate_id', 'period', null]);
	});

	it('long-form score files stay long', () => {
		expect(detectDataset(['小区编号', '期间', '指标', '得分', '来源']).layout).toBe('long');
	});
});

describe('header rows', () => {
	it('skips title and blank rows above the header', () => {
		const rows = [
			['2024年第一季度物业服务考评汇总表', '2024年第一季度物业服务考评汇总表', '2024年第一季度物业服务考评汇总表'],
			[null, null, null],
			['填报单位：临江区房管局', null, '单位：分'],
			['小区编号', '小区名称', '得分'],
			['LJ0001', '梅园', 88]
		];
		expect(detectHeaderRow(rows)).toEqual({ index: 3, reason: 'aliases' });
	});
	it('falls back to the first mostly-text row when no header is known', () => {
		expect(detectHeaderRow([['Report'], ['alpha', 'beta', 'gamma'], ['1', '2', '3']])).toEqual({ index: 1, reason: 'text' });
	});
	it('fills an empty header cell from the cell above (two-level headers)', () => {
		const rows = [
			['小区编号', '考评得分', null],
			[null, '综合管理', '保洁']
		];
		expect(headerTexts(rows, 1)).toEqual(['小区编号', '综合管理', '保洁']);
	});
});

describe('headerSignature', () => {
	it('ignores case, spaces, full-width forms and trailing units; keeps order', () => {
		const a = headerSignature(['小区编号', 'Fee', '收缴率(%)']);
		expect(headerSignature([' 小区编号 ', 'fee', '收缴率（%）'])).toBe(a);
		expect(headerSignature(['Fee', '小区编号', '收缴率(%)'])).not.toBe(a);
		expect(headerSignature(['小区编号', 'Fee'])).not.toBe(a);
		expect(a).toMatch(/^h3-[0-9a-f]{16}$/);
	});
});
