/** What a cell normaliser returned, in the shapes the value tests compare: the value (or its error code), the error code, the notes. */
import type { Norm } from '../../../src/lib/import/values';

export const value = <T>(r: Norm<T>) => ('error' in r ? { error: r.error.code } : r.value);
export const code = <T>(r: Norm<T>) => ('error' in r ? r.error.code : undefined);
export const warnings = <T>(r: Norm<T>) => ('warnings' in r && r.warnings ? r.warnings.map((w) => w.code) : []);
