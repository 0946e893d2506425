/**
 * Runs `run` in a task after the next frame has been painted (a frame callback, then a task), so work that can wait
 * does not delay what is about to be shown. Returns a function that cancels it if it has not run yet.
 */
export function afterNextPaint(run: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
