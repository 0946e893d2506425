/**
 * The `zhijia` command line: dispatches to a subcommand and turns errors into exit codes
 * (0 ok, 2 usage error or unusable input, 1 a bug). bin/zhijia.mjs runs it under Node.
 * A subcommand is a function of its arguments and an output sink, so tests can call it in-process too.
 * Each subcommand's module is imported when it runs (not at start-up): `zhijia analyze` does not load the import
 * pipeline, xlsx or the survey code, which keeps the command line's start-up short.
 */
import { EXIT_USAGE, InputError, UnavailableError, UsageError } from './errors';

/** Where the command line writes. */
export interface Io {
	stdout(s: string): void;
	stderr(s: string): void;
}

/**
 * One subcommand: a summary for the help and how to run it (returns the exit code). It may throw UsageError,
 * InputError or UnavailableError (exit 2, message on stderr); anything else is reported as an internal error (exit 1).
 */
interface Command {
	summary: string;
	run(args: readonly string[], io: Io): Promise<number>;
}

/** The subcommands. */
const COMMANDS: Record<string, Command> = {
	analyze: {
		summary: 'price-quality analysis per estate (Q, grade, QPR, band, expected fee)',
		run: async (args, io) => (await import('./analyze')).analyzeCommand(args, io.stdout)
	},
	import: {
		summary: 'import files of any accepted shape (recipes, names as keys) and write canonical CSV (--out)',
		run: async (args, io) => (await import('./import')).importCommand(args, io.stdout)
	},
	market: {
		summary: 'listing-site exports: fees by area, own estates on the market scale (not a quality score)',
		run: async (args, io) => (await import('./market')).marketCommand(args, io.stdout)
	},
	subsidy: {
		summary: 'relocation-housing subsidy plan per estate and year (base, reward, budget cap)',
		run: async (args, io) => (await import('./subsidy')).subsidyCommand(args, io.stdout)
	},
	reserve: {
		summary: 'maintenance-fund renewal plan per estate (renewals, balance by year, shortfall, refill)',
		run: async (args, io) => (await import('./reserve')).reserveCommand(args, io.stdout)
	},
	survey: {
		summary: "owners' satisfaction survey export: scores per question and overall, with 95 % intervals",
		run: async (args, io) => (await import('./survey')).surveyCommand(args, io.stdout)
	},
	validate: {
		summary: 'check data files (CSV, xlsx, parquet, JSON) as the app would import them',
		run: async (args, io) => (await import('./validate')).runValidate([...args], io)
	}
};

const USAGE = `Usage: zhijia <command> [options]

Commands:
${Object.entries(COMMANDS)
	.map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
	.join('\n')}

Run 'zhijia <command> --help' for a command's options.
`;

const PROCESS_IO: Io = {
	stdout: (s) => void process.stdout.write(s),
	stderr: (s) => void process.stderr.write(s)
};

/** Runs the command line with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Io = PROCESS_IO): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
		(name === undefined ? io.stderr : io.stdout)(USAGE);
		return name === undefined ? EXIT_USAGE : 0;
	}
	const command = COMMANDS[name];
	if (!command) {
		io.stderr(`zhijia: unknown command '${name}'\n\n${USAGE}`);
		return EXIT_USAGE;
	}
	try {
		return await command.run(rest, io);
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`zhijia ${name}: ${e.message}\nRun 'zhijia ${name} --help' for usage.\n`);
			return EXIT_USAGE;
		}
		if (e instanceof InputError || e instanceof UnavailableError) {
			io.stderr(`zhijia ${name}: ${e.message}\n`);
			return EXIT_USAGE;
		}
		io.stderr(`zhijia ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		return 1;
	}
}
