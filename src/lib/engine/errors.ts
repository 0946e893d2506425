/** A query that DuckDB refused. Carries the SQL so the message says what was asked, not only what failed. */
export class QueryError extends Error {
	readonly sql: string;
	constructor(sql: string, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`${reason}\n-- while running:\n${sql.trim()}`, { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}

/** A result row that did not match the shape the caller expects (checked with zod at the engine boundary). */
export class ResultShapeError extends Error {
	readonly sql: string;
	constructor(sql: string, issues: string) {
		super(`Query result has an unexpected shape: ${issues}\n-- while running:\n${sql.trim()}`);
		this.name = 'ResultShapeError';
		this.sql = sql;
	}
}

/** Why the engine could not start, as a code the interface can put in the user's language. */
export class EngineStartError extends Error {
	constructor(
		readonly code: 'engine_file' | 'timeout' | 'worker',
		message: string,
		readonly detail: string = ''
	) {
		super(message);
		this.name = 'EngineStartError';
	}
}
