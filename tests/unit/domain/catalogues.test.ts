import { describe, expect, it } from 'vitest';
import {
	CHONGQING_2024,
	DEFAULT_CATALOGUE,
	DONGGUAN,
	GUANGZHOU_2023,
	GUIDE_PRICE_CATALOGUES,
	NANJING_DRAFT_2021,
	SHAANXI_XIAN,
	catalogueRange,
	findCatalogue,
	guidePrice,
	parseGuidePriceCatalogue
} from './helpers';

describe('shipped catalogues', () => {
	it('default is the illustrative five-level ladder, labelled as such', () => {
		expect(DEFAULT_CATALOGUE.id).toBe('illustrative-shanghai-style');
		expect(DEFAULT_CATALOGUE.status).toBe('illustrative');
		expect(DEFAULT_CATALOGUE.verified).toBe(false);
		expect(DEFAULT_CATALOGUE.provenance.tag).toBe('E');
		expect(DEFAULT_CATALOGUE.rows).toHaveLength(10); // 5 grades × 2 building types
	});

	it('every catalogue has unique id, provenance, and passes its schema', () => {
		const ids = GUIDE_PRICE_CATALOGUES.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const c of GUIDE_PRICE_CATALOGUES) {
			expect(c.provenance.source.length).toBeGreaterThan(0);
			expect(parseGuidePriceCatalogue(c).success).toBe(true);
		}
		expect(findCatalogue('dongguan')).toBe(DONGGUAN);
		expect(findCatalogue('nope')).toBeUndefined();
	});
});

describe('guidePrice', () => {
	it('illustrative ladder: high-rise 2.30 / 1.90 / 1.50 / 1.10 / 0.70, multi 1.50 … 0.40', () => {
		expect(guidePrice(DEFAULT_CATALOGUE, 'high', 1).price).toBe(2.3);
		expect(guidePrice(DEFAULT_CATALOGUE, 'high', 3).price).toBe(1.5);
		expect(guidePrice(DEFAULT_CATALOGUE, 'high', 5).price).toBe(0.7);
		expect(guidePrice(DEFAULT_CATALOGUE, 'multi', 2).price).toBe(1.2);
		expect(guidePrice(DEFAULT_CATALOGUE, 'multi', 5).price).toBe(0.4);
	});

	it('Dongguan grade 1 is missing, not invented; the published range is given instead', () => {
		const r = guidePrice(DONGGUAN, 'high', 1);
		expect(r.price).toBeNull();
		expect(r.missing).toBe('grade_not_published');
		// high-rise prices published: 2.00, 1.60, 1.30, 1.00 → range 1.00-2.00
		expect(r.range).toEqual({ low: 1, high: 2 });
		expect(guidePrice(DONGGUAN, 'high', 2).price).toBe(2);
		expect(guidePrice(DONGGUAN, 'multi', 4).price).toBe(0.4);
		expect(guidePrice(DONGGUAN, 'multi', 5).missing).toBe('grade_not_published');
	});

	it("Shaanxi/Xi'an has four levels: multi L4 0.30, no grade 5", () => {
		expect(guidePrice(SHAANXI_XIAN, 'multi', 4).price).toBe(0.3);
		expect(guidePrice(SHAANXI_XIAN, 'high', 1).price).toBe(1.5);
		expect(guidePrice(SHAANXI_XIAN, 'high', 5).missing).toBe('grade_not_published');
	});

	it('range-only catalogues give the range and no price', () => {
		const r = guidePrice(NANJING_DRAFT_2021, 'high', 2);
		expect(r.price).toBeNull();
		expect(r.missing).toBe('range_only');
		expect(r.range).toEqual({ low: 0.9, high: 2.6 });
		expect(guidePrice(CHONGQING_2024, 'multi', 3).range).toEqual({ low: 0.6, high: 1.35 });
	});

	it('Guangzhou has no multi-storey prices at all', () => {
		const r = guidePrice(GUANGZHOU_2023, 'multi', 1);
		expect(r.missing).toBe('building_type_not_published');
		expect(r.range).toBeNull();
		expect(guidePrice(GUANGZHOU_2023, 'high', 1).price).toBe(2.8);
		expect(guidePrice(GUANGZHOU_2023, 'high', 3).missing).toBe('grade_not_published');
	});

	it('catalogueRange spans rows: illustrative multi 0.40-1.50', () => {
		expect(catalogueRange(DEFAULT_CATALOGUE, 'multi')).toEqual({ low: 0.4, high: 1.5 });
	});
});
