/**
 * DuckDB's browser worker, started through this small classic worker so the browser can keep the compiled engine
 * (docs/performance.md, "Start the engine once per machine"). duckdb-wasm fetches the 34 MB wasm and, to report
 * progress, hands `WebAssembly.instantiateStreaming` a Response it constructs around the body. A constructed
 * Response has no URL, so Chromium cannot use or fill its wasm code cache, and every visit compiles the engine
 * again. Here the engine's fetch of a .wasm keeps the real Response for compiling and gives duckdb-wasm a clone to
 * count progress on; the clone is drained so progress still moves. Then DuckDB's own worker script is loaded
 * unchanged (its URL is this worker's `worker` query parameter).
 */
(() => {
	const fetch0 = self.fetch.bind(self);
	const compile0 = WebAssembly.instantiateStreaming.bind(WebAssembly);
	/** @type {Response | null} the real response of the engine's wasm, waiting for duckdb-wasm's instantiateStreaming call */
	let real = null;
	self.fetch = (input, init) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const response = fetch0(input, init);
		if (!/\.wasm(\?|$)/.test(url)) return response;
		return response.then((r) => {
			if (!r.ok) return r;
			real = r;
			// A compressed transfer's Content-Length counts compressed bytes, progress counts decoded ones: no total then.
			const headers = new Headers(r.headers);
			if (headers.has('content-encoding')) headers.delete('content-length');
			return new Response(r.clone().body, { status: r.status, statusText: r.statusText, headers });
		});
	};
	WebAssembly.instantiateStreaming = async (source, imports) => {
		const response = await source;
		if (response.url || !real) return compile0(response, imports);
		const own = real;
		real = null;
		// Read duckdb-wasm's counting copy to the end (that is what moves its progress), compile from the real one.
		response.body?.pipeTo(new WritableStream()).catch(() => undefined);
		return compile0(own, imports);
	};
	const worker = new URL(self.location.href).searchParams.get('worker');
	if (!worker) throw new Error('duckdb-worker-cached.js: the DuckDB worker URL (?worker=) is missing');
	/** @type {{ importScripts(url: string): void }} */ (/** @type {unknown} */ (self)).importScripts(new URL(worker, self.location.href).href);
})();
