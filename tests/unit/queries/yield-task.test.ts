import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldTask } from '../../../src/lib/queries/yield-task';

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
