// `verbatim quotes`: the archive's quotations, by speaker, subject, period, source and kind.

import { findQuotes, type QuotesParams } from '../../query/questions.js';
import { fit, int, oneLine, renderTable } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { QuoteRow, SearchPage } from '../../store/store.js';
import {
  RANGE_OPTIONS,
  STRING,
  archiveCommand,
  intOption,
  printJsonLines,
  printLines,
  rangeParams,
  stdoutIsTerminal,
  type OptionValues,
} from '../archive-command.js';

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
  verbatim quotes --speaker Morel
  verbatim quotes --speaker Macron --about "gilets jaunes" --from 2018-11 --to 2019-02
  verbatim quotes --source "Le Point" --kind direct --limit 50
  verbatim quotes --speaker "Philippe" --json | jq .text

Exit status: 0 when the query ran (even with no result); 1 when the archive cannot be read; 2 on
a usage error.`;

/** The filters of 'verbatim quotes' that 'verbatim export' takes too. */
export const QUOTE_FILTER_OPTIONS = {
  speaker: STRING,
  about: STRING,
  ...RANGE_OPTIONS,
  kind: STRING,
  type: STRING,
} as const;

export function quoteFilters(v: OptionValues<typeof QUOTE_FILTER_OPTIONS>): QuotesParams {
  return {
    speaker: v.speaker,
    about: v.about,
    ...rangeParams(v),
    kind: v.kind,
    speakerType: v.type,
  };
}

export const quotesCommand = archiveCommand({
  name: 'quotes',
  summary: 'Quotes by speaker, subject, period, source, kind',
  usage: USAGE,
  options: { ...QUOTE_FILTER_OPTIONS, article: STRING, limit: STRING, offset: STRING },
  query: (store, { values: v }) =>
    findQuotes(store, {
      limit: intOption(v.limit, 'limit', 20),
      offset: intOption(v.offset, 'offset', 0, 0),
      ...quoteFilters(v),
      article: v.article,
    }),
  print: (page, { values }, ctx) =>
    values.json
      ? printJsonLines(ctx, page.hits)
      : printLines(ctx, formatQuotes(page, stdoutIsTerminal(ctx) ? (process.stdout.columns ?? 120) : 160)),
});

export const runQuotes = quotesCommand.run;

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
