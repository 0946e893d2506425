/**
 * Cell normalisers: cells as people write them in Chinese spreadsheets, turned into canonical values.
 * Each returns `{ value }` (with warnings if a reading was a guess) or `{ error }`, where a warning or error is
 * a code with parameters; messages.ts turns codes into Chinese and English text.
 *
 * What is read (docs/sources.md §10):
 * - Full-width digits and punctuation (１２３，．％), thousands separators ("1,234.5"), a unit after the
 *   number when it fits the column ("120㎡", "568户", "2024年", "6.5万元" = 65000).
 * - Missing values: empty, "暂无数据", "暂无", "-", "—", "/", "无", "N/A", "#N/A", "不详"... become null.
 *   Excel error values (#DIV/0!, #VALUE!, ...) are errors.
 * - Rates (收缴率): "33%" → 0.33; 0.33 → 0.33; a value above 1 and at most 100 is read as a percentage
 *   (33 → 0.33) with a warning, unless the cell or the header says % (then no warning); above 100 is an error.
 * - Fees: "2.38元/平米/月", "2.38元/㎡·月", "24元/户·月": the unit in the text sets the fee unit.
 * - Ranges in number columns: "1.14至2.48元/平米/月", "1.2-1.8", "1.2~1.8": both ends are kept, the midpoint
 *   is used, with a warning.
 * - Periods: "2024-03", "2024/3", "2024年3月", "202403", a date or an Excel serial date → 'YYYY-MM';
 *   "2024Q1", "2024年第一季度", "2024年1季度", "2024年一季度" → 'YYYYQn'.
 * - Date-times: "2024-05-01 09:30", "2024/5/1 9:30:00", "2024年5月1日 9时30分", ISO with T, "下午 3:30",
 *   Excel serial numbers → 'YYYY-MM-DD HH:MM:SS' (naive local time, as grid systems export it).
 * - Booleans through BOOLEAN_ALIASES (是/否, 有/无, true/false, 1/0, √/×); enums through matchEnumValue.
 */
export { type Norm, isError, cellText, isMissing } from './core';
export { parseNumber, parseGrade } from './numbers';
export { parseRate, type FeeValue, parseFee } from './fees';
export { beforeRules4, stillOpenBeforeRules6, weekdaysBeforeRules7, parseTimestamp, parseClosingTime, parsePeriod, findPeriodInText, findPeriodInTitle, findYearInTitle, findYearSpanInTitle } from './dates';
export { booleansBeforeRules9, parseBoolean, parseEnum, parseText, matchIndicator } from './codes';
export { headerHints } from './headers';
export { type CellNormaliser, columnNormaliser, isFigureColumn, knownWhenRequired, yearNumberBeforeRules7, valuesBeforeRules8 } from './columns';
export { figuresBeforeRules8 } from './money-words';
export { figuresBeforeRules10 } from './figures-rules10';
export { valuesBeforeRules11 } from './rules11';
