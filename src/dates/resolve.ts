// Resolution of what a date expression says against the article's own date, at that date's
// precision. Pure calendar arithmetic in UTC: no time zone, no clock. The rules and the forms
// of `value` are described in docs/dates-and-figures.md.
import { WEEKDAY_NAMES_EN } from '../lang/fr/calendar.js';
import type { ArticleDate, DateFactPrecision } from '../types.js';

/** The article date, parsed. `month` and `day` are 1-based and only meaningful at their precision. */
export interface Anchor {
  year: number;
  month: number;
  day: number;
  precision: 'day' | 'month' | 'year';
  /** As given: 2021-05-18, 2021-05 or 2021. */
  value: string;
}

/** A resolved value with its precision; `value` is ISO 8601 or a description (see the docs). */
export interface Resolved {
  value: string;
  precision: DateFactPrecision;
}

export function parseAnchor(d: ArticleDate | null): Anchor | null {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d.value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 0;
  const day = m[3] ? Number(m[3]) : 0;
  // The precision is the finer of what the value shows and what the input says it is.
  const shown = day ? 'day' : month ? 'month' : 'year';
  const precision =
    d.precision === 'year' || shown === 'year'
      ? 'year'
      : d.precision === 'month' || shown === 'month'
        ? 'month'
        : 'day';
  if (month && (month < 1 || month > 12)) return null;
  if (day && (day < 1 || day > daysInMonth(year, month))) return null;
  const value =
    precision === 'day'
      ? isoDay(year, month, day)
      : precision === 'month'
        ? isoMonth(year, month)
        : isoYear(year);
  return { year, month: month || 7, day: day || (month ? 15 : 1), precision, value };
}

/**
 * The instant given to chrono as its reference: noon UTC on the article's day; on the 15th for a
 * month-precision date, on July 1st for a year (so that "le 14 juin" falls in that year).
 * Without an article date, a fixed day: chrono needs one, and nothing it implies from it is kept.
 */
export function referenceInstant(a: Anchor | null): Date {
  if (!a) return new Date(Date.UTC(2000, 0, 15, 12));
  if (a.precision === 'day') return new Date(Date.UTC(a.year, a.month - 1, a.day, 12));
  if (a.precision === 'month') return new Date(Date.UTC(a.year, a.month - 1, 15, 12));
  return new Date(Date.UTC(a.year, 6, 1, 12));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const isoYear = (y: number): string => (y >= 0 && y <= 9999 ? pad(y, 4) : String(y));
export const isoMonth = (y: number, m: number): string => `${isoYear(y)}-${pad(m)}`;
export const isoDay = (y: number, m: number, d: number): string => `${isoMonth(y, m)}-${pad(d)}`;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  // Arithmetic for the usual case (yearFor asks it three times per date); Date for the rest.
  if (Number.isInteger(y) && y >= 100 && Number.isInteger(m) && m >= 1 && m <= 12)
    return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_LENGTHS[m - 1]!;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** [y, m, d] shifted by n days. */
export function addDays(y: number, m: number, d: number, n: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** ISO weekday, 1 (Monday) .. 7 (Sunday). */
export function isoWeekday(y: number, m: number, d: number): number {
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Whole days from a to b. */
export function daysBetween(
  a: readonly [number, number, number],
  b: readonly [number, number, number],
): number {
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** "the day before the article date (2021-05)"; "(unknown)" without one. */
export function relativeTo(relation: string, a: Anchor | null): string {
  return `${relation} the article date (${a ? a.value : 'unknown'})`;
}

/** A weekday that cannot be pinned: "a Tuesday in or next to 2021-05". */
export function weekdayNear(isoWd: number, a: Anchor | null): string {
  const name = WEEKDAY_NAMES_EN[isoWd] ?? '';
  return a ? `a ${name} in or next to ${a.value}` : `a ${name} near the article date (unknown)`;
}

/** "the day before", "3 days after", "the day of". */
export function dayRelation(offset: number): string {
  if (offset === 0) return 'the day of';
  if (offset === -1) return 'the day before';
  if (offset === 1) return 'the day after';
  return `${Math.abs(offset)} days ${offset < 0 ? 'before' : 'after'}`;
}

/**
 * A day given as an offset from the article's day (hier = -1). Exact with a day-precision date;
 * with a coarser one, "aujourd'hui" is the article date itself and any other offset is described.
 */
export function resolveDayOffset(offset: number, a: Anchor | null): Resolved {
  if (a?.precision === 'day')
    return { value: isoDay(...addDays(a.year, a.month, a.day, offset)), precision: 'day' };
  if (a && offset === 0) return { value: a.value, precision: a.precision };
  return { value: relativeTo(dayRelation(offset), a), precision: 'unknown' };
}

/**
 * The year in which day/month falls closest to the article date (chrono's rule for "le 14 juin"
 * without a year), or strictly before / after it for "dernier" / "prochain".
 */
export function yearFor(month: number, day: number, a: Anchor, direction: -1 | 0 | 1 = 0): number {
  // A year-precision date cannot say whether June came before or after it: its year is taken.
  if (a.precision === 'year') return a.year;
  const ref = [a.year, a.month, a.precision === 'day' ? a.day : 15] as const;
  let best = a.year;
  let bestDist = Infinity;
  for (const y of [a.year - 1, a.year, a.year + 1]) {
    const dist = daysBetween(ref, [y, month, Math.min(day, daysInMonth(y, month))]);
    if (direction === -1 && dist >= 0) continue;
    if (direction === 1 && dist <= 0) continue;
    if (Math.abs(dist) < bestDist) {
      bestDist = Math.abs(dist);
      best = y;
    }
  }
  return best;
}

/**
 * A month without a year (en mai, fin novembre, en mai dernier): the year that puts it closest to
 * the article's month, or before / after it with dernier / prochain. A year-precision article date
 * gives its own year.
 */
export function yearForMonth(month: number, a: Anchor, direction: -1 | 0 | 1 = 0): number {
  if (a.precision === 'year') return a.year;
  const ref = a.year * 12 + a.month - 1;
  let best = a.year;
  let bestDist = Infinity;
  for (const y of [a.year - 1, a.year, a.year + 1]) {
    const dist = y * 12 + month - 1 - ref;
    if (direction === -1 && dist >= 0) continue;
    if (direction === 1 && dist <= 0) continue;
    if (Math.abs(dist) < bestDist) {
      bestDist = Math.abs(dist);
      best = y;
    }
  }
  return best;
}

/** A value and its kind: the relative periods resolve to a point or to an interval of days. */
export interface ResolvedPeriod extends Resolved {
  kind: 'point' | 'interval';
}

const PERIOD_WORDS = { week: 'week', weekend: 'weekend', month: 'month', year: 'year' } as const;

/**
 * la semaine dernière (-1), cette semaine (0), le mois prochain (+1), l'an dernier, ce week-end.
 * A week is Monday to Sunday (ISO); a weekend Saturday to Sunday, "ce week-end" the one nearest
 * the article's day.
 */
export function resolvePeriod(
  noun: 'week' | 'weekend' | 'month' | 'year',
  mod: -1 | 0 | 1,
  a: Anchor | null,
): ResolvedPeriod {
  const relation =
    mod === 0
      ? `the ${PERIOD_WORDS[noun]} ${noun === 'weekend' ? 'nearest' : 'of'}`
      : `the ${PERIOD_WORDS[noun]} ${mod < 0 ? 'before' : 'after'}`;
  const described: ResolvedPeriod = { value: relativeTo(relation, a), precision: 'unknown', kind: 'point' };
  if (!a) return described;
  if (noun === 'year') return { value: isoYear(a.year + mod), precision: 'year', kind: 'point' };
  if (noun === 'month') {
    if (a.precision === 'year') return described;
    const t = a.year * 12 + a.month - 1 + mod;
    return { value: isoMonth(Math.floor(t / 12), (t % 12) + 1), precision: 'month', kind: 'point' };
  }
  if (a.precision !== 'day') return described;
  const wd = isoWeekday(a.year, a.month, a.day);
  let first: [number, number, number];
  let length: number;
  if (noun === 'week') {
    first = addDays(a.year, a.month, a.day, 1 - wd + 7 * mod);
    length = 7;
  } else {
    // Saturday of the weekend meant.
    let sat: number;
    if (mod === 0) sat = wd >= 6 ? 6 - wd : wd <= 2 ? -(wd + 1) : 6 - wd;
    else if (mod < 0) sat = wd === 7 ? -8 : -(wd + 1);
    else sat = wd >= 6 ? 13 - wd : 6 - wd;
    first = addDays(a.year, a.month, a.day, sat);
    length = 2;
  }
  const last = addDays(...first, length - 1);
  return { value: `${isoDay(...first)}/${isoDay(...last)}`, precision: 'day', kind: 'interval' };
}
