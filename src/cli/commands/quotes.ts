// `verbatim quotes`: the archive's quotations, by speaker, subject, period, source and kind.

import { parseArgs } from 'node:util';

import { QueryError } from '../../query/errors.js';
import { findQuotes, type QuotesParams } from '../../query/questions.js';
import { fit, int, oneLine, renderTable } from '../../query/table.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { QuoteRow, SearchPage, Store } from '../../store/store.js';
import {
  EXIT_FAILURE,
  EXIT_OK,
  errorMessage,
  processContext,
  reportUsageError,
  type CliContext,
  type Command,
} from '../format.js';
import { OptionError, intOption } from './search.js';

const USAGE = `Usage: verbatim quotes [--speaker NAME] [--about TEXT] [--from DATE] [--to DATE] [--source S]
                       [--kind K] [--type T] [--article ID] [--limit N] [--offset N] [--db FILE] [--json]

Lists the quotations of the archive: newest first, or by relevance with --about.

Options:
  --speaker NAME   Quotes whose speaker's name has these words ("Macron", "jens stoltenberg";
                   case and accents do not matter; the last word may be cut short: "stolt").
  --about TEXT     Quotes whose words match TEXT (as 'verbatim search': stems, accents, elisions).
  --from DATE      From this date (YYYY, YYYY-MM or YYYY-MM-DD), by the article's date.
  --to DATE        Until this date, inclusive.
  --source S       Articles whose source contains S.
  --kind K         direct, indirect or mixed.
  --type T         Speaker type: person, organization, group, anonymous or document.
  --article ID     The quotes of one article.
  --limit N        At most N quotes (default 20).
  --offset N       Skip the first N (paging).
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           One JSON object per quote per line.
  -h, --help       Show this help.

Examples:
  verbatim quotes --speaker Stoltenberg
  verbatim quotes --speaker Macron --about "gilets jaunes" --from 2018-11 --to 2019-02
  verbatim quotes --source "Le Point" --kind direct --limit 50
  verbatim quotes --speaker "Philippe" --json | jq .text

Exit status: 0 when the query ran (even with no result); 1 when the archive cannot be read; 2 on
a usage error.`;

export const quotesCommand: Command = {
  name: 'quotes',
  summary: 'Quotes by speaker, subject, period, source, kind',
  usage: USAGE,
  run: (argv, ctx) => runQuotes(argv, ctx),
};

export async function runQuotes(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let values;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        speaker: { type: 'string' },
        about: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        kind: { type: 'string' },
        type: { type: 'string' },
        article: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values;
  } catch (e) {
    return reportUsageError(ctx, quotesCommand, errorMessage(e));
  }
  const db = values.db ?? process.env['VERBATIM_DB'] ?? DEFAULT_DB;
  let store: Store;
  try {
    store = openStore(db, { mustExist: true });
  } catch (e) {
    ctx.err(`verbatim quotes: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }
  let page: SearchPage<QuoteRow>;
  try {
    const p: QuotesParams = {
      limit: intOption(values.limit, 'limit', 20),
      offset: intOption(values.offset, 'offset', 0, 0),
    };
    if (values.speaker !== undefined) p.speaker = values.speaker;
    if (values.about !== undefined) p.about = values.about;
    if (values.from !== undefined) p.from = values.from;
    if (values.to !== undefined) p.to = values.to;
    if (values.source !== undefined) p.source = values.source;
    if (values.kind !== undefined) p.kind = values.kind;
    if (values.type !== undefined) p.speakerType = values.type;
    if (values.article !== undefined) p.article = values.article;
    page = findQuotes(store, p);
  } catch (e) {
    if (e instanceof QueryError || e instanceof OptionError)
      return reportUsageError(ctx, quotesCommand, e.message);
    throw e;
  } finally {
    store.close();
  }
  if (values.json) {
    for (const q of page.hits) {
      await ctx.out.line(JSON.stringify(q));
      if (ctx.out.closed) break;
    }
    return EXIT_OK;
  }
  const width = ctx === processContext() && process.stdout.isTTY ? (process.stdout.columns ?? 120) : 160;
  for (const l of formatQuotes(page, width)) await ctx.out.line(l);
  return EXIT_OK;
}

export function formatQuotes(page: SearchPage<QuoteRow>, width = 160): string[] {
  if (page.hits.length === 0) return ['no quote matches'];
  const fixed = 10 + 2 + 24 + 2 + 8 + 2 + 18 + 2;
  const quoteWidth = Math.max(30, width - fixed);
  const lines = renderTable(page.hits, [
    { header: 'date', value: (q) => q.date ?? '' },
    { header: 'speaker', value: (q) => q.speaker ?? '?', max: 24 },
    { header: 'kind', value: (q) => q.kind },
    { header: 'source', value: (q) => q.source ?? '', max: 18 },
    { header: 'quote', value: (q) => fit(oneLine(q.text), quoteWidth), max: quoteWidth },
  ]);
  const total = page.total ?? page.hits.length;
  lines.push(`${int(page.hits.length)} of ${int(total)} quote${total === 1 ? '' : 's'}`);
  return lines;
}
