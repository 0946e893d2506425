import { describe, expect, it } from 'vitest';
import { buildIndex, loadPinyin, searchEstates } from '../../../src/lib/app/estate-search';

// Hand-written names and their pinyin as a person reads them.
const ESTATES = [
	{ id: 'LJ0001', name: '梅澜公寓', subdistrict: '江滨街道' },
	{ id: 'LJ0002', name: '临江花园', subdistrict: '江滨街道' },
	{ id: 'LJ0012', name: '锦馨一村', subdistrict: '北塘街道' },
	{ id: 'LJ0120', name: '重庆路小区', subdistrict: '新城街道' },
	{ id: 'X9', name: '江景湾', subdistrict: null }
];

describe('estate search', async () => {
	const index = buildIndex(ESTATES, await loadPinyin());
	const ids = (q: string) => searchEstates(index, q).map((e) => e.id);

	it('finds an estate by its pinyin initials, in either case', () => {
		expect(ids('ljhy')).toEqual(['LJ0002']); // 临 lín 江 jiāng 花 huā 园 yuán
		expect(ids('LJHY')).toEqual(['LJ0002']);
		expect(ids('jxyc')).toEqual(['LJ0012']); // 锦 jǐn 馨 xīn 一 yī 村 cūn
	});

	it('reads a many-reading character as the place name does', () => {
		expect(ids('cqlxq')).toEqual(['LJ0120']); // 重庆 is chóng qìng, not zhòng
	});

	it('finds by full syllables and by part of the name', () => {
		expect(ids('linjiang')).toEqual(['LJ0002']);
		expect(ids('江')).toEqual(['X9', 'LJ0002']); // the name that starts with 江 first
	});

	it('puts an exact id first, then ids that start with the text', () => {
		expect(ids('lj0012')).toEqual(['LJ0012']);
		// LJ0001 and LJ0002 start with LJ000; LJ0012 and LJ0120 do not.
		expect(ids('LJ000')).toEqual(['LJ0001', 'LJ0002']);
		// Only LJ0120 has "0120" in its id; no name or pinyin holds it.
		expect(ids('0120')).toEqual(['LJ0120']);
	});

	it('matches nothing for empty or unknown text, and honours the limit', () => {
		expect(ids('  ')).toEqual([]);
		expect(ids('zzzz')).toEqual([]);
		expect(searchEstates(index, 'lj', 2)).toHaveLength(2);
	});
});
