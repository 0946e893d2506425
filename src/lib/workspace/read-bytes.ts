/**
 * The bytes of a response or a stored blob, read as a stream and put together a few MB per task. Chromium 156 builds
 * a large body's ArrayBuffer (`arrayBuffer()`) in one main-thread task: 1.15 s for a city's 379 MB of scores, where
 * the page could neither paint nor take input (docs/performance.md, session 37).
 */
import { yieldTask } from '../queries/yield-task';

/** Bytes read or copied between two chances for the page to paint: about 5 ms of copying. */
const STEP_BYTES = 16 * 1024 * 1024;

/** The whole body of `source` as one Uint8Array. */
export async function bytesOf(source: Response | Blob): Promise<Uint8Array> {
	const stream = source instanceof Blob ? source.stream() : source.body;
	if (!stream) return new Uint8Array(await source.arrayBuffer());
	// The size when it is known before reading (a blob; a response sent as is): one buffer, each piece copied in once.
	const size = source instanceof Blob ? source.size : knownSize(source);
	const reader = stream.getReader();
	const parts: Uint8Array[] = [];
	let out = size === null ? null : new Uint8Array(size);
	let total = 0;
	const pace = pacer();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (out && total + value.length > out.length) {
			// Longer than announced: kept as pieces from here on.
			parts.push(out.subarray(0, total));
			out = null;
		}
		if (out) out.set(value, total);
		else parts.push(value);
		total += value.length;
		await pace(value.length);
	}
	if (out) return total === out.length ? out : out.subarray(0, total);
	if (parts.length === 1) return parts[0];
	const whole = new Uint8Array(total);
	let at = 0;
	for (const p of parts) {
		whole.set(p, at);
		at += p.length;
		await pace(p.length);
	}
	return whole;
}

/** Counts bytes handled and ends the task each time another {@link STEP_BYTES} have been. */
function pacer(): (bytes: number) => Promise<void> {
	let since = 0;
	return async (bytes) => {
		since += bytes;
		if (since < STEP_BYTES) return;
		since = 0;
		await yieldTask();
	};
}

/** A response's body size when its headers give it (not when it travels compressed: the length is then the encoded one). */
function knownSize(res: Response): number | null {
	const encoded = res.headers.get('content-encoding');
	const length = Number(res.headers.get('content-length'));
	return !encoded && Number.isSafeInteger(length) && length > 0 ? length : null;
}
