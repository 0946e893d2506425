/**
 * Resolves in a later task, so the browser can paint and handle input in between: `scheduler.yield()` where the
 * browser has it (the continuation runs before other queued work), else a message to ourselves (no 4 ms clamp,
 * unlike nested setTimeout).
 */
export function nextTask(): Promise<void> {
	const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof s?.yield === 'function') return s.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
