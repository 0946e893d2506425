/**
 * Guide-price catalogues (政府指导价, 元/㎡·月) shipped as data, and the lookup of a price by building type
 * and grade. Grades missing from a source are absent rows, never invented values.
 *
 * Mapping conventions [E, this app's]:
 * - A source's "no elevator / multi-storey" column is building type 'multi'; "elevator / high-rise" is 'high'.
 * - A source's level L1…L5 is grade 1…5 (L1 = 一级, the best). A four-level source has no price for grade 5.
 * - A source that gives only an overall low-high range per building type (no per-grade prices) is a
 *   'range' catalogue: its `ranges` hold the range and its `rows` are empty. Copying the range into every
 *   grade would suggest a per-grade statement the source does not make, and a QPR needs one price.
 */
import { formatFigure } from './format';
import type { Grade } from './grades';
import type { Bilingual, Provenance } from './provenance';
import type { BuildingType } from './vocabulary';

/** One published guide price: a building type at a grade. */
export interface GuidePriceRow {
	building_type: BuildingType;
	grade: Grade;
	/** Base guide price, 元/㎡·月. */
	price: number;
	/** Allowed float, where the source gives one. */
	price_low?: number;
	price_high?: number;
}

/** An overall price range for a building type, for sources without per-grade prices. */
export interface GuidePriceRange {
	building_type: BuildingType;
	low: number;
	high: number;
}

/** Status of a catalogue's source. */
export type CatalogueStatus = 'official' | 'draft' | 'illustrative';

/** A guide-price table with its source. */
export interface GuidePriceCatalogue {
	id: string;
	name_zh: string;
	name_en: string;
	/** Source text shown to the user (English). */
	source: string;
	/** The source text in Chinese; `source` stands in where absent (e.g. user or imported tables). */
	source_zh?: string;
	/** Year of the source; null when not known. */
	year: number | null;
	/** True when the figures were seen in a public source ([V]); false for illustrative tables. */
	verified: boolean;
	status: CatalogueStatus;
	/** 'per_grade': rows give prices by grade. 'range': only `ranges` are known. */
	kind: 'per_grade' | 'range';
	/** Number of service levels the source defines, when known. */
	levels: number | null;
	rows: readonly GuidePriceRow[];
	ranges: readonly GuidePriceRange[];
	provenance: Provenance;
	/** What the user should know before relying on it. */
	note: Bilingual;
}

/** Rows for a ladder of prices, best grade first. */
function ladder(buildingType: BuildingType, prices: readonly (readonly [Grade, number])[]): GuidePriceRow[] {
	return prices.map(([grade, price]) => ({ building_type: buildingType, grade, price }));
}

/** '三级' style name of a grade for sentences (the grade label adds 不达标 to grade 5, too long here). */
function zhGrade(grade: Grade): string {
	return `${'一二三四五'[grade - 1]}级`;
}

const CHECK_OFFICIAL = 'Seen in a secondary copy: check the official text before a legal use.';
const CHECK_OFFICIAL_ZH = '见于转载（二手）来源：用于法律用途前请核对官方原文。';

/**
 * Illustrative five-level ladder for a Shanghai-style district [E, not official]. The default catalogue
 * because it is the only complete five-level table for both building types.
 */
const ILLUSTRATIVE_SHANGHAI_STYLE: GuidePriceCatalogue = {
	id: 'illustrative-shanghai-style',
	name_zh: '示意五级价格表（上海式，非官方）',
	name_en: 'Illustrative five-level ladder (Shanghai-style, not official)',
	source:
		'Method notes §4: illustrative ladder for a Shanghai-style district. Shanghai 2005 had five levels with 2.30 as the ceiling [V]; its per-level prices were not found.',
	source_zh:
		'《质价方法与来源说明》§4：上海式城区的示意五级价格表，非官方。上海 2005 年物业服务分等收费为五级、最高 2.30 元/㎡·月 [V]，各级价格未找到。',
	year: null,
	verified: false,
	status: 'illustrative',
	kind: 'per_grade',
	levels: 5,
	rows: [
		...ladder('high', [[1, 2.3], [2, 1.9], [3, 1.5], [4, 1.1], [5, 0.7]]),
		...ladder('multi', [[1, 1.5], [2, 1.2], [3, 0.9], [4, 0.6], [5, 0.4]])
	],
	ranges: [],
	provenance: {
		tag: 'E',
		source: 'Method notes §4, illustrative five-level ladder [E, not official]',
		source_zh: '《质价方法与来源说明》§4：示意五级价格表（本应用的估计，非官方）'
	},
	note: {
		zh: '示意数据，并非任何政府公布的指导价。请替换为本地官方价格。',
		en: 'Illustrative only: not a guide price published by any government. Replace with local official prices.'
	}
};

/** Dongguan: high-rise L2-L5, multi-storey L2-L4; L1 not found [V]. */
export const DONGGUAN: GuidePriceCatalogue = {
	id: 'dongguan',
	name_zh: '东莞物业服务指导价',
	name_en: 'Dongguan guide prices',
	source: 'Method notes §4, Dongguan guide-price table [V]: multi L2 0.80, L3 0.60, L4 0.40; high L2 2.00, L3 1.60, L4 1.30, L5 1.00',
	source_zh: '《质价方法与来源说明》§4：东莞物业服务指导价表 [V]（年份未知）：多层 二级 0.80、三级 0.60、四级 0.40；高层 二级 2.00、三级 1.60、四级 1.30、五级 1.00',
	year: null,
	verified: true,
	status: 'official',
	kind: 'per_grade',
	levels: null,
	rows: [
		...ladder('high', [[2, 2.0], [3, 1.6], [4, 1.3], [5, 1.0]]),
		...ladder('multi', [[2, 0.8], [3, 0.6], [4, 0.4]])
	],
	ranges: [],
	provenance: {
		tag: 'V',
		source: 'Method notes §4, verified guide-price tables: Dongguan (year unknown)',
		source_zh: '《质价方法与来源说明》§4：公开来源所见的指导价表，东莞（年份未知）',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	},
	note: {
		zh: '一级价格未找到；多层五级价格未找到。年份未知。',
		en: 'Grade 1 prices not found; no multi-storey grade 5 price. Year unknown.'
	}
};

/** Shaanxi / Xi'an: four levels for both building types [V]. */
export const SHAANXI_XIAN: GuidePriceCatalogue = {
	id: 'shaanxi-xian',
	name_zh: '陕西/西安物业服务指导价',
	name_en: "Shaanxi / Xi'an guide prices",
	source: "Method notes §4, Shaanxi/Xi'an guide-price table [V]: multi 0.45 / 0.40 / 0.35 / 0.30; high 1.50 / 1.20 / 0.90 / 0.70 (L1-L4)",
	source_zh: '《质价方法与来源说明》§4：陕西/西安物业服务指导价表 [V]（年份未知）：一级至四级，多层 0.45 / 0.40 / 0.35 / 0.30，高层 1.50 / 1.20 / 0.90 / 0.70',
	year: null,
	verified: true,
	status: 'official',
	kind: 'per_grade',
	levels: 4,
	rows: [
		...ladder('high', [[1, 1.5], [2, 1.2], [3, 0.9], [4, 0.7]]),
		...ladder('multi', [[1, 0.45], [2, 0.4], [3, 0.35], [4, 0.3]])
	],
	ranges: [],
	provenance: {
		tag: 'V',
		source: "Method notes §4, verified guide-price tables: Shaanxi/Xi'an (year unknown)",
		source_zh: '《质价方法与来源说明》§4：公开来源所见的指导价表，陕西/西安（年份未知）',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	},
	note: {
		zh: '四个等级，五级（不达标）无指导价。年份未知。',
		en: 'Four levels: no guide price for grade 5 (below standard). Year unknown.'
	}
};

/** Guangzhou 2023: five levels, high-rise L1 and L5 only [V]. */
export const GUANGZHOU_2023: GuidePriceCatalogue = {
	id: 'guangzhou-2023',
	name_zh: '广州 2023 物业服务指导价',
	name_en: 'Guangzhou 2023 guide prices',
	source: 'Method notes §4, Guangzhou 2023 [V]: five levels, elevator / high-rise L1 2.80 … L5 0.90 (middle levels not found)',
	source_zh: '《质价方法与来源说明》§4：广州 2023 年物业服务指导价 [V]：五级，有电梯/高层 一级 2.80 … 五级 0.90（中间等级未找到）',
	year: 2023,
	verified: true,
	status: 'official',
	kind: 'per_grade',
	levels: 5,
	rows: ladder('high', [[1, 2.8], [5, 0.9]]),
	ranges: [],
	provenance: {
		tag: 'V',
		source: 'Method notes §4, verified guide-price tables: Guangzhou 2023',
		source_zh: '《质价方法与来源说明》§4：公开来源所见的指导价表，广州 2023 年',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	},
	note: {
		zh: '仅有高层一级与五级价格；中间等级与多层价格未找到。',
		en: 'Only high-rise grades 1 and 5; middle grades and multi-storey prices not found.'
	}
};

/** Nanjing draft (about 2021): five levels, only the overall range per building type [V]. */
export const NANJING_DRAFT_2021: GuidePriceCatalogue = {
	id: 'nanjing-draft-2021',
	name_zh: '南京物业服务指导价（征求意见稿，约 2021）',
	name_en: 'Nanjing guide prices (draft, about 2021)',
	source: 'Method notes §4, Nanjing draft ~2021 [V]: five levels, multi-storey 0.50-1.70, high-rise 0.90-2.60',
	source_zh: '《质价方法与来源说明》§4：南京物业服务指导价征求意见稿（约 2021 年）[V]：五级，多层 0.50-1.70，高层 0.90-2.60',
	year: 2021,
	verified: true,
	status: 'draft',
	kind: 'range',
	levels: 5,
	rows: [],
	ranges: [
		{ building_type: 'multi', low: 0.5, high: 1.7 },
		{ building_type: 'high', low: 0.9, high: 2.6 }
	],
	provenance: {
		tag: 'V',
		source: 'Method notes §4, verified guide-price tables: Nanjing draft (about 2021)',
		source_zh: '《质价方法与来源说明》§4：公开来源所见的指导价表，南京征求意见稿（约 2021 年）',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	},
	note: {
		zh: '征求意见稿，年份约为 2021；只知各建筑类型的总价格区间，无分级价格，不能计算质价比。',
		en: 'A draft, year approximate; only the overall range per building type is known, no per-grade prices, so no QPR.'
	}
};

/** Chongqing 2024: overall range per building type [V]. */
export const CHONGQING_2024: GuidePriceCatalogue = {
	id: 'chongqing-2024',
	name_zh: '重庆 2024 物业服务指导价区间',
	name_en: 'Chongqing 2024 guide-price ranges',
	source: 'Method notes §4, Chongqing 2024 [V]: no elevator 0.60-1.35, elevator 1.00-1.90',
	source_zh: '《质价方法与来源说明》§4：重庆 2024 年物业服务指导价 [V]：无电梯 0.60-1.35，有电梯 1.00-1.90',
	year: 2024,
	verified: true,
	status: 'official',
	kind: 'range',
	levels: null,
	rows: [],
	ranges: [
		{ building_type: 'multi', low: 0.6, high: 1.35 },
		{ building_type: 'high', low: 1.0, high: 1.9 }
	],
	provenance: {
		tag: 'V',
		source: 'Method notes §4, verified guide-price tables: Chongqing 2024',
		source_zh: '《质价方法与来源说明》§4：公开来源所见的指导价表，重庆 2024 年',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	},
	note: {
		zh: '只知各建筑类型的价格区间，无分级价格，不能计算质价比。',
		en: 'Only the range per building type is known, no per-grade prices, so no QPR.'
	}
};

/** Every shipped catalogue, the default first. */
export const GUIDE_PRICE_CATALOGUES: readonly GuidePriceCatalogue[] = [
	ILLUSTRATIVE_SHANGHAI_STYLE,
	DONGGUAN,
	SHAANXI_XIAN,
	GUANGZHOU_2023,
	NANJING_DRAFT_2021,
	CHONGQING_2024
];

/** The default catalogue: the illustrative ladder, the only complete five-level table. */
export const DEFAULT_CATALOGUE: GuidePriceCatalogue = ILLUSTRATIVE_SHANGHAI_STYLE;

/** A shipped catalogue by id, or undefined. */
export function findCatalogue(id: string): GuidePriceCatalogue | undefined {
	return GUIDE_PRICE_CATALOGUES.find((c) => c.id === id);
}

/** Why a lookup found no single price. */
export type GuidePriceMissing = 'grade_not_published' | 'building_type_not_published' | 'range_only';

/** The result of a guide-price lookup. */
export type GuidePriceLookup =
	| { price: number; row: GuidePriceRow; missing?: undefined; range: null; explanation: Bilingual }
	| { price: null; row: null; missing: GuidePriceMissing; range: { low: number; high: number } | null; explanation: Bilingual };

/** Lowest and highest published figure for a building type (rows and ranges alike); null if none. */
export function catalogueRange(catalogue: GuidePriceCatalogue, buildingType: BuildingType): { low: number; high: number } | null {
	const figures: number[] = [];
	for (const r of catalogue.rows) {
		if (r.building_type !== buildingType) continue;
		figures.push(r.price);
		if (r.price_low !== undefined) figures.push(r.price_low);
		if (r.price_high !== undefined) figures.push(r.price_high);
	}
	for (const r of catalogue.ranges) if (r.building_type === buildingType) figures.push(r.low, r.high);
	return figures.length === 0 ? null : { low: Math.min(...figures), high: Math.max(...figures) };
}

/**
 * The guide price of a grade for a building type. When the catalogue has no such price, `missing` says
 * why and `range` gives what the catalogue does publish for that building type, if anything.
 */
export function guidePrice(catalogue: GuidePriceCatalogue, buildingType: BuildingType, grade: Grade): GuidePriceLookup {
	const row = catalogue.rows.find((r) => r.building_type === buildingType && r.grade === grade);
	if (row) {
		return {
			price: row.price,
			row,
			range: null,
			explanation: {
				zh: `${catalogue.name_zh}：${zhGrade(grade)}指导价 ${formatFigure(row.price)} 元/㎡·月。`,
				en: `${catalogue.name_en}: grade ${grade} guide price ${formatFigure(row.price)} yuan/m²/month.`
			}
		};
	}
	const range = catalogueRange(catalogue, buildingType);
	const rangeText = range ? `${formatFigure(range.low)}-${formatFigure(range.high)}` : '';
	if (catalogue.kind === 'range' && range) {
		return {
			price: null,
			row: null,
			missing: 'range_only',
			range,
			explanation: {
				zh: `${catalogue.name_zh}只有总价格区间 ${rangeText} 元/㎡·月，没有分级价格。`,
				en: `${catalogue.name_en} gives only an overall range of ${rangeText} yuan/m²/month, no per-grade prices.`
			}
		};
	}
	if (!range) {
		return {
			price: null,
			row: null,
			missing: 'building_type_not_published',
			range: null,
			explanation: {
				zh: `${catalogue.name_zh}没有该建筑类型的价格。`,
				en: `${catalogue.name_en} has no prices for this building type.`
			}
		};
	}
	return {
		price: null,
		row: null,
		missing: 'grade_not_published',
		range,
		explanation: {
			zh: `${catalogue.name_zh}没有${zhGrade(grade)}价格（该建筑类型已公布的价格范围为 ${rangeText} 元/㎡·月）。`,
			en: `${catalogue.name_en} has no grade ${grade} price (its published prices for this building type span ${rangeText} yuan/m²/month).`
		}
	};
}
