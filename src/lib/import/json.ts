/**
 * JSON files: an array of objects, an object holding one under `rows` (or `data`), an object keyed by name
 * (each value a record; the key becomes its `name`), an array of arrays whose first array is the header, or JSON Lines (one object per line). Records are numbered from 1 in file order.
 * Headers are the keys in order of first appearance; nested values become JSON text.
 */
import { decodeText } from './decode';
import { TableBuilder } from './table';
import { UnreadableFileError, type Cell, type SourceTable } from './types';

function jsonCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'boolean') return v;
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	return JSON.stringify(v);
}

function records(file: string, text: string): unknown[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (e) {
		// JSON Lines: every non-empty line a JSON value.
		const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
		try {
			if (lines.length > 1) return lines.map((l) => JSON.parse(l));
		} catch {
			// fall through to the original error
		}
		const reason = e instanceof Error ? e.message : String(e);
		throw new UnreadableFileError(file, reason, { cause: e, code: 'json_syntax', params: jsonPosition(text, reason) });
	}
	if (Array.isArray(parsed)) return parsed;
	if (parsed && typeof parsed === 'object') {
		for (const key of ['rows', 'data', 'records']) {
			const inner = (parsed as Record<string, unknown>)[key];
			if (Array.isArray(inner)) return inner;
		}
		// Scrapers often write an object keyed by estate name: {"江滨花园": {"物业费": ...}, ...}. Each value becomes
		// a record whose first field, `name`, is its key.
		const entries = Object.entries(parsed as Record<string, unknown>);
		if (entries.length > 0 && entries.every(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
			return entries.map(([k, v]) => ({ name: k, ...(v as Record<string, unknown>) }));
		}
	}
	throw new UnreadableFileError(file, 'expected an array of objects, {"rows": [...]} or an object of records keyed by name', { code: 'json_shape' });
}

/** Line and column (1-based) of a JSON.parse error, from V8's "at position N" or "(line L column C)". */
export function jsonPosition(text: string, message: string): { line: number | string; column: number | string } {
	const lc = /line (\d+) column (\d+)/.exec(message);
	if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
	const at = /position (\d+)/.exec(message);
	if (!at) return { line: '?', column: '?' };
	const pos = Math.min(Number(at[1]), text.length);
	const before = text.slice(0, pos);
	const line = before.split('\n').length;
	return { line, column: pos - before.lastIndexOf('\n') };
}

/** Reads a JSON file (bytes in any encoding {@link decodeText} knows). */
export function readJson(file: string, bytes: Uint8Array | ArrayBuffer): SourceTable {
	const { text, encoding } = decodeText(bytes);
	const items = records(file, text);
	if (items.length > 0 && items.every((r) => Array.isArray(r))) {
		const [head, ...body] = items as unknown[][];
		const builder = new TableBuilder({ file, kind: 'json', encoding, headers: head.map((h) => String(h ?? '')), expectedRows: body.length });
		body.forEach((r, i) => builder.push(r.map(jsonCell), i + 2));
		return builder.finish();
	}
	const keys = new Map<string, number>();
	for (let i = 0; i < items.length; i++) {
		const r = items[i];
		if (!r || typeof r !== 'object' || Array.isArray(r)) {
			const shown = JSON.stringify(r) ?? String(r);
			throw new UnreadableFileError(file, `record ${i + 1} is not an object`, {
				code: 'json_not_object',
				params: { record: i + 1, value: shown.length > 40 ? shown.slice(0, 40) + '…' : shown }
			});
		}
		for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
	}
	const headers = [...keys.keys()];
	const builder = new TableBuilder({ file, kind: 'json', encoding, headers, expectedRows: items.length });
	items.forEach((r, i) => {
		const o = r as Record<string, unknown>;
		builder.push(headers.map((h) => jsonCell(o[h])), i + 1);
	});
	return builder.finish();
}
