// `verbatim entities`: the people (and, as the analysis adds them, organisations and places) of
// the archive, grouped by name across articles.

import { parseArgs } from 'node:util';

import { QueryError } from '../../query/errors.js';
import { topEntities, type EntitiesParams } from '../../query/questions.js';
import { int, renderTable } from '../../query/table.js';
import { DEFAULT_DB, openStore } from '../../store/open.js';
import type { EntityRow, Store } from '../../store/store.js';
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

const USAGE = `Usage: verbatim entities [--top N] [--type T] [--name NAME] [--from DATE] [--to DATE] [--source S]
                         [--db FILE] [--json]

Lists the entities of the archive, grouped by name (case and accents folded), by number of
articles: mentions, quotes and gender.

Options:
  --top N          The first N entities (default 20).
  --type T         person, organization or place.
  --name NAME      Entities whose name has these words.
  --from DATE      In articles from this date (YYYY, YYYY-MM or YYYY-MM-DD).
  --to DATE        ... until this date, inclusive.
  --source S       Articles whose source contains S.
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           One JSON object per entity per line.
  -h, --help       Show this help.

Examples:
  verbatim entities
  verbatim entities --type person --top 50
  verbatim entities --name macron --json

Exit status: 0 when the query ran; 1 when the archive cannot be read; 2 on a usage error.`;

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'The people, organisations and places of the archive',
  usage: USAGE,
  run: (argv, ctx) => runEntities(argv, ctx),
};

export async function runEntities(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        top: { type: 'string' },
        type: { type: 'string' },
        name: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return reportUsageError(ctx, entitiesCommand, errorMessage(e));
  }
  const db = values.db ?? process.env['VERBATIM_DB'] ?? DEFAULT_DB;
  let store: Store;
  try {
    store = openStore(db, { mustExist: true });
  } catch (e) {
    ctx.err(`verbatim entities: ${errorMessage(e)}`);
    return EXIT_FAILURE;
  }
  let rows: EntityRow[];
  try {
    const p: EntitiesParams = { top: intOption(values.top, 'top', 20) };
    if (values.type !== undefined) p.type = values.type;
    if (values.name !== undefined) p.name = values.name;
    if (values.from !== undefined) p.from = values.from;
    if (values.to !== undefined) p.to = values.to;
    if (values.source !== undefined) p.source = values.source;
    rows = topEntities(store, p);
  } catch (e) {
    if (e instanceof QueryError || e instanceof OptionError)
      return reportUsageError(ctx, entitiesCommand, e.message);
    throw e;
  } finally {
    store.close();
  }
  if (values.json) {
    for (const r of rows) await ctx.out.line(JSON.stringify(r));
    return EXIT_OK;
  }
  if (rows.length === 0) {
    await ctx.out.line('no entity');
    return EXIT_OK;
  }
  const lines = renderTable(
    rows.map((r, i) => ({ ...r, rank: i + 1 })),
    [
      { header: '#', value: (r) => String(r.rank), align: 'right' },
      { header: 'entity', value: (r) => r.name, max: 40 },
      { header: 'type', value: (r) => r.type },
      { header: 'gender', value: (r) => (r.type === 'person' ? r.gender : '') },
      { header: 'articles', value: (r) => int(r.articles), align: 'right' },
      { header: 'mentions', value: (r) => int(r.mentions), align: 'right' },
      { header: 'quotes', value: (r) => int(r.quotes), align: 'right' },
    ],
  );
  for (const l of lines) await ctx.out.line(l);
  return EXIT_OK;
}
