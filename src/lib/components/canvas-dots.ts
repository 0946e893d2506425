/**
 * A Plot dot mark painted on one canvas, for charts of thousands of points: Plot still computes the scales,
 * positions and colours, but the browser gets one element instead of one SVG circle per point (13,000 SVG dots
 * cost a few hundred ms per redraw). Because a canvas has no elements to hover, the layer also answers which
 * point is nearest to a pointer position, for a tooltip and a click.
 */

/** The channel values Plot hands a mark's render function (scaled: pixels and colours). */
interface DotValues {
	x?: ArrayLike<number>;
	y?: ArrayLike<number>;
	fill?: ArrayLike<string>;
}

export interface CanvasDots {
	/**
	 * The `render` option of a Plot.dot mark. `inSteps`: paint the first step now and the others in tasks of their
	 * own, at most {@link DOTS_PER_STEP} dots a task (the same picture: the colours in the same order, each one
	 * path and one fill; see paintSteps).
	 */
	render(index: number[], scales: unknown, values: DotValues, dimensions: { width: number; height: number }, inSteps?: boolean): SVGElement;
	/** The data index of the point nearest to (clientX, clientY), if one is within `within` px. */
	nearest(clientX: number, clientY: number, within?: number): number | null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Dots painted per task when painting in steps: a city's largest colour (thousands of estates) in one task took
 * 50-66 ms of a first district visit on the bench machine (docs/performance.md, session 21).
 */
export const DOTS_PER_STEP = 1000;

/**
 * The steps of a painting in steps, in the colours' order: each colour's dots are added to its path at most
 * {@link DOTS_PER_STEP} a step, and the path is filled with its last piece. One path and one fill per colour, as
 * when painting in one go, so the picture is the same (dots of one colour that overlap are covered once).
 */
export function paintSteps<P>(
	groups: readonly (readonly [string, readonly number[]])[],
	newPath: () => P,
	add: (path: P, dots: readonly number[]) => void,
	fill: (path: P, colour: string) => void
): (() => void)[] {
	const steps: (() => void)[] = [];
	for (const [colour, list] of groups) {
		let path: P | undefined;
		for (let from = 0; from < list.length; from += DOTS_PER_STEP) {
			const piece = from === 0 && list.length <= DOTS_PER_STEP ? list : list.slice(from, from + DOTS_PER_STEP);
			const last = from + DOTS_PER_STEP >= list.length;
			steps.push(() => {
				path ??= newPath();
				add(path, piece);
				if (last) fill(path, colour);
			});
		}
	}
	return steps;
}

export function canvasDots(radius: number, opacity = 0.8): CanvasDots {
	let drawn: { index: number[]; x: ArrayLike<number>; y: ArrayLike<number>; host: SVGForeignObjectElement } | null = null;
	return {
		render(index, _scales, values, { width, height }, inSteps = false) {
			const ratio = window.devicePixelRatio || 1;
			const canvas = document.createElement('canvas');
			canvas.width = Math.round(width * ratio);
			canvas.height = Math.round(height * ratio);
			canvas.style.width = `${width}px`;
			canvas.style.height = `${height}px`;
			const host = document.createElementNS(SVG_NS, 'foreignObject');
			host.setAttribute('width', String(width));
			host.setAttribute('height', String(height));
			host.append(canvas);
			const ctx = canvas.getContext('2d');
			const { x, y } = values;
			if (!ctx || !x || !y) return host;
			drawn = { index, x, y, host };
			ctx.scale(ratio, ratio);
			ctx.globalAlpha = opacity;
			// One path per colour: a fill call per dot would cost more than all the arcs together. (Stamping a
			// pre-drawn dot with drawImage, or writing the pixels from JavaScript, both measured slower.)
			const byColour = new Map<string, number[]>();
			for (const i of index) {
				const colour = values.fill?.[i] ?? '#888';
				let list = byColour.get(colour);
				if (!list) byColour.set(colour, (list = []));
				list.push(i);
			}
			const add = (path: Path2D, list: readonly number[]) => {
				for (const i of list) {
					path.moveTo(x[i] + radius, y[i]);
					path.arc(x[i], y[i], radius, 0, 2 * Math.PI);
				}
			};
			const fill = (path: Path2D, colour: string) => {
				ctx.fillStyle = colour;
				ctx.fill(path);
			};
			const steps = paintSteps([...byColour], () => new Path2D(), add, fill);
			if (!inSteps) for (const step of steps) step();
			else {
				const step = (k: number) => {
					if (k >= steps.length || drawn?.host !== host) return; // done, or drawn over by a newer render
					steps[k]();
					if (k + 1 < steps.length) setTimeout(() => step(k + 1), 0);
				};
				step(0);
			}
			return host;
		},
		nearest(clientX, clientY, within = radius + 4) {
			const svg = drawn?.host.ownerSVGElement;
			if (!drawn || !svg) return null;
			const box = svg.getBoundingClientRect();
			// The SVG may be scaled to its box (viewBox): map client pixels to chart units.
			const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0 ? svg.viewBox.baseVal.width / box.width : 1;
			const px = (clientX - box.left) * scale;
			const py = (clientY - box.top) * scale;
			let best: number | null = null;
			let bestD = within * within;
			for (const i of drawn.index) {
				const d = (drawn.x[i] - px) ** 2 + (drawn.y[i] - py) ** 2;
				if (d <= bestD) {
					bestD = d;
					best = i;
				}
			}
			return best;
		}
	};
}

/**
 * Puts a chart drawn with `dots` in a positioned box with a tooltip for the point nearest the pointer (`item` of
 * its index in the mark's data, so a row is built only for that point; worded by `text`), and calls `pick` with it
 * on a click. The canvas has no elements to hover, so this stands in for Plot's tip; the chart's table view remains
 * the accessible route to every point.
 */
export function withDotTip<T>(chart: Element, dots: CanvasDots, item: (index: number) => T, text: (d: T) => string, pick?: (d: T) => void): HTMLElement {
	const wrap = document.createElement('div');
	wrap.style.position = 'relative';
	wrap.append(chart);
	const tip = document.createElement('div');
	tip.className = 'dot-tip';
	tip.hidden = true;
	Object.assign(tip.style, {
		position: 'absolute',
		pointerEvents: 'none',
		whiteSpace: 'pre',
		background: 'var(--panel, #fff)',
		border: '1px solid var(--line, #ccc)',
		borderRadius: '4px',
		padding: '4px 6px',
		fontSize: 'var(--fs-s, 12px)',
		boxShadow: '0 1px 3px rgb(0 0 0 / 0.15)',
		zIndex: '1'
	});
	wrap.append(tip);
	const at = (ev: MouseEvent) => {
		const i = dots.nearest(ev.clientX, ev.clientY);
		return i === null ? null : item(i);
	};
	wrap.addEventListener('pointermove', (ev) => {
		const d = at(ev);
		tip.hidden = d === null;
		if (d === null) return;
		const box = wrap.getBoundingClientRect();
		tip.textContent = text(d);
		tip.style.left = `${ev.clientX - box.left + 12}px`;
		tip.style.top = `${ev.clientY - box.top + 12}px`;
	});
	wrap.addEventListener('pointerleave', () => (tip.hidden = true));
	if (pick) {
		wrap.style.cursor = 'pointer';
		wrap.addEventListener('click', (ev) => {
			const d = at(ev);
			if (d !== null) pick(d);
		});
	}
	return wrap;
}

/**
 * For a Plot chart of SVG dots with `tip: true`: a click opens the point under the tip. Plot's pointer sets the
 * figure's `value` to the point nearest the pointer (the one the tip shows), so the click goes where the tip says.
 */
export function clickOpensTipped<T>(chart: SVGSVGElement | HTMLElement, pick: (d: T) => void): SVGSVGElement | HTMLElement {
	chart.style.cursor = 'pointer';
	chart.addEventListener('click', () => {
		const picked = (chart as unknown as { value?: T | null }).value;
		if (picked) pick(picked);
	});
	return chart;
}
