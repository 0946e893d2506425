/**
 * Texts of the problems reading rules 13 gives (docs/sources.md §8, §11, §18.4): a figure after its column's name, a
 * home's area per home, a run-together date, a building form by its floors (and, since rules 14, a 层数 column's bare
 * numbers), a vote's motion kind from its words, a
 * per-home fund ledger summed (and, since rules 14, checked against its own total). Part of the one table in messages.ts.
 */
export const RULES13_PROBLEM_TEXTS = {
	fund_homes_summed: {
		zh: '分户账：{homes} 户的账户按小区和年度合计为 {rows} 行（如 {example} 元）；小区的维修资金是各户账户之和',
		en: "A per-home ledger: {homes} homes' accounts are summed per estate and year into {rows} rows (e.g. {example} yuan); an estate's fund is the sum of its homes' accounts"
	},
	fund_homes_not_summed: {
		zh: '分户账中这个小区 {year} 年的 {homes} 户里有 {bad} 户有错，小区合计未导入（缺几户的合计会少算资金）；改正这几户后再导入',
		en: "{bad} of this estate's {homes} homes for {year} have errors, so its total is not imported (a total missing homes understates the fund); correct them and import again"
	},
	fund_ledger_total_differs: {
		zh: '分户账的{label}行为 {total} 元，{homes} 户账户之和为 {sum} 元，相差 {diff} 元：请核对是否漏了户、多了户或合计有误',
		en: "The ledger's {label} row says {total} yuan; its {homes} homes' accounts sum to {sum} yuan, {diff} apart: check for a home missing or repeated, or a wrong total"
	},
	compact_date: { zh: '连写的日期“{text}”按年月日读取', en: "The run-together date '{text}' is read as year, month, day" },
	compact_date_rows: { zh: '日期写成连写的数字（如“{text}”），按年月日读取（共 {count} 行）', en: "Dates are written as run-together digits (e.g. '{text}'), read as year, month, day ({count} rows)" },
	building_form_floors: { zh: '“{text}”按层数读：七层及以上的住宅须设电梯（GB 50096），按高层，六层及以下按多层', en: "'{text}' is read by its floors: homes of seven floors or more must have lifts (GB 50096), so high-rise; six or fewer, multi-storey" },
	building_form_floors_rows: {
		zh: '建筑类型写的是层数（如“{text}”）：七层及以上的住宅须设电梯（GB 50096），按高层，六层及以下按多层（共 {count} 行）',
		en: "The building form is written as floors (e.g. '{text}'): seven floors or more must have lifts (GB 50096), so high-rise; six or fewer, multi-storey ({count} rows)"
	},
	building_form_from_floors: {
		zh: '层数“{text}”读作建筑类型：七层及以上的住宅须设电梯（GB 50096），按高层，六层及以下按多层',
		en: "The floors '{text}' are read as a building form: homes of seven floors or more must have lifts (GB 50096), so high-rise; six or fewer, multi-storey"
	},
	building_form_from_floors_rows: {
		zh: '本列是层数（如“{text}”），按层数读作建筑类型：七层及以上的住宅须设电梯（GB 50096），按高层，六层及以下按多层（共 {count} 行）',
		en: "This column gives floors (e.g. '{text}'), read as a building form: seven floors or more must have lifts (GB 50096), so high-rise; six or fewer, multi-storey ({count} rows)"
	},
	building_form_mainly: { zh: '“{text}”按为主的建筑类型读取', en: "'{text}' is read as its main form" },
	building_form_mainly_rows: { zh: '建筑类型写的是“以……为主”（如“{text}”），按为主的类型读取（共 {count} 行）', en: "The building form is written as the main one (e.g. '{text}'), read as that form ({count} rows)" },
	motion_kind_from_motion: {
		zh: '没有“事项类别”列：按表决事项的文字定类别（《民法典》第二百七十八条）：一般事项 {ordinary} 项，重大事项 {major} 项；不对时请加“事项类别”列',
		en: "No motion-kind column: each motion's kind is read from its words (Civil Code art. 278): {ordinary} ordinary, {major} major; if wrong, add a 事项类别 column"
	},
	motion_kind_unknown: {
		zh: '看不出这项是一般事项（过半数）还是重大事项（四分之三）：请加一列“事项类别”，填“一般事项”或“重大事项”（《民法典》第二百七十八条）',
		en: 'Whether this is an ordinary (majority) or a major (three-quarters) matter cannot be told from its words: add a 事项类别 column saying 一般事项 or 重大事项 (Civil Code art. 278)'
	},
	label_before_figure: { zh: '数字前的「{label}」是本列的名称，按后面的数读取', en: "'{label}' before the figure names this column; the figure after it is read" },
	label_before_figure_rows: {
		zh: '数字前写着本列的名称（如「{label}」），按后面的数读取（共 {count} 行）',
		en: "The figure is written after this column's name (e.g. '{label}'); the figure is read ({count} rows)"
	},
	label_other_measure: {
		zh: '数字前写着「{label}」，不是本列（{column}）的名称：请核对这个数是否属于本列；属于就删去这几个字，不属于请填本列的数',
		en: "'{label}' before the figure is not this column's ({column}) name: check that the figure belongs here; if it does, delete the words, if not, give this column's figure"
	},
	area_per_home: { zh: '“{text}”是每套的面积，按户型面积读取', en: "'{text}' is the area per home, read as the home's area" },
	area_per_home_rows: { zh: '面积按每套写（如“{text}”），按户型面积读取（共 {count} 行）', en: "Areas are written per home (e.g. '{text}'), read as the home's area ({count} rows)" },
} as const satisfies Record<string, { zh: string; en: string }>;
