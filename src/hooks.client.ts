import type { ClientInit } from '@sveltejs/kit';
import { z } from 'zod';
import { startEngineWorkerEarly } from '$lib/engine/early-worker';

/** Runs before the first page loads. */
export const init: ClientInit = () => {
	// The built page's index.html has already started the engine's worker; in vite dev this does (early-worker.ts).
	startEngineWorkerEarly();
	// The page's security policy allows no eval: without this zod would probe `Function('')` once, which the browser
	// refuses and reports as a policy violation, and then run without compiled parsers anyway.
	z.config({ jitless: true });
};
