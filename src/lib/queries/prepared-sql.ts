/**
 * Prepared statements over one-row arguments tables (SqlArgs), kept valid cheaply.
 *
 * Why this is more than PREPARE: DuckDB re-plans a prepared statement on every EXECUTE once the catalog of a
 * database it reads (here the temp catalog) has changed since it was prepared, which costs as much as not preparing
 * (measured in wasm: ~1.5 ms with a fresh plan, 13-20 ms re-planning). So all DDL (the arguments tables) runs before
 * all PREPAREs, and the set is re-prepared whenever the temp catalog's objects changed: our base table rebuilt, or
 * someone else's temp view or table created.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { SqlArgs } from './quality-sql';

/** One statement to prepare: its name, and how to generate its text with the values as arguments. */
export interface StatementPlan {
	name: string;
	build(args: SqlArgs): string;
}

const CatalogRow = z.object({ temporary: z.boolean(), name: z.string(), oid: z.number(), size: z.number() });

/** What the catalog says about some main tables and every temp object, without scanning any table. */
export interface CatalogSnapshot {
	/** The requested main-schema tables that exist: oid and estimated row count. */
	tables: Map<string, { oid: number; size: number }>;
	/** Temp tables and views by name: oid. */
	temp: Map<string, number>;
	/** Identity of the temp catalog's objects (name and oid of each), for {@link PreparedSet.ensure}. */
	tempKey: string;
}

/** One catalog query (~1-3 ms): the requested main tables and every temp table and view. */
export async function catalogSnapshot(engine: Engine, mainTables: readonly string[]): Promise<CatalogSnapshot> {
	const names = mainTables.length > 0 ? mainTables.map(sqlString).join(', ') : 'NULL';
	const rows = await engine.parse(
		`SELECT temporary, table_name AS name, table_oid AS oid, estimated_size AS size FROM duckdb_tables()
		 WHERE temporary OR (schema_name = 'main' AND table_name IN (${names}))
		 UNION ALL SELECT true, view_name, view_oid, 0 FROM duckdb_views() WHERE temporary AND NOT internal
		 ORDER BY name`,
		CatalogRow
	);
	const tables = new Map<string, { oid: number; size: number }>();
	const temp = new Map<string, number>();
	for (const r of rows) {
		if (r.temporary) temp.set(r.name, r.oid);
		else tables.set(r.name, { oid: r.oid, size: r.size });
	}
	return { tables, temp, tempKey: [...temp].map(([n, o]) => `${n}:${o}`).join(',') };
}

/** A set of statements prepared together on one engine. Not safe for concurrent use: callers serialise. */
export class PreparedSet {
	private texts = new Map<string, string>();
	private catalogKey: string | null = null;

	/**
	 * Makes sure every plan is prepared with its current text. `catalogKey` is the temp catalog's key as it is now;
	 * when it or any text differs from the last preparation, every arguments table is recreated, then every
	 * statement prepared.
	 */
	async ensure(engine: Engine, plans: readonly StatementPlan[], catalogKey: string): Promise<void> {
		const built = plans.map((p) => {
			const args = new SqlArgs(`${p.name}_args`);
			return { name: p.name, sql: p.build(args), args };
		});
		const same = this.catalogKey === catalogKey && built.every((b) => this.texts.get(b.name) === b.sql);
		if (same) return;
		this.texts.clear();
		this.catalogKey = null;
		for (const b of built) await engine.exec(b.args.createSql());
		for (const b of built) await engine.exec(`PREPARE ${b.name} AS ${b.sql}`);
		for (const b of built) this.texts.set(b.name, b.sql);
		this.catalogKey = (await catalogSnapshot(engine, [])).tempKey;
	}

	/**
	 * The EXECUTE statement for a prepared plan, after setting its arguments to the values `build` gives now.
	 * @throws Error when the text no longer matches what {@link ensure} prepared (a bug: the shape changed).
	 */
	async execute(engine: Engine, plan: StatementPlan): Promise<string> {
		const args = new SqlArgs(`${plan.name}_args`);
		const sql = plan.build(args);
		if (this.texts.get(plan.name) !== sql) throw new Error(`Statement ${plan.name} is not prepared with this shape.`);
		const update = args.updateSql();
		if (update) await engine.exec(update);
		return `EXECUTE ${plan.name}`;
	}
}
