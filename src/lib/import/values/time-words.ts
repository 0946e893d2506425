/**
 * A time of day as people write it in a ticket ledger, rewritten into the words the date reader knows (reading rules
 * 11, docs/sources.md §18.4): 早上八点 and 傍晚6点 name the half of the day as 上午 and 晚上 do; 夜里11点 is 23:00, and
 * 夜里2点 is an error, being on either side of midnight; 8点半, 8点一刻 and 8点三刻 are 8:30, 8:15 and 8:45; 3:05 p.m. is
 * 3:05 pm.
 */
import type { Issue } from '../types';

/** A cheap test first: most time cells hold none of these words. */
const MAY_HOLD = /[早晨午傍晚夜深半刻]|[ap]\.m/i;

/** 半, 一刻, 三刻 after an hour's 点 or 时: the minutes. */
const MINUTES: Readonly<Record<string, string>> = { 半: '30', 一刻: '15', 三刻: '45' };
const PARTS = Object.keys(MINUTES).join('|');

/** Words for the morning and the afternoon or evening, as the date reader's 上午 and 晚上. */
const MORNING = /早上|早晨|清晨|早间/g;
const AFTERNOON = /午后/g;
const EVENING = /傍晚|晚间|夜晚/g;
/**
 * Words for the night, which runs over midnight: 夜里11点 is 23:00 of the day written, but 3月5日夜里2点 and 半夜12点 may
 * be the small hours of the 5th or of the 6th, which only the person knows. So may 晚上12点 and 晚上1点 (read before
 * reading rules 11 as 12:00 and 13:00, and replayed so: rules11.ts).
 */
const NIGHT_WORDS = /夜里|夜间|深夜|半夜/;
const NIGHT = new RegExp(`(?:${NIGHT_WORDS.source})\\s*(\\d{1,2})`, 'g');
const NIGHT_ACROSS_MIDNIGHT = new RegExp(String.raw`(?:${NIGHT_WORDS.source}|晚上)\s*(?:[0-5]|0[0-5]|12)(?!\d)(?:[点时](?:\d{1,2}分?|${PARTS})?|:\d{1,2})?`);
const PAST_HOUR = new RegExp(`(\\d{1,2})([点时])(${PARTS})钟?`, 'g');
const A_M = /(?<![a-z])([ap])\.m\.?/gi;

/** Words the readers of rules 10 did not know in a time: an import stored before refused the row. */
export const TIME_WORDS_SINCE_RULES11 = new RegExp(
	[MORNING, AFTERNOON, EVENING, NIGHT_WORDS].map((r) => r.source).join('|') + String.raw`|\d[点时](?:${PARTS})|[ap]\.m`,
	'i'
);

/**
 * The text with its time-of-day words in the date reader's terms (folded text, Chinese numerals already digits), or
 * the issue that a night's hour may fall on either side of midnight.
 */
export function timeWordsAsRead(t: string): string | Issue {
	if (!MAY_HOLD.test(t)) return t;
	const night = NIGHT_ACROSS_MIDNIGHT.exec(t);
	if (night) return { code: 'time_night_ambiguous', params: { text: night[0].trim() } };
	return t
		.replace(MORNING, '上午')
		.replace(AFTERNOON, '下午')
		.replace(EVENING, '晚上')
		.replace(NIGHT, '晚上$1')
		.replace(PAST_HOUR, (_, h: string, mark: string, part: string) => `${h}${mark}${MINUTES[part]}`)
		.replace(A_M, '$1m');
}
