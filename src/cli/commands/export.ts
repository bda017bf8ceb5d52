// `verbatim export`: the archive's quotes with speaker, article, date and source, as JSONL or CSV,
// streamed (the archive can be larger than memory).

import { createWriteStream } from 'node:fs';

import { exportQuotes, type QuotesParams } from '../../query/questions.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { QuoteRow } from '../../store/store.js';
import { STRING, archiveCommand, intOption } from '../archive-command.js';
import { EXIT_FAILURE, EXIT_OK, Output } from '../format.js';
import { QUOTE_FILTER_OPTIONS, quoteFilters } from './quotes.js';

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

export const exportCommand = archiveCommand({
  name: 'export',
  summary: 'Export quotes with speaker, article, date, source (JSONL, CSV)',
  usage: USAGE,
  options: { format: STRING, out: STRING, ...QUOTE_FILTER_OPTIONS, limit: STRING },
  args: ({ values }) => {
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv')
      throw new Error(`--format must be jsonl or csv, got ${JSON.stringify(format)}`);
    if (values.json && format === 'csv') throw new Error('--json and --format csv disagree');
    return { format };
  },
  // Streams the quotes while the archive is open; the output is checked once it is closed.
  query: async (store, { values: v, format }, ctx) => {
    const p: QuotesParams = quoteFilters(v);
    if (v.limit !== undefined) p.limit = intOption(v.limit, 'limit', 0);
    const rows = exportQuotes(store, p);
    const file = v.out === undefined ? null : createWriteStream(v.out);
    const out = file ? new Output(file) : ctx.out;
    let n = 0;
    try {
      if (format === 'csv') await out.line(CSV_COLUMNS.join(','));
      for (const q of rows) {
        await out.line(format === 'csv' ? csvRow(q) : JSON.stringify(q));
        n++;
        if (out.closed) {
          rows.return?.();
          break;
        }
      }
    } finally {
      if (file) await new Promise<void>((resolve) => file.end(resolve));
    }
    return { out, n };
  },
  print: async ({ out, n }, { values }, ctx) => {
    if (out.failure) {
      ctx.err(`verbatim export: cannot write the output: ${out.failure.message}`);
      return EXIT_FAILURE;
    }
    if (values.out !== undefined) ctx.err(`verbatim export: ${n} quotes written to ${values.out}`);
    return EXIT_OK;
  },
});

export const runExport = exportCommand.run;

/** One CSV row (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvRow(q: QuoteRow): string {
  return CSV_COLUMNS.map((c) => csvField(q[c])).join(',');
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
