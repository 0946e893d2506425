/**
 * A minimal promise wrapper over one IndexedDB object store (key → value). The workspace keeps the user's
 * source files here, not the DuckDB tables: tables are rebuilt from the files on load, because OPFS database
 * files have lost data upstream (see shared engineering notes) while plain stored files are dependable.
 */
/** Also named in index.html's first script, which reads the start-up snapshot early (scripts/early-engine.mjs). */
export const DB_NAME = 'zhijia';
export const STORE = 'workspace';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
	});
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = fn(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req ? req.result : undefined);
			tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
			tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		});
	} finally {
		db.close();
	}
}

export const idb = {
	get: <T>(key: string) => run<T>('readonly', (s) => s.get(key) as IDBRequest<T>),
	/** Writes all entries in one transaction: either every key is written or none. */
	putAll: (entries: Record<string, unknown>) =>
		run('readwrite', (s) => {
			for (const [k, v] of Object.entries(entries)) s.put(v, k);
		}),
	clear: () => run('readwrite', (s) => s.clear() as IDBRequest<undefined>),
	keys: () => run<IDBValidKey[]>('readonly', (s) => s.getAllKeys()).then((k) => (k ?? []).map(String)),
	/** Deletes keys in one transaction. */
	deleteAll: (keys: readonly string[]) =>
		run('readwrite', (s) => {
			for (const k of keys) s.delete(k);
		})
};
