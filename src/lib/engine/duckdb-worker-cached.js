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

	// The wasm is requested when the worker begins, not at its start: the 27 MB response from the service worker's
	// cache then competed with the page's own scripts, and in interleaved runs (3 December) the second visit's first
	// chart came ~0.15 s later, the engine no sooner.
	/** @type {Promise<{ response: Response, module: Promise<WebAssembly.Module> | null }> | null} the early fetch and compile */
	let early = null;
	const fetchAndCompile = () => {
		early = fetch0(wasmHref, { credentials: 'same-origin' }).then((response) => {
			if (!response.ok) return { response, module: null };
			const counting = countingCopy(response);
			const module = WebAssembly.compileStreaming(response);
			module.catch(() => undefined); // reported by the instantiate that awaits it
			return { response: counting, module };
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
		if (e.data?.type !== BEGIN) waiting.push(e);
		begin();
	};
	const loadDuckDBWorker = () => {
		/** @type {{ importScripts(url: string): void }} */ (/** @type {unknown} */ (self)).importScripts(workerHref);
		const handler = /** @type {(e: { data: any }) => unknown} */ (self.onmessage);
		const ours = instantiateAhead(handler);
		self.onmessage = (e) => e.data?.type !== BEGIN && ours(e);
		for (const e of waiting.splice(0)) ours(e);
	};
})();
