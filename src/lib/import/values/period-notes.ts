/**
 * A period cell with words around it, as assessment ledgers write it (reading rules 11, docs/sources.md §18.4): the
 * assessment's name after the period (2025年第三季度考核) says nothing more; a note in brackets (2025Q3（7-9月）) is
 * checked against the period when it names one, and said when it does not.
 */
import type { Cell } from '../types';
import { fail, fold, isError, ok, type Norm } from './core';
import { TRAILING_NOTE } from './numbers';

/** What an assessment is called after its period: 考核, 考评, 评分… */
export const ASSESSMENT_WORDS = /(?:考核|考评|评分|评价|评定|检查|测评|得分)$/;

/** A period reader that also reads the period in a cell with an assessment's name after it or a note in brackets. */
export function periodAsWritten(parse: (cell: Cell) => Norm<string | null>): (cell: Cell) => Norm<string | null> {
	const read = (cell: Cell): Norm<string | null> => {
		const r = parse(cell);
		if (!isError(r) || typeof cell !== 'string') return r;
		const t = fold(cell).trim();
		if (ASSESSMENT_WORDS.test(t)) {
			const bare = read(t.replace(ASSESSMENT_WORDS, ''));
			if (!isError(bare) && bare.value !== null) return bare;
		}
		const note = TRAILING_NOTE.exec(t);
		const before = note && note.index > 0 ? read(t.slice(0, note.index)) : undefined;
		if (!note || !before || isError(before) || before.value === null) return r;
		// The note names a period of its own (7-9月 with the year before it, or a whole one): it must be this one.
		const own = [parse(note[1]), parse(`${before.value.slice(0, 4)}年${note[1]}`)].find((p) => !isError(p) && p.value !== null);
		if (own && !isError(own) && own.value !== before.value) return fail('period_note_disagrees', { period: before.value, notePeriod: own.value!, note: note[1] });
		return own ? before : ok(before.value, [...(before.warnings ?? []), { code: 'note_ignored', params: { note: note[1] } }]);
	};
	return read;
}
