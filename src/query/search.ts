// Full-text search over the archive: articles (title and text) and quotes (words and speaker),
// French-aware (query/french.ts), ranked by bm25, with snippets whose matched words are marked.

import type { ArticleFilter, ArticleHit, QuoteRow, Store } from '../store/store.js';
import { dayRangeOf } from './dates.js';
import { QueryError } from './errors.js';
import { parseSearch, stemKeys } from './french.js';
import { highlightsIn, snippetOf, type Highlight, type Snippet } from './snippet.js';

/**
 * Matches ranked per search, the most recent ones when there are more: a query that matches tens
 * of thousands of articles stays fast, and its best matches among recent articles come first.
 */
export const DEFAULT_RANK_WINDOW = 1_000;

export interface SearchParams {
  text: string;
  from?: string;
  to?: string;
  source?: string;
  /** Results per kind. Default 10. */
  limit?: number;
  offset?: number;
  /** Which kinds to search. Default both. */
  articles?: boolean;
  quotes?: boolean;
  /** Rank at most this many matches (the most recent); null ranks all. Default DEFAULT_RANK_WINDOW. */
  window?: number | null;
  /** Snippet length, characters. Default 220. */
  snippetChars?: number;
}

export interface ArticleResult extends Omit<ArticleHit, 'text'> {
  snippet: Snippet;
  /** Matched words in the title (offsets into the title). */
  titleHighlights: Highlight[];
}

export interface QuoteResult extends QuoteRow {
  /** Matched words, offsets into the article text (the quote's span is [start, end)). */
  highlights: Highlight[];
}

export interface SearchResult {
  query: string;
  /** The stems searched, a group per word or quoted phrase. */
  terms: string[][];
  /** total: all matches; ranked: how many of them were ranked (the most recent, see window). */
  articles: { total: number; ranked: number; hits: ArticleResult[] };
  quotes: { total: number; ranked: number; hits: QuoteResult[] };
  /** Milliseconds spent. */
  ms: number;
}

export function search(store: Store, params: SearchParams): SearchResult {
  const t0 = performance.now();
  const terms = parseSearch(params.text);
  if (terms.groups.length === 0) {
    throw new QueryError(`nothing to search for in ${JSON.stringify(params.text)}: give words`);
  }
  const limit = checkLimit(params.limit ?? 10);
  const offset = params.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new QueryError('offset must be >= 0');
  const window = params.window === undefined ? DEFAULT_RANK_WINDOW : params.window;
  if (window !== null && (!Number.isSafeInteger(window) || window < limit + offset)) {
    throw new QueryError(
      `the ranking window must be an integer of at least limit + offset (${limit + offset})`,
    );
  }
  const filter: ArticleFilter = { ...dayRangeOf(params.from, params.to) };
  if (params.source !== undefined) filter.source = params.source;
  const keys = stemKeys(terms);
  const options = { limit, offset, window };
  const result: SearchResult = {
    query: params.text,
    terms: terms.groups,
    articles: { total: 0, ranked: 0, hits: [] },
    quotes: { total: 0, ranked: 0, hits: [] },
    ms: 0,
  };
  if (params.articles ?? true) {
    const page = store.searchArticles(terms, filter, options);
    result.articles = {
      total: page.total ?? page.hits.length,
      ranked: page.ranked ?? page.hits.length,
      hits: page.hits.map((h) => {
        const { text, ...rest } = h;
        return {
          ...rest,
          snippet: snippetOf(text, keys, params.snippetChars ?? 220),
          titleHighlights: h.title ? highlightsIn(h.title, keys) : [],
        };
      }),
    };
  }
  if (params.quotes ?? true) {
    // Quotes are ten times as many as articles, and cost more to rank: half the window.
    const quoteWindow = window === null ? null : Math.max(limit + offset, Math.floor(window / 2));
    const page = store.searchQuotes(terms, filter, { ...options, window: quoteWindow });
    result.quotes = {
      total: page.total ?? page.hits.length,
      ranked: page.ranked ?? page.hits.length,
      hits: page.hits.map((q) => ({
        ...q,
        highlights: highlightsIn(q.text, keys).map((h) => ({
          start: h.start + q.start,
          end: h.end + q.start,
        })),
      })),
    };
  }
  result.ms = performance.now() - t0;
  return result;
}

export function checkLimit(n: number, max = 10_000): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new QueryError(`limit must be an integer from 1 to ${max}, got ${n}`);
  }
  return n;
}
