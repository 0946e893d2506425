/** Shapes shared by the negotiation components and pages. */

/** One estate in the picker. */
export interface PickerEstate {
	id: string;
	name: string;
	subdistrict: string | null;
	budgetYear: number | null;
	votes: number;
}

/** A message for the page's notice area. */
export interface Notice {
	kind: 'info' | 'error';
	text: string;
	details?: string[];
}
