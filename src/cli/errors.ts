/**
 * Errors the command line reports as the user's to fix (exit code 2), as opposed to bugs (exit code 1).
 */

/** Exit code for a usage error or an input that cannot be read or used. */
export const EXIT_USAGE = 2;

/** Wrong arguments: unknown option, missing path, conflicting flags. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** An input file or directory that cannot be read or used; the message names it. */
export class InputError extends Error {
	readonly path: string;
	constructor(path: string, reason: string, options?: { cause?: unknown }) {
		super(`${path}: ${reason}`, options);
		this.name = 'InputError';
		this.path = path;
	}
}

/** Something the command needs is not available on this machine (e.g. native DuckDB); the message says what. */
export class UnavailableError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'UnavailableError';
	}
}
