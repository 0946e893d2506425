import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/**
 * The command line runs as built JavaScript: bin/zhijia.mjs imports dist/cli/zhijia.mjs, which
 * scripts/build-cli.mjs makes from src/cli/main.ts (the unit tests' global setup builds it first); no TypeScript
 * loader at run time, and tsx is not a runtime dependency.
 */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, args, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
	});
}

describe('the built command line', () => {
	it('bin/zhijia.mjs runs the built file, with no TypeScript loader', async () => {
		const bin = await readFile('bin/zhijia.mjs', 'utf8');
		expect(bin).toContain('../dist/cli/zhijia.mjs');
		expect(bin).not.toMatch(/tsx|\.ts['"]/);
		const built = await readFile('dist/cli/zhijia.mjs', 'utf8');
		// Bundled from the sources: the CLI's own code is inside, and no import of tsx or of a .ts file is left.
		expect(built).toContain('function analyzeCommand');
		expect(built).not.toMatch(/from ["']tsx|import\(["'][^"']*\.ts["']\)/);
	});

	it('tsx is a development tool only; esbuild builds the CLI on npm ci (prepare)', async () => {
		const pkg = JSON.parse(await readFile('package.json', 'utf8')) as Record<string, Record<string, string>>;
		expect(pkg.dependencies.tsx).toBeUndefined();
		expect(pkg.devDependencies.tsx).toBeDefined();
		expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
	});

	it('answers --help and an unknown command through bin/zhijia.mjs, without loading any engine', async () => {
		const help = await run(['bin/zhijia.mjs', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: zhijia <command>');
		expect(help.stdout).toContain('analyze');
		const bad = await run(['bin/zhijia.mjs', 'no-such-command']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('no-such-command');
	});

	it('the wasm engine package is not loaded by a command that does not need it', async () => {
		// Loading @duckdb/duckdb-wasm/blocking costs ~0.3 s; --engine native and --help must not pay it.
		const r = await run(['--input-type=module', '-e', "const m = await import('./dist/cli/zhijia.mjs'); const out = []; await m.main(['--help'], { stdout: (s) => out.push(s), stderr: () => {} }); const { createRequire } = await import('node:module'); const req = createRequire(import.meta.url); const id = req.resolve('@duckdb/duckdb-wasm/blocking'); console.log(Object.keys(req.cache).includes(id) ? 'loaded' : 'not loaded');"]);
		expect(r.stderr).toBe('');
		expect(r.stdout.trim()).toBe('not loaded');
	});
});
