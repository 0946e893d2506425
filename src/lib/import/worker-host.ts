/**
 * The import worker's side of the page ↔ worker protocol: the heavy pure part of an import (reading, decoding,
 * detecting, normalising, row checks, and building the staging chunks) runs here, off the page's main thread,
 * with the very functions the CLI and the tests call in Node. The worker keeps each file's bytes, its table as
 * read and its prepared rows; the page gets summaries, progress, staging chunks as transferred bytes, and the
 * facts of the rows that bulk checks found wrong. {@link serveImports} runs on any message port (the worker's
 * global scope, or a MessageChannel port in the tests); `client.ts` is the page's side.
 */
import { inspectFile, prepareImport, type FileInspection, type InspectOptions, type PrepareImportOptions } from './index';
import { describeRows, stageChunk, type RowFacts, type StageChunk, type StageFormat } from './stage';
import { arrowChunk } from './stage-arrow';
import { UnreadableFileError, type ImportProgress, type IssueParams, type SourceTable } from './types';
import { preparedSummary, type PreparedImport, type PreparedSummary } from './prepared';

/** What the page sees of an inspection: everything but the table read, which stays in the worker. */
export type InspectionSummary = Omit<FileInspection, 'source'>;

/** Options of a prepare request (cancellation and progress travel as messages). */
export type PrepareRequestOptions = Omit<PrepareImportOptions, 'signal' | 'onProgress'>;

/** Messages from the page to the worker. `file` is the page's handle for a file it opened. */
export type ImportRequest =
	/** A Blob (the page's File) crosses without a copy; the worker reads it. */
	| { readonly id: number; readonly type: 'open'; readonly file: number; readonly name: string; readonly bytes: Uint8Array | Blob }
	| { readonly id: number; readonly type: 'inspect'; readonly file: number; readonly options: InspectOptions }
	| { readonly id: number; readonly type: 'prepare'; readonly file: number; readonly options: PrepareRequestOptions }
	| { readonly id: number; readonly type: 'chunk'; readonly file: number; readonly prepared: number; readonly start: number; readonly end: number; readonly format?: StageFormat }
	| { readonly id: number; readonly type: 'describe'; readonly file: number; readonly prepared: number; readonly rows: readonly number[]; readonly columns: readonly string[] }
	| { readonly id: number; readonly type: 'close'; readonly file: number }
	/** Loads what reading a file needs before one is chosen (the workbook reader); answers when done. */
	| { readonly id: number; readonly type: 'warm' }
	/** Cancels the request `target` (a prepare stops at its next chunk of rows). */
	| { readonly id: number; readonly type: 'abort'; readonly target: number };

/** An error as it crosses the port. */
export interface WireError {
	readonly name: string;
	readonly message: string;
	/** For an UnreadableFileError. */
	readonly file?: string;
	readonly reason?: string;
	readonly code?: string;
	readonly params?: IssueParams;
}

/** Messages from the worker to the page, answering request `id`. */
export type ImportReply =
	| { readonly id: number; readonly type: 'progress'; readonly progress: ImportProgress }
	| { readonly id: number; readonly type: 'done'; readonly value: unknown }
	| { readonly id: number; readonly type: 'failed'; readonly error: WireError };

/** Results of the requests, by type. */
export interface ImportResults {
	open: null;
	inspect: InspectionSummary;
	prepare: { readonly prepared: number; readonly summary: PreparedSummary };
	chunk: StageChunk;
	describe: RowFacts[];
	close: null;
	warm: null;
	abort: null;
}

/** The part of a worker scope or a MessagePort the protocol uses. */
export interface ImportPort {
	postMessage(message: unknown, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent) => void) | null;
}

/** An error for the wire. */
export function toWire(e: unknown): WireError {
	if (e instanceof UnreadableFileError) return { name: e.name, message: e.message, file: e.file, reason: e.reason, code: e.code, params: e.params };
	if (e instanceof Error || e instanceof DOMException) return { name: e.name, message: e.message };
	return { name: 'Error', message: String(e) };
}

/** Serves import requests on a port until the port (or the worker) goes away. */
export function serveImports(port: ImportPort): void {
	interface OpenFile {
		readonly name: string;
		bytes: Uint8Array | Promise<Uint8Array>;
		source?: SourceTable;
		prepared?: { readonly id: number; readonly value: PreparedImport };
	}
	const files = new Map<number, OpenFile>();
	const running = new Map<number, AbortController>();
	let preparedIds = 0;

	const get = (file: number): OpenFile => {
		const f = files.get(file);
		if (!f) throw new Error(`import worker: file ${file} is not open`);
		return f;
	};
	const preparedOf = (file: number, id: number): PreparedImport => {
		const p = get(file).prepared;
		if (!p || p.id !== id) throw new Error(`import worker: prepared file ${id} is gone (checked again since?)`);
		return p.value;
	};

	async function run(req: ImportRequest, signal: AbortSignal): Promise<[unknown, Transferable[]]> {
		switch (req.type) {
			case 'open': {
				const given = req.bytes;
				const bytes = given instanceof Uint8Array ? given : given.arrayBuffer().then((b) => new Uint8Array(b));
				if (bytes instanceof Promise) bytes.catch(() => undefined); // reported when the file is inspected
				files.set(req.file, { name: req.name, bytes });
				return [null, []];
			}
			case 'inspect': {
				const f = get(req.file);
				const { source, ...summary } = await inspectFile(f.name, await f.bytes, req.options);
				f.source = source;
				return [summary satisfies InspectionSummary, []];
			}
			case 'prepare': {
				const f = get(req.file);
				f.prepared = undefined; // a new check replaces the last one; its rows can go
				const value = await prepareImport(f.source ?? { name: f.name, bytes: await f.bytes }, {
					...req.options,
					signal,
					onProgress: (progress) => port.postMessage({ id: req.id, type: 'progress', progress } satisfies ImportReply)
				});
				const id = ++preparedIds;
				f.prepared = { id, value };
				return [{ prepared: id, summary: preparedSummary(value) } satisfies ImportResults['prepare'], []];
			}
			case 'chunk': {
				const prepared = preparedOf(req.file, req.prepared);
				const chunk = req.format === 'arrow' ? arrowChunk(prepared, req.start, req.end) : stageChunk(prepared, req.start, req.end);
				return [chunk, [chunk.bytes.buffer as ArrayBuffer]];
			}
			case 'describe':
				return [describeRows(preparedOf(req.file, req.prepared), req.rows, req.columns), []];
			case 'close':
				files.delete(req.file);
				return [null, []];
			case 'warm':
				// Most people's files are workbooks: the reader's module (about 0.5 MB) is fetched and compiled now.
				await import('./xlsx');
				return [null, []];
			case 'abort':
				running.get(req.target)?.abort(new DOMException('The import was cancelled.', 'AbortError'));
				return [null, []];
		}
	}

	port.onmessage = async (event: MessageEvent) => {
		const req = event.data as ImportRequest;
		const controller = new AbortController();
		running.set(req.id, controller);
		try {
			const [value, transfer] = await run(req, controller.signal);
			port.postMessage({ id: req.id, type: 'done', value } satisfies ImportReply, transfer);
		} catch (e) {
			port.postMessage({ id: req.id, type: 'failed', error: toWire(e) } satisfies ImportReply);
		} finally {
			running.delete(req.id);
		}
	};
}
