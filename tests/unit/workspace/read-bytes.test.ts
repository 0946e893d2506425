import { describe, expect, it } from 'vitest';
import { bytesOf } from '../../../src/lib/workspace/read-bytes';

/** 40 MB of known bytes (byte i is i mod 251), sent in pieces of 1 MB, the last one short. */
const SIZE = 40 * 1024 * 1024 + 12_345;
const byteAt = (i: number) => i % 251;
function source(): Uint8Array {
	const b = new Uint8Array(SIZE);
	for (let i = 0; i < SIZE; i++) b[i] = byteAt(i);
	return b;
}
function pieces(bytes: Uint8Array, piece = 1024 * 1024): ReadableStream<Uint8Array> {
	let at = 0;
	return new ReadableStream({
		pull(c) {
			if (at >= bytes.length) return c.close();
			c.enqueue(bytes.slice(at, at + piece));
			at += piece;
		}
	});
}
/** Every byte where it belongs (sampled every 997 bytes and at both ends, so a failure says where). */
function expectSame(got: Uint8Array) {
	expect(got.length).toBe(SIZE);
	for (let i = 0; i < SIZE; i += 997) if (got[i] !== byteAt(i)) throw new Error(`byte ${i}: ${got[i]} instead of ${byteAt(i)}`);
	expect(got[SIZE - 1]).toBe(byteAt(SIZE - 1));
}

describe('bytesOf', () => {
	const bytes = source();
	it('a response whose length is announced: one buffer filled piece by piece', async () => {
		expectSame(await bytesOf(new Response(pieces(bytes), { headers: { 'content-length': String(SIZE) } })));
	});
	it('a response without a length, or sent compressed (the length is the encoded one): pieces put together', async () => {
		expectSame(await bytesOf(new Response(pieces(bytes))));
		expectSame(await bytesOf(new Response(pieces(bytes), { headers: { 'content-length': '1000', 'content-encoding': 'br' } })));
	});
	it('a response longer than it announced keeps every byte', async () => {
		expectSame(await bytesOf(new Response(pieces(bytes), { headers: { 'content-length': String(SIZE - 5_000_000) } })));
	});
	it('a stored blob, and an empty body', async () => {
		expectSame(await bytesOf(new Blob([bytes.slice(0, 7), bytes.slice(7)])));
		expect((await bytesOf(new Response(new Uint8Array(0)))).length).toBe(0);
	});
});
