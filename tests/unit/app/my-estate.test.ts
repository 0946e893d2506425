import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formFiles, formFromRows, newEstateId, type MyEstateForm } from '../../../src/lib/app/my-estate';
import { madeErrors, prepareMadeFiles } from '../../../src/lib/app/made-import';
import { commitImport } from '../../../src/lib/import';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';

const TODAY = new Date(2024, 4, 15); // 2024-05-15: fee year 2024, period 2024Q2

function form(over: Partial<MyEstateForm> = {}): MyEstateForm {
	return { ...emptyForm(TODAY), name: '梧桐苑', buildYear: '2005', areaM2: '52,000', households: '640', fee: '1.8', collectionRate: '85', firm: '梧桐物业', ...over };
}

describe('quick start form', () => {
	it('names every field that is wrong, in Chinese and English', () => {
		const problems = checkForm(form({ name: ' ', areaM2: '-5', households: '12.5', fee: '' }));
		expect(problems.map((p) => p.field)).toEqual(['name', 'areaM2', 'households', 'fee']);
		expect(problems[0]).toEqual({ field: 'name', zh: '请填写小区名称', en: 'Give the estate a name' });
		expect(problems[1].zh).toContain('收费面积“-5”应为大于 0 的数');
		expect(problems[1].en).toBe("Area '-5' must be a number above 0 (m²)");
		expect(checkForm(form({ fee: '180' }))[0].en).toContain('not plausible');
		expect(checkForm(form({ scores: { cleaning: '101' } }))[0]).toMatchObject({ field: 'score.cleaning' });
		expect(checkForm(form())).toEqual([]);
	});

	it('reads figures as people type them: 万, unit words, full-width digits, a yearly fee', () => {
		const f = form({ areaM2: '5.2万㎡', households: '６４０户', buildYear: '2005年', fee: '21.6元/㎡·年', costs: { staff: '60万元' } });
		expect(checkForm(f)).toEqual([]);
		const files = formFiles(f, 'MY-1');
		// 5.2万 = 52,000 m²; 21.6 / 12 = 1.8 per month; 60万元 = 600,000 yuan.
		expect(files[0].text.split('\r\n')[1]).toBe('MY-1,梧桐苑,,commercial,multi,2005,52000,640,FALSE,梧桐物业,');
		expect(files[1].text).toBe('estate_id,year,fee,fee_unit,collection_rate\r\nMY-1,2024,1.8,per_m2_month,0.85\r\n');
		expect(files[2].text).toBe('estate_id,year,item,amount_yuan\r\nMY-1,2024,staff,600000\r\n');
		// A unit in the fee text that is not the unit chosen is said, not silently mixed.
		expect(checkForm(form({ fee: '80元/户·月' })).map((p) => p.field)).toEqual(['fee']);
		expect(checkForm(form({ areaM2: '很大' }))[0].zh).toBe('收费面积“很大”应为大于 0 的数（㎡）');
	});

	it('a stable id from the name (FNV-1a), suffixed when taken', () => {
		const id = newEstateId('梧桐苑', new Set());
		expect(id).toMatch(/^MY-[0-9A-F]{8}$/);
		expect(newEstateId('梧桐苑', new Set())).toBe(id);
		expect(newEstateId('梧桐苑', new Set([id]))).toBe(`${id}-2`);
	});

	it('makes canonical files; the optional budget and scores only when given', () => {
		const files = formFiles(form({ costs: { staff: '600000', cleaning: '120000' }, scores: { cleaning: '82', order: '75.5' } }), 'MY-1');
		expect(files.map((f) => [f.name, f.dataset])).toEqual([
			['my-estate-MY-1-estates.csv', 'estates'],
			['my-estate-MY-1-fees.csv', 'fees'],
			['my-estate-MY-1-costs.csv', 'costs'],
			['my-estate-MY-1-scores.csv', 'scores']
		]);
		expect(files[1].text).toBe('estate_id,year,fee,fee_unit,collection_rate\r\nMY-1,2024,1.8,per_m2_month,0.85\r\n');
		expect(formFiles(form(), 'MY-1').map((f) => f.dataset)).toEqual(['estates', 'fees']);
	});
});

describe('quick start through the import path (real DuckDB-wasm)', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await sampleEngine();
	});
	afterAll(async () => {
		await engine?.close?.();
	});

	it('commits the estate beside the sample district, and reads back into the same form', async () => {
		const f = form({ costs: { staff: '600000' }, scores: { cleaning: '82' } });
		const files = formFiles(f, 'MY-TEST');
		const prepared = await prepareMadeFiles(files);
		expect(madeErrors(prepared)).toEqual([]);
		const before = await engine.scalar('SELECT count(*)::INTEGER FROM estates');
		const r = await commitImport(engine, prepared, { mode: 'append' });
		expect(r.committed).toBe(true);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(before + 1);
		const estate = (await engine.rows(`SELECT estate_id, name, estate_type, building_type, build_year, chargeable_area_m2, households, has_elevator, firm FROM estates WHERE estate_id = 'MY-TEST'`))[0] as never;
		const fee = (await engine.rows(`SELECT year, fee, fee_unit, collection_rate FROM fees WHERE estate_id = 'MY-TEST'`))[0] as never;
		const costs = (await engine.rows(`SELECT item, amount_yuan FROM costs WHERE estate_id = 'MY-TEST'`)) as never;
		const scores = (await engine.rows(`SELECT period, indicator, score FROM scores WHERE estate_id = 'MY-TEST'`)) as never;
		const back = formFromRows({ estate, fee, costs, scores }, TODAY);
		expect(back).toMatchObject({ estateId: 'MY-TEST', name: '梧桐苑', areaM2: '52000', households: '640', fee: '1.8', collectionRate: '85', feeYear: '2024', costs: { staff: '600000' }, scores: { cleaning: '82' }, scorePeriod: '2024Q2' });
	});

	it('all or nothing: an estate id already taken stops every file of the set', async () => {
		const estatesBefore = await engine.scalar('SELECT count(*)::INTEGER FROM estates');
		const feesBefore = await engine.scalar('SELECT count(*)::INTEGER FROM fees');
		const prepared = await prepareMadeFiles(formFiles(form({ feeYear: '2023' }), 'LJ0001'));
		const r = await commitImport(engine, prepared, { mode: 'append' });
		expect(r.committed).toBe(false);
		expect(r.files.flatMap((f) => f.problems).some((p) => p.column === 'estate_id')).toBe(true);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(estatesBefore);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM fees')).toBe(feesBefore);
	});
});
