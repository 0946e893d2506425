import { describe, expect, it, vi } from 'vitest';

// The process's compile failing (a worker and this thread both unable to compile it, say) must not stop the engine:
// the bindings then read and instantiate the file their own way, as before node-module.ts.
vi.mock('../../../src/lib/engine/node-module', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../../src/lib/engine/node-module')>();
	return { ...real, compileEngineModule: () => Promise.reject(new Error('no compiled module in this test')) };
});

describe("the Node engine when the process's compiled module fails", () => {
	it("starts from the package's own instantiation and answers queries", async () => {
		const { startNodeEngine } = await import('../../../src/lib/engine/node');
		const engine = await startNodeEngine();
		try {
			expect(await engine.rows("SELECT '梅澜公寓' AS name, round(66.5689, 2)::DOUBLE AS q")).toEqual([{ name: '梅澜公寓', q: 66.57 }]);
		} finally {
			await engine.close();
		}
	});
});
