// `verbatim export`: the archive's quotes with speaker, article, date and source, as JSONL or CSV,
// streamed (the archive can be larger than memory).

import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

import { QueryError } from '../../query/errors.js';
import { exportQuotes, type QuotesParams } from '../../query/questions.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { QuoteRow, Store } from '../../store/store.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  Output,
  errorMessage,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from '../format.js';
import { OptionError, intOption } from './search.js';

const USAGE = `Usage: verbatim export [--format jsonl|csv] [--out FILE] [--speaker NAME] [--about TEXT]
                       [--from DATE] [--to DATE] [--source S] [--kind K] [--type T] [--limit N]
                       [--db FILE]

Writes the quotes of the archive, oldest article first, one per line (JSONL) or row (CSV, RFC
4180, UTF-8, header row), with: article id, quote id, date, source, title, url, kind, speaker,
speaker type, gender, cue, cue lemma, start, end (offsets into the article text) and text.
The filters are those of 'verbatim quotes'.

Options:
  --format F       jsonl (default) or csv.
  --out FILE       Write to FILE instead of standard output.
  --speaker NAME, --about TEXT, --from DATE, --to DATE, --source S, --kind K, --type T
                   As for 'verbatim quotes'.
  --limit N        At most N quotes (default: all).
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           Same as --format jsonl.
  -h, --help       Show this help.

Examples:
  verbatim export --format csv --out quotes.csv
  verbatim export --speaker Macron --from 2019 > macron-2019.jsonl
  verbatim export --format csv --kind direct --source "Le Point" | head

Exit status: 0 when the export was written; 1 when the archive cannot be read or the output
written; 2 on a usage error.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export quotes with speaker, article, date, source (JSONL, CSV)',
  usage: USAGE,
  run: (argv, ctx) => runExport(argv, ctx),
};

export const CSV_COLUMNS: readonly (keyof QuoteRow)[] = [
  'articleId',
  'quoteId',
  'date',
  'source',
  'title',
  'url',
  'kind',
  'speaker',
  'speakerType',
  'gender',
  'cue',
  'cueLemma',
  'start',
  'end',
  'text',
];

export async function runExport(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let values;
  let format: 'jsonl' | 'csv';
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        speaker: { type: 'string' },
        about: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        kind: { type: 'string' },
        type: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
    const f = values.format ?? 'jsonl';
    if (f !== 'jsonl' && f !== 'csv')
      throw new Error(`--format must be jsonl or csv, got ${JSON.stringify(f)}`);
    if (values.json && f === 'csv') throw new Error('--json and --format csv disagree');
    format = f;
  } catch (e) {
    return reportUsageError(ctx, exportCommand, errorMessage(e));
  }
  const db = values.db ?? process.env['VERBATIM_DB'] ?? DEFAULT_DB;
  let store: Store;
  try {
    store = openStore(db, { mustExist: true });
  } catch (e) {
    ctx.err(`verbatim export: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }
  let out = ctx.out;
  let file: NodeJS.WritableStream | null = null;
  let n = 0;
  try {
    const p: QuotesParams = {};
    if (values.limit !== undefined) p.limit = intOption(values.limit, 'limit', 0);
    if (values.speaker !== undefined) p.speaker = values.speaker;
    if (values.about !== undefined) p.about = values.about;
    if (values.from !== undefined) p.from = values.from;
    if (values.to !== undefined) p.to = values.to;
    if (values.source !== undefined) p.source = values.source;
    if (values.kind !== undefined) p.kind = values.kind;
    if (values.type !== undefined) p.speakerType = values.type;
    const rows = exportQuotes(store, p);
    if (values.out !== undefined) {
      file = createWriteStream(values.out);
      out = new Output(file);
    }
    if (format === 'csv') await out.line(CSV_COLUMNS.join(','));
    for (const q of rows) {
      await out.line(format === 'csv' ? csvRow(q) : JSON.stringify(q));
      n++;
      if (out.closed) {
        rows.return?.();
        break;
      }
    }
  } catch (e) {
    if (e instanceof QueryError || e instanceof OptionError)
      return reportUsageError(ctx, exportCommand, e.message);
    throw e;
  } finally {
    store.close();
    if (file) await new Promise<void>((resolve) => file!.end(resolve));
  }
  if (out.failure) {
    ctx.err(`verbatim export: cannot write the output: ${out.failure.message}`);
    return EXIT_FAILURE;
  }
  if (values.out !== undefined) ctx.err(`verbatim export: ${n} quotes written to ${values.out}`);
  return EXIT_OK;
}

/** One CSV row (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvRow(q: QuoteRow): string {
  return CSV_COLUMNS.map((c) => csvField(q[c])).join(',');
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
