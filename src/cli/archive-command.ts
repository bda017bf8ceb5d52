// The frame shared by the commands that read the archive (search, quotes, speakers, entities,
// article, stats, export): their options (--db, --json, --from/--to/--source), usage errors,
// opening and closing the archive, which errors are the user's (a bad date, a bad --limit: exit
// 2), and JSON or line output. Each command declares its options, its question and its printing.
// `verbatim ingest` uses the option half (parseCommandArgs) and opens the archive its own way.

import { parseArgs } from 'node:util';

import { QueryError } from '../query/errors.js';
import type { RangeParams } from '../query/questions.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from './format.js';

// ---------------------------------------------------------------------------------------------
// Options

/** A node:util parseArgs option: one that takes a value (`--limit 5`) or a flag (`--json`). */
export type OptionSpec = { readonly type: 'string' } | { readonly type: 'boolean' };
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
/** The parsed values of `O`: strings and booleans, absent when not given. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string;
};

export const STRING = { type: 'string' } as const;
export const FLAG = { type: 'boolean' } as const;

/** The options of every archive command. */
const COMMON_OPTIONS = { db: STRING, json: FLAG } as const;
type CommonOptions = typeof COMMON_OPTIONS;

/** --from DATE, --to DATE, --source S: the articles' period and source. */
export const RANGE_OPTIONS = { from: STRING, to: STRING, source: STRING } as const;

/** The parsed command line of an archive command. */
export interface CommandArgs<O extends OptionSpecs> {
  values: OptionValues<O> & OptionValues<CommonOptions>;
  positionals: string[];
  /** The archive: --db, else $VERBATIM_DB, else DEFAULT_DB. */
  db: string;
}

/**
 * Parses `argv` (strictly: an unknown option, or an operand when `positionals` is false, throws)
 * with `options` plus --db and --json.
 */
export function parseCommandArgs<O extends OptionSpecs>(
  argv: string[],
  options: O,
  positionals = false,
): CommandArgs<O> {
  const parsed = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, ...options },
    allowPositionals: positionals,
    strict: true,
  });
  const values = parsed.values as OptionValues<O> & OptionValues<CommonOptions>;
  return {
    values,
    positionals: parsed.positionals,
    db: values.db ?? process.env['VERBATIM_DB'] ?? DEFAULT_DB,
  };
}

/** The --from, --to and --source of a command line, for the questions of query/questions.ts. */
export function rangeParams(values: OptionValues<typeof RANGE_OPTIONS>): RangeParams {
  return { from: values.from, to: values.to, source: values.source };
}

/** A bad option value: a usage error. */
export class OptionError extends Error {}

/** A non-negative integer option, or its default. */
export function intOption(v: string | undefined, name: string, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min) {
    throw new OptionError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(v)}`);
  }
  return Number(v);
}

// ---------------------------------------------------------------------------------------------
// Commands

export interface ArchiveCommandSpec<O extends OptionSpecs, A extends object, R> {
  name: string;
  summary: string;
  usage: string;
  /** The command's own options; --db and --json are every archive command's. */
  options: O;
  /** Whether the command takes operands (search TEXT..., article ID). Default: none. */
  positionals?: boolean;
  /** Checks the command line and derives from it, before the archive is opened: a throw is a usage error. */
  args?: (parsed: CommandArgs<O>) => A;
  /**
   * Asks the archive, open during the call and closed after it. A QueryError or an OptionError
   * (a bad date, kind, --limit) is a usage error; anything else is thrown on.
   */
  query: (store: Store, args: CommandArgs<O> & A, ctx: CliContext) => R | Promise<R>;
  /** Prints the answer, the archive closed; resolves to the exit code (EXIT_OK when none). */
  print: (result: R, args: CommandArgs<O> & A, ctx: CliContext) => Promise<number | void>;
}

/** A command whose `run` can be handed around on its own (`export const runX = xCommand.run`). */
export interface ArchiveCommand extends Command {
  run: (argv: string[], ctx?: CliContext) => Promise<number>;
}

/**
 * An archive command: parses the command line (exit 2 on a usage error), opens the archive,
 * which must exist (exit 1 when it cannot be read), asks it, closes it and prints the answer.
 */
export function archiveCommand<O extends OptionSpecs, A extends object = object, R = unknown>(
  spec: ArchiveCommandSpec<O, A, R>,
): ArchiveCommand {
  const command: ArchiveCommand = {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    run: async (argv, ctx = processContext()) => {
      let args: CommandArgs<O> & A;
      try {
        const parsed = parseCommandArgs(argv, spec.options, spec.positionals);
        args = { ...parsed, ...(spec.args?.(parsed) as A) };
      } catch (e) {
        return reportUsageError(ctx, command, errorMessage(e));
      }
      let store: Store;
      try {
        store = openStore(args.db, { mustExist: true });
      } catch (e) {
        ctx.err(`verbatim ${command.name}: ${errorMessage(e)}`);
        return EXIT_FAILURE;
      }
      let result: R;
      try {
        result = await spec.query(store, args, ctx);
      } catch (e) {
        if (e instanceof QueryError || e instanceof OptionError)
          return reportUsageError(ctx, command, e.message);
        throw e;
      } finally {
        store.close();
      }
      return (await spec.print(result, args, ctx)) ?? EXIT_OK;
    },
  };
  return command;
}

// ---------------------------------------------------------------------------------------------
// Output

/** True when the command writes to the process's standard output and that is a terminal. */
export function stdoutIsTerminal(ctx: CliContext): boolean {
  return ctx === processContext() && process.stdout.isTTY === true;
}

/** `value` as one JSON line. */
export async function printJson(ctx: CliContext, value: unknown): Promise<void> {
  await ctx.out.line(JSON.stringify(value));
}

/** One JSON line per row, until the reader goes away (`| head`). */
export async function printJsonLines(ctx: CliContext, rows: Iterable<unknown>): Promise<void> {
  for (const row of rows) {
    await ctx.out.line(JSON.stringify(row));
    if (ctx.out.closed) break;
  }
}

export async function printLines(ctx: CliContext, lines: Iterable<string>): Promise<void> {
  for (const l of lines) await ctx.out.line(l);
}
