/**
 * A building form as registers write it beyond its words (reading rules 13, docs/sources.md §18.4): the main form
 * (多层为主, 以高层为主) is that form; a number of floors (6层, 18层, 11F) is high-rise from seven floors up, because
 * homes of seven floors or more must have lifts (住宅设计规范 GB 50096-2011 §6.4.1 [V], docs/sources.md §18's
 * building type), which is what sets the two forms' fees apart, and multi-storey below [E]. Said once per column. A
 * mix (多层+高层) stays for the person to settle.
 */
import { FLOORS_HEADER, normalizeLabel } from '../../data/datasets';
import type { Cell } from '../types';
import { cellText, fold, isError, ok, type Norm } from './core';

const MAINLY = /^(?:以|主要为|主要是|基本为|大部分为|大多为)(.+?)(?:为主|居多)?$|^(.+?)(?:为主|居多|占多数)$/;
const FLOORS = /^(?:地上)?(?:(\d{1,2})\s*[-~至到]\s*)?(\d{1,3})\s*(?:层|F)(?:住宅|楼|建筑|楼房)?$/i;
/** Homes of seven floors or more must have lifts (GB 50096-2011 §6.4.1). */
const LIFT_FLOORS = 7;

/** A form read from floors or a main form, with the note that says how; `word` reads a form's own word. */
export function formOfText(text: string, word: (w: string) => string | null | undefined): { form: string; code: 'building_form_floors' | 'building_form_mainly'; floors?: number } | undefined {
	const t = fold(text).replace(/\s+/g, '');
	const floors = FLOORS.exec(t);
	if (floors) {
		const top = Number(floors[2]);
		if (top < 1 || top > 200) return undefined;
		return { form: top >= LIFT_FLOORS ? 'high' : 'multi', code: 'building_form_floors', floors: top };
	}
	const mainly = MAINLY.exec(t);
	const inner = mainly ? (mainly[1] ?? mainly[2]) : undefined;
	const form = inner ? word(inner) : undefined;
	return form ? { form, code: 'building_form_mainly' } : undefined;
}

/** A bare number of floors (6, 18) as floors are written (6层) when the header names floors; else the text as it is. */
export const asFloors = (text: string, floorsHeader: boolean): string => (floorsHeader && /^\d{1,3}$/.test(text) ? `${text}层` : text);

/** Whether a header names a building's floors (层数, 总层数, 房屋层数), so that its bare numbers are floors. */
export const namesFloors = (header: string): boolean => FLOORS_HEADER.test(normalizeLabel(header));

/**
 * The building-form column's reader that also reads the main form and a number of floors; under a header that names
 * floors (`floorsHeader`), a bare number too (6, 18: reading rules 14).
 */
export function withBuildingForm(read: (cell: Cell) => Norm<string | null>, floorsHeader = false): (cell: Cell) => Norm<string | null> {
	return (cell) => {
		const r = read(cell);
		if (!isError(r) || cell === null) return r;
		const text = cellText(cell).trim();
		const floors = asFloors(text, floorsHeader);
		const got = formOfText(floors, (w) => {
			const again = read(w);
			return isError(again) ? undefined : again.value;
		});
		if (!got) return r;
		const code = floors !== text ? 'building_form_from_floors' : got.code;
		return ok(got.form, [{ code, params: { text, ...(got.floors ? { floors: got.floors } : {}) } }]);
	};
}
