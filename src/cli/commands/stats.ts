// `verbatim stats`: what the archive holds, and who it quotes: the share of quotes by women, men,
// persons of unknown gender and other sources, month by month.

import { archiveStats, type StatsView } from '../../query/questions.js';
import { int, pct, renderTable } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import { RANGE_OPTIONS, archiveCommand, printJson, printLines, rangeParams } from '../archive-command.js';

const USAGE = `Usage: verbatim stats [--from DATE] [--to DATE] [--source S] [--db FILE] [--json]

Counts of the archive (articles, quotes by kind, speakers, entities, dates, figures, sources) and,
by month of the articles' dates, the share of quotes by women, men, persons of unknown gender and
other sources (organisations, groups, anonymous, documents, or no speaker found).

Options:
  --from DATE      Articles from this date (YYYY, YYYY-MM or YYYY-MM-DD).
  --to DATE        ... until this date, inclusive.
  --source S       Articles whose source contains S.
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           Print the figures as one JSON object.
  -h, --help       Show this help.

Examples:
  verbatim stats
  verbatim stats --from 2018-11 --to 2019-06 --source figaro
  verbatim stats --json | jq .months

Exit status: 0 when the figures were printed; 1 when the archive cannot be read; 2 on a usage
error.`;

export const statsCommand = archiveCommand({
  name: 'stats',
  summary: 'Archive counts; quotes by kind and by gender over time',
  usage: USAGE,
  options: RANGE_OPTIONS,
  query: (store, { values }) => archiveStats(store, rangeParams(values)),
  print: (stats, { values }, ctx) =>
    values.json ? printJson(ctx, stats) : printLines(ctx, formatStats(stats)),
});

export const runStats = statsCommand.run;

export function formatStats(s: StatsView): string[] {
  const out: string[] = [];
  const share = (n: number): string => (s.quotes > 0 ? ` (${pct(n / s.quotes)})` : '');
  out.push(
    `articles ${int(s.articles)} · quotes ${int(s.quotes)} · speakers ${int(s.speakers)} · entities ${int(s.entities)} · dates ${int(s.dates)} · figures ${int(s.figures)}`,
  );
  out.push(
    `quotes by kind: direct ${int(s.byKind.direct)}${share(s.byKind.direct)}, indirect ${int(s.byKind.indirect)}${share(s.byKind.indirect)}, mixed ${int(s.byKind.mixed)}${share(s.byKind.mixed)}`,
  );
  out.push(
    `quotes by speaker: women ${int(s.byGender.female)}${share(s.byGender.female)}, men ${int(s.byGender.male)}${share(s.byGender.male)}, ` +
      `unknown gender ${int(s.byGender.unknown)}${share(s.byGender.unknown)}, other ${int(s.byGender.other)}${share(s.byGender.other)}`,
  );
  const persons = s.byGender.female + s.byGender.male;
  if (persons > 0) {
    out.push(`women among quoted persons of known gender: ${pct(s.byGender.female / persons)}`);
  }
  out.push(
    `speaker types: ${Object.entries(s.bySpeakerType)
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(', ')}`,
  );
  out.push(
    `sources: ${s.sources
      .slice(0, 12)
      .map((x) => `${x.source} ${int(x.articles)}`)
      .join(', ')}${s.sources.length > 12 ? `, … (${s.sources.length} in all)` : ''}`,
  );
  out.push('');
  const q = (m: StatsView['months'][number], n: number): string => (m.quotes > 0 ? pct(n / m.quotes) : '');
  out.push(
    ...renderTable(s.months, [
      { header: 'month', value: (m) => m.month },
      { header: 'articles', value: (m) => int(m.articles), align: 'right' },
      { header: 'quotes', value: (m) => int(m.quotes), align: 'right' },
      { header: 'women', value: (m) => q(m, m.byGender.female), align: 'right' },
      { header: 'men', value: (m) => q(m, m.byGender.male), align: 'right' },
      { header: 'unknown', value: (m) => q(m, m.byGender.unknown), align: 'right' },
      { header: 'other', value: (m) => q(m, m.byGender.other), align: 'right' },
      {
        header: 'women/known',
        value: (m) => {
          const known = m.byGender.female + m.byGender.male;
          return known > 0 ? pct(m.byGender.female / known) : '';
        },
        align: 'right',
      },
    ]),
  );
  return out;
}
