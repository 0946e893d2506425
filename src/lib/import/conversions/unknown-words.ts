/**
 * Unknown words of coded columns, collected while rows are normalised and reported once per column and word
 * with the number of rows holding it and the first of them (docs/sources.md §18): a person answers a word once
 * in the value map, so the list should name each word once, not every row. The same for a word read by a rule
 * that is only noted (a ticket's 未办结 read as still open): a warning per column and word.
 */
import type { ProblemSink } from '../prepared';
import type { Issue, Severity } from '../types';

interface Seen {
	readonly column: number;
	readonly word: string;
	readonly firstRow: number;
	readonly issue: Issue;
	readonly severity: Severity;
	count: number;
}

export class UnknownWords {
	private readonly seen = new Map<string, Seen>();

	/**
	 * Notes one row holding an unknown word in a column (or, as a warning, a word read by a noted rule). Rows with the
	 * same `group` are one problem (by default, one per word); its word is the first row's.
	 */
	note(column: number, row: number, word: string, issue: Issue, severity: Severity = 'error', group: string = word): void {
		const key = `${column}\u0000${group}`;
		const s = this.seen.get(key);
		if (s) s.count++;
		else this.seen.set(key, { column, word, firstRow: row, issue, severity, count: 1 });
	}

	/** Adds one problem per column and word to the sink (in first-seen order), with the row count. */
	report(sink: ProblemSink, header: (column: number) => string | null): void {
		for (const s of this.seen.values()) {
			sink.add(s.firstRow, header(s.column), s.word, { code: s.issue.code, params: { ...s.issue.params, count: s.count } }, s.severity);
		}
	}
}
