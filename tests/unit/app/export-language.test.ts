import { describe, expect, it } from 'vitest';
import { policySheet } from '../../../src/lib/app/subsidy-export';
import { SUBSIDY_PRESETS } from '../../../src/lib/domain/subsidy/presets';

const CJK = /[\u3400-\u9fff]/;
// Letters that make an English word (a tag like [V] or a figure like 0.9 are allowed in either language).
const ENGLISH_WORD = /\b[a-z]{4,}\b/i;

describe('the policy sheet speaks the language of the workbook', () => {
	for (const policy of SUBSIDY_PRESETS) {
		it(`${policy.id}: a Chinese sheet's sources and notes are Chinese, an English sheet's have no Chinese`, () => {
			const zh = policySheet(policy, 'zh', (p) => p);
			const en = policySheet(policy, 'en', (p) => p);
			for (const row of zh.rows.slice(1)) {
				const [, , , source, note] = row;
				expect(String(source), `${row[0]} source`).toMatch(CJK);
				if (note !== null) expect(String(note), `${row[0]} note`).toMatch(CJK);
			}
			for (const row of en.rows.slice(1)) {
				const [, , , source, note] = row;
				expect(String(source), `${row[0]} source`).not.toMatch(CJK);
				expect(String(source), `${row[0]} source`).toMatch(ENGLISH_WORD);
				if (note !== null) expect(String(note), `${row[0]} note`).not.toMatch(CJK);
			}
		});
	}
});
