// `verbatim entities`: the people (and, as the analysis adds them, organisations and places) of
// the archive, grouped by name across articles.

import { topEntities } from '../../query/questions.js';
import { int, renderTable } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { EntityRow } from '../../store/store.js';
import {
  RANGE_OPTIONS,
  STRING,
  archiveCommand,
  intOption,
  printJsonLines,
  printLines,
  rangeParams,
} from '../archive-command.js';

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

export const entitiesCommand = archiveCommand({
  name: 'entities',
  summary: 'The people, organisations and places of the archive',
  usage: USAGE,
  options: { top: STRING, type: STRING, name: STRING, ...RANGE_OPTIONS },
  query: (store, { values: v }) =>
    topEntities(store, { top: intOption(v.top, 'top', 20), type: v.type, name: v.name, ...rangeParams(v) }),
  print: (rows, { values }, ctx) =>
    values.json ? printJsonLines(ctx, rows) : printLines(ctx, formatEntities(rows)),
});

export const runEntities = entitiesCommand.run;

export function formatEntities(rows: readonly EntityRow[]): string[] {
  if (rows.length === 0) return ['no entity'];
  return renderTable(
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
}
