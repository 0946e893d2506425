/**
 * Bytes to text with the encoding detected. Chinese Excel on Windows saves CSV as GBK/GB18030, not UTF-8
 * (docs/sources.md §10), so: a byte-order mark decides; else a strict UTF-8 decode is tried; if that fails
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
	/** For 'mixed': how many lines were read as UTF-8 and how many as GB18030. */
	readonly lines?: { readonly utf8: number; readonly gb: number };
	/** UTF-16 recognised without a byte-order mark (from the zero bytes of ASCII characters). */
	readonly noBom?: boolean;
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
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { ...finish(new TextDecoder(utf16).decode(bytes), utf16), noBom: true };
	let utf8: string;
	try {
		utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return decodeByLine(bytes);
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

/**
 * Whether bytes that may be UTF-8 cannot be the short GBK text that {@link decodeText} reads as GB18030 although it is
 * valid UTF-8 (its rule, told from the bytes): they are ASCII, or they hold a three- or four-byte UTF-8 lead byte
 * (Chinese in UTF-8 always does).
 */
export function plainUtf8Bytes(bytes: Uint8Array): boolean {
	// ASCII told four bytes at a time where the bytes are aligned for it (most files: all of them).
	const head = (4 - (bytes.byteOffset & 3)) & 3;
	if (head < bytes.length) {
		const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >> 2);
		let or = 0;
		for (let i = 0; i < words.length; i++) or |= words[i];
		let rest = 0;
		for (let i = 0; i < head; i++) rest |= bytes[i];
		for (let i = head + words.length * 4; i < bytes.length; i++) rest |= bytes[i];
		if (((or & 0x80808080) | (rest & 0x80)) === 0) return true;
	}
	let high = false;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b >= 0xe0) return true;
		if (b >= 0x80) high = true;
	}
	return !high;
}

/**
 * UTF-16 without a byte-order mark (some tools write it): ASCII characters then have a zero byte beside them,
 * on the odd positions for little-endian and the even ones for big-endian. Judged on the first 4 KB.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, 4096) & ~1;
	if (n < 4) return null;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	const pairs = n / 2;
	if (odd >= pairs * 0.3 && even <= pairs * 0.05) return 'utf-16le';
	if (even >= pairs * 0.3 && odd <= pairs * 0.05) return 'utf-16be';
	return null;
}

/** Whether bytes[start, end) are well-formed UTF-8 (no overlongs, no surrogates). */
function validUtf8(b: Uint8Array, start: number, end: number): boolean {
	let i = start;
	while (i < end) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
		else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
		else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
		else return false;
		if (i + need >= end) return false;
		let cp = c & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const t = b[i + k];
			if ((t & 0xc0) !== 0x80) return false;
			cp = (cp << 6) | (t & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
		i += need + 1;
	}
	return true;
}

/**
 * Whether bytes[start, end) hold more well-formed UTF-8 multi-byte characters than bytes that break UTF-8 (a
 * damaged UTF-8 line), counted without building strings. GBK text breaks UTF-8 at nearly every character.
 */
function utf8Mostly(b: Uint8Array, start: number, end: number): boolean {
	let good = 0;
	let bad = 0;
	for (let i = start; i < end; ) {
		const c = b[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
		let ok = need > 0 && i + need < end;
		for (let k = 1; ok && k <= need; k++) ok = (b[i + k] & 0xc0) === 0x80;
		if (ok) {
			good++;
			i += need + 1;
		} else {
			bad++;
			i++;
		}
	}
	return good > bad;
}

/**
 * Text that is not UTF-8 as a whole: judged line by line (a line feed is never part of a multi-byte character
 * in UTF-8 or GB18030). If every line with non-ASCII bytes fails UTF-8, the file is GB18030. If some lines are
 * UTF-8 and others are not, the encodings are mixed (lines pasted from two sources): each line is read in its
 * own encoding. A line that fails UTF-8 but reads mostly as UTF-8 (more good characters than bad) is damaged
 * UTF-8, not GB18030, and is decoded with U+FFFD, so its row becomes an error rather than mojibake; unless it is GBK
 * Chinese whose bytes happen to form UTF-8 characters ({@link gbkBreakingUtf8}).
 */
function decodeByLine(bytes: Uint8Array): Decoded {
	const lenient = new TextDecoder('utf-8');
	const gbStrict = new TextDecoder('gb18030', { fatal: true });
	const gbLenient = new TextDecoder('gb18030');
	const parts: { start: number; end: number; enc: 'utf-8' | 'gb18030' | 'ascii' }[] = [];
	let utf8Lines = 0;
	let gbLines = 0;
	for (let start = 0; start < bytes.length; ) {
		let end = bytes.indexOf(0x0a, start);
		end = end === -1 ? bytes.length : end + 1;
		let high = false;
		for (let i = start; i < end; i++) if (bytes[i] >= 0x80) { high = true; break; }
		let enc: 'utf-8' | 'gb18030' | 'ascii' = 'ascii';
		if (high) {
			if (validUtf8(bytes, start, end) && !gbkLookingUtf8(bytes.subarray(start, end))) enc = 'utf-8';
			else enc = utf8Mostly(bytes, start, end) && !gbkBreakingUtf8(bytes.subarray(start, end), gbStrict) ? 'utf-8' : 'gb18030';
			if (enc === 'utf-8') utf8Lines++;
			else gbLines++;
		}
		parts.push({ start, end, enc });
		start = end;
	}
	if (utf8Lines === 0) return finish(gbLenient.decode(bytes), 'gb18030');
	let text = '';
	for (const p of parts) {
		const slice = bytes.subarray(p.start, p.end);
		if (p.enc === 'gb18030') {
			try {
				text += gbStrict.decode(slice);
			} catch {
				text += gbLenient.decode(slice);
			}
		} else text += lenient.decode(slice);
	}
	const decoded = finish(text, gbLines > 0 ? 'mixed' : 'utf-8');
	return gbLines > 0 ? { ...decoded, lines: { utf8: utf8Lines, gb: gbLines } } : decoded;
}

/** A line that is valid UTF-8 by accident but is GBK Chinese (the whole-text rule of {@link decodeText}, per line). */
function gbkLookingUtf8(line: Uint8Array): boolean {
	const utf8 = new TextDecoder('utf-8').decode(line);
	if (!(/[\u0100-\u07ff]/.test(utf8) && !/[\u0800-\uffff]/.test(utf8))) return false;
	const gb = finish(new TextDecoder('gb18030').decode(line), 'gb18030');
	return gb.replacements === 0 && mostlyChinese(gb.text);
}

/**
 * A line that breaks UTF-8 in a place or two but is GBK Chinese: GB18030 reads it cleanly as Chinese, and its bytes
 * read as UTF-8 are not Chinese but Greek, Armenian, rare ideographs and the like (嘉汇公寓 in GBK is BC CE BB E3 B9 AB
 * D4 A2, which UTF-8 reads as '\uFFFDλ㹫Ԣ': three good characters to one bad byte). A damaged UTF-8 line of Chinese
 * still reads as Chinese in UTF-8, and one of Latin text (café) has nothing beyond Latin-1, so both stay UTF-8.
 */
function gbkBreakingUtf8(line: Uint8Array, gbStrict: TextDecoder): boolean {
	let gb: string;
	try {
		gb = gbStrict.decode(line);
	} catch {
		return false;
	}
	if (!mostlyChinese(gb)) return false;
	const utf8 = new TextDecoder('utf-8').decode(line).replaceAll('\uFFFD', '');
	return /[\u0100-\uffff]/.test(utf8) && !mostlyChinese(utf8);
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

/** UTF-8 bytes with a byte-order mark, so that Excel opens Chinese text correctly (docs/sources.md §10). */
export function utf8WithBom(text: string): Uint8Array {
	const body = new TextEncoder().encode(text);
	const out = new Uint8Array(body.length + 3);
	out.set([0xef, 0xbb, 0xbf]);
	out.set(body, 3);
	return out;
}
