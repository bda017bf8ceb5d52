// `verbatim speakers`: who is quoted most in the archive, with counts and gender.

import { topSpeakers } from '../../query/questions.js';
import { int, renderTable } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { SpeakerRow } from '../../store/store.js';
import {
  RANGE_OPTIONS,
  STRING,
  archiveCommand,
  intOption,
  printJsonLines,
  printLines,
  rangeParams,
} from '../archive-command.js';

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

export const speakersCommand = archiveCommand({
  name: 'speakers',
  summary: 'Who is quoted most: counts and gender',
  usage: USAGE,
  options: { top: STRING, ...RANGE_OPTIONS, type: STRING, name: STRING },
  query: (store, { values: v }) =>
    topSpeakers(store, { top: intOption(v.top, 'top', 20), ...rangeParams(v), type: v.type, name: v.name }),
  print: (rows, { values }, ctx) =>
    values.json ? printJsonLines(ctx, rows) : printLines(ctx, formatSpeakers(rows)),
});

export const runSpeakers = speakersCommand.run;

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
