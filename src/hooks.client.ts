import type { ClientInit } from '@sveltejs/kit';
import { beginStart } from '$lib/app/start';

/**
 * Runs when the app's entry evaluates, before the layout's and page's scripts are fetched and run: begins the
 * engine and the sample download then, so they overlap the rest of the app's loading (docs/performance.md,
 * "Cold start").
 */
export const init: ClientInit = () => {
	beginStart();
};
