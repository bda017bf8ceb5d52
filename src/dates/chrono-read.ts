// chrono's French parser, and a shortcut to its answer for the windows most dates come in: weekdays
// and day-month dates alone (mardi, le 14 juin, mercredi 2 janvier, du 3 au 5 mars). There chrono's
// answer follows from two of its own patterns and a few of its rules, read here without its result
// objects, date arithmetic and refiner passes; every other window, or any doubt, goes to chrono.
import * as chrono from 'chrono-node';
import { MONTHS } from '../lang/fr/calendar.js';
import { referenceInstant, type Anchor } from './resolve.js';

/** The part of chrono's results read by the date stage. */
export interface DateParts {
  isCertain(component: chrono.Component): boolean;
  get(component: chrono.Component): number | null;
}

export interface ChronoResult {
  index: number;
  text: string;
  start: DateParts;
  end?: DateParts | null;
}

const CHRONO_OPTIONS = { forwardDate: false } as const;

/**
 * chrono's French parser for what it reads well: weekdays (mardi, mardi dernier, du lundi au
 * vendredi), day-month dates (le 14 juin, du 3 au 5 mars, 1er décembre 2018), dd/mm/yyyy, il y a
 * deux ans, dans trois jours. Built from chrono.fr's non-casual configuration: hier / aujourd'hui /
 * demain are read from our table (chrono would read the "hier" of "avant-hier"), "la semaine
 * dernière" by the date stage's own pattern (chrono makes it a day). Its time-of-day parsers are
 * left out, as dates keep day precision; should a future chrono rename them, they stay and the
 * date stage cuts the times. chrono's French "il y a" and "dans" parsers build their RegExp anew on
 * every call; their innerPattern takes no argument, so it is computed once here.
 */
const FR: chrono.Chrono = (() => {
  const config = chrono.fr.createConfiguration(false, true);
  const drop = new Set(['FRTimeExpressionParser', 'FRSpecificTimeExpressionParser', 'ISOFormatParser']);
  config.parsers = config.parsers.filter((p) => !drop.has(p.constructor.name));
  for (const p of config.parsers) {
    const q = p as unknown as { innerPattern?: () => RegExp };
    const inner = q.innerPattern;
    if (typeof inner === 'function' && inner.length === 0) {
      const rx = inner.call(p);
      q.innerPattern = () => rx;
    }
  }
  return new chrono.Chrono(config);
})();

/** chrono's own parse of `text`, with the article's reference instant. */
export function chronoParse(text: string, anchor: Anchor | null): ChronoResult[] {
  return FR.parse(text, { instant: referenceInstant(anchor), timezone: 0 }, CHRONO_OPTIONS);
}

/** The pattern chrono's parser of that name runs (its word-boundary head included); null if absent. */
function patternOf(name: string): RegExp | null {
  const parser = FR.parsers.find((p) => p.constructor.name === name) as unknown as
    { pattern: (context: unknown) => RegExp } | undefined;
  return parser ? parser.pattern(null) : null;
}

const WEEKDAY_PATTERN = patternOf('FRWeekdayParser');
const DAY_MONTH_PATTERN = patternOf('FRMonthNameLittleEndianParser');
const SLASH_PATTERN = patternOf('SlashDateFormatParser');
const WITHIN_PATTERN = patternOf('FRTimeUnitWithinFormatParser');
/** "il y a deux ans": where it matches, chrono decides. */
const AGO_PATTERN = patternOf('FRTimeUnitAgoFormatParser');
/** The parsers the shortcut knows: any other one in the configuration sends every window to chrono. */
const KNOWN_PARSERS = new Set([
  'FRWeekdayParser',
  'FRMonthNameLittleEndianParser',
  'SlashDateFormatParser',
  'FRTimeUnitAgoFormatParser',
  'FRTimeUnitWithinFormatParser',
]);
const SHORTCUT_USABLE =
  [WEEKDAY_PATTERN, DAY_MONTH_PATTERN, SLASH_PATTERN, WITHIN_PATTERN, AGO_PATTERN].every((p) => p !== null) &&
  FR.parsers.every((p) => KNOWN_PARSERS.has(p.constructor.name));

/** chrono's weekday table (0 = Sunday); a word outside it sends the window to chrono. */
const CHRONO_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['dimanche', 0],
  ['dim', 0],
  ['lundi', 1],
  ['lun', 1],
  ['mardi', 2],
  ['mar', 2],
  ['mercredi', 3],
  ['mer', 3],
  ['jeudi', 4],
  ['jeu', 4],
  ['vendredi', 5],
  ['ven', 5],
  ['samedi', 6],
  ['sam', 6],
]);

// chrono's refiners, as far as they can act on weekdays and day-month dates.
/** ExtractTimezoneOffsetRefiner: an offset after a result (+02, UTC-5). */
const ZONE_OFFSET_AFTER = /^\s*(?:\(?(?:GMT|UTC)\s?)?([+-])(\d{1,2})(?::?(\d{2}))?\)?/i;
/**
 * ExtractTimezoneAbbrRefiner: a zone name after a result. On a date without a time chrono takes
 * only one written in capitals, as this pattern does (without its i flag).
 */
const ZONE_NAME_AFTER = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/;
/** MergeWeekdayComponentRefiner: a weekday, then a date (mercredi 2 janvier). */
const WEEKDAY_THEN_DATE = /^,?\s*$/;
/** FRMergeDateRangeRefiner: two dates joined into an interval. */
const RANGE_BETWEEN = /^\s*(à|a|au|-)\s*$/i;
/** FRMergeDateTimeRefiner: a date and a time joined. */
const DATE_TIME_BETWEEN = /^\s*(T|à|a|au|vers|de|,|-)?\s*$/;
/** UnlikelyFormatFilter: a bare number. */
const UNLIKELY_TEXT = /^\d*(\.\d*)?$/;
// SlashDateFormatParser's refusals.
const SLASH_DIGIT_BEFORE = /\d\/?$/;
const SLASH_DIGIT_AFTER = /^\/?\d/;
const SLASH_DECIMAL = /^\d\.\d$/;
const SLASH_DOTTED = /^\d\.\d{1,2}\.\d{1,2}\s*$/;
const STARTS_WITH_DANS = /^dans/i;
const HAS_DIGIT = /[0-9]/;
const FOUR_DIGIT_YEAR = /^[12]\d{3}$/;
const DAY_MS = 86_400_000;

const enum Kind {
  Weekday,
  /** A day of a month: day-month or dd/mm. */
  Date,
  /** A duration chrono reads relative to the reference (pendant trois jours). */
  Relative,
}

interface Light {
  index: number;
  text: string;
  kind: Kind;
  /** 0-6 (0 = Sunday) for a weekday, else -1. */
  weekday: number;
  /** Day-month: day, month, year (0 when implied), end day (0 without one). */
  day: number;
  month: number;
  year: number;
  endDay: number;
}

/**
 * chrono's results for `win`, read by the shortcut when it can, else by chrono. Identical either
 * way in everything DateParts exposes for the components the date stage reads, except that the
 * shortcut leaves out durations (pendant trois jours, de 61 ans): the date stage reads no chrono
 * result without a calendar word, "il y a" or "dans".
 */
export function chronoResults(win: string, anchor: Anchor | null): ChronoResult[] {
  return (SHORTCUT_USABLE ? shortcut(win, anchor) : null) ?? chronoParse(win, anchor);
}

/**
 * chrono's answer for a window where only its weekday and day-month parsers match, or null when
 * chrono must be asked (another parser matches, results overlap or would merge into an interval, a
 * time zone follows, a form the shortcut does not read).
 */
export function shortcut(win: string, anchor: Anchor | null): ChronoResult[] | null {
  if (AGO_PATTERN!.test(win)) return null;
  const found: Light[] = [];
  // Each parser's matches as chrono's executeParser finds them, in its parser order (chrono then
  // sorts them by position, stably).
  // Both read digits: most weekday windows have none.
  const digits = HAS_DIGIT.test(win);
  if (digits && SLASH_PATTERN!.test(win) && !slashDates(win, found)) return null;
  if (digits && !dayMonths(win, found)) return null;
  if (WITHIN_PATTERN!.test(win) && !withins(win, found)) return null;
  if (!weekdays(win, found)) return null;
  if (found.length === 0) return [];
  if (found.length > 1) found.sort((a, b) => a.index - b.index);
  // OverlapRemovalRefiner and ExtractTimezoneOffsetRefiner: leave those to chrono; likewise
  // FRMergeDateTimeRefiner, which can join a duration (read as a time) to its neighbour.
  for (let k = 0; k < found.length; k++) {
    const r = found[k]!;
    const end = r.index + r.text.length;
    const next = found[k + 1];
    if (next && next.index < end) return null;
    if (ZONE_OFFSET_AFTER.test(win.slice(end))) return null;
    if (
      next &&
      (r.kind === Kind.Relative || next.kind === Kind.Relative) &&
      DATE_TIME_BETWEEN.test(win.slice(end, next.index))
    )
      return null;
  }
  // MergeWeekdayComponentRefiner: "mercredi 2 janvier" is the date, its span from the weekday.
  const merged: Array<{ r: Light; index: number; text: string; weekday: number }> = [];
  for (let k = 0; k < found.length; k++) {
    const r = found[k]!;
    const next = found[k + 1];
    if (
      r.kind === Kind.Weekday &&
      next !== undefined &&
      next.kind === Kind.Date &&
      WEEKDAY_THEN_DATE.test(win.slice(r.index + r.text.length, next.index))
    ) {
      const between = win.slice(r.index + r.text.length, next.index);
      merged.push({ r: next, index: r.index, text: r.text + between + next.text, weekday: r.weekday });
      k++;
    } else
      merged.push({ r, index: r.index, text: r.text, weekday: r.kind === Kind.Weekday ? r.weekday : -1 });
  }
  const out: ChronoResult[] = [];
  const ref = referenceInstant(anchor);
  for (let k = 0; k < merged.length; k++) {
    const x = merged[k]!;
    const end = x.index + x.text.length;
    // FRMergeDateRangeRefiner (du lundi au vendredi, du 3 mars au 5 avril): chrono's.
    const next = merged[k + 1];
    if (next && x.r.endDay === 0 && next.r.endDay === 0 && RANGE_BETWEEN.test(win.slice(end, next.index)))
      return null;
    // ExtractTimezoneAbbrRefiner.
    if (ZONE_NAME_AFTER.test(win.slice(end))) return null;
    const r = x.r;
    // A duration (pendant trois jours, de 61 ans): the date stage does not read it from chrono.
    if (r.kind === Kind.Relative) continue;
    if (r.kind === Kind.Weekday) {
      out.push({ index: x.index, text: x.text, start: weekdayParts(r.weekday, ref), end: null });
      continue;
    }
    // UnlikelyFormatFilter: chrono drops a date that does not exist (31 avril).
    const valid = validDay(r.day, r.month, r.year) && (r.endDay === 0 || validDay(r.endDay, r.month, r.year));
    if (valid === null) return null;
    if (!valid || UNLIKELY_TEXT.test(x.text.replace(' ', ''))) continue;
    const weekday = x.weekday;
    out.push({
      index: x.index,
      text: x.text,
      start: dayMonthParts(r.day, r.month, r.year, weekday, ref),
      end: r.endDay ? dayMonthParts(r.endDay, r.month, r.year, weekday, ref) : null,
    });
  }
  return out;
}

/** A match of a pattern with chrono's word-boundary head: where the result starts, and its text. */
function headless(m: RegExpExecArray, from: number): { index: number; text: string } {
  const head = (m[1] ?? '').length;
  return { index: from + m.index + head, text: m[0].slice(head) };
}

/** SlashDateFormatParser (little-endian): 23/01/2019, 12/3. False when chrono must decide. */
function slashDates(win: string, found: Light[]): boolean {
  for (let from = 0; from < win.length;) {
    const m = SLASH_PATTERN!.exec(from === 0 ? win : win.slice(from));
    if (!m) break;
    const at = from + m.index;
    const index = at + m[1]!.length;
    const indexEnd = at + m[0].length - m[5]!.length;
    const text = win.substring(index, indexEnd);
    // The parser's refusals: glued to other digits, 1.5-like, no year and no slash.
    if (
      (index > 0 && SLASH_DIGIT_BEFORE.test(win.substring(0, index))) ||
      (indexEnd < win.length && SLASH_DIGIT_AFTER.test(win.substring(indexEnd))) ||
      SLASH_DECIMAL.test(text) ||
      SLASH_DOTTED.test(text) ||
      (m[4] === undefined && !text.includes('/'))
    ) {
      from = at + 1;
      continue;
    }
    let day = parseInt(m[2]!, 10);
    let month = parseInt(m[3]!, 10);
    if (month === 0) return false;
    if (month > 12) {
      if (!(day >= 1 && day <= 12 && month <= 31)) {
        from = at + 1;
        continue;
      }
      [day, month] = [month, day];
    }
    if (day < 1 || day > 31) {
      from = at + 1;
      continue;
    }
    let year = 0;
    if (m[4] !== undefined) {
      year = parseInt(m[4], 10);
      if (year < 100) year += year > 50 ? 1900 : 2000;
    }
    found.push({ index, text, kind: Kind.Date, weekday: -1, day, month, year, endDay: 0 });
    from = index + text.length;
  }
  return true;
}

/** FRMonthNameLittleEndianParser: le 14 juin, 1er mai 2019, du 3 au 5 mars. */
function dayMonths(win: string, found: Light[]): boolean {
  for (let from = 0; from < win.length;) {
    const m = DAY_MONTH_PATTERN!.exec(from === 0 ? win : win.slice(from));
    if (!m) break;
    const { index, text } = headless(m, from);
    const day = parseInt(m[2]!, 10);
    const month = monthOf(m[4]!);
    if (day > 31 || month === 0) return false;
    let year = 0;
    if (m[5] !== undefined) {
      if (!FOUR_DIGIT_YEAR.test(m[5])) return false;
      year = Number(m[5]);
    }
    const endDay = m[3] !== undefined ? parseInt(m[3], 10) : 0;
    found.push({ index, text, kind: Kind.Date, weekday: -1, day, month, year, endDay });
    from = index + text.length;
  }
  return true;
}

/**
 * FRTimeUnitWithinFormatParser: pendant trois jours, en deux ans, de 61 ans, which the date stage
 * reads with its own patterns; "dans trois jours" is read from chrono, so chrono decides those.
 */
function withins(win: string, found: Light[]): boolean {
  for (let from = 0; from < win.length;) {
    const m = WITHIN_PATTERN!.exec(from === 0 ? win : win.slice(from));
    if (!m) break;
    const { index, text } = headless(m, from);
    if (text.length === 0 || STARTS_WITH_DANS.test(text)) return false;
    found.push({ index, text, kind: Kind.Relative, weekday: -1, day: 0, month: 0, year: 0, endDay: 0 });
    from = index + text.length;
  }
  return true;
}

/** FRWeekdayParser: mardi, (jeudi), samedi dernier, and chrono's abbreviations (mar, sam). */
function weekdays(win: string, found: Light[]): boolean {
  for (let from = 0; from < win.length;) {
    const m = WEEKDAY_PATTERN!.exec(from === 0 ? win : win.slice(from));
    if (!m) break;
    const { index, text } = headless(m, from);
    const weekday = CHRONO_WEEKDAYS.get(m[2]!.toLowerCase());
    if (weekday === undefined || text.length === 0) return false;
    found.push({ index, text, kind: Kind.Weekday, weekday, day: 0, month: 0, year: 0, endDay: 0 });
    from = index + text.length;
  }
  return true;
}

/** chrono's month table read through ours: the forms it shares with ours, a period allowed. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.get(w.endsWith('.') ? w.slice(0, -1) : w) ?? 0;
}

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists; null for 29 February without a year (chrono's implied year decides). */
function validDay(day: number, month: number, year: number): boolean | null {
  if (day < 1 || day > MONTH_DAYS[month]!) return false;
  if (month === 2 && day === 29) {
    if (!year) return null;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }
  return true;
}

/**
 * A weekday alone: chrono's implied date is the nearest such day to the reference instant, at
 * most 3 days away, the day itself if it is one. (With "dernier" / "prochain" chrono implies
 * another day; the date stage does not read it then.)
 */
function weekdayParts(weekday: number, ref: Date): DateParts {
  const refDay = ref.getUTCDay();
  const forward = weekday - refDay + (weekday < refDay ? 7 : 0);
  const implied = new Date(ref.getTime() + (forward <= 3 ? forward : forward - 7) * DAY_MS);
  const year = implied.getUTCFullYear();
  const month = implied.getUTCMonth() + 1;
  const day = implied.getUTCDate();
  return {
    isCertain: (c) => c === 'weekday',
    get: (c) =>
      c === 'weekday' ? weekday : c === 'year' ? year : c === 'month' ? month : c === 'day' ? day : null,
  };
}

/** A day of a month, its year written or implied as chrono implies it, a weekday if one was merged. */
function dayMonthParts(day: number, month: number, year: number, weekday: number, ref: Date): DateParts {
  return {
    isCertain: (c) =>
      c === 'day' || c === 'month' || (c === 'year' && year !== 0) || (c === 'weekday' && weekday >= 0),
    get: (c) =>
      c === 'day'
        ? day
        : c === 'month'
          ? month
          : c === 'year'
            ? year || yearClosestToRef(ref, day, month)
            : c === 'weekday'
              ? weekday >= 0
                ? weekday
                : null
              : null,
  };
}

/** chrono's findYearClosestToRef, in the same local-time arithmetic. */
function yearClosestToRef(ref: Date, day: number, month: number): number {
  let date = new Date(ref);
  date.setMonth(month - 1);
  date.setDate(day);
  const nextYear = new Date(date);
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  const lastYear = new Date(date);
  lastYear.setFullYear(lastYear.getFullYear() - 1);
  if (Math.abs(nextYear.getTime() - ref.getTime()) < Math.abs(date.getTime() - ref.getTime()))
    date = nextYear;
  else if (Math.abs(lastYear.getTime() - ref.getTime()) < Math.abs(date.getTime() - ref.getTime()))
    date = lastYear;
  return date.getFullYear();
}
