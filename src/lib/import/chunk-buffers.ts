/**
 * Typed arrays kept from one staging chunk to the next (stage-arrow.ts). A chunk's columns are copied into its Arrow
 * IPC bytes before the next chunk is built, so their arrays can be written again. In Chromium a fresh large typed
 * array is faulted in page by page (about 4-6 ms per MB in this project's 2-core machine, where a chunk allocated
 * about 5 MB; docs/performance.md, sessions 44-45); Node barely notices either way.
 */

type Kept = Int32Array | Float64Array | Uint8Array;

export class ChunkBuffers {
	private readonly kept = new Map<string, Kept>();

	/**
	 * `n` slots of the array kept under `slot` (grown when too short). A slot must be used once per chunk: two uses would
	 * share memory. Its old values stay: callers write every slot they read.
	 */
	private take<T extends Kept>(slot: string, n: number, make: (n: number) => T): T {
		let a = this.kept.get(slot) as T | undefined;
		if (a === undefined || a.length < n) {
			a = make(n);
			this.kept.set(slot, a);
		}
		return a.subarray(0, n) as T;
	}

	int32(slot: string, n: number): Int32Array {
		return this.take(slot, n, (m) => new Int32Array(m));
	}

	float64(slot: string, n: number): Float64Array {
		return this.take(slot, n, (m) => new Float64Array(m));
	}

	/** `n` zero bytes (a bitmap that is ORed into, or a column of false). */
	zeroBytes(slot: string, n: number): Uint8Array {
		const a = this.take(slot, n, (m) => new Uint8Array(m));
		a.fill(0);
		return a;
	}
}
