/**
 * Argument parsing shared by the subcommands: strict options (an unknown or malformed option is a usage error,
 * exit 2), -h/--help on every command, and the checks every data command makes the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses a subcommand's arguments; the options given plus --help. */
export function parseCommandArgs<O extends Options>(args: readonly string[], options: O) {
	try {
		return parseArgs({ args: [...args], allowPositionals: true as const, options: { ...options, ...HELP } });
	} catch (e) {
		throw new UsageError((e as Error).message);
	}
}

/** A data command needs at least one directory or file. */
export function requireInputs(command: string, positionals: readonly string[]): void {
	if (positionals.length === 0) throw new UsageError(`${command} needs a data directory or data files`);
}

/** --json and --csv exclude each other. */
export function oneOutputFormat(values: { json?: boolean | string | (boolean | string)[]; csv?: boolean | string | (boolean | string)[] }): void {
	if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
}
