// The questions of the web app's pages, beside those of the CLI (questions.ts): the articles of
// the archive by date, one speaker's profile (roles, gender, quotes per month) and quotes, and the
// overview (top speakers, share of women among quoted sources by month, articles by source).

import type {
  ArticleListRow,
  MonthStats,
  QuoteRow,
  SearchPage,
  SpeakerProfileRow,
  SpeakerRow,
  Store,
} from '../store/store.js';
import { dayRangeOf } from './dates.js';
import { QueryError } from './errors.js';
import { archiveStats, topSpeakers, type RangeParams, type StatsView } from './questions.js';
import { checkLimit } from './search.js';

export interface PageParams {
  limit?: number;
  offset?: number;
}

function page(p: PageParams, defaultLimit: number): { limit: number; offset: number } {
  const limit = checkLimit(p.limit ?? defaultLimit, 1000);
  const offset = p.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new QueryError('offset must be >= 0');
  return { limit, offset };
}

export interface ArticleList extends SearchPage<ArticleListRow> {
  total: number;
  limit: number;
  offset: number;
}

/** The articles of the archive, newest first, with their number of quotes. */
export function listArticles(store: Store, p: RangeParams & PageParams): ArticleList {
  const { limit, offset } = page(p, 20);
  const filter: { from?: string; to?: string; source?: string } = dayRangeOf(p.from, p.to);
  if (p.source !== undefined) filter.source = p.source;
  const r = store.listArticles(filter, { limit, offset });
  return { total: r.total ?? r.hits.length, hits: r.hits, limit, offset };
}

export interface SpeakerPage {
  speaker: SpeakerProfileRow;
  quotes: { total: number; limit: number; offset: number; hits: QuoteRow[] };
}

/**
 * One speaker, by name (case, accents and punctuation folded, as the archive groups speakers):
 * profile and a page of quotes, newest first. Null when the archive has no such speaker.
 */
export function speakerPage(store: Store, name: string, p: PageParams = {}): SpeakerPage | null {
  const { limit, offset } = page(p, 50);
  if (name.trim() === '') throw new QueryError('give a speaker name');
  const speaker = store.speakerProfile(name);
  if (!speaker) return null;
  const q = store.speakerQuotes(name, { limit, offset });
  return { speaker, quotes: { total: q.total ?? speaker.quotes, limit, offset, hits: q.hits } };
}

export interface WomenShare {
  month: string;
  /** Quotes by women, by men (persons of known gender). */
  female: number;
  male: number;
  /** All quotes of the month, whoever the source. */
  quotes: number;
  /** Women among the quoted persons of known gender (0..1); null when there is none. */
  share: number | null;
}

/** Share of women among the quoted persons of known gender, month by month (dated months only). */
export function womenShareByMonth(months: readonly MonthStats[]): WomenShare[] {
  return months
    .filter((m) => /^\d{4}-\d{2}$/.test(m.month))
    .map((m) => {
      const known = m.byGender.female + m.byGender.male;
      return {
        month: m.month,
        female: m.byGender.female,
        male: m.byGender.male,
        quotes: m.quotes,
        share: known > 0 ? m.byGender.female / known : null,
      };
    });
}

export interface Overview {
  stats: StatsView;
  topSpeakers: SpeakerRow[];
  womenShare: WomenShare[];
  /** Women among all quoted persons of known gender (0..1), null when there is none. */
  womenShareAll: number | null;
}

/** The overview page: counts, top speakers, women's share by month, articles by source. */
export function overview(store: Store, p: RangeParams & { top?: number }): Overview {
  const stats = archiveStats(store, p);
  const known = stats.byGender.female + stats.byGender.male;
  return {
    stats,
    topSpeakers: topSpeakers(store, { ...p, top: p.top ?? 15 }),
    womenShare: womenShareByMonth(stats.months),
    womenShareAll: known > 0 ? stats.byGender.female / known : null,
  };
}
