/**
 * `zhijia survey <file> [--recipe r.json] [--estate-households N] [--save-recipe out.json] [--json]`: an owners'
 * satisfaction survey export scored as the app scores it (docs/sources.md §13): per question the answers
 * counted, skipped, the satisfied share, the 0-100 score and its 95 % t interval; the overall score; the
 * response rate against the households. Respondent-level columns are read past, never printed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { applyRecipe, DEFAULT_SCALE, hasNumberAnswers, parseSurveyRecipe, readNumbersAs, recipeOf, scoreSurvey, type SurveyRecipe } from '../lib/domain/survey';
import { readSurvey, SurveyFileError } from '../lib/import/survey';
import { InputError, UsageError } from './errors';
import { parseCommandArgs } from './args';

export const SURVEY_USAGE = `Usage: zhijia survey <file> [--recipe r.json] [--numbers five-top|one-top] [--words three|five] [--estate-households N] [--save-recipe out.json] [--json]

An owners' satisfaction survey export (问卷星 / 腾讯问卷 style: one row per respondent, CSV in UTF-8 or GB18030,
or xlsx). Meta columns (序号, 提交答卷时间, 来自IP...) are skipped; each rating question is mapped to an
indicator suggested from its words (or by the recipe) and scored on the scale (default 100/80/60/40/20).

Options:
  --recipe <file>             a survey recipe (JSON): question → indicator, and the points scale
  --numbers <five-top|one-top>
                              answers written as bare numbers 1-5: 5 is the top (a rating), or 1 is (an export by
                              option number whose options run from 非常满意 down); default: one-top when the file
                              has the marks of such an export (-2/-3 codes, 第N题(option) columns), else five-top
  --words <three|five>        how the answers 满意 and 不满意 (and 好 and 差) stand: the top and the bottom of a
                              three-level questionnaire (满意 / 基本满意 / 不满意), or the second and the fourth
                              level of a five-level one; default: three when the answers have a middle word
                              (基本满意, 一般) and none such as 非常满意, 比较满意 or 不太满意, else five
  --estate-households <N>     the estate's households, for the response rate
  --save-recipe <file>        write the recipe used (suggestions included) to edit and reuse
  --json                      JSON instead of text
  -h, --help                  this help
`;

const round = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

async function readRecipe(path: string): Promise<SurveyRecipe> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	const parsed = parseSurveyRecipe(text);
	if (!parsed.ok) throw new InputError(path, `is not a survey recipe: ${parsed.message}`);
	return parsed.recipe;
}

/** Runs the subcommand; returns the exit code. */
export async function surveyCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const parsed = parseCommandArgs(args, {
		recipe: { type: 'string' },
		'estate-households': { type: 'string' },
		numbers: { type: 'string' },
		words: { type: 'string' },
		'save-recipe': { type: 'string' },
		json: { type: 'boolean' }
	});
	if (parsed.values.help) {
		out(SURVEY_USAGE);
		return 0;
	}
	if (parsed.positionals.length !== 1) throw new UsageError('give exactly one survey export file');
	const householdsText = parsed.values['estate-households'];
	const households = householdsText === undefined ? null : Number(householdsText);
	if (households !== null && !(Number.isInteger(households) && households > 0)) throw new UsageError(`--estate-households must be a positive whole number, got '${householdsText}'`);
	const file = parsed.positionals[0];
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await readFile(file));
	} catch (e) {
		throw new InputError(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	const numbersText = parsed.values.numbers;
	if (numbersText !== undefined && numbersText !== 'five-top' && numbersText !== 'one-top') throw new UsageError(`--numbers must be five-top or one-top, got '${numbersText}'`);
	const wordsText = parsed.values.words;
	if (wordsText !== undefined && wordsText !== 'three' && wordsText !== 'five') throw new UsageError(`--words must be three or five, got '${wordsText}'`);
	const recipe = parsed.values.recipe ? await readRecipe(parsed.values.recipe) : null;
	const words = wordsText ? (wordsText === 'three' ? 'three_level' : 'five_level') : recipe?.words;
	let read;
	try {
		read = await readSurvey(file, bytes, { words });
	} catch (e) {
		if (e instanceof SurveyFileError) throw new InputError(file, e.detail);
		throw e;
	}
	const mapped = recipe ? applyRecipe(read.counts, recipe) : read.counts;
	const counts = numbersText ? readNumbersAs(mapped, numbersText === 'one-top' ? 'one_top' : 'five_top') : mapped;
	const scale = recipe ? { points: recipe.scale.points, source: recipe.scale.source } : DEFAULT_SCALE;
	const r = scoreSurvey(counts, scale, households);
	if (parsed.values['save-recipe']) await writeFile(parsed.values['save-recipe'], JSON.stringify(recipeOf(recipe?.name ?? file, counts, scale), null, 2) + '\n');
	const result = {
		responses: r.responses,
		households: r.households,
		response_rate: round(r.responseRate, 4),
		scale: { points: [...scale.points], source: scale.source },
		// How bare numbers 1-5 were read (null: no answer was one).
		numbers: hasNumberAnswers(counts) ? { top: counts.numbers === 'one_top' ? 1 : 5, coded_export: counts.coded } : null,
		// How 满意 / 不满意 / 好 / 差 were read (null: no answer was one).
		words: counts.plainWords ? { levels: counts.words === 'three_level' ? 3 : 5, as_given: words !== undefined } : null,
		items: r.items.map((i) => ({
			question: i.question,
			number: i.number,
			indicator: i.indicator,
			n: i.n,
			skipped: i.skipped,
			unrecognised: i.unrecognised,
			counts: [...i.counts],
			satisfied_share: round(i.satisfiedShare, 4),
			score: round(i.score),
			ci95: i.ci95 ? [round(i.ci95[0]), round(i.ci95[1])] : null
		})),
		by_indicator: r.byIndicator.map((s) => ({ indicator: s.indicator, n: s.n, score: round(s.score), ci95: s.ci95 ? [round(s.ci95[0]), round(s.ci95[1])] : null })),
		overall: { score: round(r.overall.score), ci95: r.overall.ci95 ? [round(r.overall.ci95[0]), round(r.overall.ci95[1])] : null, from: r.overall.from, n: r.overall.n },
		not_rated: read.counts.others.filter((o) => o.reason === 'not_rating').map((o) => o.header)
	};
	if (parsed.values.json) {
		out(JSON.stringify(result, null, 2) + '\n');
		return 0;
	}
	const lines = [`答卷 responses: ${result.responses}` + (result.response_rate === null ? '' : `, 回收率 response rate ${(result.response_rate * 100).toFixed(1)}% of ${households} households`)];
	lines.push(`分值 scale: ${scale.points.join('/')} (${scale.source})`);
	if (result.numbers) {
		const why = numbersText || recipe?.numbers ? '（按所给设置 as given）' : result.numbers.coded_export ? '（文件有按选项序号导出的标记 -2/-3 或 第N题(选项) 列 the file is an export by option number）' : '（文件中没有按序号导出的标记 no marks of an export by option number）';
		const other = result.numbers.top === 1 ? 'five-top' : 'one-top';
		lines.push(`数字答案 numbers 1-5: ${result.numbers.top} 为最满意 ${result.numbers.top} is the top${why}；不对时用 --numbers ${other}`);
	}
	if (result.words) {
		const why = result.words.as_given ? '（按所给设置 as given）' : result.words.levels === 3 ? '（答案只有 满意/基本满意/不满意 或 好/一般/差 only three levels of words）' : '（答案有 非常满意、比较满意、不太满意 等词，或没有中间一级，或这类答案不足 20 个 five-level words, no middle word, or under 20 such answers）';
		const level = result.words.levels === 3 ? '满意为最高一级、不满意为最低 满意 is the top, 不满意 the bottom' : '满意为第二级、不满意为第四级 满意 is the second level, 不满意 the fourth';
		lines.push(`答案用词 wording: ${result.words.levels} 级 levels, ${level}${why}；不对时用 --words ${result.words.levels === 3 ? 'five' : 'three'}`);
	}
	for (const i of result.items) {
		const ci = i.ci95 ? ` [${i.ci95[0]}, ${i.ci95[1]}]` : '';
		lines.push(`  ${i.number ?? '-'} ${i.question} → ${i.indicator ?? '(not used)'}: n=${i.n}, skipped ${i.skipped}, satisfied ${i.satisfied_share === null ? '—' : (i.satisfied_share * 100).toFixed(1) + '%'}, score ${i.score ?? '—'}${ci}`);
	}
	const o = result.overall;
	lines.push(`总体满意度 overall: ${o.score ?? '—'}${o.ci95 ? ` [${o.ci95[0]}, ${o.ci95[1]}]` : ''} (${o.from === 'question' ? 'the overall question' : o.from === 'items' ? 'mean of the items' : 'none'})`);
	if (result.not_rated.length) lines.push(`未计分 not rated: ${result.not_rated.join(', ')}`);
	out(lines.join('\n') + '\n');
	return 0;
}
