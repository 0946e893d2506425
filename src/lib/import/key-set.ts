/**
 * Keys seen so far, as tuples of small integer codes (one per key column), in an open-addressing hash table of
 * typed arrays, no object per key. Staging fills it from the codes its Arrow chunks already give each text
 * (stage-arrow.ts), so a file whose keys are all distinct is known to be so without DuckDB's aggregate over the
 * staged rows (docs/performance.md, session 44). A table of a million keys is far larger than the processor's cache,
 * and each key lands in a random place of it (about 0.3 s for a million): staging clears it at each run of the
 * stored order's cluster column (a period), which is part of the key, so it holds one period's keys.
 */
export class KeySet {
	/** The tuples, `width` codes each, in the order they were added. */
	private tuples: Int32Array;
	/** Slot → 1 + the tuple's index, or 0 when free. */
	private slots: Int32Array;
	private count = 0;
	/** Whether a tuple was added that was already there. */
	repeated = false;

	constructor(readonly width: number) {
		this.tuples = new Int32Array(width * 1024);
		this.slots = new Int32Array(2048);
	}

	/** Keys added so far (repeats not counted). */
	get size(): number {
		return this.count;
	}

	/**
	 * Forgets the keys (not `repeated`). The table keeps its size when the run just ended filled a good part of it (the
	 * next run is likely as long), and shrinks to that run's size otherwise: clearing a table sized for a long run after
	 * each of many short ones would cost more than the keys.
	 */
	clear(): void {
		let need = 2048;
		while (need < this.count * 2) need *= 2;
		if (this.slots.length > need * 4) this.slots = new Int32Array(need);
		else this.slots.fill(0);
		this.count = 0;
	}

	/** Adds the tuple `columns[0][k], columns[1][k]…`; false when it was there already. */
	add(columns: readonly Int32Array[], k: number): boolean {
		const width = this.width;
		let h = 0x811c9dc5;
		for (let c = 0; c < width; c++) h = mix(h, columns[c][k]);
		const mask = this.slots.length - 1;
		let slot = h & mask;
		for (;;) {
			const at = this.slots[slot];
			if (at === 0) break;
			const base = (at - 1) * width;
			let same = true;
			for (let c = 0; c < width && same; c++) same = this.tuples[base + c] === columns[c][k];
			if (same) {
				this.repeated = true;
				return false;
			}
			slot = (slot + 1) & mask;
		}
		if ((this.count + 1) * width > this.tuples.length) {
			const next = new Int32Array(this.tuples.length * 2);
			next.set(this.tuples);
			this.tuples = next;
		}
		const base = this.count * width;
		for (let c = 0; c < width; c++) this.tuples[base + c] = columns[c][k];
		this.count++;
		this.slots[slot] = this.count;
		// Kept at most half full, so a probe ends soon.
		if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
		return true;
	}

	private rehash(capacity: number): void {
		const width = this.width;
		const slots = new Int32Array(capacity);
		const mask = capacity - 1;
		for (let t = 0; t < this.count; t++) {
			let h = 0x811c9dc5;
			for (let c = 0; c < width; c++) h = mix(h, this.tuples[t * width + c]);
			let slot = h & mask;
			while (slots[slot] !== 0) slot = (slot + 1) & mask;
			slots[slot] = t + 1;
		}
		this.slots = slots;
	}
}

/** One step of a 32-bit hash over integer codes (multiply, xor-shift), spread well enough for a power-of-two table. */
function mix(h: number, code: number): number {
	h = Math.imul(h ^ code, 0x01000193);
	h ^= h >>> 15;
	h = Math.imul(h, 0x2c1b3c6d);
	return h ^ (h >>> 12);
}
