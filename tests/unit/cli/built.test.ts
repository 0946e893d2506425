import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
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
		// The entry and its chunks (one per subcommand and per lazily loaded part, scripts/build-cli.mjs).
		const chunks = (await readdir('dist/cli/chunks')).filter((f) => f.endsWith('.mjs'));
		const built = (await Promise.all(['dist/cli/zhijia.mjs', ...chunks.map((f) => `dist/cli/chunks/${f}`)].map((f) => readFile(f, 'utf8')))).join('\n');
		// Bundled from the sources: the CLI's own code is inside, and no import of tsx or of a .ts file is left.
		expect(built).toContain('function analyzeCommand');
		expect(built).not.toMatch(/from ["']tsx|import\(["'][^"']*\.ts["']\)/);
	});

	it('tsx is a development tool only; esbuild builds the CLI on npm ci (prepare), after the patched engine glue', async () => {
		const pkg = JSON.parse(await readFile('package.json', 'utf8')) as Record<string, Record<string, string>>;
		expect(pkg.dependencies.tsx).toBeUndefined();
		expect(pkg.devDependencies.tsx).toBeDefined();
		expect(pkg.scripts.prepare).toBe('node scripts/duckdb-glue.mjs && node scripts/build-cli.mjs');
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
		// Loading duckdb-wasm's blocking build (the package's or its patched copy, scripts/duckdb-glue.mjs) costs ~0.3 s;
		// --engine native and --help must not pay it.
		const r = await run(['--input-type=module', '-e', "const m = await import('./dist/cli/zhijia.mjs'); const out = []; await m.main(['--help'], { stdout: (s) => out.push(s), stderr: () => {} }); const { createRequire } = await import('node:module'); const req = createRequire(import.meta.url); console.log(Object.keys(req.cache).some((id) => id.endsWith('duckdb-node-blocking.cjs')) ? 'loaded' : 'not loaded');"]);
		expect(r.stderr).toBe('');
		expect(r.stdout.trim()).toBe('not loaded');
	});

	it('zhijia analyze with the wasm engine loads apache-arrow once: the copy the engine glue requires', async () => {
		// The glue require()s the package's CommonJS build; the CLI's own import of apache-arrow goes through the same
		// require (scripts/build-cli.mjs), not the ESM build as a second copy (about 0.1 s of the command's start).
		const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/apache-arrow/')) process.stderr.write('esm ' + r.url + '\\n'); return r; }`;
		const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
		const r = await run(['--import', `data:text/javascript,${encodeURIComponent(register)}`, 'bin/zhijia.mjs', 'analyze', 'data/sample', '--json']);
		expect(r.code).toBe(0);
		expect(r.stderr).not.toContain('esm ');
		expect((JSON.parse(r.stdout) as unknown[]).length).toBe(240);
		// The probe itself works: an ESM import of the package is reported.
		const probe = await run(['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', "await import('apache-arrow');"]);
		expect(probe.stderr).toContain('esm file://');
	});

	it('zhijia analyze on canonical CSV loads neither the import pipeline (xlsx, Parquet) nor the other commands', async () => {
		// Each subcommand and the import pipeline are chunks imported when needed; what the analyze chunk pulls in
		// statically is all that `zhijia analyze data/sample` parses before its query.
		const dir = 'dist/cli/chunks';
		const files = await readdir(dir);
		const entry = files.find((f) => /^analyze-.*\.mjs$/.test(f));
		expect(entry).toBeDefined();
		const seen = new Set<string>();
		const packages = new Set<string>();
		const walk = async (file: string): Promise<void> => {
			if (seen.has(file)) return;
			seen.add(file);
			const text = await readFile(`${dir}/${file}`, 'utf8');
			for (const m of text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gms)) {
				const target = m[1] ?? m[2];
				if (target.startsWith('./')) await walk(target.slice(2));
				else packages.add(target);
			}
		};
		await walk(entry!);
		expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual(['zod']);
		expect([...seen].some((f) => /^(import|validate|survey|market|subsidy|reserve|import-files)-/.test(f))).toBe(false);
	});
});
