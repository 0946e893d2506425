/** What an unmatched or ambiguous name is, before the advice, which differs on the data page and the command line. */
const UNMATCHED = {
	zh: '小区名称“{name}”{place}找不到对应的小区（{rows} 行）；最接近的：{candidates}。',
	en: 'No estate is named "{name}"{place} ({rows} rows); closest: {candidates}. '
} as const;
const AMBIGUOUS = {
	zh: '小区名称“{name}”{place}对应多个小区（{rows} 行）：{candidates}；不会猜测，',
	en: 'The name "{name}"{place} fits several estates ({rows} rows): {candidates}; nothing is guessed: '
} as const;

/** Problem texts of recipes, names as keys and sheets holding several datasets (spread into PROBLEM_TEXTS). */
export const RECIPE_PROBLEM_TEXTS = {
	estate_name_unmatched: {
		zh: `${UNMATCHED.zh}请在“名称对应”中选择，或修改文件`,
		en: `${UNMATCHED.en}Pick one under "names", or correct the file`
	},
	estate_name_ambiguous: {
		zh: `${AMBIGUOUS.zh}请在“名称对应”中选择，或在文件中加上街道`,
		en: `${AMBIGUOUS.en}pick one under "names", or add the subdistrict to the file`
	},
	estate_name_numerals: {
		zh: '小区名称“{name}”按数字写法不同的“{estate}”（{id}）对应（{rows} 行）',
		en: 'The name "{name}" is read as "{estate}" ({id}), its numerals written the other way ({rows} rows)'
	},
	estate_name_refused: {
		zh: '小区名称“{name}”{place}已选为“不是本区小区”：这 {rows} 行不导入',
		en: 'The name "{name}"{place} was marked not one of ours: its {rows} rows are not imported'
	},
	recipe_column_missing: {
		zh: '导入方案“{recipe}”的列“{column}”在文件中找不到',
		en: "recipe '{recipe}': column '{column}' not found in file"
	},
	year_unknown: {
		zh: '无法确定年度：文件没有年度或日期列，标题中也没有“2024年”这样的年份；请在导入方案中填写年度',
		en: 'The year is unknown: no year or date column and no year such as "2024年" in the title; enter the year in the recipe'
	},
	year_from_title: {
		zh: '年度取自标题：{year} 年',
		en: 'The year is taken from the title: {year}'
	},
	estate_from_title: {
		zh: '文件没有小区列，{rows} 行都按标题中的小区“{name}”（{id}）导入',
		en: 'The file has no estate column: its {rows} rows are imported for the estate its title names, "{name}" ({id})'
	},
	estate_title_unknown: {
		zh: '文件没有小区列，标题中也看不出是哪个小区；请加一列「小区编号」或「小区名称」，或在标题中写明小区名称',
		en: 'The file has no estate column and its title names no estate; add an estate id or name column, or name the estate in the title'
	},
	estate_chosen: {
		zh: '文件没有小区列，{rows} 行都按所选小区“{name}”（{id}）导入',
		en: 'The file has no estate column: its {rows} rows are imported for the estate chosen, "{name}" ({id})'
	},
	estate_chosen_unknown: {
		zh: '所选小区 {id} 不在本工作区的小区名册中；请重新选择小区',
		en: 'The estate chosen, {id}, is not in this workspace’s estates; choose the estate again'
	}
} as const;

/**
 * The name problems as the command line says them: it has no "名称对应" panel, so the way to an answer there is the
 * file itself, or a recipe exported from the data page with the names chosen (`--recipe`).
 */
export const RECIPE_CLI_TEXTS = {
	estate_name_unmatched: {
		zh: `${UNMATCHED.zh}请把文件中的名称改成小区名册里的写法；或在数据页“名称对应”中选择后导出导入方案，用 --recipe 传入`,
		en: `${UNMATCHED.en}Write the name as the estates list does, or pick it under "names" on the data page, export the recipe and pass it with --recipe`
	},
	estate_name_ambiguous: {
		zh: `${AMBIGUOUS.zh}请在文件中加上街道；或在数据页“名称对应”中选择后导出导入方案，用 --recipe 传入`,
		en: `${AMBIGUOUS.en}add the subdistrict to the file, or pick one under "names" on the data page, export the recipe and pass it with --recipe`
	}
} as const;
