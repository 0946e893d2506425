/**
 * Bytes to text with the encoding detected. Chinese Excel on Windows saves CSV as GBK/GB18030, not UTF-8
 * (domain.md section 10), so: a byte-order mark decides; else a strict UTF-8 decode is tried; if that fails
 * the bytes are read as GB18030 (a superset of GBK and GB2312). One exception: text that is valid UTF-8 but
 * holds two-byte characters beyond Latin-1 and none beyond U+07FF, while GB18030 reads it as Chinese, is
 * GB18030 (short GBK files can be valid UTF-8 by accident). Works with Uint8Array, ArrayBuffer and Node Buffers.
 */
import type { Encoding } from './types';

/** Decoded text, the encoding it was read as, and how many bytes could not be decoded (shown as U+FFFD). */
export interface Decoded {
	readonly text: string;
	readonly encoding: Encoding;
	readonly replacements: number;
}

/** A view of the bytes without copying (Node Buffers are Uint8Arrays already). */
export function asBytes(bytes: Uint8Array | ArrayBuffer): Uint8Array {
	return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** Detects the encoding of `bytes` and decodes them; the byte-order mark is not part of the text. */
export function decodeText(input: Uint8Array | ArrayBuffer): Decoded {
	const bytes = asBytes(input);
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom');
	}
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
	}
	let utf8: string;
	try {
		utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');
	}
	// Short GBK text can happen to be valid UTF-8 ('梅园' is C3 B7 D4 B0, which UTF-8 reads as '÷԰'). Such text
	// has only two-byte UTF-8 sequences, never the three-byte ones Chinese needs, and some of them land beyond
	// Latin-1 (Greek, Cyrillic, Armenian... U+0100-U+07FF). Then, if GB18030 reads the bytes cleanly as Chinese,
	// GB18030 it is. (Text with only Latin-1 symbols, such as 'm²' or 'café', stays UTF-8.)
	if (/[\u0100-\u07ff]/.test(utf8) && !/[\u0800-\uffff]/.test(utf8)) {
		const gb = finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');
		if (gb.replacements === 0 && mostlyChinese(gb.text)) return gb;
	}
	return { text: utf8, encoding: 'utf-8', replacements: 0 };
}

/** Whether nearly all non-ASCII characters are CJK ideographs or CJK/full-width punctuation. */
function mostlyChinese(text: string): boolean {
	let other = 0;
	let cjk = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
		else other++;
	}
	return cjk > 0 && other <= cjk / 10;
}

function finish(text: string, encoding: Encoding): Decoded {
	let replacements = 0;
	for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replacements++;
	return { text, encoding, replacements };
}

/** UTF-8 bytes with a byte-order mark, so that Excel opens Chinese text correctly (domain.md section 10). */
export function utf8WithBom(text: string): Uint8Array {
	const body = new TextEncoder().encode(text);
	const out = new Uint8Array(body.length + 3);
	out.set([0xef, 0xbb, 0xbf]);
	out.set(body, 3);
	return out;
}
