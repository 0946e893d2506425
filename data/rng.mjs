// @ts-check
/**
 * The seeded random numbers of the data generators (generate-sample.mjs, generate-city.mjs): one mulberry32 stream
 * per section, seeded from "<seed>:<section>" through FNV-1a, so a section's output does not shift when another
 * section draws more or fewer numbers. No clock, no locale: a seed always gives the same numbers.
 */

/** 32-bit FNV-1a: turns a section label into a seed. @param {string} s */
export function hash32(s) {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export class Rng {
	/** @param {number} seed @param {string} label section name; each section has its own stream */
	constructor(seed, label) {
		this.a = hash32(`${seed}:${label}`) >>> 0;
	}
	/** mulberry32: tiny, fast, good enough for generated data. */
	next() {
		this.a = (this.a + 0x6d2b79f5) >>> 0;
		let t = this.a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	/** Uniform in [a, b). @param {number} a @param {number} b */
	u(a, b) {
		return a + (b - a) * this.next();
	}
	/** Integer in [a, b]. @param {number} a @param {number} b */
	int(a, b) {
		return a + Math.floor(this.next() * (b - a + 1));
	}
	/** Normal (Box-Muller). @param {number} mean @param {number} sd */
	normal(mean, sd) {
		const u1 = Math.max(this.next(), 1e-12);
		const u2 = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}
	/** @param {number} p */
	chance(p) {
		return this.next() < p;
	}
	/** @template T @param {readonly T[]} items @returns {T} */
	pick(items) {
		return items[Math.floor(this.next() * items.length)];
	}
	/** @template T @param {readonly T[]} items @param {readonly number[]} weights @returns {T} */
	weighted(items, weights) {
		let total = 0;
		for (const w of weights) total += w;
		let r = this.next() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i];
			if (r < 0) return items[i];
		}
		return items[items.length - 1];
	}
	/** Index drawn from cumulative weights; for hot loops. @param {Float64Array} cum */
	index(cum) {
		const r = this.next() * cum[cum.length - 1];
		let i = 0;
		while (i < cum.length - 1 && r >= cum[i]) i++;
		return i;
	}
	/** Poisson count (Knuth for small means, rounded normal for large). @param {number} lambda */
	poisson(lambda) {
		if (lambda > 40) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}
	/** In-place Fisher-Yates. @template T @param {T[]} items @returns {T[]} */
	shuffle(items) {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}
}

/** @param {number} x @param {number} lo @param {number} hi */
export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** @param {number} x @param {number} step */
export const roundTo = (x, step) => Math.round(x / step) * step;
