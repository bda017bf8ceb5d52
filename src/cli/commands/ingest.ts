// `verbatim ingest PATH...`: reads articles from files, folders and globs, analyses them in worker
// threads and stores everything in the archive (ingest/ingest.ts). Progress on standard error,
// the summary on standard output, every bad record reported; exit code 1 when any failed.

import { closeSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { formatIngestError, type IngestError } from '../../ingest/errors.js';
import { runIngest, type IngestSummary } from '../../ingest/ingest.js';
import { Progress } from '../../ingest/progress.js';
import { DEFAULT_MAX_TEXT_CHARS } from '../../io/read-articles.js';
import { int } from '../../query/table.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { FLAG, STRING, parseCommandArgs } from '../archive-command.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from '../format.js';

const USAGE = `Usage: verbatim ingest PATH... [--db FILE] [--workers N] [--reanalyze] [--errors FILE] [--json]

Analyses articles and stores them, with their quotes, speakers and entities, in the archive (a
SQLite file) that 'verbatim search', 'quotes', 'speakers', 'entities', 'article', 'stats' and
'export' query.

PATH is a file, a folder (read recursively: .jsonl .ndjson .json .txt .html .htm .xml .rss
.atom files) or a glob ('corpus/**/*.jsonl', quoted so that the shell leaves it). Formats: those
of 'verbatim analyze' (JSONL, JSON, text with an optional "date YYYY-MM-DD" header), HTML pages
(the article found by Readability) and RSS/Atom feeds (one article per item). Files may be UTF-8
(with or without BOM), UTF-16 with BOM, or windows-1252/latin-1 (detected).

An article already in the archive (same id; without id, same text) is skipped, so a run can be
repeated or resumed after an interruption: nothing is stored twice, nothing lost.

Options:
  --db FILE         The archive (default $VERBATIM_DB or ./${DEFAULT_DB}); created if missing.
  --workers N       Analysis threads (default: the number of cores, here ${availableParallelism()}); 0 analyses
                    in the main thread.
  --reanalyze       Analyse again the articles already stored and replace their analysis.
  --errors FILE     Also write every problem as a JSON line {code, file, line, id, message}.
  --max-chars N     Reject articles longer than N characters (default ${DEFAULT_MAX_TEXT_CHARS}).
  --json            Print the summary as JSON.
  -h, --help        Show this help.

Examples:
  verbatim ingest ../shared/corpus/dev/articles.jsonl
  verbatim ingest archives/ 'feeds/*.xml' --db news.db --errors errors.jsonl
  verbatim ingest pages/**/*.html --workers 4
  verbatim ingest corpus.jsonl --reanalyze --json

Exit status: 0 when every record was stored (or already was); 1 when any failed (each is
reported on stderr and in --errors); 2 on a usage error.`;

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Analyse articles into the archive (files, folders, globs; HTML, RSS)',
  usage: USAGE,
  run: (argv, ctx) => runIngestCommand(argv, ctx),
};

const INGEST_OPTIONS = { workers: STRING, reanalyze: FLAG, errors: STRING, 'max-chars': STRING } as const;

/** Errors listed on stderr after the run; the rest are counted (all go to --errors). */
const SHOWN_ERRORS = 50;

export async function runIngestCommand(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let paths: string[];
  let db: string;
  let workers: number;
  let reanalyze: boolean;
  let errorsFile: string | undefined;
  let json: boolean;
  let maxTextChars = DEFAULT_MAX_TEXT_CHARS;
  try {
    const args = parseCommandArgs(argv, INGEST_OPTIONS, true);
    const { values } = args;
    paths = args.positionals;
    db = args.db;
    workers = availableParallelism();
    if (values.workers !== undefined) {
      if (!/^\d+$/.test(values.workers) || Number(values.workers) > 256) {
        throw new Error(`--workers must be an integer from 0 to 256, got ${JSON.stringify(values.workers)}`);
      }
      workers = Number(values.workers);
    }
    if (values['max-chars'] !== undefined) {
      maxTextChars = Number(values['max-chars']);
      if (!/^\d+$/.test(values['max-chars']) || maxTextChars < 1) {
        throw new Error(`--max-chars must be a positive integer, got ${JSON.stringify(values['max-chars'])}`);
      }
    }
    reanalyze = values.reanalyze ?? false;
    errorsFile = values.errors;
    json = values.json ?? false;
  } catch (e) {
    return reportUsageError(ctx, ingestCommand, errorMessage(e));
  }
  if (paths.length === 0)
    return reportUsageError(ctx, ingestCommand, 'no input: give files, folders or globs');

  let errorsFd: number | null = null;
  if (errorsFile !== undefined) {
    try {
      errorsFd = openSync(errorsFile, 'w');
    } catch (e) {
      ctx.err(`verbatim ingest: cannot write --errors ${errorsFile}: ${errorMessage(e)}`);
      return EXIT_FAILURE;
    }
  }
  let store: Store;
  try {
    // A small page cache: ingest appends, and its memory must stay flat on long runs.
    store = openStore(db, { cacheMB: 8 });
  } catch (e) {
    if (errorsFd !== null) closeSync(errorsFd);
    ctx.err(`verbatim ingest: cannot open the archive ${db}: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }

  const isProcess = ctx === processContext();
  const tty = isProcess && process.stderr.isTTY === true;
  const progress = new Progress({
    tty,
    columns: process.stderr.columns ?? 80,
    write: tty ? (s) => process.stderr.write(s) : (s) => ctx.err(s.replace(/\n$/, '')),
  });
  const onError = (e: IngestError): void => {
    if (errorsFd !== null) writeSync(errorsFd, JSON.stringify(e) + '\n');
  };

  let summary: IngestSummary;
  try {
    summary = await runIngest({ paths, store, workers, reanalyze, maxTextChars, onError, progress });
  } catch (e) {
    ctx.err(`verbatim ingest: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  } finally {
    store.close();
    if (errorsFd !== null) closeSync(errorsFd);
  }
  // Every problem, with its file, line and reason (the first ones; all of them in --errors).
  for (const e of summary.errors.slice(0, SHOWN_ERRORS)) ctx.err(`verbatim: ${formatIngestError(e)}`);
  if (summary.failed > SHOWN_ERRORS) {
    ctx.err(
      `verbatim: … and ${int(summary.failed - SHOWN_ERRORS)} more errors` +
        (errorsFile ? ` (all in ${errorsFile})` : ' (use --errors FILE to keep them all)'),
    );
  }

  if (json) {
    await ctx.out.line(
      JSON.stringify({
        ...summary,
        seconds: round(summary.seconds),
        articlesPerSecond: round(summary.articlesPerSecond),
      }),
    );
  } else {
    for (const l of summaryLines(summary, errorsFile)) await ctx.out.line(l);
  }
  return summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function summaryLines(s: IngestSummary, errorsFile: string | undefined): string[] {
  const lines = [
    `ingested ${int(s.articles)} articles from ${int(s.files)} file${s.files === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s ` +
      `(${int(s.articlesPerSecond)} articles/s, ${s.workers === 0 ? 'main thread' : `${s.workers} workers`}, peak RSS ${int(s.peakRssMB)} MB)`,
    `  new ${int(s.inserted)}, replaced ${int(s.replaced)}, already stored ${int(s.kept)}, errors ${int(s.failed)}`,
    `  written: ${int(s.quotes)} quotes, ${int(s.entities)} entities`,
    `archive ${s.db}: ${int(s.archive.articles)} articles, ${int(s.archive.quotes)} quotes, ` +
      `${int(s.archive.entities)} entities, ${int(s.archive.mentions)} mentions, ${int(s.archive.dates)} dates, ` +
      `${int(s.archive.figures)} figures`,
  ];
  if (s.ignoredFiles > 0)
    lines.push(`  ${int(s.ignoredFiles)} files skipped in folders (extension not read)`);
  if (s.failed > 0) {
    const codes = Object.entries(s.errorsByCode)
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${int(n)}`)
      .join(', ');
    lines.push(
      `errors: ${int(s.failed)} (${codes})` +
        (errorsFile ? `; all listed in ${errorsFile}` : '; listed on stderr'),
    );
  }
  return lines;
}
