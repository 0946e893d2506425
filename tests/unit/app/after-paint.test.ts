import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/lib/app/after-paint';

/** afterNextPaint: the work runs in a task after the next frame, never inside it, and can be cancelled until then. */
describe('afterNextPaint', () => {
	const frames: FrameRequestCallback[] = [];
	vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
	vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => undefined));
	afterEach(() => {
		frames.length = 0;
		vi.useRealTimers();
	});

	it('runs after the frame, in a task of its own', () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const run = vi.fn();
		afterNextPaint(run);
		expect(run).not.toHaveBeenCalled();
		frames[0](0);
		expect(run).not.toHaveBeenCalled(); // not inside the frame
		vi.runAllTimers();
		expect(run).toHaveBeenCalledOnce();
	});

	it('does not run once cancelled, before the frame or between the frame and its task', () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const early = vi.fn();
		afterNextPaint(early)();
		frames[0](0);
		vi.runAllTimers();
		expect(early).not.toHaveBeenCalled();
		const late = vi.fn();
		const cancel = afterNextPaint(late);
		frames[1](0);
		cancel();
		vi.runAllTimers();
		expect(late).not.toHaveBeenCalled();
	});
});
