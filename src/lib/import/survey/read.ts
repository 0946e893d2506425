/**
 * Reads a questionnaire export (问卷星 / 腾讯问卷 style; CSV in UTF-8 or GB18030, or xlsx, title rows allowed) into
 * answer counts with the import library's readers. The header row is the first of the top rows holding a platform
 * meta column or a numbered question; respondent rows are counted and dropped (docs/sources.md §13).
 */
import { countSurvey, isMetaColumn, parseQuestionHeader, type SurveyCounts, type WordReading } from '../../domain/survey';
import { readSource } from '../source';
import { UnreadableFileError, type SourceTable } from '../types';

/** Top rows tried as the header row (title rows above it). */
const HEADER_TRIES = 5;

function looksLikeSurveyHeader(headers: readonly string[]): boolean {
	const meta = headers.filter(isMetaColumn).length;
	const numbered = headers.filter((h) => parseQuestionHeader(h).number !== null).length;
	return meta >= 1 || numbered >= 2;
}

/** A survey file that cannot be used, with the reason (English for logs, a code for the page's text). */
export class SurveyFileError extends Error {
	constructor(
		readonly file: string,
		readonly code: 'unreadable' | 'no_header' | 'no_rows' | 'no_questions',
		readonly detail: string
	) {
		super(`${file}: ${detail}`);
	}
}

/** What was read: the counts, the header row used, the encoding. */
export interface SurveyRead {
	readonly file: string;
	readonly counts: SurveyCounts;
	readonly headerRow: number;
	readonly encoding?: string;
	readonly sheet?: string;
	readonly titleLines: readonly string[];
}

/**
 * Reads a questionnaire export's bytes into answer counts; `words` reads 满意 / 不满意 on the scale given instead of the
 * one the file's wording suggests (a new reading needs the cells, which are not kept). Throws {@link SurveyFileError}.
 */
export async function readSurvey(name: string, bytes: Uint8Array | ArrayBuffer, options: { readonly words?: WordReading } = {}): Promise<SurveyRead> {
	let table: SourceTable | null = null;
	try {
		for (let row = 1; row <= HEADER_TRIES && table === null; row++) {
			const t = await readSource(name, bytes, { headerRow: row, lenient: true });
			if (looksLikeSurveyHeader(t.headers)) table = t;
		}
	} catch (e) {
		if (e instanceof UnreadableFileError) throw new SurveyFileError(name, 'unreadable', e.reason);
		throw e;
	}
	if (table === null) throw new SurveyFileError(name, 'no_header', `no header row with meta columns (序号, 提交答卷时间...) or numbered questions (5、..., Q5., 第5题) in the first ${HEADER_TRIES} rows`);
	if (table.rowCount === 0) throw new SurveyFileError(name, 'no_rows', 'the file has a header but no responses');
	const counts = countSurvey(table.headers, table.columns, table.rowCount, options);
	if (counts.questions.length === 0) throw new SurveyFileError(name, 'no_questions', 'no column reads as a satisfaction rating (非常满意 ... 非常不满意, or 1-5)');
	return { file: name, counts, headerRow: table.headerRow, encoding: table.encoding, sheet: table.sheet, titleLines: table.titleLines };
}
