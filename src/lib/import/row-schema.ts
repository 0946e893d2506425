/**
 * The dataset's zod row schema as the last word on a canonical row's shape, checked field by field with each
 * field's verdict on a value remembered: a million score rows hold a few thousand distinct ids, periods, codes and
 * scores, so most rows cost a few map lookups instead of a zod object parse (measured in docs/performance.md).
 *
 * Only for a plain `z.object` (no object-level refinement, no catchall): zod then checks each key on its own, in
 * shape order, and the object's first issue is the first failing key's first issue with the key in front of its
 * path. Any other schema is parsed whole, as before.
 */

/** The first issue a row's schema raises, as zod reports it on the whole row. */
export interface RowIssue {
	readonly path: PropertyKey[];
	readonly message: string;
}

type Issue = { path: PropertyKey[]; message: string };
type SafeParser = { safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } } };
type ZodInternals = { _zod?: { def?: { type?: string; shape?: Record<string, SafeParser>; checks?: unknown[]; catchall?: unknown } } };

/** Distinct values remembered per field before it is parsed every time (ids of a huge estates file). */
const MEMO_LIMIT = 100_000;

/**
 * A checker of rows given as values in `names` order (the dataset's columns): null when the row passes, else the
 * issue zod's `safeParse` of the row object would report first.
 */
export function rowSchemaChecker(schema: unknown, names: readonly string[]): (values: readonly unknown[]) => RowIssue | null {
	const whole = schema as SafeParser;
	const def = (schema as ZodInternals)._zod?.def;
	const shape = def?.shape;
	const plain = def?.type === 'object' && shape !== undefined && (def.checks?.length ?? 0) === 0 && def.catchall === undefined;
	if (!plain) {
		return (values) => {
			const obj: Record<string, unknown> = {};
			for (let c = 0; c < names.length; c++) obj[names[c]] = values[c];
			const z = whole.safeParse(obj);
			return z.success ? null : z.error!.issues[0];
		};
	}
	// Keys of the shape in its order, each with the row position holding its value (-1: not a column, undefined).
	// Each with its last remembered value and verdict: sorted files repeat a value row after row (an estate's id, a
	// period, a source), which then costs one comparison instead of a map lookup.
	const fields = Object.keys(shape).map((key) => ({
		key,
		at: names.indexOf(key),
		field: shape[key],
		memo: new Map<unknown, RowIssue | null>(),
		last: undefined as unknown,
		lastVerdict: undefined as RowIssue | null | undefined
	}));
	return (values) => {
		for (const f of fields) {
			const v = f.at >= 0 ? values[f.at] : undefined;
			// Primitives only (an object could change between rows); -0 would share +0's entry.
			const memoable = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Object.is(v, -0));
			let verdict = !memoable ? undefined : v === f.last && f.lastVerdict !== undefined ? f.lastVerdict : f.memo.get(v);
			if (verdict === undefined) {
				const z = f.field.safeParse(v);
				verdict = z.success ? null : { path: [f.key, ...z.error!.issues[0].path], message: z.error!.issues[0].message };
				if (memoable && f.memo.size < MEMO_LIMIT) f.memo.set(v, verdict);
			}
			if (memoable) {
				f.last = v;
				f.lastVerdict = verdict;
			}
			if (verdict !== null) return verdict;
		}
		return null;
	};
}
