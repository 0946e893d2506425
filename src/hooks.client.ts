import type { ClientInit } from '@sveltejs/kit';
import { z } from 'zod';

/** Runs before the first page loads. */
export const init: ClientInit = () => {
	// The page's security policy allows no eval: without this zod would probe `Function('')` once, which the browser
	// refuses and reports as a policy violation, and then run without compiled parsers anyway.
	z.config({ jitless: true });
};
