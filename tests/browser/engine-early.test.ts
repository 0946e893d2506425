import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForApp, type AppSession } from './harness';

/**
 * On a visit served by the app's service worker, the engine's worker is started by index.html's first script
 * (scripts/early-engine.mjs), compiles and instantiates the engine on its own, and the app adopts that one worker
 * (src/lib/engine/early-worker.ts): no second engine, no script the page's security policy refuses, the same
 * figures. A first visit starts the engine as before (its download would share the network with the app's files).
 */
let s: AppSession;
const violations: string[] = [];
beforeAll(async () => {
	s = await openBrowser();
	await s.context.exposeBinding('reportViolation', (_source, text: string) => violations.push(text));
	await s.context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
	});
});
afterAll(async () => {
	await s?.close();
});

/** The app's start marks, in ms from navigation. */
const marks = () => s.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
const engineWorkers = () => s.page.workers().filter((w) => w.url().includes('duckdb-worker-cached')).length;

describe('the engine started by the page’s first script', () => {
	for (const visit of ['first', 'second', 'third']) {
		it(`on the ${visit} visit, starts one engine (before the app's own start after the first), and the app uses it`, async () => {
			await s.page.goto(s.baseUrl + '/');
			await waitForApp(s.page);
			const m = await marks();
			if (visit === 'first') {
				expect(m['zhijia:engine-worker']).toBeUndefined();
			} else {
				expect(m['zhijia:engine-worker']).toBeGreaterThan(0);
				expect(m['zhijia:engine-worker']).toBeLessThan(m['zhijia:start']);
			}
			expect(m['zhijia:engine-ready']).toBeGreaterThan(m['zhijia:start']);
			expect(engineWorkers()).toBe(1);
			expect(await s.page.getByTestId('kpi-estates').textContent()).toBe('240个');
			// The engine answers the app's queries after the adoption, e.g. a page that queries afresh: the district's
			// ranking from live results (no snapshot badge left).
			await s.page.getByRole('link', { name: '质价分析' }).first().click();
			await s.page.locator('main[data-status=ready] [data-testid=ranking] tbody tr').first().waitFor({ timeout: 60_000 });
			await expect.poll(() => s.page.getByTestId('snapshot-badge').count(), { timeout: 30_000 }).toBe(0);
			expect(await s.page.locator('[data-testid=ranking] tbody tr').count()).toBeGreaterThan(0);
			expect(engineWorkers()).toBe(1);
			expect(violations).toEqual([]);
			expect(s.errors).toEqual([]);
			expect(s.foreignRequests).toEqual([]);
			// The next visit is served by the service worker the app registers once it has started.
			await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		});
	}
});
