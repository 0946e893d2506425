/**
 * DuckDB's browser worker, started through this small classic worker (docs/performance.md):
 * - So the browser can keep the compiled engine ("Start the engine once per machine"). duckdb-wasm fetches the
 *   27 MB wasm and, to report progress, hands `WebAssembly.instantiateStreaming` a Response it constructs around
 *   the body. A constructed Response has no URL, so Chromium cannot use or fill its wasm code cache, and every visit
 *   would compile the engine again. Here the wasm is compiled from the real Response and duckdb-wasm gets a clone to
 *   count progress on; the clone is drained so progress still moves.
 * - So the engine can start before the page has loaded duckdb-wasm's own code ("The engine's worker from the first
 *   script"). The worker begins on the page's word (BEGIN) or duckdb-wasm's first message: the wasm (the URL's
 *   `wasm`) is requested and compiled as it streams, then DuckDB's own worker script is loaded (that blocks this
 *   worker for a while), then the engine is instantiated at once, as if the page had asked (a request id the page
 *   never uses). The page's own INSTANTIATE then gets that outcome: OK as soon as it is ready; after a failure it is
 *   handed to DuckDB's worker, which tries again and reports its own error. BEGIN's text is also in early-worker.ts.
 * - So a visit after the first need not read the wasm out of the browser's caches at all ("The engine's own copy"):
 *   once the engine has started from the network, the wasm is kept in the origin's private file system, and later
 *   starts read and compile that copy.
 * DuckDB's worker script itself is loaded unchanged (its URL is this worker's `worker` query parameter).
 */
(() => {
	const fetch0 = self.fetch.bind(self);
	const instantiate0 = WebAssembly.instantiateStreaming.bind(WebAssembly);
	/** @type {(message: unknown, transfer: Transferable[]) => void} a worker's postMessage (typed here as a window's) */
	const post0 = /** @type {any} */ (self.postMessage).bind(self);
	const params = new URL(self.location.href).searchParams;
	const worker = params.get('worker');
	if (!worker) throw new Error('duckdb-worker-cached.js: the DuckDB worker URL (?worker=) is missing');
	const workerHref = new URL(worker, self.location.href).href;
	const wasm = params.get('wasm');
	if (!wasm) throw new Error('duckdb-worker-cached.js: the engine wasm URL (?wasm=) is missing');
	const wasmHref = new URL(wasm, self.location.href).href;

	/** duckdb-wasm's copy to count progress on: a compressed transfer's Content-Length counts compressed bytes, progress counts decoded ones, so no total then. */
	const countingCopy = (/** @type {Response} */ r) => {
		const headers = new Headers(r.headers);
		if (headers.has('content-encoding')) headers.delete('content-length');
		return new Response(r.clone().body, { status: r.status, statusText: r.statusText, headers });
	};

	/**
	 * The engine's own copy of the wasm, kept in the origin's private file system (OPFS) after a start from the
	 * network. Read from there and compiled without Chromium's code cache, a second visit's engine was ready about
	 * 0.4 s sooner than streamed out of the caches with it (docs/performance.md, session 30): the cache delivers the
	 * 27 MB in pieces at its own pace, the file is read in about 0.1 s. Only for a file whose name carries its
	 * content hash (a build's `name.hash.wasm` or `name-hash.wasm`; vite dev serves names that stay while the bytes
	 * change), so a copy can never stand for other bytes. The copy's name also holds its byte count, so a copy cut
	 * short is never used.
	 */
	const KEPT_PREFIX = 'zhijia-engine-';
	const wasmFile = wasmHref.split('?')[0].split('/').pop() ?? '';
	const keepable = /^[\w-]+[.-][\w-]{8}\.wasm$/.test(wasmFile);
	/** @returns {Promise<FileSystemDirectoryHandle | null>} */
	const opfs = async () => {
		try {
			return navigator.storage?.getDirectory ? await navigator.storage.getDirectory() : null;
		} catch {
			return null; // storage refused (a private window, a blocked origin): the network, as before
		}
	};
	/** The kept copy, or null when there is none that fits. */
	const keptCopy = async () => {
		const root = keepable ? await opfs() : null;
		if (!root) return null;
		try {
			for await (const [name, handle] of /** @type {any} */ (root).entries()) {
				if (handle.kind !== 'file' || !name.startsWith(`${KEPT_PREFIX}${wasmFile}.`)) continue;
				/** @type {File} */
				const file = await handle.getFile();
				if (name === `${KEPT_PREFIX}${wasmFile}.${file.size}`) return { root, name, handle, file };
			}
		} catch {
			// unreadable: the network, as before
		}
		return null;
	};
	/**
	 * The kept copy's bytes: read at once through a synchronous handle (the file straight into memory, in tens of ms),
	 * or, when another tab holds that handle, as a Blob (piped through the browser, slower while the page is busy).
	 * @param {{ handle: any, file: File }} kept
	 */
	const readKept = async (kept) => {
		try {
			const access = await kept.handle.createSyncAccessHandle();
			try {
				const bytes = new Uint8Array(kept.file.size);
				if (access.read(bytes, { at: 0 }) === bytes.length) return bytes;
			} finally {
				access.close();
			}
		} catch {
			// taken by another tab's start, or not offered here
		}
		return new Uint8Array(await kept.file.arrayBuffer());
	};
	/** When the page last sent this worker a message (keepLater waits for a quiet second). */
	let lastMessage = performance.now();
	/**
	 * Keeps the wasm (fetched again: the HTTP cache or the service worker's has it by now) once the engine is
	 * instantiated and the page has sent it nothing for a second (a first visit is loading its data until then; a
	 * page that is never quiet that long keeps nothing this visit), and removes copies of other builds. The write
	 * goes to the browser's own storage thread (a writable stream is committed whole on close, or not at all); a
	 * failure leaves the next visit on the network, as before.
	 */
	const keepLater = () => {
		if (!keepable) return;
		const QUIET_MS = 1000;
		const tick = () => {
			const quiet = performance.now() - lastMessage;
			if (quiet < QUIET_MS) return void setTimeout(tick, QUIET_MS - quiet);
			keep().catch(() => undefined);
		};
		setTimeout(tick, QUIET_MS);
	};
	const keep = async () => {
		const root = await opfs();
		if (!root) return;
		const response = await fetch0(wasmHref, { credentials: 'same-origin' });
		if (!response.ok) return;
		const blob = await response.blob();
		const name = `${KEPT_PREFIX}${wasmFile}.${blob.size}`;
		for await (const old of /** @type {any} */ (root).keys()) if (old.startsWith(KEPT_PREFIX) && old !== name) await root.removeEntry(old).catch(() => undefined);
		const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
		await writable.write(blob);
		await writable.close();
	};

	// The wasm is requested when the worker begins, not at its start: the 27 MB response from the service worker's
	// cache then competed with the page's own scripts, and in interleaved runs (3 December) the second visit's first
	// chart came ~0.15 s later, the engine no sooner.
	/** @type {Promise<{ response: Response, module: Promise<WebAssembly.Module> | null }> | null} the early fetch and compile */
	let early = null;
	/** Whether this start compiled the network's wasm, so the copy is (re)made once the engine is up. */
	let keepAfterStart = false;
	const fetchWasm = () => {
		keepAfterStart = true;
		return fetch0(wasmHref, { credentials: 'same-origin' });
	};
	const fromNetwork = () =>
		fetchWasm().then((response) => {
			if (!response.ok) return { response, module: null };
			const counting = countingCopy(response);
			const module = WebAssembly.compileStreaming(response);
			module.catch(() => undefined); // reported by the instantiate that awaits it
			return { response: counting, module };
		});
	const fetchAndCompile = () => {
		early = keptCopy().then(async (kept) => {
			if (!kept) return fromNetwork();
			// Read and compiled before DuckDB's worker script is loaded: compiling the bytes holds this thread for about
			// 0.3 s in any order, and this one gave the soonest engine (session 30; compiling in a worker of its own
			// started that worker late, streaming the bytes held the thread longer). A copy that cannot be read or
			// compiled is removed and the network's wasm compiled instead, still for this start.
			const bytes = await readKept(kept).catch(() => null);
			const module = (bytes ? WebAssembly.compile(bytes) : Promise.reject(new Error('unreadable'))).catch(async () => {
				await kept.root.removeEntry(kept.name).catch(() => undefined);
				const response = await fetchWasm();
				if (!response.ok) throw new Error(`${wasmHref}: HTTP ${response.status}`);
				return WebAssembly.compileStreaming(response);
			});
			module.catch(() => undefined);
			// duckdb-wasm's copy to count progress on: nothing to download.
			return { response: new Response(null, { headers: { 'content-type': 'application/wasm' } }), module };
		});
		return early;
	};

	/** @type {Response | null} the real response of the engine's wasm, waiting for duckdb-wasm's instantiateStreaming call */
	let real = null;
	/** @type {Promise<WebAssembly.Module> | null} the early compile, waiting for the same call */
	let compiled = null;
	self.fetch = (input, init) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		if (!/\.wasm(\?|$)/.test(url)) return fetch0(input, init);
		if (early && new URL(url, self.location.href).href === wasmHref) {
			const mine = early;
			early = null;
			return mine.then(({ response, module }) => {
				compiled = module;
				return response;
			});
		}
		return fetch0(input, init).then((r) => {
			if (!r.ok) return r;
			real = r;
			return countingCopy(r);
		});
	};
	WebAssembly.instantiateStreaming = async (source, imports) => {
		const response = await source;
		if (response.url || (!real && !compiled)) return instantiate0(response, imports);
		// Read duckdb-wasm's counting copy to the end (that is what moves its progress), instantiate from the real one.
		response.body?.pipeTo(new WritableStream()).catch(() => undefined);
		if (compiled) {
			const module = compiled;
			compiled = null;
			return { module: await module, instance: await WebAssembly.instantiate(await module, imports) };
		}
		const own = /** @type {Response} */ (real);
		real = null;
		return instantiate0(own, imports);
	};

	/** The page's word to start (early-worker.ts): not one of duckdb-wasm's message types. */
	const BEGIN = 'ZHIJIA_BEGIN';
	/** The request id of the instantiate this worker makes itself: the page's ids count up from 0. */
	const AHEAD = -1;
	/**
	 * Starts DuckDB's instantiate now and returns the message handler that answers the page's INSTANTIATE with its
	 * outcome. Everything else goes to DuckDB's own handler, and its replies go to the page, except the outcome of
	 * our own request (its progress still goes: the page counts any instantiate progress as its own).
	 * @param {(e: { data: any }) => unknown} handler DuckDB's message handler
	 */
	const instantiateAhead = (handler) => {
		/** @type {Promise<boolean> | null} true once instantiated, false if that failed */
		let ahead = new Promise((resolve) => {
			self.postMessage = (/** @type {any} */ message, /** @type {any} */ transfer) => {
				if (message?.requestId !== AHEAD || message.type === 'INSTANTIATE_PROGRESS') return post0(message, transfer);
				if (message.type === 'OK' && keepAfterStart) keepLater();
				resolve(message.type === 'OK');
			};
		});
		handler({ data: { messageId: AHEAD, type: 'INSTANTIATE', data: [wasmHref, null] } });
		return (/** @type {{ data: any }} */ e) => {
			const request = e.data;
			if (ahead === null || request?.type !== 'INSTANTIATE' || new URL(request.data?.[0] ?? '', self.location.href).href !== wasmHref) return handler(e);
			const outcome = ahead;
			ahead = null;
			outcome.then((ok) => {
				self.postMessage = /** @type {any} */ (post0);
				if (ok) post0({ messageId: AHEAD, requestId: request.messageId, type: 'OK', data: null }, []);
				else handler(e);
			});
		};
	};

	/** @type {{ data: any }[]} messages that came before DuckDB's worker script was loaded */
	const waiting = [];
	let begun = false;
	/**
	 * Starts the engine: the wasm's fetch and compile, then DuckDB's worker script once the compile has begun (loading
	 * it blocks this worker for a while, and the response would wait for it), in a task of its own so that a failure
	 * to load is the worker's error event (which the page listens to) rather than an unhandled rejection.
	 */
	const begin = () => {
		if (begun) return;
		begun = true;
		const later = () => setTimeout(loadDuckDBWorker);
		fetchAndCompile().then(later, later);
	};
	// A worker started early waits for the page's word (BEGIN, sent once the app's scripts have run: started at once,
	// the compile took the cores the page needed for them) or for any message of duckdb-wasm's.
	self.onmessage = (e) => {
		lastMessage = performance.now();
		if (e.data?.type !== BEGIN) waiting.push(e);
		begin();
	};
	const loadDuckDBWorker = () => {
		/** @type {{ importScripts(url: string): void }} */ (/** @type {unknown} */ (self)).importScripts(workerHref);
		const handler = /** @type {(e: { data: any }) => unknown} */ (self.onmessage);
		const ours = instantiateAhead(handler);
		self.onmessage = (e) => {
			lastMessage = performance.now();
			if (e.data?.type !== BEGIN) ours(e);
		};
		for (const e of waiting.splice(0)) ours(e);
	};
})();
