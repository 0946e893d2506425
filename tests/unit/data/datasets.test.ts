import { describe, expect, it } from 'vitest';
import {
	COST_ITEMS,
	COST_ITEM_CODES,
	DATASETS,
	DATASET_IDS,
	SAMPLE_FILES,
	createTableSql,
	csvColumnsSql,
	matchColumn,
	matchEnumValue,
	normalizeLabel,
	scoreRowSchema,
	ticketRowSchema,
	voteRowSchema,
	estateRowSchema,
	guidePriceRowSchema,
	type ColumnMeta,
	type DatasetMeta
} from '$lib/data/datasets';
import { INDICATOR_CODES, indicatorName, SATISFACTION_INDICATOR } from '$lib/data/indicators';

const all: DatasetMeta[] = DATASET_IDS.map((id) => DATASETS[id]);

describe('dataset metadata', () => {
	it('has one entry per id, named like its table', () => {
		expect(Object.keys(DATASETS)).toEqual([...DATASET_IDS]);
		for (const d of all) expect(d.table).toBe(d.id);
	});

	it('lists the columns in the schema key order, with the names the rest of the app uses', () => {
		for (const d of all) expect(d.columns.map((c) => c.name)).toEqual(Object.keys(d.schema.shape));
		expect(DATASETS.estates.columns.map((c) => c.name)).toEqual([
			'estate_id',
			'name',
			'subdistrict',
			'estate_type',
			'building_type',
			'build_year',
			'chargeable_area_m2',
			'households',
			'has_elevator',
			'firm',
			'pricing_regime'
		]);
		expect(DATASETS.tickets.columns.map((c) => c.name)).toEqual(['ticket_id', 'estate_id', 'category', 'opened_at', 'closed_at']);
	});

	it('marks a column optional exactly when the schema accepts null', () => {
		for (const d of all)
			for (const c of d.columns) {
				const field = (d.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[c.name];
				expect(field.safeParse(null).success, `${d.id}.${c.name}`).toBe(!c.required);
			}
	});

	it('gives enum columns the same values as their zod enums', () => {
		for (const d of all)
			for (const c of d.columns) {
				if (!c.values) continue;
				const field = (d.schema.shape as Record<string, { unwrap?: () => unknown; options?: string[] }>)[c.name];
				const options = (field.options ?? (field.unwrap?.() as { options: string[] }).options) as string[];
				expect(c.values.map((v) => v.value), `${d.id}.${c.name}`).toEqual(options);
			}
	});

	it('has Chinese and English names and descriptions everywhere', () => {
		for (const d of all) {
			expect(d.zh && d.en && d.descriptionZh && d.descriptionEn).toBeTruthy();
			for (const c of d.columns) {
				expect(c.zh && c.en && c.descriptionZh && c.descriptionEn, `${d.id}.${c.name}`).toBeTruthy();
				expect(c.aliases).toContain(c.name);
				expect(c.aliases.some((a) => /[\u4e00-\u9fff]/.test(a)), `${d.id}.${c.name} has a Chinese alias`).toBe(true);
			}
		}
	});

	it('never lets one header mean two columns of a dataset', () => {
		for (const d of all) {
			const owner = new Map<string, string>();
			for (const c of d.columns)
				for (const a of c.aliases) {
					const key = normalizeLabel(a);
					expect(owner.get(key) ?? c.name, `${d.id}: '${a}'`).toBe(c.name);
					owner.set(key, c.name);
				}
		}
	});

	it('never lets one spelling mean two values of an enum', () => {
		for (const d of all)
			for (const c of d.columns) {
				if (!c.values) continue;
				const owner = new Map<string, string>();
				for (const v of c.values)
					for (const a of [v.value, v.zh, v.en, ...v.aliases]) {
						const key = normalizeLabel(a);
						expect(owner.get(key) ?? v.value, `${d.id}.${c.name}: '${a}'`).toBe(v.value);
						owner.set(key, v.value);
					}
			}
	});

	it('lists the ten cost items in the legal order and the eleven default indicators', () => {
		expect(COST_ITEMS.map((i) => i.value)).toEqual([...COST_ITEM_CODES]);
		expect(COST_ITEM_CODES).toEqual(['staff', 'facilities', 'greening', 'cleaning', 'order', 'insurance', 'office', 'management', 'depreciation', 'other']);
		expect(INDICATOR_CODES.map((i) => i.code)).toEqual([
			'management',
			'upkeep',
			'elevator',
			'fire',
			'water',
			'facilities_other',
			'order',
			'cleaning',
			'greening',
			'customer_service',
			'accounts'
		]);
		expect(INDICATOR_CODES.filter((i) => 'group' in i).map((i) => i.code)).toEqual(['elevator', 'fire', 'water', 'facilities_other']);
		expect(indicatorName(SATISFACTION_INDICATOR).zh).toBe('业主满意度');
		expect(indicatorName('my_custom').en).toBe('my_custom');
	});

	it('ships the sample files for existing datasets, estates first', () => {
		expect(SAMPLE_FILES[0]).toEqual({ file: 'estates.csv', dataset: 'estates' });
		for (const f of SAMPLE_FILES) expect(DATASET_IDS).toContain(f.dataset);
		expect(new Set(SAMPLE_FILES.map((f) => f.dataset)).size).toBe(SAMPLE_FILES.length);
	});
});

describe('DDL', () => {
	it('declares every column with its type, NOT NULL when required, and the estate primary key', () => {
		for (const d of all) {
			for (const c of d.columns as readonly ColumnMeta[]) {
				const line = d.ddl.split('\n').find((l) => l.trim().startsWith(c.name + ' '));
				expect(line, `${d.id}.${c.name}`).toBeDefined();
				expect(line).toContain(` ${c.type}`);
				if (c.name === d.primaryKey) expect(line).toContain('PRIMARY KEY');
				else expect(line!.includes('NOT NULL')).toBe(c.required);
			}
		}
		expect(DATASETS.estates.ddl).toMatch(/^CREATE TABLE estates \(\n\testate_id VARCHAR PRIMARY KEY,/);
		expect(DATASETS.estates.ddl).toContain("CHECK (estate_type IN ('commercial', 'relocation', 'public_sold', 'mixed'))");
		expect(DATASETS.scores.ddl).toContain('CHECK (score BETWEEN 0 AND 100)');
	});

	it('renames and replaces on request, and builds read_csv column types', () => {
		expect(createTableSql('fees', { table: 'fees_staging', orReplace: true })).toMatch(/^CREATE OR REPLACE TABLE fees_staging \(/);
		expect(csvColumnsSql('unit_sizes')).toBe("{'estate_id': 'VARCHAR', 'unit_area_m2': 'DOUBLE', 'households': 'INTEGER'}");
	});
});

describe('row schemas', () => {
	const estate = {
		estate_id: 'E1',
		name: '测试花园',
		subdistrict: null,
		estate_type: 'commercial',
		building_type: 'high',
		build_year: null,
		chargeable_area_m2: 80000,
		households: 800,
		has_elevator: true,
		firm: null,
		pricing_regime: null
	};

	it('accepts a minimal estate and rejects unknown codes', () => {
		expect(estateRowSchema.safeParse(estate).success).toBe(true);
		expect(estateRowSchema.safeParse({ ...estate, estate_type: '商品房' }).success).toBe(false);
		expect(estateRowSchema.safeParse({ ...estate, households: 800.5 }).success).toBe(false);
	});

	it('checks periods, score bounds and sources', () => {
		const s = { estate_id: 'E1', period: '2024Q1', indicator: 'fire', score: 88.5, source: 'inspection' };
		expect(scoreRowSchema.safeParse(s).success).toBe(true);
		expect(scoreRowSchema.safeParse({ ...s, period: '2024-03' }).success).toBe(true);
		for (const period of ['2024Q5', '2024-13', '24Q1', '2024 Q1']) expect(scoreRowSchema.safeParse({ ...s, period }).success, period).toBe(false);
		expect(scoreRowSchema.safeParse({ ...s, score: 100.1 }).success).toBe(false);
		expect(scoreRowSchema.safeParse({ ...s, source: 'survey' }).success).toBe(false);
	});

	it('rejects a ticket closed before it was opened, and malformed timestamps', () => {
		const t = { ticket_id: 'T1', estate_id: 'E1', category: 'repair', opened_at: '2024-05-01 09:00:00', closed_at: '2024-05-01 18:30:00' };
		expect(ticketRowSchema.safeParse(t).success).toBe(true);
		expect(ticketRowSchema.safeParse({ ...t, closed_at: null }).success).toBe(true);
		expect(ticketRowSchema.safeParse({ ...t, closed_at: '2024-04-30 23:59:59' }).success).toBe(false);
		expect(ticketRowSchema.safeParse({ ...t, opened_at: '2024-05-01T09:00:00' }).success).toBe(false);
	});

	it('rejects vote tallies where more vote yes than take part', () => {
		const v = {
			estate_id: 'E1',
			motion: '续聘物业服务企业',
			motion_kind: 'ordinary',
			owners_total: 100,
			area_total_m2: 9000,
			owners_participating: 70,
			area_participating_m2: 6300,
			owners_yes: 40,
			area_yes_m2: 3600
		};
		expect(voteRowSchema.safeParse(v).success).toBe(true);
		expect(voteRowSchema.safeParse({ ...v, owners_yes: 71 }).success).toBe(false);
		expect(voteRowSchema.safeParse({ ...v, area_participating_m2: 9100 }).success).toBe(false);
	});

	it('keeps a guide price inside its float', () => {
		const g = { catalogue_id: 'demo', building_type: 'high', grade: 1, price: 2.3, price_low: 2.0, price_high: 2.6 };
		expect(guidePriceRowSchema.safeParse(g).success).toBe(true);
		expect(guidePriceRowSchema.safeParse({ ...g, price_low: null, price_high: null }).success).toBe(true);
		expect(guidePriceRowSchema.safeParse({ ...g, price_low: 2.4 }).success).toBe(false);
		expect(guidePriceRowSchema.safeParse({ ...g, grade: 6 }).success).toBe(false);
	});
});

describe('header and value matching', () => {
	it('maps Chinese and English headers, with units and full-width brackets, to canonical columns', () => {
		expect(matchColumn('estates', '小区编号')).toBe('estate_id');
		expect(matchColumn('estates', 'Estate ID')).toBe('estate_id');
		expect(matchColumn('estates', ' 计费面积（㎡） ')).toBe('chargeable_area_m2');
		expect(matchColumn('estates', 'Chargeable Area (m²)')).toBe('chargeable_area_m2');
		expect(matchColumn('fees', '收缴率(%)')).toBe('collection_rate');
		expect(matchColumn('tickets', '编号')).toBe('ticket_id');
		expect(matchColumn('tickets', '小区编号')).toBe('estate_id');
		expect(matchColumn('costs', '金额（元）')).toBe('amount_yuan');
		expect(matchColumn('estates', '备注')).toBeUndefined();
		expect(matchColumn('estates', '')).toBeUndefined();
	});

	it('maps Chinese value spellings to codes', () => {
		const col = (d: DatasetMeta, name: string) => (d.columns as readonly ColumnMeta[]).find((c) => c.name === name)!;
		expect(matchEnumValue(col(DATASETS.estates, 'estate_type'), '动迁安置房')).toBe('relocation');
		expect(matchEnumValue(col(DATASETS.estates, 'estate_type'), '售后公房')).toBe('public_sold');
		expect(matchEnumValue(col(DATASETS.estates, 'building_type'), '高层')).toBe('high');
		expect(matchEnumValue(col(DATASETS.fees, 'fee_unit'), '元/平米/月')).toBe('per_m2_month');
		expect(matchEnumValue(col(DATASETS.fees, 'fee_unit'), '元/户·月')).toBe('per_household_month');
		expect(matchEnumValue(col(DATASETS.costs, 'item'), '保安费')).toBe('order');
		expect(matchEnumValue(col(DATASETS.tickets, 'category'), '群租')).toBe('group_renting');
		expect(matchEnumValue(col(DATASETS.estates, 'estate_type'), '别墅')).toBeUndefined();
		expect(matchEnumValue(col(DATASETS.estates, 'name'), '商品房')).toBeUndefined();
	});
});

describe('docs/data-formats.md', () => {
	it('documents every dataset with the columns of datasets.ts, in order', async () => {
		const { readFileSync } = await import('node:fs');
		const doc = readFileSync(new URL('../../../docs/data-formats.md', import.meta.url), 'utf8');
		for (const d of all) {
			const start = doc.indexOf(`\n## ${d.id} `);
			expect(start, `section for ${d.id}`).toBeGreaterThan(-1);
			const section = doc.slice(start + 1, doc.indexOf('\n## ', start + 1));
			const from = section.indexOf('| column |');
			const table = section.slice(from, section.indexOf('\n\n', from));
			const names = [...table.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
			expect(names, d.id).toEqual(d.columns.map((c) => c.name));
		}
	});
});
