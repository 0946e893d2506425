/**
 * A motion's kind from its words (docs/sources.md §8, Civil Code art. 278): items 6-8 major, items 1-5 and the fee
 * ordinary, anything else unknown (the person says). And a vote sheet without a 事项类别 column (reading rules 13).
 */
import { describe, expect, it } from 'vitest';
import { motionKindOf } from '../../../../src/lib/domain/negotiation/motion-kind';
import { prepareImport } from '../../../../src/lib/import/index';
import { DATASETS } from '../../../../src/lib/data/datasets';
import { csvText, gbk } from '../../../fixtures/import-files';

describe('a motion\'s kind from its words', () => {
	it('raising the fund, rebuilding and a business with common parts are major (items 6-8)', () => {
		for (const m of ['关于筹集专项维修资金的议案', '续筹住宅专项维修资金方案', '筹集并使用维修资金更新电梯', '3号楼拆除重建', '改变小区会所用途', '利用共有部分设置广告位经营', '地下车库共有部分出租经营']) expect(motionKindOf(m), m).toBe('major');
	});

	it('the rules, the statute, the committee, the firm, using the fund and the fee are ordinary (items 1-5, 9)', () => {
		for (const m of ['修改业主大会议事规则', '制定管理规约', '选举第三届业主委员会委员', '续聘物业服务企业', '解聘临江物业公司', '使用专项维修资金维修屋面', '动用维修资金更换水泵', '物业费由1.55元/㎡·月调整为1.80元/㎡·月', '关于调整物业服务收费标准的议案']) expect(motionKindOf(m), m).toBe('ordinary');
	});

	it('says nothing of a motion whose words say neither', () => {
		for (const m of ['关于小区大门的议案', '其他事项', '']) expect(motionKindOf(m), m).toBeUndefined();
	});
});

describe('a vote sheet without a 事项类别 column', () => {
	const header = ['小区编号', '表决事项', '专有部分面积总数（㎡）', '业主总人数', '参与表决人数', '参与表决面积', '同意人数', '同意面积'];
	const row = (motion: string) => ['LJ0002', motion, '62,113.57', '1017户', '812户', '49,870.20', '560户', '34,102.55'];

	it('reads each motion\'s kind from its words and says so once; a motion that says neither is an error on its row', async () => {
		const p = await prepareImport({ name: '表决结果.csv', bytes: gbk(csvText([header, row('关于调整物业服务收费标准的议案'), row('续筹专项维修资金'), row('关于小区大门的议案')])) }, { dataset: 'votes' });
		const kind = p.columns[DATASETS.votes.columns.findIndex((c) => c.name === 'motion_kind')];
		expect(kind.slice(0, 2)).toEqual(['ordinary', 'major']);
		expect(p.problems.find((x) => x.code === 'motion_kind_from_motion')?.params).toMatchObject({ ordinary: 1, major: 1 });
		const unknown = p.problems.filter((x) => x.code === 'motion_kind_unknown');
		expect(unknown.map((x) => [x.row, x.column, x.value, x.severity])).toEqual([[4, '表决事项', '关于小区大门的议案', 'error']]);
		expect(Array.from(p.invalid)).toEqual([0, 0, 1]);
	});
});
