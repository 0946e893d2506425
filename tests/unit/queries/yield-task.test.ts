import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSteps, yieldTask } from '../../../src/lib/queries/yield-task';

afterEach(() => {
	vi.useRealTimers();
});

describe('yieldTask', () => {
	it('ends the task without waiting for a timer (timers frozen: a setTimeout yield would never resolve)', async () => {
		vi.useFakeTimers();
		const order: string[] = [];
		setTimeout(() => order.push('timer'), 0);
		for (let i = 0; i < 20; i++) await yieldTask();
		order.push('yielded 20 times');
		expect(order).toEqual(['yielded 20 times']);
	});

	it('lets a task queued before it run first (it yields to the event loop, not just to microtasks)', async () => {
		const order: string[] = [];
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			order.push('earlier task');
			channel.port1.close();
		};
		channel.port2.postMessage(null);
		await yieldTask();
		order.push('after the yield');
		expect(order).toEqual(['earlier task', 'after the yield']);
	});
});

describe('runSteps', () => {
	/** A task queued now; records when it ran relative to the steps. */
	function queueTask(order: string[]): void {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			order.push('other task');
			channel.port1.close();
		};
		channel.port2.postMessage(null);
	}
	const busy = (ms: number) => {
		const end = performance.now() + ms;
		while (performance.now() < end);
	};

	it('runs quick steps in one task and returns the result', async () => {
		const order: string[] = [];
		function* steps(): Generator<void, number, void> {
			for (let i = 0; i < 5; i++) {
				order.push(`step ${i}`);
				yield;
			}
			return 42;
		}
		queueTask(order);
		expect(await runSteps(steps(), 50)).toBe(42);
		expect(order.slice(0, 5)).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4']);
	});

	it('ends the task between two steps once the task has run its budget', async () => {
		const order: string[] = [];
		function* steps(): Generator<void, string, void> {
			order.push('step 0');
			busy(15);
			yield;
			order.push('step 1');
			busy(15);
			yield;
			order.push('step 2');
			return 'fit';
		}
		queueTask(order);
		expect(await runSteps(steps(), 10)).toBe('fit');
		// The task queued before the run got its turn after the first step had used up the budget.
		expect(order).toEqual(['step 0', 'other task', 'step 1', 'step 2']);
	});

	it("passes on a step's error", async () => {
		function* steps(): Generator<void, never, void> {
			yield;
			throw new RangeError('bands must satisfy 0 < low ≤ high');
		}
		await expect(runSteps(steps())).rejects.toThrow(RangeError);
	});
});
