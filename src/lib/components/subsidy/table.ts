/** A column of a {@link SortTable}: how to show a row's cell, and what to sort it by. */
export interface Column<T> {
	key: string;
	label: string;
	/** Unit shown after the label in the header (e.g. 万元). */
	unit?: string;
	numeric?: boolean;
	/** The row's header cell (the estate name): rendered with the table's `rowHead` snippet. */
	head?: boolean;
	/** Sort value; null sorts last whichever the direction. Omit to make the column unsortable. */
	sort?: (row: T) => number | string | null;
	/** The cell text. */
	cell: (row: T) => string;
	/** Extra class on the cells (e.g. to let a notes column wrap). */
	class?: string;
}
