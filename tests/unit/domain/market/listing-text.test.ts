/** Listing-site text read into numbers (docs/sources.md §14.1): each expected value worked out from the text by hand. */
import { describe, expect, it } from 'vitest';
import { buildingFormOf, findDateInText, parseHousePrice, parseListingCount, parseListingFee, parseYearBuilt } from '../../../../src/lib/domain/market/listing-text';

const fee = (t: string | number | null) => {
	const r = parseListingFee(t);
	if ('error' in r) throw new Error(r.error);
	return r.fee;
};

describe('parseListingFee', () => {
	it('reads a single fee in every unit spelling', () => {
		for (const t of ['2.38元/平米/月', '2.38 元/㎡·月', '2.38元/平方米·月', '2.38元/m²/月', '２．３８元/平米/月', '2.38元/平米/月元/平米/月']) {
			expect(fee(t), t).toEqual({ low: 2.38, high: 2.38, mid: 2.38, unit: 'per_m2_month', perDay: false, perYear: false, forms: null });
		}
	});
	it('keeps a range as low/high with the midpoint', () => {
		expect(fee('1.14至2.48元/平米/月')).toMatchObject({ low: 1.14, high: 2.48, mid: 1.81 });
		expect(fee('2.5~3.0 元/㎡·月')).toMatchObject({ low: 2.5, high: 3, mid: 2.75 });
		expect(fee('1.2-1.8')).toMatchObject({ low: 1.2, high: 1.8, mid: 1.5 });
		expect(fee('3元至2元')).toMatchObject({ low: 2, high: 3, mid: 2.5 });
	});
	it('reads "no value" texts as null', () => {
		for (const t of ['暂无信息', '暂无资料', '暂无数据', '待定', ' 暂无数据 ', '-', '', null]) expect(fee(t), String(t)).toBeNull();
	});
	it('converts a daily fee to a month at 30 days and flags it', () => {
		expect(fee('0.05元/平方米·天')).toEqual({ low: 1.5, high: 1.5, mid: 1.5, unit: 'per_m2_month', perDay: true, perYear: false, forms: null });
	});
	it('converts a yearly fee to a month (÷12) and flags it', () => {
		// 24 / 12 = 2; 18-30 / 12 = 1.5-2.5.
		expect(fee('24元/平米/年')).toEqual({ low: 2, high: 2, mid: 2, unit: 'per_m2_month', perDay: false, perYear: true, forms: null });
		expect(fee('18-30元/㎡·年')).toMatchObject({ low: 1.5, high: 2.5, mid: 2, perYear: true });
		expect(fee('960元/户·年')).toMatchObject({ low: 80, unit: 'per_household_month', perYear: true });
		// A year written beside a monthly fee is a date, not the fee's period.
		expect(fee('2.5元/平米/月（2019年）')).toMatchObject({ low: 2.5, perYear: false });
	});
	it('a year or a date beside a fee is when it was seen, never an amount', () => {
		// Read as an amount, 2019 was the top of a range 2.5-2019 (mid 1,010.75).
		const single = { low: 2.5, high: 2.5, mid: 2.5, unit: 'per_m2_month', perDay: false, perYear: false, forms: null };
		for (const t of ['2.5元/平米/月（2019年）', '2.5元/平米/月(2019年起)', '2.5元/平米/月 更新于2024-05-01', '2019年：2.5元/平米/月', '2.5元/平米/月（2023年5月调整）']) expect(fee(t), t).toEqual(single);
		expect(fee('1.5-2元/平米/月（2024.05）')).toMatchObject({ low: 1.5, high: 2, mid: 1.75 });
		// Years alone are no fee: above 100 元/㎡·月 nothing is read as one.
		expect(parseListingFee('2020-2023')).toEqual({ error: 'not a fee per m2' });
		expect(parseListingFee('150元/平米/月')).toEqual({ error: 'not a fee per m2' });
		// Amounts that look like years stay amounts: 1950 / 12 = 162.5 and 2000-2500 / 12 a home and month.
		expect(fee('1950.00元/户/年')).toMatchObject({ low: 162.5, high: 162.5, unit: 'per_household_month', perYear: true });
		expect(fee('2000-2500元/户/年')).toMatchObject({ low: 166.666667, high: 208.333333, unit: 'per_household_month' });
	});
	it('a building form written after its fee, in brackets, labels that fee', () => {
		const r = fee('1.5元/平米/月(多层) 2.2元/平米/月(高层)')!;
		expect([r.low, r.high, r.mid]).toEqual([1.5, 2.2, 1.85]);
		expect(r.forms!.map((f) => [f.form, f.code, f.low])).toEqual([
			['多层', 'low', 1.5],
			['高层', 'high', 2.2]
		]);
		expect(fee('2.0元/㎡·月（住宅）；6元/㎡·月（商铺）')).toMatchObject({ low: 2, high: 2 });
	});
	it('flags a per-household fee', () => {
		expect(fee('30元/户·月')).toMatchObject({ low: 30, unit: 'per_household_month', perDay: false });
	});
	it('keeps a fee per building form and uses the range across residential forms', () => {
		expect(fee('多层1.2元/平米/月，小高层1.8元/平米/月')).toEqual({
			low: 1.2,
			high: 1.8,
			mid: 1.5,
			unit: 'per_m2_month',
			perDay: false,
			perYear: false,
			forms: [
				{ form: '多层', code: 'low', low: 1.2, high: 1.2 },
				{ form: '小高层', code: 'mid_high', low: 1.8, high: 1.8 }
			]
		});
		const r = fee('板楼：2.1元/平米/月 塔楼：2.4-2.6元/平米/月 商铺：5元/平米/月')!;
		expect([r.low, r.high, r.mid]).toEqual([2.1, 2.6, 2.35]);
		expect(r.forms!.map((f) => [f.form, f.low, f.high])).toEqual([
			['板楼', 2.1, 2.1],
			['塔楼', 2.4, 2.6],
			['商铺', 5, 5]
		]);
	});
	it('a fee before a parking or shop fee is the homes\' own; labelled shop fees alone are no home fee', () => {
		const r = fee('2.5元/平米/月，车位费300元/月')!;
		expect([r.low, r.high, r.mid, r.unit]).toEqual([2.5, 2.5, 2.5, 'per_m2_month']);
		expect(r.forms).toEqual([{ form: '车位', code: null, low: 300, high: 300 }]);
		expect(parseListingFee('商铺5元/平米/月，车位费300元/月')).toEqual({ error: 'only non-residential fees' });
	});
	it('an add-on (电梯费, 二次供水) is paid on top: the homes pay from the fee to the fee plus the add-ons', () => {
		// 1.5 + 0.3 = 1.8 for the homes with a lift; read as two fees it was the range 0.3-1.5.
		expect(fee('1.5元/平米/月+0.3元/平米/月电梯费')).toMatchObject({ low: 1.5, high: 1.8, mid: 1.65, unit: 'per_m2_month' });
		expect(fee('1.2元/平米/月（电梯费另计0.3元）')).toMatchObject({ low: 1.2, high: 1.5, mid: 1.35 });
		expect(fee('1.2元/平米/月，电梯费另收0.3元/平米/月')).toMatchObject({ low: 1.2, high: 1.5 });
		// 1.5 + 0.3 + 0.2 = 2.0.
		expect(fee('1.5元/平米/月+0.3元/平米/月电梯费+0.2元/平米/月二次供水')).toMatchObject({ low: 1.5, high: 2 });
		// Per form, the same rule: 小高层 from 1.8 to 1.8 + 0.3 = 2.1.
		expect(fee('多层1.2元/平米/月，小高层1.8元/平米/月+0.3电梯费')!.forms).toEqual([
			{ form: '多层', code: 'low', low: 1.2, high: 1.2 },
			{ form: '小高层', code: 'mid_high', low: 1.8, high: 2.1 }
		]);
		// A daily fee with a daily add-on: (0.05 + 0.01) × 30 = 1.8 a month.
		expect(fee('0.05元/平方米·天+0.01元/平方米·天')).toMatchObject({ low: 1.5, high: 1.8, perDay: true });
		// An add-on per home is another unit: not added, and the fee stays per ㎡.
		expect(fee('1.5元/平米/月，电梯费另计20元/户/月')).toMatchObject({ low: 1.5, high: 1.5, unit: 'per_m2_month' });
		expect(fee('1.5元/平米/月+20元/月电梯费')).toMatchObject({ low: 1.5, high: 1.5 });
		// An add-on named without an amount adds nothing, and two fees beside it stay their range.
		expect(fee('1.5元/平米/月（二次供水另计）')).toMatchObject({ low: 1.5, high: 1.5 });
		expect(fee('1.5元/平米/月 2.0元/平米/月（电梯费另计）')).toMatchObject({ low: 1.5, high: 2 });
	});
	it('a lift fee named apart is an add-on; other named fees are not the property fee', () => {
		// 1.6 + 0.3 = 1.9 for the homes with a lift; read as two fees it was the range 0.3-1.6 (mid 0.95).
		for (const t of ['1.6元/平米/月 电梯费0.3元/平米/月', '物业费1.6元，电梯费0.3元', '电梯费0.3元/平米/月，物业费1.6元/平米/月', '1.6元/平米/月，0.3元/平米/月电梯费']) {
			expect(fee(t), t).toMatchObject({ low: 1.6, high: 1.9, mid: 1.75, unit: 'per_m2_month' });
		}
		// 1.2 + 0.4 + 0.1 = 1.7.
		expect(fee('1.2元/平方米/月，电梯运行费0.4元/平方米/月，二次供水费0.1元/平方米/月')).toMatchObject({ low: 1.2, high: 1.7 });
		// Per form, the lift fee is the forms with lifts': 高层 1.8 + 0.3 = 2.1, 多层 stays 1.2, whichever comes first.
		for (const t of ['高层1.8元/平米/月，多层1.2元/平米/月，电梯费0.3元/平米/月', '多层1.2元/平米/月，高层1.8元/平米/月，电梯费0.3元/平米/月']) {
			const r = fee(t)!;
			expect([r.low, r.high], t).toEqual([1.2, 2.1]);
			expect(Object.fromEntries(r.forms!.map((f) => [f.form, [f.low, f.high]])), t).toEqual({ 多层: [1.2, 1.2], 高层: [1.8, 2.1] });
		}
		// Rubbish, heating, water and power are not the property fee: 1.6, 1.5 and 1.6 alone (they made 0.2-1.6, 1.5-24).
		expect(fee('物业费1.6元，垃圾费0.2元')).toMatchObject({ low: 1.6, high: 1.6 });
		expect(fee('物业费1.5元/平米/月，取暖费24元/平米/年')).toMatchObject({ low: 1.5, high: 1.5, perYear: false });
		expect(fee('1.5元/平米/月，垃圾清运费10元/户/月')).toMatchObject({ low: 1.5, unit: 'per_m2_month' });
		expect(fee('1.6元/平米/月，水费3.5元/吨')).toMatchObject({ low: 1.6, high: 1.6 });
		// A fee that includes the lift's is one fee.
		for (const t of ['含电梯费1.8元/平米/月', '1.8元/平米/月含电梯费', '1.8元/平米/月（含电梯费）', '1.8元/平米/月电梯费另计']) expect(fee(t), t).toMatchObject({ low: 1.8, high: 1.8 });
		// Only another fee: no property fee in the text.
		expect(parseListingFee('电梯费0.3元/平米/月')).toEqual({ error: 'only other fees' });
	});
	it('a year alone in brackets is when the fee was seen; thousands separators are read', () => {
		expect(fee('1.6元/㎡/月 (2019)')).toMatchObject({ low: 1.6, high: 1.6 });
		expect(fee('1.6元/㎡/月【2019】')).toMatchObject({ low: 1.6, high: 1.6 });
		// 1,800 / 12 = 150 a month: per ㎡ that is no fee (it was 0.083-66.7, the comma splitting 1 and 800).
		expect(parseListingFee('1,800元/年')).toEqual({ error: 'not a fee per m2' });
		expect(fee('1,800元/户/年')).toMatchObject({ low: 150, unit: 'per_household_month', perYear: true });
	});
	it('no-value words with no figure are no value', () => {
		for (const t of ['物业费暂无', '暂无物业费信息', '价格待定']) expect(fee(t), t).toBeNull();
	});
	it('says why a text has no fee', () => {
		expect(parseListingFee('面议')).toEqual({ error: 'no number' });
	});
});

describe('other listing cells', () => {
	it('year, households, buildings, house price', () => {
		expect(parseYearBuilt('2006年建成 ')).toEqual({ value: 2006 });
		expect(parseYearBuilt('2006-2010年')).toEqual({ value: 2006 });
		expect(parseYearBuilt('暂无数据')).toEqual({ value: null });
		expect(parseYearBuilt('很久以前')).toEqual({ error: 'not a year' });
		expect(parseListingCount('7231户')).toEqual({ value: 7231 });
		expect(parseListingCount('共41栋')).toEqual({ value: 41 });
		expect(parseListingCount('1,124 户')).toEqual({ value: 1124 });
		expect(parseHousePrice('65,000元/平米')).toEqual({ value: 65000 });
		expect(parseHousePrice('6.5万')).toEqual({ value: 65000 });
		// A home's total price is not a price per m².
		expect(parseHousePrice('350万')).toEqual({ error: 'total price' });
		expect(parseHousePrice('12.5万元/㎡')).toEqual({ value: 125000 });
	});
	it('a count in 万, the count of the column\'s own measure, a house price range as its midpoint', () => {
		expect(parseListingCount('1.2万户', 'households')).toEqual({ value: 12000 });
		expect(parseListingCount('1.5万')).toEqual({ value: 15000 });
		// It was 1: the digits before the point.
		expect(parseListingCount('12.5户')).toEqual({ error: 'not a whole number' });
		expect(parseListingCount('7231户/41栋', 'households')).toEqual({ value: 7231 });
		expect(parseListingCount('7231户/41栋', 'buildings')).toEqual({ value: 41 });
		expect(parseListingCount('7231户', 'buildings')).toEqual({ error: 'another count' });
		expect(parseListingCount('41', 'buildings')).toEqual({ value: 41 });
		// (52,000 + 68,000) / 2 = 60,000; it was the first, 52,000.
		expect(parseHousePrice('5.2万-6.8万元/㎡')).toEqual({ value: 60000 });
		expect(parseHousePrice('5.2-6.8万元/㎡')).toEqual({ value: 60000 });
		expect(parseHousePrice('52,000-68,000元/平米')).toEqual({ value: 60000 });
		expect(parseHousePrice('均价待定')).toEqual({ value: null });
	});
	it('building forms through the value map', () => {
		expect(buildingFormOf('板楼')).toBe('slab');
		expect(buildingFormOf('塔楼')).toBe('tower');
		expect(buildingFormOf('塔板结合')).toBe('slab_tower');
		expect(buildingFormOf('板楼/塔楼')).toBe('slab_tower');
		expect(buildingFormOf('小高层')).toBe('mid_high');
		expect(buildingFormOf('高层')).toBe('high');
		expect(buildingFormOf('联排别墅')).toBe('villa');
		expect(buildingFormOf('多层/高层')).toBe('mixed');
		expect(buildingFormOf('暂无数据')).toBeNull();
	});
	it('dates in titles and file names', () => {
		expect(findDateInText('链家小区数据 2024年5月1日导出')).toBe('2024-05-01');
		expect(findDateInText('xiaoqu_20240315.json')).toBe('2024-03-15');
		expect(findDateInText('小区列表')).toBeNull();
	});
});
