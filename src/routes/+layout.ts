// duckdb-wasm runs only in the browser, so the whole app renders on the client (a static SPA).
export const ssr = false;
export const prerender = false;
