// `verbatim speakers`: who is quoted most in the archive, with counts and gender.

import { parseArgs } from 'node:util';

import { QueryError } from '../../query/errors.js';
import { topSpeakers, type SpeakersParams } from '../../query/questions.js';
import { int, renderTable } from '../../query/table.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { SpeakerRow, Store } from '../../store/store.js';
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

const USAGE = `Usage: verbatim speakers [--top N] [--from DATE] [--to DATE] [--source S] [--type T] [--name NAME]
                         [--db FILE] [--json]

Ranks the speakers of the archive by number of quotes, with the number of articles, their
gender (from the analysis: M./Mme, pronouns, agreement, first names) and the kinds of quotes.

Options:
  --top N          The first N speakers (default 20).
  --from DATE      Quotes in articles from this date (YYYY, YYYY-MM or YYYY-MM-DD).
  --to DATE        ... until this date, inclusive.
  --source S       Articles whose source contains S.
  --type T         person, organization, group, anonymous or document.
  --name NAME      Speakers whose name has these words.
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           One JSON object per speaker per line.
  -h, --help       Show this help.

Examples:
  verbatim speakers --top 20
  verbatim speakers --type person --from 2019-01 --to 2019-06
  verbatim speakers --source figaro --json

Exit status: 0 when the query ran; 1 when the archive cannot be read; 2 on a usage error.`;

export const speakersCommand: Command = {
  name: 'speakers',
  summary: 'Who is quoted most: counts and gender',
  usage: USAGE,
  run: (argv, ctx) => runSpeakers(argv, ctx),
};

export async function runSpeakers(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        top: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        type: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return reportUsageError(ctx, speakersCommand, errorMessage(e));
  }
  const db = values.db ?? process.env['VERBATIM_DB'] ?? DEFAULT_DB;
  let store: Store;
  try {
    store = openStore(db, { mustExist: true });
  } catch (e) {
    ctx.err(`verbatim speakers: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }
  let rows: SpeakerRow[];
  try {
    const p: SpeakersParams = { top: intOption(values.top, 'top', 20) };
    if (values.from !== undefined) p.from = values.from;
    if (values.to !== undefined) p.to = values.to;
    if (values.source !== undefined) p.source = values.source;
    if (values.type !== undefined) p.type = values.type;
    if (values.name !== undefined) p.name = values.name;
    rows = topSpeakers(store, p);
  } catch (e) {
    if (e instanceof QueryError || e instanceof OptionError)
      return reportUsageError(ctx, speakersCommand, e.message);
    throw e;
  } finally {
    store.close();
  }
  if (values.json) {
    for (const r of rows) await ctx.out.line(JSON.stringify(r));
    return EXIT_OK;
  }
  for (const l of formatSpeakers(rows)) await ctx.out.line(l);
  return EXIT_OK;
}

export function formatSpeakers(rows: readonly SpeakerRow[]): string[] {
  if (rows.length === 0) return ['no speaker'];
  return renderTable(
    rows.map((r, i) => ({ ...r, rank: i + 1 })),
    [
      { header: '#', value: (r) => String(r.rank), align: 'right' },
      { header: 'speaker', value: (r) => r.name, max: 40 },
      { header: 'type', value: (r) => r.type },
      { header: 'gender', value: (r) => r.gender },
      { header: 'quotes', value: (r) => int(r.quotes), align: 'right' },
      { header: 'articles', value: (r) => int(r.articles), align: 'right' },
      { header: 'direct', value: (r) => int(r.direct), align: 'right' },
      { header: 'indirect', value: (r) => int(r.indirect), align: 'right' },
      { header: 'mixed', value: (r) => int(r.mixed), align: 'right' },
      { header: 'first', value: (r) => r.firstDate ?? '' },
      { header: 'last', value: (r) => r.lastDate ?? '' },
    ],
  );
}
