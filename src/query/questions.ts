// The questions the archive answers, as pure functions over a Store: checked parameters in, plain
// data out. The CLI renders them as tables or JSON; an HTTP API can serve the same data.

import type {
  EntityFilter,
  EntityRow,
  GenderBucket,
  QuoteFilter,
  QuoteRow,
  SearchPage,
  SpeakerFilter,
  SpeakerRow,
  StatsResult,
  Store,
  StoredArticle,
} from '../store/store.js';
import type { EntityType, QuoteKind, SpeakerType } from '../types.js';
import { dayRangeOf } from './dates.js';
import { QueryError } from './errors.js';
import { parseSearch } from './french.js';
import { checkLimit } from './search.js';

export const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'indirect', 'mixed'];
export const SPEAKER_TYPES: readonly SpeakerType[] = [
  'person',
  'organization',
  'group',
  'anonymous',
  'document',
];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export interface RangeParams {
  from?: string;
  to?: string;
  source?: string;
}

export interface QuotesParams extends RangeParams {
  speaker?: string;
  about?: string;
  kind?: string;
  speakerType?: string;
  article?: string;
  limit?: number;
  offset?: number;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new QueryError(`${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function rangeFilter(p: RangeParams): { from?: string; to?: string; source?: string } {
  const f: { from?: string; to?: string; source?: string } = dayRangeOf(p.from, p.to);
  if (p.source !== undefined) f.source = p.source;
  return f;
}

export function quoteFilter(p: QuotesParams, defaultLimit: number | null = 20): QuoteFilter {
  const f: QuoteFilter = rangeFilter(p);
  if (p.speaker !== undefined) f.speaker = p.speaker;
  if (p.about !== undefined) {
    const terms = parseSearch(p.about);
    if (terms.groups.length === 0) throw new QueryError(`--about: no word in ${JSON.stringify(p.about)}`);
    f.about = terms;
  }
  if (p.kind !== undefined) f.kind = oneOf('kind', p.kind, QUOTE_KINDS);
  if (p.speakerType !== undefined) f.speakerType = oneOf('speaker type', p.speakerType, SPEAKER_TYPES);
  if (p.article !== undefined) f.articleId = p.article;
  const limit = p.limit ?? defaultLimit;
  if (limit !== null) f.limit = checkLimit(limit, 1_000_000);
  if (p.offset !== undefined) {
    if (!Number.isSafeInteger(p.offset) || p.offset < 0) throw new QueryError('offset must be >= 0');
    f.offset = p.offset;
  }
  return f;
}

/** Quotes by speaker, subject, period, source, kind: newest first, or by relevance with `about`. */
export function findQuotes(store: Store, p: QuotesParams): SearchPage<QuoteRow> {
  return store.quotes(quoteFilter(p), { count: true });
}

/** Every matching quote, for export (no default limit), oldest first. */
export function exportQuotes(store: Store, p: QuotesParams): IterableIterator<QuoteRow> {
  return store.iterateQuotes(quoteFilter(p, null));
}

export interface SpeakersParams extends RangeParams {
  top?: number;
  type?: string;
  name?: string;
}

/** Who is quoted most: quotes, articles, gender, kinds. */
export function topSpeakers(store: Store, p: SpeakersParams): SpeakerRow[] {
  const f: SpeakerFilter = { ...rangeFilter(p), limit: checkLimit(p.top ?? 20) };
  if (p.type !== undefined) f.type = oneOf('type', p.type, SPEAKER_TYPES);
  if (p.name !== undefined) f.name = p.name;
  return store.speakers(f);
}

export interface EntitiesParams extends RangeParams {
  top?: number;
  type?: string;
  name?: string;
}

/** The entities of the archive, grouped by name: in how many articles, mentions, quotes. */
export function topEntities(store: Store, p: EntitiesParams): EntityRow[] {
  const f: EntityFilter = { ...rangeFilter(p), limit: checkLimit(p.top ?? 20) };
  if (p.type !== undefined) f.type = oneOf('type', p.type, ENTITY_TYPES);
  if (p.name !== undefined) f.name = p.name;
  return store.entities(f);
}

/** One stored article with its analysis, or null. */
export function getArticle(store: Store, id: string): StoredArticle | null {
  return store.article(id);
}

export interface ArticleMark {
  at: number;
  /** Opening or closing mark of quote `quote` (index into analysis.quotes). */
  open: boolean;
  quote: number;
}

/**
 * The marks to insert in the article text to show its quotes: openings and closings sorted by
 * offset (a closing before an opening at the same offset; nested quotes close inside out).
 */
export function quoteMarks(stored: StoredArticle): ArticleMark[] {
  const marks: ArticleMark[] = [];
  stored.analysis.quotes.forEach((q, i) => {
    marks.push({ at: q.start, open: true, quote: i });
    marks.push({ at: q.end, open: false, quote: i });
  });
  const quotes = stored.analysis.quotes;
  return marks.sort((a, b) => {
    if (a.at !== b.at) return a.at - b.at;
    if (a.open !== b.open) return a.open ? 1 : -1;
    // Two openings: the longer first; two closings: the shorter (inner) first.
    const la = quotes[a.quote]!.end - quotes[a.quote]!.start;
    const lb = quotes[b.quote]!.end - quotes[b.quote]!.start;
    return a.open ? lb - la : la - lb;
  });
}

export interface StatsView extends StatsResult {
  /** Shares (0..1) of quotes by gender bucket, overall. */
  shares: Record<GenderBucket, number>;
}

/** Counts of the archive and, month by month, who is quoted: women, men, unknown, other. */
export function archiveStats(store: Store, p: RangeParams): StatsView {
  const s = store.stats(rangeFilter(p));
  const total = s.quotes;
  const share = (n: number): number => (total > 0 ? n / total : 0);
  return {
    ...s,
    shares: {
      female: share(s.byGender.female),
      male: share(s.byGender.male),
      unknown: share(s.byGender.unknown),
      other: share(s.byGender.other),
    },
  };
}
