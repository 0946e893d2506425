/**
 * Rebuilds every table from a workspace: the base (the sample district, or empty tables), then each stored
 * import replayed in order with the options the user chose. The same code runs on page load, after a
 * workspace file is opened, and in Node tests.
 */
import type { Engine } from '../engine/engine';
import { commitImport, inspectFile, prepareImport, type CommitResult, type Conversion, type PreparedFile, type ValueMapAnswers } from '../import';
import { DEFAULT_GROUPS, type IndicatorGroup } from '../import/groups';
import { createAllTablesSql, loadSampleDistrict, type SampleReader } from './sample';
import type { StoredFile, Workspace } from './workspace-file';

/** One stored file that could not be replayed (the rest of the workspace still loads). */
export interface ReplayFailure {
	file: string;
	reason: string;
}

/**
 * Reads and prepares a stored file as the user chose (sheet, header row, dataset, mapping). The page passes one
 * that runs the same steps in the import worker (`prepareStoredInWorker`).
 */
export type PrepareStored = (f: StoredFile, bytes: Uint8Array) => Promise<{ prepared: PreparedFile; release(): void }>;

/** {@link PrepareStored} in this thread. */
export const prepareStored: PrepareStored = async (f, bytes) => {
	const inspection = await inspectFile(f.name, bytes, storedReadOptions(f));
	const prepared = await prepareImport(inspection.source, { dataset: f.dataset, mapping: storedMapping(f, inspection.headers), ...storedConversions(f, inspection.headers) });
	return { prepared, release: () => undefined };
};

/** How a stored file is read: its sheet, header row and dataset. */
export function storedReadOptions(f: StoredFile): { sheet?: string; headerRow?: number; dataset: StoredFile['dataset']; lenient: boolean; unendedLastRowIsError?: true } {
	return {
		sheet: f.options.sheet,
		headerRow: f.options.headerRow ? f.options.headerRow : undefined,
		dataset: f.dataset,
		lenient: f.options.rules === undefined,
		// Accepted before reading rules 4: a last row without a line end was an error (dropped with the invalid rows).
		...((f.options.rules ?? 0) < 4 ? { unendedLastRowIsError: true as const } : {})
	};
}

/** A stored mapping (header → column) aligned with the headers read. */
export function storedMapping(f: StoredFile, headers: readonly string[]): (string | null)[] | undefined {
	return f.options.mapping ? headers.map((h) => f.options.mapping![h] ?? null) : undefined;
}

/** A stored file's conversions (aligned with the headers read), value answers and reading rules, as prepare options. */
export function storedConversions(
	f: StoredFile,
	headers: readonly string[]
): { conversions?: (Conversion | null | undefined)[]; valueAnswers?: ValueMapAnswers; groupScoring?: 'spread' | 'group'; groups?: IndicatorGroup[]; quarterFromTitle?: false; periodsBeforeRules4?: true; titleSpansBeforeRules5?: true; valuesBeforeRules6?: true; valuesBeforeRules7?: true; valuesBeforeRules8?: true; valuesBeforeRules9?: true; valuesBeforeRules10?: true; valuesBeforeRules11?: true; valuesBeforeRules12?: true; valuesBeforeRules13?: true; valuesBeforeRules14?: true; period?: string } {
	const c = f.options.conversions;
	return {
		// Accepted before reading rules 3: its dates under a quarter's title were read by month, and are again.
		...((f.options.rules ?? 0) < 3 ? { quarterFromTitle: false as const } : {}),
		// Accepted before reading rules 4: 2026-1Q, 1Q26 and Mar 2026 were not periods, and are not again.
		...((f.options.rules ?? 0) < 4 ? { periodsBeforeRules4: true as const } : {}),
		// Accepted before reading rules 5: a title's span of months gave its first month, two years the one before 年.
		...((f.options.rules ?? 0) < 5 ? { titleSpansBeforeRules5: true as const } : {}),
		// Accepted before reading rules 6: columns mapped by header alone, a ticket's 未办结 an error.
		...((f.options.rules ?? 0) < 6 ? { valuesBeforeRules6: true as const } : {}),
		// Accepted before reading rules 7: a weekday beside a date, and a year written 2008.06, were errors.
		...((f.options.rules ?? 0) < 7 ? { valuesBeforeRules7: true as const } : {}),
		// Accepted before reading rules 8: financial capitals, a receipt's words, a form's boxes and 24年3月5日 were not read.
		...((f.options.rules ?? 0) < 8 ? { valuesBeforeRules8: true as const } : {}),
		// Accepted before reading rules 9: a yes/no with its count (有，2部) was an error.
		...((f.options.rules ?? 0) < 9 ? { valuesBeforeRules9: true as const } : {}),
		// Accepted before reading rules 10: 1.2千户 and 3万2千 were errors, 一千二 was 1,002.
		...((f.options.rules ?? 0) < 10 ? { valuesBeforeRules10: true as const } : {}),
		// Accepted before reading rules 11: 早上8点, 3.2w㎡, (1,200), 1998年前后, 85%左右, 约1.65元, 第Ⅲ季度, 有√ 无, 2部电梯, 8.5/10 were errors.
		...((f.options.rules ?? 0) < 11 ? { valuesBeforeRules11: true as const } : {}),
		// Accepted before reading rules 12: a facilities register of one item per row, with no quantity column, was refused.
		...((f.options.rules ?? 0) < 12 ? { valuesBeforeRules12: true as const } : {}),
		// Accepted before reading rules 13: 户数：1200 and 89.5㎡/套 were errors, an estates list's merged 街道 cells blank.
		...((f.options.rules ?? 0) < 13 ? { valuesBeforeRules13: true as const } : {}),
		// Accepted before reading rules 14: 九八年 and 〇五年 in a year, a date or a period, 还建房, and 18 under 房屋层数 were errors.
		...((f.options.rules ?? 0) < 14 ? { valuesBeforeRules14: true as const } : {}),
		// The file's own groups, then the default 设施设备运行 (a replay must not depend on the system current now).
		...(f.options.groups?.length ? { groups: [...f.options.groups, ...DEFAULT_GROUPS.filter((d) => !f.options.groups!.some((g) => g.code === d.code))] } : {}),
		...(f.options.groupScoring ? { groupScoring: f.options.groupScoring } : {}),
		...(c ? { conversions: headers.map((h) => (h in c ? c[h] : undefined)) } : {}),
		...(f.options.valueAnswers ? { valueAnswers: f.options.valueAnswers } : {}),
		// The period the person gave a sheet without a period column.
		...(f.options.period ? { period: f.options.period } : {})
	};
}

/** Replays one stored import into the tables; returns the commit result or throws the reason. */
export async function replayImport(engine: Engine, f: StoredFile, bytes: Uint8Array, prepare: PrepareStored = prepareStored): Promise<CommitResult> {
	const { prepared, release } = await prepare(f, bytes);
	let result: CommitResult;
	try {
		// A stored import was committed once (a shrinking replace only after the user agreed), so it replays as it was.
		result = await commitImport(engine, prepared, { mode: f.mode, dropInvalid: f.options.dropInvalid, allowShrink: true });
	} finally {
		release();
	}
	if (!result.committed) throw new Error(result.reason ?? 'not committed');
	return result;
}

/** Loads the base and replays the imports. Files that fail are reported, not fatal. */
export async function rebuildWorkspace(
	engine: Engine,
	ws: Workspace,
	contents: ReadonlyMap<string, Uint8Array>,
	readSample: SampleReader,
	prepare: PrepareStored = prepareStored
): Promise<ReplayFailure[]> {
	if (ws.base === 'sample') await loadSampleDistrict(engine, readSample);
	else await engine.transaction(createAllTablesSql());
	const failures: ReplayFailure[] = [];
	for (const f of ws.files) {
		const bytes = contents.get(f.id);
		if (!bytes) {
			failures.push({ file: f.name, reason: 'missing' });
			continue;
		}
		try {
			await replayImport(engine, f, bytes, prepare);
		} catch (e) {
			failures.push({ file: f.name, reason: e instanceof Error ? e.message : String(e) });
		}
	}
	return failures;
}

/**
 * The workspace after a successful import: the new files are added, and earlier files of a dataset that the
 * new import replaced are dropped (replaying them would be overwritten anyway).
 */
export function withImported(ws: Workspace, added: StoredFile[]): Workspace {
	const replaced = new Set(added.filter((f) => f.mode === 'replace').map((f) => f.dataset));
	return { ...ws, files: [...ws.files.filter((f) => !replaced.has(f.dataset)), ...added] };
}
