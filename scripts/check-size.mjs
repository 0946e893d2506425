#!/usr/bin/env node
/**
 * Part of `npm run check`: keeps the house small and self-contained.
 * 1. No source file over 500 lines (the i18n dictionaries in src/lib/i18n are exempt): split along the seams instead.
 * 2. No file cites a document outside the repository (domain.md, engineering.md, "the primer") or an issue
 *    number ("issue 13", "#13") as its source: a newcomer has neither. Cite docs/sources.md §N, or say the reason.
 * Prints every offence as path:line and exits 1 if there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 500;
const CODE = /\.(ts|js|mjs|cjs|svelte|css|html)$/;
const TEXT = /\.(ts|js|mjs|cjs|svelte|css|html|md)$/;
const DIRS = ['src', 'tests', 'bench', 'scripts', 'bin', 'data', 'docs'];
const TOP_FILES = ['README.md', 'vite.config.ts', 'svelte.config.js'];
// bench/.data: the bench's generated cities and its private copy of build/ (git-ignored).
const SKIP_DIRS = new Set(['node_modules', 'sample', '.svelte-kit', 'build', '.data']);
const SIZE_EXEMPT = /^src\/lib\/i18n\//;

/** Generated or data files over the limit may not be added here: split them instead. */
const SIZE_ALLOW = new Set([]);

const CITE_ALLOW = new Set([]);

/** Each pattern names what a newcomer would not have. */
const CITES = [
	[/\b(domain|engineering)\.md\b/, 'cites a document outside the repository'],
	[/\bprimer\b/i, 'cites "the primer", a document outside the repository'],
	[/\bissues?\s*#?\d+/i, 'cites an issue number'],
	// "#13" but not a CSS colour (#555, #0a0a0a) nor a number format (#,##0).
	[/(^|[\s(\[])#\d{1,2}\b/, 'cites an issue number']
];

function* walk(dir) {
	for (const name of readdirSync(dir)) {
		if (SKIP_DIRS.has(name)) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* walk(path);
		else if (TEXT.test(name)) yield path;
	}
}

const files = [
	...DIRS.flatMap((d) => [...walk(join(ROOT, d))]),
	...TOP_FILES.map((f) => join(ROOT, f))
];
const problems = [];
for (const path of files) {
	const rel = relative(ROOT, path).split(sep).join('/');
	if (rel === 'scripts/check-size.mjs') continue; // names the patterns it looks for
	const lines = readFileSync(path, 'utf8').split('\n');
	const count = lines.at(-1) === '' ? lines.length - 1 : lines.length;
	if (CODE.test(rel) && count > MAX_LINES && !SIZE_EXEMPT.test(rel) && !SIZE_ALLOW.has(rel))
		problems.push(`${rel}: ${count} lines, over ${MAX_LINES}: split it along its seams`);
	if (CITE_ALLOW.has(rel)) continue;
	lines.forEach((line, i) => {
		for (const [re, why] of CITES) {
			const m = line.match(re);
			if (m) problems.push(`${rel}:${i + 1}: ${why} ("${m[0].trim()}"): cite docs/sources.md §N or give the reason`);
		}
	});
}
for (const p of problems) console.error(p);
if (problems.length) {
	console.error(`check-size: ${problems.length} problem(s)`);
	process.exit(1);
}
console.log(`check-size: ${files.length} files, none over ${MAX_LINES} lines, no citation outside the repository`);
