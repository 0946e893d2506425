/**
 * DuckDB's engine without the exports only a dynamically loaded extension could use (docs/performance.md, session 25).
 *
 * duckdb-wasm's module is an Emscripten MAIN_MODULE: it exports all 75,011 of its symbols (65,167 functions, most
 * with long C++ names) so that a DuckDB extension, loaded later as a side module, can link against them. The export
 * section is 7.4 MB of the 34 MB file, and instantiating the module makes a function object for every export
 * (about 0.2 s in Node, on every start). This app never loads an extension (engine.ts turns loading off), so the only
 * readers of the exports are:
 *   - the JavaScript glue, which reads exports by their literal names (`wasmExports.malloc`, the wasmImports
 *     object's keys, `Module._duckdb_web_query_run`...);
 *   - the module's own Global Offset Table: each `GOT.func` / `GOT.mem` import is filled with the export of the same
 *     name after instantiation (an entry left empty would be a null function pointer);
 *   - the `dynCall_` helpers, found by their prefix.
 * keepExport keeps exactly those (and an `orig$` export whose plain name is kept); everything else in the file,
 * byte for byte, stays as it was: only the export section is rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

/** Bumped when the rule changes, so a copy written by an older rule is rewritten. */
const RULE_VERSION = 1;

/**
 * A reader of a module's bytes; every error names the file and the byte offset.
 * @param {Uint8Array} bytes
 * @param {string} file
 */
function reader(bytes, file) {
	let at = 0;
	/** @param {string} why @returns {never} */
	const fail = (why) => {
		throw new Error(`wasm-exports: ${file}: ${why} at byte ${at}`);
	};
	const r = {
		get at() {
			return at;
		},
		set at(v) {
			at = v;
		},
		byte() {
			if (at >= bytes.length) fail('unexpected end of the module');
			return bytes[at++];
		},
		/** An unsigned LEB128 number (sizes, counts and indices are at most 32 bits). */
		u32() {
			let value = 0;
			for (let shift = 0; shift < 35; shift += 7) {
				const b = r.byte();
				value += (b & 0x7f) * 2 ** shift;
				if ((b & 0x80) === 0) return value;
			}
			return fail('a number longer than 5 bytes');
		},
		name() {
			const n = r.u32();
			if (at + n > bytes.length) fail('a name past the end of the module');
			const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + n));
			at += n;
			return text;
		},
		fail
	};
	return r;
}

/**
 * The module's sections in order: id and the byte range of the header and of the content.
 * @param {Uint8Array} bytes
 * @param {string} [file] for the error message
 */
export function sections(bytes, file = 'module') {
	const r = reader(bytes, file);
	for (const b of MAGIC) if (r.byte() !== b) r.fail('not a WebAssembly 1.0 module');
	const out = [];
	while (r.at < bytes.length) {
		const start = r.at;
		const id = r.byte();
		const size = r.u32();
		const contentStart = r.at;
		if (contentStart + size > bytes.length) r.fail(`section ${id} runs past the end of the module`);
		out.push({ id, start, contentStart, end: contentStart + size });
		r.at = contentStart + size;
	}
	return out;
}

/**
 * The entries of a vector section (imports, exports), each read by `entry` from the reader at its first byte; none
 * when the module has no such section.
 * @template T
 * @param {Uint8Array} bytes
 * @param {number} id the section's id
 * @param {string} file for the error message
 * @param {(r: ReturnType<typeof reader>) => T} entry
 * @returns {T[]}
 */
function sectionEntries(bytes, id, file, entry) {
	const section = sections(bytes, file).find((s) => s.id === id);
	if (!section) return [];
	const r = reader(bytes, file);
	r.at = section.contentStart;
	const out = [];
	for (let i = 0, n = r.u32(); i < n; i++) out.push(entry(r));
	return out;
}

/**
 * Every import of the module: module name, field name and kind (0 function, 1 table, 2 memory, 3 global, 4 tag).
 * @param {Uint8Array} bytes
 * @param {string} [file] for the error message
 */
export function moduleImports(bytes, file = 'module') {
	return sectionEntries(bytes, IMPORT_SECTION, file, (r) => {
		const module = r.name();
		const field = r.name();
		const kind = r.byte();
		if (kind === 0) r.u32();
		else if (kind === 1 || kind === 2) {
			if (kind === 1) r.byte(); // the table's element type
			const flags = r.u32();
			r.u32();
			if (flags & 1) r.u32();
		} else if (kind === 3) {
			r.byte();
			r.byte();
		} else if (kind === 4) {
			r.byte();
			r.u32();
		} else r.fail(`an import of unknown kind ${kind}`);
		return { module, field, kind };
	});
}

/**
 * Every export of the module: name, kind and index, in the module's order, with the byte range of its entry.
 * @param {Uint8Array} bytes
 * @param {string} [file] for the error message
 */
export function moduleExports(bytes, file = 'module') {
	return sectionEntries(bytes, EXPORT_SECTION, file, (r) => {
		const start = r.at;
		const name = r.name();
		const kind = r.byte();
		const index = r.u32();
		return { name, kind, index, start, end: r.at };
	});
}

/** @param {number} value an unsigned number as LEB128 bytes */
function leb(value) {
	const out = [];
	do {
		let b = value & 0x7f;
		value = Math.floor(value / 128);
		if (value > 0) b |= 0x80;
		out.push(b);
	} while (value > 0);
	return out;
}

/**
 * The module with only the exports `keep` accepts; every other byte unchanged. Throws (naming `file`) on a module it
 * cannot read.
 * @param {Uint8Array} bytes
 * @param {(name: string) => boolean} keep
 * @param {string} [file]
 * @returns {Uint8Array<ArrayBuffer>} a new array
 */
export function keepExports(bytes, keep, file = 'module') {
	const section = sections(bytes, file).find((s) => s.id === EXPORT_SECTION);
	if (!section) return bytes.slice();
	const kept = moduleExports(bytes, file).filter((e) => keep(e.name));
	const size = leb(kept.length).length + kept.reduce((sum, e) => sum + e.end - e.start, 0);
	const header = [EXPORT_SECTION, ...leb(size)];
	const out = new Uint8Array(section.start + header.length + size + (bytes.length - section.end));
	out.set(bytes.subarray(0, section.start), 0);
	let at = section.start;
	out.set(header, at);
	at += header.length;
	out.set(leb(kept.length), at);
	at += leb(kept.length).length;
	for (const e of kept) {
		out.set(bytes.subarray(e.start, e.end), at);
		at += e.end - e.start;
	}
	out.set(bytes.subarray(section.end), at);
	return out;
}

/**
 * The rule of the header: the exports the glue texts name, those the module's GOT imports name, and the dynCall_
 * helpers. `glueTexts` are the JavaScript files that load the module.
 * @param {string[]} glueTexts
 * @param {{ module: string, field: string }[]} imports
 */
export function keepExport(glueTexts, imports) {
	const named = new Set();
	for (const text of glueTexts) for (const token of text.match(/[A-Za-z_$][\w$]*/g) ?? []) named.add(token);
	const got = new Set(imports.filter((i) => i.module === 'GOT.func' || i.module === 'GOT.mem').map((i) => i.field));
	return (/** @type {string} */ name) => {
		const plain = name.startsWith('orig$') ? name.slice('orig$'.length) : name;
		return named.has(name) || named.has(plain) || got.has(plain) || name.startsWith('dynCall_');
	};
}

/**
 * Writes `dir/<wasm name>`: the package's module with only the exports the glue files in `dir` can read. Skips the
 * work when the copy was written by this rule from the same package file and the same glue texts.
 * @param {string} source the package's wasm file
 * @param {string} dir where the patched glue files are (and the copy goes)
 * @param {string[]} glueFiles the glue files in `dir` that load this module
 */
export function writeSlimWasm(source, dir, glueFiles) {
	const name = basename(source);
	const target = join(dir, name);
	const stampFile = `${target}.stamp.json`;
	const { size, mtimeMs } = statSync(source);
	const glueTexts = glueFiles.map((f) => readFileSync(join(dir, f), 'utf8'));
	const glue = createHash('sha256').update(glueTexts.join('\0')).digest('hex');
	const stamp = JSON.stringify({ rule: RULE_VERSION, size, mtimeMs, glue });
	if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;
	const bytes = new Uint8Array(readFileSync(source));
	const keep = keepExport(glueTexts, moduleImports(bytes, source));
	const slim = keepExports(bytes, keep, source);
	if (!WebAssembly.validate(slim)) throw new Error(`wasm-exports: ${source}: the module without its unused exports does not validate`);
	writeFileSync(target, slim);
	writeFileSync(stampFile, stamp);
	return target;
}
