// `verbatim search TEXT`: full-text search over the archive's articles and quotes, French-aware
// (stems, accents, elisions), ranked, with the matched words marked in snippets.

import { DEFAULT_RANK_WINDOW, search, type SearchResult } from '../../query/search.js';
import { markHighlights } from '../../query/snippet.js';
import { ANSI_HIGHLIGHT, PLAIN_HIGHLIGHT, int, oneLine, type HighlightStyle } from '../../query/table.js';
import { DEFAULT_DB } from '../../store/open.js';
import {
  FLAG,
  RANGE_OPTIONS,
  STRING,
  archiveCommand,
  intOption,
  printJson,
  printLines,
  rangeParams,
  stdoutIsTerminal,
} from '../archive-command.js';

const USAGE = `Usage: verbatim search TEXT... [--db FILE] [--limit N] [--from DATE] [--to DATE] [--source S]
                       [--articles | --quotes] [--rank-all] [--json]

Searches the archive's articles (title and text) and quotes (words and speaker). Every word is
required; "quoted words" must follow each other. Case and accents do not matter (defense finds
défense), nor elision (otan finds l'Otan), nor the ending (financement finds financements).
Results are ranked by relevance (BM25, title words count more); the matched words are marked in
each snippet.

Options:
  --db FILE        The archive (default $VERBATIM_DB or ./${DEFAULT_DB}).
  --limit N        Results of each kind (default 10).
  --offset N       Skip the first N results of each kind (paging).
  --from DATE      Articles dated from DATE (YYYY, YYYY-MM or YYYY-MM-DD; an article dated to
                   a month or a year counts as its first day).
  --to DATE        Articles dated until DATE, inclusive.
  --source S       Articles whose source contains S ("figaro").
  --articles       Search the articles only.
  --quotes         Search the quotes only.
  --rank-all       Rank every match. By default, when a search matches more than ${int(DEFAULT_RANK_WINDOW)}
                   articles (${int(DEFAULT_RANK_WINDOW / 2)} quotes), the most recent ones are ranked (fast
                   on large archives); all are counted.
  --json           Print the results as one JSON object (snippets with highlight offsets).
  -h, --help       Show this help.

Examples:
  verbatim search "financements communs"
  verbatim search gilets jaunes violences --from 2018-11 --to 2019-03
  verbatim search '"prix du carburant"' --source figaro --limit 5
  verbatim search otan --quotes --json

Exit status: 0 when the search ran (even with no result); 1 when the archive cannot be read; 2 on
a usage error.`;

export const searchCommand = archiveCommand({
  name: 'search',
  summary: 'Full-text search of the archive: articles and quotes, ranked',
  usage: USAGE,
  options: {
    limit: STRING,
    offset: STRING,
    ...RANGE_OPTIONS,
    articles: FLAG,
    quotes: FLAG,
    'rank-all': FLAG,
  },
  positionals: true,
  args: ({ positionals }) => {
    const text = positionals.join(' ');
    if (!/\S/.test(text)) throw new Error('nothing to search: give words');
    return { text };
  },
  query: (store, { values: v, text }) => {
    const onlyArticles = v.articles === true && v.quotes !== true;
    const onlyQuotes = v.quotes === true && v.articles !== true;
    return search(store, {
      text,
      ...rangeParams(v),
      limit: intOption(v.limit, 'limit', 10),
      offset: intOption(v.offset, 'offset', 0, 0),
      articles: !onlyQuotes,
      quotes: !onlyArticles,
      window: v['rank-all'] ? null : undefined,
    });
  },
  print: (result, { values: v }, ctx) =>
    v.json
      ? printJson(ctx, result)
      : printLines(
          ctx,
          formatSearch(
            result,
            stdoutIsTerminal(ctx) ? ANSI_HIGHLIGHT : PLAIN_HIGHLIGHT,
            v.articles,
            v.quotes,
          ),
        ),
});

export const runSearch = searchCommand.run;

export function formatSearch(
  r: SearchResult,
  style: HighlightStyle,
  onlyArticles?: boolean,
  onlyQuotes?: boolean,
): string[] {
  const out: string[] = [];
  const both = !onlyArticles && !onlyQuotes;
  const count = (total: number, ranked: number): string =>
    `${int(total)} match${total === 1 ? '' : 'es'}` +
    (ranked < total ? ` (ranked: the ${int(ranked)} most recent; --rank-all to rank all)` : '');
  if (!onlyQuotes || both) {
    out.push(`Articles: ${count(r.articles.total, r.articles.ranked)} for ${JSON.stringify(r.query)}`);
    r.articles.hits.forEach((h, i) => {
      const meta = [h.date ?? 'undated', h.source ?? '', `${int(h.quotes)} quotes`, `id ${h.id}`].filter(
        Boolean,
      );
      const title = h.title
        ? markHighlights(
            oneLine(h.title),
            0,
            h.title === oneLine(h.title) ? h.titleHighlights : [],
            style.open,
            style.close,
          )
        : '(no title)';
      out.push(`${String(i + 1).padStart(3)}. ${title}`);
      out.push(`     ${meta.join(' · ')}`);
      const s = h.snippet;
      const body = markHighlights(s.text, s.start, s.highlights, style.open, style.close);
      out.push(`     ${s.cutStart ? '…' : ''}${oneLine(body)}${s.cutEnd ? '…' : ''}`);
    });
    if (r.articles.hits.length === 0) out.push('     (none)');
  }
  if (!onlyArticles || both) {
    if (out.length > 0) out.push('');
    out.push(`Quotes: ${count(r.quotes.total, r.quotes.ranked)}`);
    r.quotes.hits.forEach((q, i) => {
      const who = q.speaker ? `${q.speaker} (${q.speakerType})` : '(no speaker)';
      const meta = [q.date ?? 'undated', q.source ?? '', `${q.articleId} ${q.quoteId}`].filter(Boolean);
      out.push(`${String(i + 1).padStart(3)}. ${who} [${q.kind}]${q.cue ? ` ${oneLine(q.cue)}` : ''}`);
      out.push(`     « ${oneLine(markHighlights(q.text, q.start, q.highlights, style.open, style.close))} »`);
      out.push(`     ${meta.join(' · ')}`);
    });
    if (r.quotes.hits.length === 0) out.push('     (none)');
  }
  out.push(`(${r.ms.toFixed(1)} ms)`);
  return out;
}
