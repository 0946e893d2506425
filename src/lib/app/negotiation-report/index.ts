/**
 * The appraisal report (评估报告) as data: its tables, in the interface language, built from one scenario, its
 * workspace results, the estate's baseline and its quality evaluation. The report page renders these tables
 * and the same tables go to the xlsx export (one sheet per table), so the printed report and the workbook
 * cannot disagree. No money math here: every figure comes from the domain through computeWorkspace.
 */
import type { ReportInput, ReportTable } from './cells';
import { factsTable, fitTable, indicatorTable, qualityTable } from './estate-tables';
import { costFeeTable, costTable, proposalTable, rangeTable, staffingTable, voteTable } from './negotiation-tables';
import { inputsTable, legendTable } from './source-tables';

export { cellText, roundFigures, type ReportInput, type ReportTable } from './cells';
export { reportWorkbook, sheetName } from './workbook';

/** Every table of the report, in the report's order (tables that do not apply are left out). */
export function reportTables(i: ReportInput): ReportTable[] {
	return [
		factsTable(i),
		indicatorTable(i),
		qualityTable(i),
		fitTable(i),
		costTable(i),
		costFeeTable(i),
		staffingTable(i),
		rangeTable(i),
		proposalTable(i),
		voteTable(i),
		inputsTable(i),
		legendTable()
	].filter((x): x is ReportTable => x !== null);
}

