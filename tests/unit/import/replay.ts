/** A file prepared as a reload replays it when it was stored under older reading rules (READ_RULES). */
import type { DatasetId } from '../../../src/lib/data/datasets';
import { inspectFile, prepareImport } from '../../../src/lib/import/index';
import { storedConversions } from '../../../src/lib/workspace/rebuild';
import { storedFileSchema } from '../../../src/lib/workspace/workspace-file';

/** `bytes` as the workspace replays them when stored under reading rules `rules` (header on row 1, invalid rows dropped). */
export async function replayedUnder(name: string, bytes: Uint8Array, dataset: DatasetId, rules: number): Promise<Awaited<ReturnType<typeof prepareImport>>> {
	const ins = await inspectFile(name, bytes);
	const stored = storedFileSchema.parse({ id: 'f1', name, dataset, mode: 'replace', options: { headerRow: 1, dropInvalid: true, rules }, rows: 1, addedAt: '2026-12-01T00:00:00.000Z' });
	return prepareImport(ins.source, { dataset, ...storedConversions(stored, ins.headers) });
}
