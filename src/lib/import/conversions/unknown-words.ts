/**
 * Unknown words of coded columns, collected while rows are normalised and reported once per column and word
 * with the number of rows holding it and the first of them (docs/sources.md §18): a person answers a word once
 * in the value map, so the list should name each word once, not every row.
 */
import type { ProblemSink } from '../prepared';
import type { Issue } from '../types';

interface Seen {
	readonly column: number;
	readonly word: string;
	readonly firstRow: number;
	readonly issue: Issue;
	count: number;
}

export class UnknownWords {
	private readonly seen = new Map<string, Seen>();

	/** Notes one row holding an unknown word in a column. */
	note(column: number, row: number, word: string, issue: Issue): void {
		const key = `${column}\u0000${word}`;
		const s = this.seen.get(key);
		if (s) s.count++;
		else this.seen.set(key, { column, word, firstRow: row, issue, count: 1 });
	}

	/** Adds one error per column and word to the sink (in first-seen order), with the row count. */
	report(sink: ProblemSink, header: (column: number) => string | null): void {
		for (const s of this.seen.values()) {
			sink.add(s.firstRow, header(s.column), s.word, { code: s.issue.code, params: { ...s.issue.params, count: s.count } }, 'error');
		}
	}
}
