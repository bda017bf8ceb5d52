// `verbatim article ID`: one stored article, its text with the quotes marked, and its quotes.

import { getArticle, quoteMarks } from '../../query/questions.js';
import { oneLine } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import type { StoredArticle } from '../../store/store.js';
import { archiveCommand, printJson, printLines, stdoutIsTerminal } from '../archive-command.js';
import { EXIT_FAILURE, truncate } from '../format.js';

const USAGE = `Usage: verbatim article ID [--db FILE] [--json]

Prints a stored article: its metadata, its text with each quote marked ⟦q1 … ⟧ (in color on a
terminal), then its quotes with speaker and cue.

Options:
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --json           The article and its analysis as one JSON object ({article, analysis, origin,
                   ingestedAt}; analysis as in 'verbatim analyze --json').
  -h, --help       Show this help.

Examples:
  verbatim article gj-0e7daf984647
  verbatim article gj-0e7daf984647 --json | jq '.analysis.quotes | length'

Exit status: 0 when the article was printed; 1 when there is no such article or the archive
cannot be read; 2 on a usage error.`;

export const articleCommand = archiveCommand({
  name: 'article',
  summary: 'One stored article with its quotes marked',
  usage: USAGE,
  options: {},
  positionals: true,
  args: ({ positionals }) => {
    if (positionals.length !== 1) throw new Error('give one article id');
    return { id: positionals[0]! };
  },
  query: (store, { id }) => getArticle(store, id),
  print: async (stored, { values, id, db }, ctx) => {
    if (!stored) {
      ctx.err(`verbatim article: no article ${JSON.stringify(id)} in ${db}`);
      return EXIT_FAILURE;
    }
    if (values.json) return printJson(ctx, stored);
    return printLines(ctx, formatArticle(stored, stdoutIsTerminal(ctx)));
  },
});

export const runArticle = articleCommand.run;

export function formatArticle(s: StoredArticle, color = false): string[] {
  const a = s.article;
  const out: string[] = [];
  out.push(a.title ? oneLine(a.title) : '(no title)');
  const meta = [
    `id ${a.id}`,
    a.date ? a.date.value : 'undated',
    a.source ?? '',
    a.url ?? '',
    `${s.analysis.quotes.length} quotes`,
    `${s.analysis.entities.length} entities`,
  ].filter(Boolean);
  out.push(meta.join(' · '));
  out.push('');
  let text = '';
  let pos = 0;
  for (const m of quoteMarks(s)) {
    text += a.text.slice(pos, m.at);
    pos = m.at;
    const q = s.analysis.quotes[m.quote]!;
    if (color) text += m.open ? `\x1b[36m⟦${q.id} ` : ' ⟧\x1b[0m';
    else text += m.open ? `⟦${q.id} ` : ' ⟧';
  }
  text += a.text.slice(pos);
  out.push(...text.split(/\r?\n/));
  out.push('');
  out.push('Quotes:');
  for (const q of s.analysis.quotes) {
    const who = q.speaker ? `${oneLine(q.speaker.name)} (${q.speaker.type})` : '?';
    const cue = q.cue ? ` — cue "${oneLine(q.cue.text)}"` : '';
    out.push(`  ${q.id} [${q.kind}] ${who}: «${truncate(oneLine(q.text), 120)}»${cue}`);
  }
  if (s.analysis.quotes.length === 0) out.push('  (none)');
  return out;
}
