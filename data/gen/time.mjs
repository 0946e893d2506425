// @ts-check
/** Zero-padded dates and times as the canonical files write them, without Date's slow formatting. */

/** @param {number} n */
export const pad2 = (n) => (n < 10 ? '0' : '') + n;
/**
 * 'YYYY-MM-DD HH:MM:SS' of a UTC millisecond count, read as naive local time. Hand-rolled (days to
 * civil date, H. Hinnant's algorithm) because Date#toISOString dominated the run time.
 * @param {number} ms
 */
export function fmtTime(ms) {
	const secs = Math.floor(ms / 1000);
	const z = Math.floor(secs / 86400) + 719468;
	const sod = secs - Math.floor(secs / 86400) * 86400;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${y}-${pad2(m)}-${pad2(d)} ${pad2(Math.floor(sod / 3600))}:${pad2(Math.floor((sod % 3600) / 60))}:${pad2(sod % 60)}`;
}
