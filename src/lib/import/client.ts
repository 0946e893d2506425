/**
 * The page's side of the import worker (worker-host.ts): the same inspect and prepare steps as the library,
 * run in a module worker so the main thread stays responsive. A prepared file comes back as a
 * {@link RemotePrepared}: its summary and problems here, its rows in the worker, reached for staging (chunks of
 * Arrow IPC or canonical CSV bytes, transferred, handed to DuckDB) and for the facts of rows the bulk
 * checks report. `validateFiles` and `commitImport` take it like a local one.
 *
 * Cancelling (the AbortSignal) rejects at once and tells the worker to stop at its next chunk of rows; nothing
 * was written by then (writes happen only in commitImport on the main thread's engine).
 */
import type { PrepareImportOptions, InspectOptions } from './index';
import type { PreparedRows, RemotePrepared, StageChunk, StageFormat } from './stage';
import { tracked } from '../engine/work-gauge';
import { UnreadableFileError, type ImportProgress } from './types';
import type { ImportPort, ImportReply, ImportRequest, ImportResults, InspectionSummary, WireError } from './worker-host';

export type { InspectionSummary } from './worker-host';

/** Distributes an Omit over a union. */
type RequestBody = ImportRequest extends infer R ? (R extends ImportRequest ? Omit<R, 'id'> : never) : never;

/** An error from the wire as the error the library would have thrown. */
function fromWire(e: WireError): Error {
	if (e.name === 'UnreadableFileError' && e.file !== undefined && e.reason !== undefined) return new UnreadableFileError(e.file, e.reason, { code: e.code, params: e.params });
	if (e.name === 'AbortError') return new DOMException(e.message, 'AbortError');
	const error = new Error(e.message);
	error.name = e.name;
	return error;
}

/** A port to a worker, and how to end it. */
export interface ImportWorkerConnection {
	readonly port: ImportPort & { onerror?: ((event: ErrorEvent) => void) | null };
	terminate(): void;
}

/** The import worker as the page uses it: files opened by handle, inspected and prepared there. */
export class ImportWorkerClient {
	private connection: ImportWorkerConnection | null = null;
	private nextId = 0;
	private nextFile = 0;
	private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; onProgress?: (p: ImportProgress) => void }>();

	constructor(private readonly connect: () => ImportWorkerConnection) {}

	private port(): ImportPort {
		if (!this.connection) {
			const connection = this.connect();
			connection.port.onmessage = (event: MessageEvent) => {
				const reply = event.data as ImportReply;
				const w = this.waiting.get(reply.id);
				if (!w) return; // cancelled, or an abort's own answer
				if (reply.type === 'progress') return w.onProgress?.(reply.progress);
				this.waiting.delete(reply.id);
				if (reply.type === 'done') w.resolve(reply.value);
				else w.reject(fromWire(reply.error));
			};
			connection.port.onerror = (event: ErrorEvent) => this.fail(new Error(`import worker failed: ${event.message ?? 'unknown error'}`));
			this.connection = connection;
		}
		return this.connection.port;
	}

	/** Rejects everything waiting and drops the worker (the next call starts a new one; open files are gone). */
	private fail(error: Error): void {
		for (const w of this.waiting.values()) w.reject(error);
		this.waiting.clear();
		this.connection?.terminate();
		this.connection = null;
	}

	private call<K extends RequestBody['type']>(
		body: Extract<RequestBody, { type: K }>,
		options: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void } = {}
	): Promise<ImportResults[K]> {
		const { signal, onProgress } = options;
		if (signal?.aborted) return Promise.reject(signal.reason);
		const port = this.port();
		const id = ++this.nextId;
		const reply = new Promise<ImportResults[K]>((resolve, reject) => {
			const onAbort = () => {
				this.waiting.delete(id);
				port.postMessage({ id: ++this.nextId, type: 'abort', target: id } satisfies ImportRequest);
				reject(signal!.reason);
			};
			this.waiting.set(id, {
				resolve: (v) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(v as ImportResults[K]);
				},
				reject: (e) => {
					signal?.removeEventListener('abort', onAbort);
					reject(e);
				},
				onProgress
			});
			signal?.addEventListener('abort', onAbort, { once: true });
			port.postMessage({ ...body, id } as ImportRequest);
		});
		// The worker's reading and checking is work the service worker's precache waits for (work-gauge.ts).
		return tracked(reply);
	}

	/** Gives the worker a file: a copy of its bytes, or a Blob (a File), which the worker reads itself. Returns the handle. */
	async open(name: string, bytes: Uint8Array | Blob): Promise<number> {
		const file = ++this.nextFile;
		await this.call({ type: 'open', file, name, bytes });
		return file;
	}

	/** {@link inspectFile} in the worker (the table read stays there for {@link prepare}). */
	inspect(file: number, options: InspectOptions = {}): Promise<InspectionSummary> {
		return this.call({ type: 'inspect', file, options });
	}

	/**
	 * {@link prepareImport} in the worker, on the table of the last inspection (else the bytes, read with the
	 * given read options). The result replaces the file's previous prepared rows in the worker.
	 */
	async prepare(file: number, options: PrepareImportOptions = {}): Promise<RemotePrepared> {
		const { signal, onProgress, ...rest } = options;
		const { prepared, summary } = await this.call({ type: 'prepare', file, options: rest }, { signal, onProgress });
		return { ...summary, rowSource: this.rows(file, prepared, summary.rowCount) };
	}

	/** Forgets a file in the worker (its bytes, table and prepared rows). */
	close(file: number): void {
		if (this.connection) this.call({ type: 'close', file }).catch(() => undefined);
	}

	/**
	 * Starts the worker and has it load its workbook reader, so the first file chosen is read at once instead of after
	 * the worker's own start (about 0.3 s on the development machine; docs/performance.md, session 35).
	 */
	warm(): Promise<void> {
		return this.call({ type: 'warm' }).then(() => undefined);
	}

	/** Ends the worker; waiting calls are rejected. */
	terminate(): void {
		this.fail(new Error('import worker terminated'));
	}

	/**
	 * Rows of a prepared file in the worker. Staging asks for consecutive chunks, so while DuckDB loads one the
	 * worker already builds the next.
	 */
	private rows(file: number, prepared: number, rowCount: number): PreparedRows {
		const fetch = (start: number, end: number, format: StageFormat) => this.call({ type: 'chunk', file, prepared, start, end, format });
		let ahead: { start: number; end: number; format: StageFormat; chunk: Promise<StageChunk> } | null = null;
		return {
			stageChunk: (start, end, format = 'csv') => {
				const chunk = ahead && ahead.start === start && ahead.end === end && ahead.format === format ? ahead.chunk : fetch(start, end, format);
				ahead = null;
				if (end < rowCount) {
					const next = { start: end, end: Math.min(rowCount, end + (end - start)), format };
					ahead = { ...next, chunk: fetch(next.start, next.end, format) };
					ahead.chunk.catch(() => undefined); // a prefetch nobody asks for must not be an unhandled rejection
				}
				return chunk;
			},
			describe: (rows, columns) => this.call({ type: 'describe', file, prepared, rows: [...rows], columns: [...columns] })
		};
	}
}

let shared: ImportWorkerClient | null = null;

/** The page's import worker (started on first use). Browser only. */
export function importWorker(): ImportWorkerClient {
	return (shared ??= new ImportWorkerClient(() => {
		const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'zhijia-import' });
		return { port: worker as unknown as ImportWorkerConnection['port'], terminate: () => worker.terminate() };
	}));
}
