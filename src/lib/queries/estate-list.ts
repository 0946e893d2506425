/** The estates' ids, names and subdistricts, for the search box (a small result even for a city). */
import { z } from 'zod';
import type { Engine } from '../engine/engine';

const Row = z.object({ id: z.string(), name: z.string(), subdistrict: z.string().nullable() });
export type EstateListItem = z.infer<typeof Row>;

export function listEstates(engine: Engine): Promise<EstateListItem[]> {
	return engine.parse('SELECT estate_id AS id, name, subdistrict FROM estates ORDER BY estate_id', Row);
}
