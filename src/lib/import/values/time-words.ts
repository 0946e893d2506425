/**
 * A time of day as people write it in a ticket ledger, rewritten into the words the date reader knows (reading rules
 * 11, docs/sources.md §18.4): 早上八点 and 傍晚6点 name the half of the day as 上午 and 晚上 do; 夜里11点 is 23:00 and
 * 夜里2点 2:00; 8点半, 8点一刻 and 8点三刻 are 8:30, 8:15 and 8:45; 3:05 p.m. is 3:05 pm.
 */

/** A cheap test first: most time cells hold none of these words. */
const MAY_HOLD = /[早晨午傍晚夜深半刻]|[ap]\.m/i;

/** Words for the morning and the afternoon or evening, as the date reader's 上午 and 晚上. */
const MORNING = /早上|早晨|清晨|早间/g;
const AFTERNOON = /午后/g;
const EVENING = /傍晚|晚间|夜晚/g;
/** Words for the night, which runs over midnight: 夜里11点 is 23:00, 夜里2点 2:00, 半夜12点 0:00. */
const NIGHT = /(?:夜里|夜间|深夜|半夜)\s*(\d{1,2})/g;
/** 半, 一刻, 三刻 after an hour's 点 or 时: the minutes. */
const PAST_HOUR = /(\d{1,2})([点时])(半|一刻|三刻)钟?/g;
const MINUTES: Readonly<Record<string, string>> = { 半: '30', 一刻: '15', 三刻: '45' };

/** Words the readers of rules 10 did not know in a time: an import stored before refused the row. */
export const TIME_WORDS_SINCE_RULES11 = /早上|早晨|清晨|早间|午后|傍晚|晚间|夜晚|夜里|夜间|深夜|半夜|\d[点时](?:半|一刻|三刻)|[ap]\.m/i;

/** The text with its time-of-day words in the date reader's terms (folded text, Chinese numerals already digits). */
export function timeWordsAsRead(t: string): string {
	if (!MAY_HOLD.test(t)) return t;
	return t
		.replace(MORNING, '上午')
		.replace(AFTERNOON, '下午')
		.replace(EVENING, '晚上')
		.replace(NIGHT, (_, h: string) => (Number(h) < 6 || Number(h) === 12 ? `凌晨${h}` : `晚上${h}`))
		.replace(PAST_HOUR, (_, h: string, mark: string, part: string) => `${h}${mark}${MINUTES[part]}`)
		.replace(/(?<![a-z])([ap])\.m\.?/gi, '$1m');
}
