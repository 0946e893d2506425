import { describe, expect, it } from 'vitest';
import { EstateNameIndex, estateNameKey, estateNameStem, generatedEstateId, isGeneratedId, placeKey, resolveNames } from '../../../../src/lib/domain/names';

describe('estate name keys (docs/sources.md §18.5)', () => {
	it('folds width, spaces, brackets and the generic 小区 suffix', () => {
		expect(estateNameKey('阳光花园小区')).toBe('阳光花园');
		expect(estateNameKey(' 阳光花园 ')).toBe('阳光花园');
		expect(estateNameKey('ＡＢＣ苑')).toBe('abc苑');
		expect(estateNameKey('阳光花园小区（一期）')).toBe('阳光花园#1期');
		expect(estateNameKey('阳光花园 一期')).toBe('阳光花园#1期');
		expect(estateNameKey('阳光花园1期')).toBe('阳光花园#1期');
	});
	it('keeps phases apart and drops bracketed notes', () => {
		expect(estateNameKey('阳光花园(二期)')).not.toBe(estateNameKey('阳光花园(一期)'));
		expect(estateNameKey('阳光花园(二期)')).not.toBe(estateNameKey('阳光花园'));
		expect(estateNameKey('阳光花园（原纺织厂宿舍）')).toBe('阳光花园');
	});
	it('a part named by direction or letter is its own estate, in brackets or not', () => {
		expect(estateNameKey('阳光花园（东区）')).toBe(estateNameKey('阳光花园东区'));
		expect(estateNameKey('阳光花园（东区）')).not.toBe(estateNameKey('阳光花园（西区）'));
		expect(estateNameKey('阳光花园（东区）')).not.toBe(estateNameKey('阳光花园'));
		expect(estateNameKey('阳光花园A区')).toBe(estateNameKey('阳光花园（a区）'));
		// Pinned before this rule: the bare name's generated id did not change.
		expect(generatedEstateId('阳光花园东区', '城关')).toBe('Na7fd08f01cb5');
		expect(generatedEstateId('阳光花园（东区）', '城关')).toBe('Na7fd08f01cb5');
	});
	it('第二期 is 二期 and 2期; 十一期 is 11期', () => {
		expect(estateNameKey('阳光花园第二期')).toBe('阳光花园#2期');
		expect(estateNameKey('阳光花园（第二期）')).toBe('阳光花园#2期');
		expect(estateNameKey('阳光花园十一期')).toBe(estateNameKey('阳光花园11期'));
		expect(estateNameKey('阳光花园十一期')).not.toBe(estateNameKey('阳光花园1期'));
	});
	it('a name without 花园 or 苑 has the same stem but not the same key', () => {
		expect(estateNameKey('翠竹苑')).not.toBe(estateNameKey('翠竹'));
		expect(estateNameStem('翠竹苑')).toBe(estateNameStem('翠竹花园'));
	});
	it('place keys drop 街道 and 镇', () => {
		expect(placeKey('城关街道')).toBe(placeKey('城关'));
		expect(placeKey('城关街道办事处')).toBe('城关');
		expect(placeKey(null)).toBe('');
	});
});

describe('generated ids', () => {
	it('are stable, depend on name key and subdistrict only, and look generated', () => {
		const a = generatedEstateId('阳光花园小区', '城关街道');
		expect(a).toBe(generatedEstateId('阳光花园', '城关'));
		expect(a).not.toBe(generatedEstateId('阳光花园', '东城街道'));
		expect(a).not.toBe(generatedEstateId('阳光花园(一期)', '城关街道'));
		expect(isGeneratedId(a)).toBe(true);
		expect(isGeneratedId('E001')).toBe(false);
		// Pinned: a change of the hash would give every estate of every stored import a new id.
		expect(generatedEstateId('阳光花园', '城关')).toMatchInlineSnapshot(`"N22d3d20da9b6"`);
	});
	it('do not collide over 20,000 distinct names', () => {
		const ids = new Set<string>();
		for (let i = 0; i < 20000; i++) ids.add(generatedEstateId(`小区${i}号`, `街道${i % 13}`));
		expect(ids.size).toBe(20000);
	});
});

describe('matching names to estates', () => {
	const index = new EstateNameIndex([
		{ id: 'E1', name: '阳光花园', subdistrict: '城关街道' },
		{ id: 'E2', name: '阳光花园', subdistrict: '东城街道' },
		{ id: 'E3', name: '翠竹苑', subdistrict: '城关街道' },
		{ id: 'E4', name: '锦绣家园（一期）', subdistrict: null },
		{ id: 'E5', name: '锦绣家园（二期）', subdistrict: null }
	]);
	it('joins one estate of the same key, narrowed by subdistrict when both have one', () => {
		expect(index.match({ name: '翠竹苑小区' })).toEqual({ kind: 'matched', id: 'E3', how: 'name' });
		expect(index.match({ name: '阳光花园小区', subdistrict: '东城' })).toEqual({ kind: 'matched', id: 'E2', how: 'name_place' });
		expect(index.match({ name: '锦绣家园 1期' })).toEqual({ kind: 'matched', id: 'E4', how: 'name' });
	});
	it('never guesses: the same name in two subdistricts without one given is ambiguous', () => {
		const m = index.match({ name: '阳光花园' });
		expect(m.kind).toBe('ambiguous');
		expect(m.kind === 'ambiguous' && m.candidates.map((c) => c.id)).toEqual(['E1', 'E2']);
	});
	it('a name missing a suffix is unmatched, with the estate of the same stem offered first', () => {
		const m = index.match({ name: '翠竹' });
		expect(m.kind).toBe('unmatched');
		expect(m.kind === 'unmatched' && m.candidates[0].id).toBe('E3');
		const phase = index.match({ name: '锦绣家园' });
		expect(phase.kind).toBe('unmatched');
		expect(phase.kind === 'unmatched' && phase.candidates.map((c) => c.id).sort()).toEqual(['E4', 'E5']);
	});
	it("the user's answer wins, and a refusal leaves the row without an estate", () => {
		expect(index.match({ name: '阳光花园' }, { '阳光花园|': 'E1' })).toEqual({ kind: 'matched', id: 'E1', how: 'user' });
		expect(index.match({ name: '翠竹' }, { '翠竹|': null })).toEqual({ kind: 'refused' });
	});
	it('lists each unresolved name once with all its rows', () => {
		const r = resolveNames(
			[{ name: '翠竹苑' }, { name: '翠竹' }, { name: '阳光花园' }, { name: '翠竹 ' }],
			[3, 4, 5, 6],
			index
		);
		expect(r.ids).toEqual(['E3', null, null, null]);
		expect(r.issues.map((i) => [i.name, i.kind, i.rows])).toEqual([
			['翠竹', 'unmatched', [4, 6]],
			['阳光花园', 'ambiguous', [5]]
		]);
	});
	it('a name with its counting numerals written the other way (锦馨1村 for 锦馨一村) is the same estate, and said', () => {
		const villages = new EstateNameIndex([
			{ id: 'V1', name: '锦馨一村' },
			{ id: 'V2', name: '金桥十一街坊' },
			{ id: 'V3', name: '一品苑' },
			{ id: 'V4', name: '新港2村', subdistrict: '城关街道' },
			{ id: 'V5', name: '新港二村', subdistrict: '东城街道' }
		]);
		expect(villages.match({ name: '锦馨1村' })).toEqual({ kind: 'matched', id: 'V1', how: 'name', numerals: { id: 'V1', name: '锦馨一村' } });
		expect(villages.match({ name: '金桥11街坊' })).toMatchObject({ kind: 'matched', id: 'V2' });
		// The exact name needs no note.
		expect(villages.match({ name: '锦馨一村小区' })).toEqual({ kind: 'matched', id: 'V1', how: 'name' });
		// 一 in 一品苑 counts nothing: 1品苑 is not its name (offered, not joined).
		expect(villages.match({ name: '1品苑' }).kind).toBe('unmatched');
		// Another number is another village.
		expect(villages.match({ name: '锦馨2村' }).kind).toBe('unmatched');
		// The exact name first; its place may point at the estate written the other way.
		expect(villages.match({ name: '新港2村' })).toEqual({ kind: 'matched', id: 'V4', how: 'name' });
		expect(villages.match({ name: '新港2村', subdistrict: '东城' })).toMatchObject({ kind: 'matched', id: 'V5', how: 'name_place' });
		const r = resolveNames([{ name: '锦馨1村' }, { name: '锦馨一村' }, { name: '锦馨1村' }], [2, 3, 4], villages);
		expect(r.ids).toEqual(['V1', 'V1', 'V1']);
		expect(r.numerals).toEqual([{ name: '锦馨1村', estate: { id: 'V1', name: '锦馨一村' }, row: 2, rows: 2 }]);
	});
});
