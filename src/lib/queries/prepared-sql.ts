/**
 * Prepared statements over one-row arguments tables (SqlArgs) in a private in-memory database, kept valid cheaply.
 *
 * Why this is more than PREPARE. DuckDB re-plans a prepared statement on every EXECUTE once the catalog of a
 * database it reads has changed since it was prepared, and re-planning costs as much as not preparing (measured in
 * wasm on the analysis: ~2 ms executing a fresh plan, ~20 ms re-planning). So:
 * - the statements read only tables of their own attached ':memory:' database, where nobody else creates anything
 *   (another module's CREATE TEMP VIEW would otherwise slow every later run);
 * - all DDL there (arguments tables) runs before all PREPAREs, and the set is re-prepared after any other DDL there
 *   (the caller says so with {@link PreparedSet.invalidate}).
 */
import type { Engine } from '../engine/engine';
import { LITERALS, type SqlValues } from './quality-sql';

/**
 * Values as columns (zarg1, zarg2, …) of a one-row table joined into the query. The SQL text then depends only
 * on the shape of the settings, so it can be PREPAREd once and re-run after an UPDATE of the table: DuckDB-wasm
 * spends tens of ms planning the analysis, a few executing it. (EXECUTE with cast `$n` parameters was measured
 * slower here than not preparing at all, as if re-planned each time; arguments from a table were not.)
 */
export class SqlArgs implements SqlValues {
	private readonly columns: { name: string; literal: string; type: 'DOUBLE' | 'VARCHAR' }[] = [];
	readonly join: string;
	constructor(readonly table: string) {
		this.join = ` CROSS JOIN ${table}`;
	}
	private add(literal: string, type: 'DOUBLE' | 'VARCHAR'): string {
		const name = `zarg${this.columns.length + 1}`;
		this.columns.push({ name, literal, type });
		return name;
	}
	num(x: number | null): string {
		return this.add(LITERALS.num(x), 'DOUBLE');
	}
	text(s: string | null): string {
		return this.add(LITERALS.text(s), 'VARCHAR');
	}
	/** (Re)creates the arguments table with the current values. */
	createSql(): string {
		const cols = this.columns.map((c) => `${c.literal}::${c.type} AS ${c.name}`);
		return `CREATE OR REPLACE TABLE ${this.table} AS SELECT ${cols.length > 0 ? cols.join(', ') : '1 AS zarg0'}`;
	}
	/** Sets the current values in an existing arguments table of the same shape (null when there are none). */
	updateSql(): string | null {
		if (this.columns.length === 0) return null;
		return `UPDATE ${this.table} SET ${this.columns.map((c) => `${c.name} = ${c.literal}`).join(', ')}`;
	}
}

/** Attaches a private in-memory database under `name` unless it is there already. */
export async function attachPrivateDatabase(engine: Engine, name: string): Promise<void> {
	await engine.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${name}`);
}

/** One statement to prepare: its name, and how to generate its text with the values as arguments. */
export interface StatementPlan {
	name: string;
	build(args: SqlArgs): string;
}

/** A set of statements prepared together on one engine. Not safe for concurrent use: callers serialise. */
export class PreparedSet {
	private texts = new Map<string, string>();
	private valid = false;

	/** `database`: the private database holding the arguments tables (and whatever else the statements read). */
	constructor(private readonly database: string) {}

	/** Call after any DDL in the private database: the next {@link ensure} re-prepares. */
	invalidate(): void {
		this.valid = false;
	}

	private args(plan: StatementPlan): SqlArgs {
		return new SqlArgs(`${this.database}.${plan.name}_args`);
	}

	/** Makes sure every plan is prepared with its current text: if not, recreates every arguments table, then prepares. */
	async ensure(engine: Engine, plans: readonly StatementPlan[]): Promise<void> {
		const built = plans.map((p) => {
			const args = this.args(p);
			return { name: p.name, sql: p.build(args), args };
		});
		if (this.valid && built.every((b) => this.texts.get(b.name) === b.sql)) return;
		this.valid = false;
		this.texts.clear();
		for (const b of built) await engine.exec(b.args.createSql());
		for (const b of built) await engine.exec(`PREPARE ${b.name} AS ${b.sql}`);
		for (const b of built) this.texts.set(b.name, b.sql);
		this.valid = true;
	}

	/**
	 * The EXECUTE statement for a prepared plan, after setting its arguments to the values `build` gives now.
	 * @throws Error when the text no longer matches what {@link ensure} prepared (a bug: the shape changed).
	 */
	async execute(engine: Engine, plan: StatementPlan): Promise<string> {
		const args = this.args(plan);
		const sql = plan.build(args);
		if (!this.valid || this.texts.get(plan.name) !== sql) throw new Error(`Statement ${plan.name} is not prepared with this shape.`);
		const update = args.updateSql();
		if (update) await engine.exec(update);
		return `EXECUTE ${plan.name}`;
	}
}
