/**
 * Files the app makes (quick-start estate, survey counts and scores) prepared exactly like a user's file:
 * read, normalised and row-checked by the import library with their dataset fixed. Pure; Node tests use it too.
 */
import { prepareImport, type PreparedImport, type Problem } from '../import';
import type { MadeFile } from '../import/made-files';

/** The bytes a made file is stored and replayed from (UTF-8, canonical header). */
export const madeBytes = (f: MadeFile): Uint8Array => new TextEncoder().encode(f.text);

/** Prepares made files in order (estates first, as the quick start lists them). */
export async function prepareMadeFiles(files: readonly MadeFile[]): Promise<PreparedImport[]> {
	const out: PreparedImport[] = [];
	for (const f of files) out.push(await prepareImport({ name: f.name, bytes: madeBytes(f) }, { dataset: f.dataset }));
	return out;
}

/** The errors of prepared made files (a made file with errors is never committed). */
export function madeErrors(prepared: readonly PreparedImport[]): Problem[] {
	return prepared.flatMap((p) => p.problems.filter((x) => x.severity === 'error'));
}
