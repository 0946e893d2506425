import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

/**
 * The service worker's install (the precache, and Chromium compiling every precached script) costs a core for a
 * while, so the app registers it only once the person has left the page alone for a few seconds
 * (src/lib/app/service-worker.ts): not beside their first clicks.
 */
let s: AppSession;
beforeAll(async () => {
	s = await openApp();
});
afterAll(async () => {
	await s?.close();
});

const registered = () => s.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined));

describe('the service worker’s registration', () => {
	it('waits while the person uses the page, then registers the worker', async () => {
		expect(await registered()).toBe(false);
		// Input every 0.4 s for 4.4 s, longer than the 3 s of quiet the app waits for.
		for (let i = 0; i < 11; i++) {
			await s.page.keyboard.press('Shift');
			await s.page.waitForTimeout(400);
		}
		expect(await registered()).toBe(false);
		// Left alone, the page registers the worker, which installs and takes over.
		const active = await s.page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? null));
		expect(active).toMatch(/\/service-worker\.js$/);
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	}, 60_000);
});
