/**
 * Problem texts in Chinese and English. Normalisers and checks report a code with parameters; the text is
 * made here, so the problem list can follow the interface language and a download can be in either.
 * Placeholders are `{name}`; a missing parameter is left as written.
 */
import type { Issue, IssueParams, Problem, Severity } from './types';
import { RECIPE_PROBLEM_TEXTS } from './recipes/messages';
import { RULES13_PROBLEM_TEXTS } from './messages-rules13';

/** Language of a problem text. */
export type Lang = 'zh' | 'en';

/** Text of every problem code. Keep the two languages saying the same thing. */
export const PROBLEM_TEXTS = {
	// Recipes, estates named instead of numbered, one sheet into several datasets (docs/sources.md §18.5–18.6)
	...RECIPE_PROBLEM_TEXTS,
	...RULES13_PROBLEM_TEXTS,
	// Reading the file
	unreadable: { zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
	empty_file: { zh: '文件中没有数据', en: 'The file holds no data' },
	no_rows: {
		zh: '只有表头，没有数据行；用它“替换”会清空该数据集，已拒绝',
		en: 'Only a header row, no data rows; replacing with it would empty the dataset, so it is refused'
	},
	decode_replacement: {
		zh: '有 {count} 处字符无法按 {encoding} 解码，已显示为 �；请用 UTF-8 另存后重试',
		en: '{count} characters could not be decoded as {encoding} and show as �; save the file as UTF-8 and try again'
	},
	unclosed_quote: {
		zh: '第 {row} 行开始的引号没有结束，此后的内容无法读取',
		en: 'The quote opened on row {row} is never closed; nothing after it can be read'
	},
	extra_cells: {
		zh: '该行比表头多 {count} 个单元格，多出的内容已忽略',
		en: 'This row has {count} more cells than the header; the extra cells are ignored'
	},
	summary_row_skipped: { zh: '汇总行（{label}）已跳过', en: 'Summary row ({label}) skipped' },
	// Files that cannot be read at all: said in the user's language, with the position where known.
	not_a_workbook: {
		zh: '文件是 ZIP 压缩包，但里面不是 Excel 工作簿；请解压后导入其中的表格，或在 Excel 中另存为 .xlsx 或 CSV',
		en: 'The file is a ZIP archive but not an Excel workbook; unzip it and import the table inside, or save it from Excel as .xlsx or CSV'
	},
	workbook_damaged: {
		zh: 'Excel 工作簿无法打开（可能已损坏或加了密码）；请在 Excel 中打开并另存为 .xlsx 后重试',
		en: 'The Excel workbook cannot be opened (damaged or password-protected); open it in Excel, save it as .xlsx and try again'
	},
	sheet_missing: { zh: '找不到工作表「{sheet}」；工作簿中有：{sheets}', en: "Sheet '{sheet}' not found; the workbook has: {sheets}" },
	parquet_truncated: {
		zh: 'Parquet 文件不完整：文件在第 {bytes} 字节处结束，缺少结尾标记（可能没有下载或复制完整）；请重新导出或复制后重试',
		en: 'The Parquet file is incomplete: it ends at byte {bytes} without its closing marker (probably cut short while downloading or copying); export or copy it again'
	},
	parquet_damaged: {
		zh: 'Parquet 文件已损坏，无法读取（共 {bytes} 字节）；请重新导出后重试',
		en: 'The Parquet file is damaged and cannot be read ({bytes} bytes); export it again'
	},
	parquet_codec: {
		zh: 'Parquet 文件用 {codec} 压缩，质价读不了这种压缩；请改用 Snappy、ZSTD 或 GZIP 压缩重新导出',
		en: 'The Parquet file is compressed with {codec}, which Zhijia cannot read; export it again with Snappy, ZSTD or GZIP compression'
	},
	json_syntax: {
		zh: 'JSON 格式错误：第 {line} 行第 {column} 列附近；请检查该处的逗号、引号和括号',
		en: 'JSON syntax error near line {line}, column {column}; check the commas, quotes and brackets there'
	},
	json_shape: {
		zh: 'JSON 应为对象数组（[{"列名": 值}, ...]）或 {"rows": [...]}',
		en: 'JSON should be an array of objects ([{"column": value}, ...]) or {"rows": [...]}'
	},
	json_not_object: {
		zh: 'JSON 数组中第 {record} 条记录（{value}）不是对象；每条记录都应写成 {"列名": 值}',
		en: 'Record {record} of the JSON array ({value}) is not an object; every record should be {"column": value}'
	},
	utf16_no_bom: {
		zh: '文件是没有字节顺序标记（BOM）的 {encoding} 文本，已按 {encoding} 读取；如有乱码，请用 UTF-8 另存后重试',
		en: 'The file is {encoding} text without a byte-order mark and was read as {encoding}; if text looks wrong, save it as UTF-8 and try again'
	},
	mixed_encoding: {
		zh: '文件中的行编码不一致：{utf8} 行为 UTF-8，{gb} 行为 GBK/GB18030，已逐行识别；建议统一用 UTF-8 另存',
		en: 'Lines of this file disagree on encoding: {utf8} lines are UTF-8, {gb} are GBK/GB18030; each line was read in its own; save the file as UTF-8'
	},
	undecodable: {
		zh: '这一行有 {count} 处字符无法按 {encoding} 解码（显示为 �），该行未导入；请检查文件编码，用 UTF-8 另存后重试',
		en: 'This row has {count} characters that cannot be decoded as {encoding} (shown as �); the row is not imported; save the file as UTF-8 and try again'
	},
	field_count: {
		zh: '这一行有 {count} 个单元格，表头有 {expected} 个；可能是引号不成对或分隔符多了/少了，该行未导入',
		en: 'This row has {count} cells, the header has {expected}; a quote or delimiter is probably missing or extra; the row is not imported'
	},
	swallowed_rows: {
		zh: '这个单元格跨了 {lines} 行并含有分隔符，像是一个不成对的引号吞掉了后面的行（第 {from} 至 {to} 行）；请检查引号，该行未导入',
		en: 'This cell spans {lines} lines and holds delimiters: an unpaired quote seems to have swallowed the rows after it (rows {from} to {to}); check the quotes; the row is not imported'
	},
	stray_quote: {
		zh: '单元格中的引号不成对；含引号的单元格应整体用引号括起、内部引号写成两个（""），该行未导入',
		en: 'Unpaired quote in this cell; a cell holding quotes should be wrapped in quotes with inner quotes doubled (""); the row is not imported'
	},
	unterminated_last_row: {
		zh: '文件最后一行没有换行结尾，可能不完整（文件被截断）；该行未导入，请核对文件末尾',
		en: 'The last row has no line end and may be incomplete (the file cut short); the row is not imported. Check the end of the file'
	},
	last_row_unended: {
		zh: '文件最后一行没有换行结尾，已照常导入；若文件是下载或复制中断的，请核对这一行是否完整',
		en: 'The last row has no line end; it is imported as it is. If the file may have been cut short (an interrupted download or copy), check that this row is complete'
	},
	footer_row_skipped: {
		zh: '表尾的签名、日期或附注行（如“填表人：”“注：”），不是数据，已跳过',
		en: 'A line below the table (a signature, date or note such as 填表人： or 注：), not data; skipped'
	},
	sheet_not_found: { zh: '找不到工作表「{sheet}」', en: "Sheet '{sheet}' not found" },

	// Recognising the dataset and its columns
	unknown_dataset: {
		zh: '无法识别这是哪类数据（{candidates}），请手动选择',
		en: 'Cannot tell which dataset this is ({candidates}); choose one'
	},
	missing_column: {
		zh: '缺少必需列「{columnZh}」（{name}）',
		en: "Missing required column '{columnEn}' ({name})"
	},
	year_title_two_years: {
		zh: '缺少必需列「年度」（year）：标题写了 {from} 和 {to} 两个年度，无法确定本表是哪一年；请加一列「年度」，或把标题写成一个年度',
		en: "Missing required column 'Year' (year): the title names two years, {from} and {to}, so the sheet's year is unknown; add a year column, or name one year in the title"
	},
	duplicate_header: {
		zh: '与「{other}」指向同一列 {name}，已忽略此列',
		en: "Maps to the same column {name} as '{other}'; this column is ignored"
	},
	ignored_column: { zh: '未识别的列，已忽略', en: 'Column not recognised; ignored' },
	mapped_by_values: {
		zh: '按列中的值（{examples}）读作「{columnZh}」',
		en: "Read as '{columnEn}' by its values ({examples})"
	},
	fee_unit_cells_assumed: {
		zh: '{rows} 行的计费单位为空，物业费文字中也没有单位，按 元/㎡·月 读取',
		en: '{rows} rows have an empty fee unit and no unit in the fee text; they are read as yuan per m² per month'
	},
	source_from_indicator: {
		zh: '没有来源列，按指标推定：{inspection} 行记为检查考评，{satisfaction} 行（满意度指标）记为满意度调查；第三方评估须有来源列',
		en: 'No source column, so each source follows its indicator: {inspection} rows as inspection, {satisfaction} rows (the satisfaction indicator) as satisfaction survey; third-party appraisals need a source column'
	},
	fee_unit_assumed: {
		zh: '没有计费单位列，未注明单位的物业费按 元/㎡·月 读取',
		en: 'No fee-unit column: fees without a unit in the text are read as yuan per m² per month'
	},
	period_from_title: {
		zh: '表中没有期间列，按标题中的「{period}」读取',
		en: "No period column: the period '{period}' is taken from the title"
	},
	period_title_other: {
		zh: '标题中的期间为「{title}」，但表中有期间列：{rows} 行按该列读取（{periods}）',
		en: "The title names the period '{title}', but the sheet has a period column: {rows} rows are read by that column ({periods})"
	},
	period_given: {
		zh: '表中没有期间列，按指定的期间 {period} 读取',
		en: 'No period column: the given period {period} is used'
	},
	rescaled_points: {
		zh: '该列满分为 {points} 分，已换算为百分制（× 100 / {points}）',
		en: 'This column is out of {points} points; scores are rescaled to 0-100 (× 100 / {points})'
	},
	header_scale: {
		zh: '表头单位为「{unit}」，数值已乘以 {factor}',
		en: "The header's unit is '{unit}'; values are multiplied by {factor}"
	},
	references_not_checked: {
		zh: '没有可对照的小区数据，未检查小区编号是否存在',
		en: 'No estates to check against: estate references were not checked'
	},

	// Market references (listing-site exports; docs/sources.md §14.1)
	not_a_year: { zh: '读不出年份', en: 'No year in this text' },
	not_a_date: { zh: '读不出日期（应为 YYYY-MM-DD）', en: 'No date in this text (expected YYYY-MM-DD)' },
	listing_fee_unread: {
		zh: '读不出物业费（{reasonZh}），原文保留，该小区按无收费计',
		en: 'No fee could be read ({reasonEn}); the text is kept and the estate counts as having no fee'
	},
	listing_count_other: {
		zh: '写的是别的数目（如楼栋数一列写了户数），不是本列的数',
		en: 'This counts something else (households in the buildings column, say), not what this column counts'
	},
	listing_form_unknown: { zh: '未知的建筑类型「{text}」，按空值处理', en: "Unknown building form '{text}', read as empty" },
	listing_fee_summary: {
		zh: '物业费原文：区间 {ranges} 个（保留上下限，统计取中值），按户计 {perHousehold} 个（不与按面积计的混算），按天报价 {perDay} 个（×30 折为每月），按年报价 {perYear} 个（÷12 折为每月），分业态 {forms} 个（取各业态的最低至最高），暂无数据 {noValue} 个',
		en: 'Fee texts: {ranges} ranges (ends kept, midpoint used), {perHousehold} per household (never mixed with per m²), {perDay} per day (×30 to a month), {perYear} per year (÷12 to a month), {forms} per building form (lowest to highest form), {noValue} with no value'
	},
	listing_ref_date: { zh: '数据日期取 {date}（{from}）', en: 'Reference date {date} (from {from})' },
	listing_no_ref_date: { zh: '文件中没有数据日期', en: 'The file gives no reference date' },

	// Cells
	required: { zh: '必填项为空', en: 'Required value is empty' },
	excel_error: { zh: 'Excel 公式错误值 {value}', en: 'Excel formula error {value}' },
	not_a_number: { zh: '不是数字', en: 'Not a number' },
	house_price_total: { zh: '这是房屋总价（万元），不是每平方米单价；请填写均价（元/㎡）', en: "This is a home's total price (in 10,000 yuan), not a price per m²; give the average price per m²" },
	not_an_integer: { zh: '应为整数', en: 'Should be a whole number' },
	ambiguous_number: {
		zh: '无法确定逗号是千位分隔符还是小数点',
		en: 'Cannot tell whether the comma is a thousands separator or a decimal point'
	},
	out_of_range: { zh: '超出范围（{min} 至 {max}）', en: 'Out of range ({min} to {max})' },
	below_min: { zh: '应不小于 {min}', en: 'Should be at least {min}' },
	above_max: { zh: '应不大于 {max}', en: 'Should be at most {max}' },
	must_be_positive: { zh: '应大于 0', en: 'Should be greater than 0' },
	rate_read_as_percent: {
		zh: '{from} 大于 1，按百分数读作 {to}',
		en: '{from} is above 1 and is read as a percentage: {to}'
	},
	rate_out_of_range: { zh: '比率应在 0 至 1（或 0% 至 100%）之间', en: 'A rate should be between 0 and 1 (0% to 100%)' },
	range_midpoint: {
		zh: '区间 {low} 至 {high}，取中值 {mid}',
		en: 'Range {low} to {high}; the midpoint {mid} is used'
	},
	range_kept: {
		zh: '区间 {low} 至 {high}：基准价取中值 {mid}，上下限取两端',
		en: 'Range {low} to {high}: price is the midpoint {mid}, the ends become the low and high prices'
	},
	fee_high: {
		zh: '物业费 {fee} 元/㎡·月 高于 {limit}，请核对单位',
		en: 'Fee {fee} yuan/m²/month is above {limit}; check the unit'
	},
	fee_too_high: {
		zh: '物业费 {fee} 元/㎡·月 高于 {limit}，不可能按面积计费；是否为 元/户·月 或 元/年？',
		en: 'Fee {fee} yuan/m²/month is above {limit}, impossible per m²; is it per household or per year?'
	},
	fee_unit_conflict: {
		zh: '物业费文字中的单位（{textUnit}）与计费单位列（{columnUnit}）不一致',
		en: "The unit in the fee text ({textUnit}) differs from the fee-unit column ({columnUnit})"
	},
	unknown_unit: { zh: '无法识别的单位「{unit}」', en: "Unit '{unit}' not recognised" },
	approximate: { zh: '约数，按 {value} 读取', en: 'An approximate figure, read as {value}' },
	accounting_negative: { zh: '按会计写法读作负数 {value}', en: 'Read as a negative figure, as accounts write it: {value}' },
	letter_magnitude: { zh: '{letter} 按“{word}”读取，即 {value}', en: "'{letter}' is read as {word}: {value}" },
	sum_written: { zh: '写的是算式 {text}（合计 {total}），本列要一个数：请填写要用的数', en: 'A sum is written ({text}, {total} in all); this column takes one figure: enter the one to use' },
	time_night_ambiguous: {
		zh: '“{text}”跨过午夜，是当天还是次日的凌晨不确定：请写成确定的日期和时刻（如 次日 02:00）',
		en: "'{text}' is on either side of midnight, the small hours of the day written or of the next: write the date and time meant"
	},
	date_time_joined: { zh: '“{date}”和“{time}”合为一个时间读取（日期加时刻）', en: "'{date}' and '{time}' are read together as one date and time" },
	period_note_disagrees: {
		zh: '期间写的是 {period}，括号里的“{note}”却是 {notePeriod}，两者不一致：请改正其一',
		en: "The period is {period}, but the note '{note}' in brackets is {notePeriod}: correct one of them"
	},
	yes_no_ticked: { zh: '按勾选的“{word}”读取', en: "Read as the ticked '{word}'" },
	quantity_object: { zh: '“{name}”是所数的设施，按 {value} 读取', en: "'{name}' names what is counted; read as {value}" },
	score_of_full_marks: { zh: '“{text}”按满分 {full} 折算为 {value} 分（百分制）', en: "'{text}' is {value} on the 100-point scale (full marks {full})" },
	range_not_one: { zh: '写的是范围 {low}–{high}，本列要一个确切的数', en: 'A range is written ({low}–{high}); this column takes one exact figure' },
	figure_not_known: { zh: '写的是“{text}”，还没有数值：按空值读取', en: "'{text}' says the figure is not known yet: read as no value" },
	figure_not_known_required: { zh: '写的是“{text}”，还没有数值；这一列必填，请填写', en: "'{text}' says the figure is not known yet; this column is required: fill it in" },
	score_percent: { zh: '百分数按满分的百分比读作 {value} 分（百分制）', en: 'A percentage is read as that share of full marks: {value} of 100' },
	note_ignored: { zh: '说明“{note}”未计入，按前面的数读取', en: "The note '{note}' is left aside; the figure before it is read" },
	approximate_not_exact: {
		zh: '这是约数；表决是否通过要按确切的人数和面积计算，请填写确数',
		en: 'An approximate figure; whether a vote passed is counted from exact owners and areas, so give the exact figure'
	},
	year_two_digit: { zh: '两位数年份「{text}」按 {year} 年读取', en: "The two-digit year '{text}' is read as {year}" },
	year_two_digit_rows: { zh: '两位数年份「{text}」按 {year} 年读取（共 {count} 行）', en: "The two-digit year '{text}' is read as {year} ({count} rows)" },
	year_from_date: { zh: '日期只取年份 {year}', en: 'Only the year of the date is kept: {year}' },
	year_span: {
		zh: '写了两个年份（{from} 至 {to}）：这一列只能填一个年份；分期建成或跨年度的，请选定其中一年填写',
		en: 'Two years ({from} to {to}): this column holds one year; for an estate built in phases or a span, choose the one to use'
	},
	year_is_decade: {
		zh: '“年代”是十年，不是一个年份；请填写具体年份（如 1995）',
		en: "A decade (年代) is not a year; write the year itself (e.g. 1995)"
	},
	day_assumed: { zh: '只写了年月，按当月 1 日（{date}）读取', en: 'Only the month is written; read as its first day ({date})' },
	date_order_unclear: {
		zh: '“{text}”可读作 {monthFirst}（月/日/年）或 {dayFirst}（日/月/年），无法确定；请写成 年-月-日，如 {monthFirst}',
		en: "'{text}' reads as {monthFirst} (month/day/year) or {dayFirst} (day/month/year); write it year-month-day, e.g. {monthFirst}"
	},
	fee_per_year: {
		zh: '按年计的物业费 {from} 已除以 12，按每月 {to} 读取',
		en: 'A yearly fee of {from} is divided by 12 and read as {to} per month'
	},
	fee_per_day: {
		zh: '按天计的物业费 {from} 已乘以 30，按每月 {to} 读取',
		en: 'A daily fee of {from} is multiplied by 30 and read as {to} per month'
	},
	fee_not_stated: {
		zh: '“{text}”没有写出金额；请填写收费标准（如 1.65 元/㎡·月），没有标准的小区请不要列入',
		en: "'{text}' states no amount; write the fee (e.g. 1.65 yuan/m²/month), or leave out an estate that has none"
	},
	several_fees: {
		zh: '一个单元格里有 {count} 个金额（如按楼型分列的几档收费）；每个小区每年只能填一个标准：请填主要楼型的标准，或按面积加权平均后填写',
		en: 'This cell holds {count} amounts (e.g. one fee per building form); an estate has one fee per year: give the main form’s fee, or the area-weighted average'
	},
	bad_period: {
		zh: '无法识别的期间；应为 2024Q1、2024年第一季度、2024-03 或 2024年3月 等',
		en: 'Period not recognised; expected e.g. 2024Q1, 2024年第一季度, 2024-03 or 2024年3月'
	},
	bad_timestamp: {
		zh: '无法识别的时间；应为 2024-05-01 09:30:00 等',
		en: 'Date/time not recognised; expected e.g. 2024-05-01 09:30:00'
	},
	period_half_year: {
		zh: '“{value}”是半年；这里的期间是季度或月份：请按季度（{quarters}）或月份分行填写',
		en: "'{value}' is a half year; periods here are quarters or months: give it by quarter ({quarters}) or by month, one row each"
	},
	period_whole_year: {
		zh: '“{value}”是全年；这里的期间是季度或月份：请按季度（{quarters}）或月份分行填写',
		en: "'{value}' is a whole year; periods here are quarters or months: give it by quarter ({quarters}) or by month, one row each"
	},
	period_decimal_ambiguous: {
		zh: '数字 {value} 看不出是 {y}年1月 还是 {y}年10月（Excel 会把 {y}.10 存成 {y}.1）；请把这一列设为文本，或写成 {y}-01、{y}年10月 等',
		en: 'The number {value} may be January {y} or October {y} (Excel stores {y}.10 as {y}.1); make the column text, or write {y}-01, {y}-10 etc.'
	},
	period_from_number: {
		zh: '数字 {value} 按年.月读作 {period}',
		en: 'The number {value} read as year.month: {period}'
	},
	bad_date: { zh: '日期不存在', en: 'No such date' },
	weekday_mismatch: {
		zh: '写的“{written}”与日期不符：{date} 是星期{actual}；请核对日期或星期',
		en: "The weekday written ({written}) does not fall on the date: {date} is a {actualEn}; check the date or the weekday"
	},
	timestamp_no_year: {
		zh: '没有年份，无法确定是哪一年；请写出年份，如 2025-07-07 10:00',
		en: 'No year, so which year is unknown; write the year, e.g. 2025-07-07 10:00'
	},
	ticket_still_open: {
		zh: '表示尚未办结，按未办结（结案时间为空）读取（共 {count} 行）',
		en: 'Means not yet closed; read as still open (no closing time) ({count} rows)'
	},
	timezone_ignored: {
		zh: '时区标记已忽略，按写出的当地时间读取',
		en: 'Time-zone marker ignored; the local time as written is used'
	},
	bad_boolean: { zh: '应为 是/否、有/无 或 true/false', en: 'Expected yes/no (是/否, 有/无, true/false)' },
	yes_no_with_count: { zh: '是/否后写了数量「{text}」，按是/否读取，数量不导入', en: "A yes/no written with its count '{text}': read as the yes/no, the count not imported" },
	yes_no_count_rows: {
		zh: '是/否后写了数量（如“{text}”），数量与是/否一致，按是/否导入，数量不导入（共 {count} 行）',
		en: "A yes/no written with its count (e.g. '{text}'): the count agrees, the yes/no is imported, the count is not ({count} rows)"
	},
	bad_boolean_count: {
		zh: '“{word}”与数量 {count} 相矛盾：这一列只能是 是 或 否，请核对后改为其中之一',
		en: "'{word}' contradicts the count {count}: this column is yes or no only; check and write the one that holds"
	},
	bad_boolean_partly: {
		zh: '说的是“一部分”，这一列只能是 是 或 否：请按小区的主要情况填写（如多数楼栋有电梯填“是”）',
		en: "Says 'some of it'; this column is yes or no only: write what holds for most of the estate (yes if most blocks have lifts)"
	},
	bad_enum: {
		zh: '不认识的值（共 {count} 行）；最可能是：{candidates}；可用：{allowed}。可在“值对照”中指定一次，之后的文件沿用',
		en: 'Unknown value ({count} rows); most likely: {candidatesEn}; allowed: {allowedEn}. Answer it once in the value map; later files use the answer'
	},
	not_a_count: { zh: '不是数量（如 27、27台、无）', en: 'Not a count (e.g. 27, 27台, 无)' },
	date_unreadable: {
		zh: '无法识别的日期；应为 2024-01-05、2024年1月、2024.01、2024Q1 等',
		en: 'Date not recognised; expected e.g. 2024-01-05, 2024年1月, 2024.01 or 2024Q1'
	},
	period_needs_month: { zh: '只写了季度，不能换算成月份；请改按季度换算', en: 'Only a quarter is written; it cannot become a month, convert by quarter instead' },
	group_spread: {
		zh: '「{group}」是一组指标的合计得分，已分别计入 {members}（{rows} 行；本行已有自己得分的指标保留自己的分）',
		en: "'{group}' scores a group of indicators; its score is given to {membersEn} ({rows} rows; an indicator the row scores itself keeps its own score)"
	},
	group_scored: {
		zh: '「{group}」按组整体计分（{rows} 行），不分给 {members}',
		en: "'{group}' is scored at group level ({rows} rows), not given to {membersEn}"
	},
	estates_with_errors: {
		zh: '{rows} 行{cellsZh}引用了 {estates} 个自身有错误的小区（{list}）；先改正小区数据中的这些行',
		en: '{rows} rows{cellsEn} refer to {estates} estates whose own rows have errors ({list}); fix those estate rows first'
	},
	bad_year: { zh: '年份应为 1900 至 2100 的四位数', en: 'Year should be four digits between 1900 and 2100' },
	closed_before_opened: { zh: '结案时间早于发现时间', en: 'Closed before it was opened' },
	price_order: {
		zh: '应满足 下限 ≤ 基准价 ≤ 上限',
		en: 'Expected price low ≤ price ≤ price high'
	},
	vote_order: {
		zh: '应满足 同意 ≤ 参与表决 ≤ 总数（人数和面积）',
		en: 'Expected yes ≤ participating ≤ total (owners and area)'
	},
	ditto_read: {
		zh: '“同上”按上一行的值读取（共 {count} 格：第 {rows} 行；如“{value}”）',
		en: "'Same as above' read as the row above's value ({count} cells: rows {rows}; e.g. '{value}')"
	},
	merged_cells_filled: {
		zh: '{count} 格为空，按 Excel 合并单元格的写法取上方的值（第 {rows} 行；如“{value}”）；若不是合并单元格，请在文件中补上',
		en: "{count} cells are empty and take the value above, as Excel's merged cells are saved (rows {rows}; e.g. '{value}'); if they are not merged cells, fill them in the file"
	},
	cost_margin_row_skipped: {
		zh: '“{label}”是税金或利润，不是成本项目，已跳过；协商页按所设的利润率和税率另行计算',
		en: "'{label}' is tax or profit, not a cost item: skipped; the negotiation page adds them at the rates set there"
	},
	cost_breakdown_row_skipped: {
		zh: '“{parent}”的明细行，已跳过（金额已含在“{parent}”中，不重复计算）',
		en: "A breakdown row of '{parent}': skipped (its amount is part of '{parent}', not counted twice)"
	},
	quantity_one_per_row: {
		zh: '文件没有数量列：每行按一台（套、座）计，如一台电梯一行的登记表',
		en: 'The file has no quantity column: each row counts as one lift, pump set or system, as in a register of one lift per row'
	},
	quantity_needed_measured: {
		zh: '“{facility}”按 {unit} 计，每行一项时须写明数量（面积或长度）；请加数量列',
		en: "'{facility}' is measured in {unit}: a row alone does not give its quantity (an area or a length); add a quantity column"
	},
	quantity_unit_mismatch: {
		zh: '数量的单位与设施不符：「{facility}」按“{unit}”计量',
		en: "The quantity's unit does not fit the facility: '{facilityEn}' is counted in {unitEn}"
	},
	assessment_without_date: {
		zh: '有评估结论但没有评估日期；请填写最近评估日期',
		en: 'An assessment result without its date; fill in the last assessment date'
	},
	schema: { zh: '数据不符合格式：{detail}', en: 'Value does not fit the format: {detail}' },

	// Checks over all rows (DuckDB)
	duplicate_key: {
		zh: '与第 {firstRow} 行重复（{key}）',
		en: 'Duplicates row {firstRow} ({key})'
	},
	duplicate_key_file: {
		zh: '与 {firstFile} 第 {firstRow} 行重复（{key}）',
		en: 'Duplicates row {firstRow} of {firstFile} ({key})'
	},
	duplicate_existing: {
		zh: '现有数据中已有（{key}）；追加会重复',
		en: 'Already in the current data ({key}); appending would duplicate it'
	},
	unknown_estate: {
		zh: '小区编号 {estate} 不在小区数据中',
		en: 'Estate {estate} is not in the estates data'
	},
	unknown_estate_rows: {
		zh: '小区编号 {estate} 不在小区数据中（共 {count} 行，首见第 {row} 行）',
		en: 'Estate {estate} is not in the estates data ({count} rows, first on row {row})'
	},
	unknown_estate_like: {
		zh: '小区编号 {estate} 不在小区数据中；是否为 {like}？（大小写、空格或开头的 0 不同；Excel 会去掉数字编号开头的 0，请把编号列设为文本后再保存）',
		en: "Estate {estate} is not in the estates data; is it {like}? (case, spaces or leading zeros differ; Excel drops an id's leading zeros unless the column is text)"
	},
	unknown_estate_rows_like: {
		zh: '小区编号 {estate} 不在小区数据中（共 {count} 行，首见第 {row} 行）；是否为 {like}？（大小写、空格或开头的 0 不同；Excel 会去掉数字编号开头的 0，请把编号列设为文本后再保存）',
		en: "Estate {estate} is not in the estates data ({count} rows, first on row {row}); is it {like}? (case, spaces or leading zeros differ; Excel drops an id's leading zeros unless the column is text)"
	}
} as const satisfies Record<string, { zh: string; en: string }>;

/** Severity and language labels for downloads and the CLI. */
export const SEVERITY_TEXT: Record<Severity, { zh: string; en: string }> = {
	error: { zh: '错误', en: 'Error' },
	warning: { zh: '警告', en: 'Warning' }
};

/** The text of a problem code in one language, with its parameters filled in. */
export function problemText(code: string, params: IssueParams | undefined, lang: Lang): string {
	const entry = (PROBLEM_TEXTS as Record<string, { zh: string; en: string } | undefined>)[code];
	const template = entry ? entry[lang] : code;
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (params && k in params ? String(params[k]) : m));
}

/** Builds a problem with both texts. */
export function makeProblem(
	file: string,
	row: number | null,
	column: string | null,
	value: string | null,
	issue: Issue,
	severity: Severity
): Problem {
	const params = issue.params ?? {};
	return {
		file,
		row,
		column,
		value,
		code: issue.code,
		severity,
		params,
		message: { zh: problemText(issue.code, params, 'zh'), en: problemText(issue.code, params, 'en') }
	};
}
