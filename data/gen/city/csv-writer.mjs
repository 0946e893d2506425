// @ts-check
/** Streaming CSV output for the city: the canonical headers and a writer that never holds a whole file in memory. */

import { closeSync, openSync, writeSync } from 'node:fs';

export const HEADERS = {
	estates: 'estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime',
	scores: 'estate_id,period,indicator,score,source',
	fees: 'estate_id,year,fee,fee_unit,collection_rate',
	tickets: 'ticket_id,estate_id,category,opened_at,closed_at',
	costs: 'estate_id,year,item,amount_yuan',
	unit_sizes: 'estate_id,unit_area_m2,households'
};

/** A CSV file written in large chunks, counting rows and bytes. */
export class CsvWriter {
	/** @param {string} path @param {string} header */
	constructor(path, header) {
		this.path = path;
		this.fd = openSync(path, 'w');
		/** @type {string[]} */
		this.buf = [];
		this.rows = 0;
		this.bytes = 0;
		this.write(header + '\n');
	}
	/** @param {string} text */
	write(text) {
		this.bytes += Buffer.byteLength(text);
		writeSync(this.fd, text);
	}
	/** @param {string} line without the line end */
	row(line) {
		this.buf.push(line);
		this.rows++;
		if (this.buf.length >= 65536) this.flush();
	}
	flush() {
		if (this.buf.length === 0) return;
		this.write(this.buf.join('\n') + '\n');
		this.buf = [];
	}
	close() {
		this.flush();
		closeSync(this.fd);
		return { rows: this.rows, bytes: this.bytes };
	}
}
