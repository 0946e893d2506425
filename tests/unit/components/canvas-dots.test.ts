import { describe, expect, it } from 'vitest';
import { DOTS_PER_STEP, paintSteps } from '../../../src/lib/components/canvas-dots';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** paintSteps over paths that record what is done to them (a path is the list of its dots). */
function recorded(groups: [string, number[]][]) {
	const log: string[] = [];
	let paths = 0;
	const steps = paintSteps(
		groups,
		() => ({ id: ++paths, dots: [] as number[] }),
		(path, dots) => {
			path.dots.push(...dots);
			log.push(`path${path.id} += ${dots.length}`);
		},
		(path, colour) => log.push(`fill path${path.id} (${path.dots.length} dots) ${colour}`)
	);
	return { steps, log, paths: () => paths };
}

describe('paintSteps (a city scatter painted a few dots a task)', () => {
	it('adds a large colour to its one path in pieces and fills it once, with its last piece', () => {
		const { steps, log, paths } = recorded([
			['red', range(0, 5)],
			['green', range(5, 2 * DOTS_PER_STEP + 1)],
			['blue', range(2 * DOTS_PER_STEP + 6, 3)]
		]);
		// red, green in three pieces, blue: five tasks, nothing done before they run
		expect(steps).toHaveLength(5);
		expect(log).toEqual([]);
		steps.forEach((step) => step());
		expect(log).toEqual([
			'path1 += 5',
			'fill path1 (5 dots) red',
			`path2 += ${DOTS_PER_STEP}`,
			`path2 += ${DOTS_PER_STEP}`,
			'path2 += 1',
			`fill path2 (${2 * DOTS_PER_STEP + 1} dots) green`,
			'path3 += 3',
			'fill path3 (3 dots) blue'
		]);
		expect(paths()).toBe(3);
	});

	it("puts every dot in its colour's path once, in order, whatever the sizes, and fills each colour once", () => {
		for (const sizes of [[1], [DOTS_PER_STEP], [DOTS_PER_STEP + 1], [3 * DOTS_PER_STEP, 7, 2 * DOTS_PER_STEP + 5]]) {
			let next = 0;
			const groups = sizes.map((n, k) => [`c${k}`, range((next += n) - n, n)] as [string, number[]]);
			const filled: [string, number[]][] = [];
			const steps = paintSteps(groups, () => [] as number[], (p, dots) => void p.push(...dots), (p, colour) => void filled.push([colour, p]));
			expect(steps.length).toBe(sizes.reduce((s, n) => s + Math.ceil(n / DOTS_PER_STEP), 0));
			steps.forEach((step) => step());
			expect(filled).toEqual(groups);
		}
	});
});
