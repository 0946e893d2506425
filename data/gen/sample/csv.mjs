// @ts-check
/** The sample's CSV text: one header row, no quoting, and a check that no cell would need any. */

/** @param {string[]} header @param {string[][]} rows */
export function toCsv(header, rows) {
	for (const r of rows) if (r.length !== header.length) throw new Error(`row has ${r.length} cells, header ${header.length}: ${r}`);
	const text = [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
	// Cells must need no quoting: a comma inside a cell would show up as one comma too many.
	let commas = 0;
	for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) commas++;
	if (commas !== (rows.length + 1) * (header.length - 1) || /["\r]/.test(text)) throw new Error('a sample cell needs quoting');
	return text;
}
