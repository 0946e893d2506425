/**
 * What a bench run produces and how it is shown: figures (one task on one engine), the table printed to the
 * terminal, and the JSON written with --json. One table printer for everything.
 */
import { median, ratio } from './stats';

/** Where a figure was measured. */
export const ENGINES = {
	wasm: 'duckdb-wasm (Node)',
	chromium: 'duckdb-wasm (Chromium, app)',
	native1: 'native DuckDB 1 thread',
	nativeAll: 'native DuckDB all threads',
	arquero: 'Arquero 8',
	typed: 'typed arrays (1 core)'
} as const;
export type EngineId = keyof typeof ENGINES;

/** One measured (or deliberately not measured) task on one engine. */
export interface Figure {
	task: string;
	engine: EngineId;
	unit: 'ms' | 'MB';
	/** Every run, in order; empty when not measured. */
	runs: number[];
	median: number | null;
	/** Why there is no value, or what the value includes. */
	note?: string;
}

/** A speed target checked against the figures. */
export interface TargetCheck {
	target: string;
	value: number | null;
	limit: number;
	unit: string;
	met: boolean | null;
	note?: string;
}

/** Collects figures during a run. */
export class Results {
	readonly figures: Figure[] = [];

	add(task: string, engine: EngineId, runs: readonly number[], unit: 'ms' | 'MB' = 'ms', note?: string): Figure {
		const f: Figure = { task, engine, unit, runs: [...runs], median: median(runs), note };
		this.figures.push(f);
		return f;
	}

	/** A task deliberately not measured on an engine, with the reason. */
	missing(task: string, engine: EngineId, note: string, unit: 'ms' | 'MB' = 'ms'): void {
		this.figures.push({ task, engine, unit, runs: [], median: null, note });
	}

	get(task: string, engine: EngineId): number | null {
		return this.figures.find((f) => f.task === task && f.engine === engine)?.median ?? null;
	}

	tasks(): string[] {
		return [...new Set(this.figures.map((f) => f.task))];
	}
}

/** The ratios printed beside each task: how the app's engine compares with each baseline. */
export function ratiosOf(r: Results, task: string) {
	const wasm = r.get(task, 'wasm');
	return {
		wasmOverNativeAll: ratio(wasm, r.get(task, 'nativeAll')),
		wasmOverNative1: ratio(wasm, r.get(task, 'native1')),
		arqueroOverWasm: ratio(r.get(task, 'arquero'), wasm),
		wasmOverTyped: ratio(wasm, r.get(task, 'typed')),
		chromiumOverWasm: ratio(r.get(task, 'chromium'), wasm)
	};
}

const fmtValue = (v: number | null, unit: string): string => {
	if (v === null) return '—';
	if (unit === 'MB') return `${v.toFixed(0)} MB`;
	return v >= 100 ? `${v.toFixed(0)}` : v >= 10 ? v.toFixed(1) : v.toFixed(2);
};
const fmtRatio = (v: number | null): string => (v === null ? '—' : `${v.toFixed(v >= 10 ? 0 : 1)}×`);

/** Pads each column to its widest cell (CJK characters count double). */
export function formatTable(header: string[], rows: string[][]): string {
	const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
	const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c)).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The results table: one row per task, medians per engine, then the ratios. */
export function resultsTable(r: Results): string {
	const engines = Object.keys(ENGINES) as EngineId[];
	const header = ['task (median ms)', 'wasm Node', 'Chromium', 'native 1T', 'native all', 'Arquero', 'typed', 'wasm/nat-all', 'wasm/nat-1', 'Arq/wasm', 'wasm/typed', 'Chr/wasm'];
	const rows = r.tasks().map((task) => {
		const unit = r.figures.find((f) => f.task === task)?.unit ?? 'ms';
		const q = ratiosOf(r, task);
		return [
			task,
			...engines.map((e) => fmtValue(r.get(task, e), unit)),
			fmtRatio(q.wasmOverNativeAll),
			fmtRatio(q.wasmOverNative1),
			fmtRatio(q.arqueroOverWasm),
			fmtRatio(q.wasmOverTyped),
			fmtRatio(q.chromiumOverWasm)
		];
	});
	return formatTable(header, rows);
}

/** Notes of figures without a value or with a caveat, one line each. */
export function notesText(r: Results): string {
	return r.figures
		.filter((f) => f.note)
		.map((f) => `- ${f.task} / ${ENGINES[f.engine]}: ${f.note}`)
		.join('\n');
}

/** The target table. */
export function targetsTable(checks: readonly TargetCheck[]): string {
	const rows = checks.map((c) => [
		c.target,
		c.value === null ? '—' : `${c.value.toFixed(c.unit === '×' ? 2 : 0)}${c.unit === '×' ? '×' : ' ' + c.unit}`,
		`${c.unit === '×' ? '' : '≤ '}${c.limit}${c.unit === '×' ? '×' : ' ' + c.unit}`,
		c.met === null ? 'not measured' : c.met ? 'met' : 'NOT met',
		c.note ?? ''
	]);
	return formatTable(['target', 'measured', 'limit', 'verdict', 'note'], rows);
}
