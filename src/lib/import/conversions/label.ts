/**
 * A conversion as the person reads it, in the words of the data page's mapping table (i18n area 'convert'): the
 * page passes its `t`, the command line a lookup in the same dictionary.
 */
import type { zh } from '../../i18n/areas/convert';
import type { Conversion } from './types';

/** The text of one 'convert.*' message, with its {placeholders} filled. */
export type ConvertText = (key: keyof typeof zh, vars?: Record<string, string | number>) => string;

export function conversionLabel(c: Conversion, text: ConvertText): string {
	switch (c.kind) {
		case 'count_to_bool':
			return text('convert.kind.countToBool');
		case 'date_to_year':
			return text('convert.kind.dateToYear');
		case 'date_to_period':
			return c.grain === 'quarter' ? text('convert.kind.dateToQuarter') : text('convert.kind.dateToMonth');
		case 'unit':
			return text('convert.kind.unit', { unit: c.unit, factor: String(c.factor) });
		case 'value_map':
			return text('convert.kind.valueMap');
	}
}
