// The archive behind a small interface: what ingest writes and what the query layer asks. The
// SQLite implementation (sqlite.ts) is the one shipped; a server database can implement the same
// interface without touching the analysis, the ingest pipeline or the CLI.
//
// Everything here is synchronous: better-sqlite3 is, and the query layer stays simple. A
// server-backed store would wrap these in promises at its own edge.

import type { SearchTerms } from '../query/french.js';
import type {
  Analysis,
  Article,
  DatePrecision,
  EntityType,
  Gender,
  QuoteKind,
  SpeakerType,
} from '../types.js';

/** The stemmed texts the full-text index receives (see query/french.ts `indexText`). */
export interface IndexTexts {
  title: string;
  body: string;
  /** One per quote of the analysis, in the same order: the quote's stemmed text. */
  quotes: string[];
  /** One per quote: the speaker's stemmed name ('' when none). */
  speakers: string[];
}

/** One analysed article, ready to store. */
export interface ArticleRecord {
  article: Article;
  /** False when the input gave no id: `article.id` was derived, and the text hash identifies it. */
  idGiven: boolean;
  /** Hash of the normalised text (ingest/normalize.ts). */
  hash: string;
  /** Where it was read from. */
  origin: { file: string; line?: number } | null;
  analysis: Analysis;
  index: IndexTexts;
}

/**
 * What happened to a record: stored as new, its stored analysis replaced (`replace`), or left
 * as it was because the archive already has it.
 */
export type PutOutcome = 'inserted' | 'replaced' | 'kept';

export interface ExistingArticle {
  id: string;
  hash: string;
}

/**
 * Inclusive ISO days (YYYY-MM-DD), on the article's date: a date at month or year precision
 * counts as the first day of its period (2019-03 as 2019-03-01). Undated articles never match.
 */
export interface DayRange {
  from?: string;
  to?: string;
}

export interface ArticleFilter extends DayRange {
  /** Source name, case- and accent-insensitive, as a substring. */
  source?: string;
}

export interface QuoteFilter extends ArticleFilter {
  /**
   * Words of the speaker's name, case and accents folded: "Macron", "jens stoltenberg"; whole
   * words, except the last, which may be the start of a word ("jean dub").
   */
  speaker?: string;
  /** Full-text condition on the quote's words (and speaker). Orders the results by relevance. */
  about?: SearchTerms;
  kind?: QuoteKind;
  speakerType?: SpeakerType;
  articleId?: string;
  limit?: number;
  offset?: number;
}

export interface QuoteRow {
  articleId: string;
  quoteId: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  source: string | null;
  title: string | null;
  url: string | null;
  kind: QuoteKind;
  start: number;
  end: number;
  text: string;
  cue: string | null;
  cueLemma: string | null;
  speaker: string | null;
  speakerType: SpeakerType | null;
  /** The speaker entity's gender, for persons; null otherwise. */
  gender: Gender | null;
  /** bm25 relevance when the query was a full-text one (lower is better). */
  score?: number;
}

export interface ArticleHit {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  text: string;
  quotes: number;
  /** bm25 (lower is better). */
  score: number;
}

export interface SearchPage<T> {
  /** All matches, when counted; null when the count was not asked for. */
  total: number | null;
  /**
   * Full-text searches: how many matches were ranked. All of them, or, when there are more than
   * the search's window, the most recent `window` (by article date).
   */
  ranked?: number;
  hits: T[];
}

export interface FullTextOptions {
  limit: number;
  offset?: number;
  /**
   * Rank at most this many matches, the most recent ones (by article date), so that a very
   * common query stays fast on a large archive. null: rank every match.
   */
  window?: number | null;
}

export interface QuoteSearchFilter extends ArticleFilter {
  kind?: QuoteKind;
  speakerType?: SpeakerType;
}

export interface SpeakerFilter extends ArticleFilter {
  type?: SpeakerType;
  /** Words that must all appear in the name. */
  name?: string;
  limit?: number;
}

export interface SpeakerRow {
  name: string;
  type: SpeakerType;
  quotes: number;
  articles: number;
  /** Majority gender over the speaker's quotes resolved to a person entity. */
  gender: Gender;
  /** Quotes by kind. */
  direct: number;
  indirect: number;
  mixed: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface EntityFilter extends ArticleFilter {
  type?: EntityType;
  name?: string;
  limit?: number;
}

export interface EntityRow {
  name: string;
  type: EntityType;
  gender: Gender;
  articles: number;
  mentions: number;
  quotes: number;
}

export interface StoredArticle {
  article: Article;
  analysis: Analysis;
  hash: string;
  idGiven: boolean;
  origin: { file: string; line?: number } | null;
  ingestedAt: string;
}

export type GenderBucket = 'female' | 'male' | 'unknown' | 'other';

export interface MonthStats {
  /** YYYY-MM, YYYY for articles dated to the year only, or "undated". */
  month: string;
  articles: number;
  quotes: number;
  /** Quotes by speaker: women, men, persons of unknown gender, other (no speaker, organisations, groups, anonymous, documents). */
  byGender: Record<GenderBucket, number>;
}

export interface StatsResult {
  articles: number;
  quotes: number;
  entities: number;
  speakers: number;
  dates: number;
  figures: number;
  byKind: Record<QuoteKind, number>;
  byGender: Record<GenderBucket, number>;
  bySpeakerType: Record<string, number>;
  sources: { source: string; articles: number }[];
  months: MonthStats[];
}

/** Articles listed by date (newest first): `listArticles`. */
export interface ArticleListRow {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  chars: number;
  quotes: number;
}

/** One speaker (by folded name) with what the speaker page shows. */
export interface SpeakerProfileRow {
  /** The name as first seen. */
  name: string;
  /** Folded name: the key of the speaker. */
  key: string;
  /** The most frequent speaker type of the speaker's quotes. */
  type: SpeakerType;
  quotes: number;
  articles: number;
  /** Majority gender over the quotes resolved to a person entity. */
  gender: Gender;
  direct: number;
  indirect: number;
  mixed: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Quotes by month of the article's date (YYYY-MM, YYYY, or "undated"), chronological. */
  months: { month: string; quotes: number }[];
  /** Roles given to persons of this name in the analyses (entity.roles), most frequent first. */
  roles: { role: string; count: number }[];
}

export interface StoreCounts {
  articles: number;
  quotes: number;
  entities: number;
  mentions: number;
  dates: number;
  figures: number;
}

export interface Store {
  /** Where the archive lives (a file path for SQLite). */
  readonly location: string;
  /** The stored article with this id, or, when `id` is null, with this text hash. */
  findArticle(id: string | null, hash: string): ExistingArticle | null;
  /**
   * Stores a batch atomically: all of it or nothing. An article already stored (same id, or
   * same text hash when it has no given id) is kept as is, or replaced when `replace`.
   */
  putArticles(batch: readonly ArticleRecord[], options: { replace: boolean }): PutOutcome[];
  counts(): StoreCounts;
  article(id: string): StoredArticle | null;
  /** Articles matching `terms` (title, text), ranked by bm25; all matches counted. */
  searchArticles(terms: SearchTerms, filter: ArticleFilter, options: FullTextOptions): SearchPage<ArticleHit>;
  /** Quotes matching `terms` (words, speaker), ranked by bm25; all matches counted. */
  searchQuotes(terms: SearchTerms, filter: QuoteSearchFilter, options: FullTextOptions): SearchPage<QuoteRow>;
  /** Quotes matching `filter`; with `about`, ranked by relevance, else newest first. */
  quotes(filter: QuoteFilter, options?: { count?: boolean }): SearchPage<QuoteRow>;
  /** Every quote matching `filter`, streamed (export): article date order. */
  iterateQuotes(filter: QuoteFilter): IterableIterator<QuoteRow>;
  speakers(filter: SpeakerFilter): SpeakerRow[];
  entities(filter: EntityFilter): EntityRow[];
  stats(filter: ArticleFilter): StatsResult;
  /** Articles, newest first (then in ingest order), with their number of quotes; all counted. */
  listArticles(
    filter: ArticleFilter,
    options: { limit: number; offset?: number },
  ): SearchPage<ArticleListRow>;
  /** The speaker whose folded name is that of `name`, or null. */
  speakerProfile(name: string): SpeakerProfileRow | null;
  /** The quotes of exactly that speaker (folded name), newest first; all counted. */
  speakerQuotes(name: string, options: { limit: number; offset?: number }): SearchPage<QuoteRow>;
  /**
   * A number that changes whenever another connection (an ingest) has changed the archive since
   * the last call: what cached answers are checked against.
   */
  dataVersion(): number;
  close(): void;
}
