/**
 * The real engine as the importer sees it (ImportEngine), with some methods replaced: to count or fail a call, or,
 * with `arrow: false`, without Arrow so the rows are staged as CSV text.
 */
import type { Engine } from '../../../src/lib/engine/engine';
import type { ImportEngine } from '../../../src/lib/import/index';

export function importEngineOf(real: Engine, overrides: Partial<ImportEngine> = {}, { arrow = true } = {}): ImportEngine {
	return {
		exec: (sql) => real.exec(sql),
		rows: (sql) => real.rows(sql),
		scalar: (sql) => real.scalar(sql),
		transaction: (statements) => real.transaction(statements),
		registerFileBuffer: (name, buffer) => real.registerFileBuffer(name, buffer),
		dropFile: (name) => real.dropFile(name),
		...(arrow ? { insertArrowIPC: (ipc, options) => real.insertArrowIPC(ipc, options) } : {}),
		...overrides
	};
}
