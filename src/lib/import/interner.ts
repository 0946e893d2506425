/**
 * Keeps one copy of each repeated text in a column (codes, ids, periods repeat across a million rows): far less
 * memory held, far less garbage-collector work, and the normalisers' caches hit on the same string. Switches
 * itself off in a column whose texts rarely repeat.
 *
 * A text can be given as a string or as a range of a larger text (a cell of a CSV line): a range that was seen
 * before is found without making a string of it, so a million rows of repeated cells make no new strings
 * (docs/performance.md, session 24).
 */

/** Distinct texts kept at most; later new texts are returned as they are. */
const MAX_KEPT = 100_000;
/** Lookups after which a column whose texts repeat less than half the time stops interning. */
const TRIAL_LOOKUPS = 20_000;

export class Interner {
	/** Open addressing: slot → text (undefined when free) and the text's hash. */
	private keys: (string | undefined)[] = new Array(1024).fill(undefined);
	private hashes = new Int32Array(1024);
	private size = 0;
	private lookups = 0;
	private hits = 0;
	private on = true;
	/** Sorted files repeat a column's last text row after row (an estate's id, a period): checked first. */
	private last: string | undefined;
	private lastHash = 0;

	/** The kept copy of `s` (or `s` itself, which is then kept). */
	intern(s: string): string {
		if (!this.on) return s;
		this.lookups++;
		if (s === this.last) {
			this.hits++;
			return s;
		}
		return this.find(s, 0, s.length, hashOf(s, 0, s.length), true);
	}

	/** The kept copy of `text.slice(start, end)`, made only when the text is new. */
	internRange(text: string, start: number, end: number): string {
		return this.internHashedRange(text, start, end, hashOf(text, start, end));
	}

	/** {@link internRange} for a caller that hashed the range already (with {@link hashStep} from {@link HASH_SEED}). */
	internHashedRange(text: string, start: number, end: number, hash: number): string {
		if (!this.on) return text.slice(start, end);
		this.lookups++;
		const last = this.last;
		if (last !== undefined && hash === this.lastHash && last.length === end - start && sameChars(last, text, start)) {
			this.hits++;
			return last;
		}
		return this.find(text, start, end, hash, false);
	}

	private find(text: string, start: number, end: number, hash: number, whole: boolean): string {
		const keys = this.keys;
		const mask = keys.length - 1;
		const length = end - start;
		let slot = hash & mask;
		for (;;) {
			const k = keys[slot];
			if (k === undefined) break;
			if (this.hashes[slot] === hash && k.length === length && (whole ? k === text : sameChars(k, text, start))) {
				this.hits++;
				this.last = k;
				this.lastHash = hash;
				return k;
			}
			slot = (slot + 1) & mask;
		}
		const s = whole ? text : text.slice(start, end);
		if (this.size < MAX_KEPT) {
			keys[slot] = s;
			this.hashes[slot] = hash;
			this.last = s;
			this.lastHash = hash;
			if (++this.size * 2 > keys.length) this.grow();
		}
		if (this.lookups >= TRIAL_LOOKUPS && this.hits < this.lookups / 2) {
			this.on = false;
			this.keys = [];
			this.hashes = new Int32Array(0);
			this.last = undefined;
		}
		return s;
	}

	private grow(): void {
		const oldKeys = this.keys;
		const oldHashes = this.hashes;
		const keys: (string | undefined)[] = new Array(oldKeys.length * 2).fill(undefined);
		const hashes = new Int32Array(keys.length);
		const mask = keys.length - 1;
		for (let i = 0; i < oldKeys.length; i++) {
			const k = oldKeys[i];
			if (k === undefined) continue;
			let slot = oldHashes[i] & mask;
			while (keys[slot] !== undefined) slot = (slot + 1) & mask;
			keys[slot] = k;
			hashes[slot] = oldHashes[i];
		}
		this.keys = keys;
		this.hashes = hashes;
	}
}

/** Start of a text's hash (FNV-1a over its UTF-16 code units). */
export const HASH_SEED = 0x811c9dc5 | 0;

/** The hash `h` extended by one code unit. */
export function hashStep(h: number, code: number): number {
	return Math.imul(h ^ code, 0x01000193);
}

function hashOf(text: string, start: number, end: number): number {
	let h = HASH_SEED;
	for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
	return h;
}

/** Whether `s` equals text[start, start + s.length). */
function sameChars(s: string, text: string, start: number): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}
