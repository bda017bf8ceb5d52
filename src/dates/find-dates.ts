// Dates: what the article says about when. A cheap scan (./scan.ts, shared with the figures) flags
// the places that can hold a date (a weekday, a month, hier / aujourd'hui / demain, a period noun,
// a four-digit year, a dd/mm/yyyy); the parsers run only on a short window around each flag, and
// only those its flags call for: chrono's French parser for weekdays, day-month dates, dd/mm/yyyy
// and il y a / dans (it tells which fields the text states and which it implies; ./chrono-read.ts
// reads its answer without it for the common windows), and the patterns below for what chrono
// misses or reads wrong (bare years, months without a day, hier / demain, la semaine dernière,
// intervals of years, durations, sets). Everything is then resolved against the article's date at
// its precision (./resolve.ts). Output rules: docs/dates-and-figures.md.
import { tokenAtOrAfter, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import {
  AFTER_YEAR,
  DURATION_PREPOSITIONS,
  DURATION_UNITS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  PERIOD_MODIFIERS,
  PERIOD_NOUNS,
  QUANTITY_CUES,
  RELATIVE_DAYS,
  SET_MARKERS,
  SET_UNITS,
  WEEKDAYS,
  YEAR_CUES,
} from '../lang/fr/calendar.js';
import { CURRENCIES, NUMBER_WORD_ATOMS, numberFromWords, parseDigits } from '../lang/fr/numbers.js';
import type { ArticleDate, DateFact, DateFactKind, DateFactPrecision } from '../types.js';
import { chronoParse, chronoResults, type ChronoResult, type DateParts } from './chrono-read.js';
import { DAY_BEFORE, Flag, scanDoc, type Hit } from './scan.js';
import {
  addDays,
  daysBetween,
  isoDay,
  isoMonth,
  isoWeekday,
  isoYear,
  parseAnchor,
  referenceInstant,
  relativeTo,
  resolveDayOffset,
  resolvePeriod,
  weekdayNear,
  yearFor,
  yearForMonth,
  type Anchor,
  type Resolved,
} from './resolve.js';

// ---------------------------------------------------------------------------------------------
// Patterns, built once from the French tables.

const LETTER = '\\p{L}\\p{N}';
const B0 = `(?<![${LETTER}])`;
const B1 = `(?![${LETTER}])`;
const APOS = "['’]";

/** Alternation of words, longest first, apostrophes matching both ' and ’, spaces any space. */
function alt(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, APOS)
        .replace(/ /g, '\\s+'),
    )
    .join('|');
}

const FULL_MONTHS = [...MONTHS.keys()].filter((m) => !MONTH_ABBREVIATIONS.has(m));
const MONTH = `(?:${alt(FULL_MONTHS)}|(?:${alt(MONTH_ABBREVIATIONS)})\\.)`;
const WEEKDAY = alt(WEEKDAYS.keys());
const YEAR = '(?:1\\d{3}|20\\d{2})';
const ATOM = `(?:${alt(NUMBER_WORD_ATOMS)})`;
const WORD_NUMBER = `${ATOM}(?:[-‑](?:${ATOM}|et))*(?:\\s+(?:et\\s+)?${ATOM}(?:[-‑](?:${ATOM}|et))*)*`;
const NUM = `(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d+(?:[.,]\\d+)?|${WORD_NUMBER})`;

const RE_SET = new RegExp(
  `${B0}(${alt(SET_MARKERS)})\\s+(?:(${NUM})\\s+)?(${WEEKDAY}|${alt(SET_UNITS.keys())})${B1}`,
  'giu',
);
const RE_PLURAL_WEEKDAY = new RegExp(
  `${B0}(les\\s+)(${alt([...WEEKDAYS.keys()].filter((w) => w.endsWith('s')))})${B1}(?!\\s*\\d)`,
  'giu',
);
const RE_DURATION = new RegExp(
  `${B0}(?:${alt(DURATION_PREPOSITIONS)})\\s*(?:(?:plus\\s+de|près\\s+de|moins\\s+de|environ|presque|au\\s+moins)\\s+)?` +
    `(${NUM})\\s+(${alt(DURATION_UNITS.keys())})(\\s+et\\s+demie?)?${B1}`,
  'giu',
);
// Cheap tests before RE_DURATION and RE_SET: one of their words is in the window. (ASCII words: the
// i flag without u reads them as the lower-cased window would.)
const DURATION_HINT = /pendant|durant|depuis|en\s|sur\s|bout/i;
const SET_HINT = /chaque|tous|toutes/i;
const RE_YEAR_RANGE = new RegExp(
  `${B0}(?:entre\\s+(${YEAR})\\s+et\\s+(${YEAR})|d(?:e|u)\\s+(${YEAR})\\s+(?:à|au)\\s+(${YEAR})|` +
    `(${YEAR})\\s*[-–/]\\s*(${YEAR}|\\d{2}))${B1}(?![.,]\\d)`,
  'giu',
);
const RE_DECADE = new RegExp(`${B0}(les\\s+)?années\\s+(?:(19|20)(\\d)0|(\\d)0)${B1}`, 'giu');
const RE_MONTH_RANGE = new RegExp(
  `${B0}(?:(?:de|d${APOS})\\s*(${MONTH})\\s+(?:à|au)\\s+(${MONTH})|entre\\s+(${MONTH})\\s+et\\s+(${MONTH}))` +
    `(?:\\s+(${YEAR}))?${B1}`,
  'giu',
);
const RE_MONTH = new RegExp(
  `${B0}(?:(fin|début|mi|courant|milieu)(?:\\s*-\\s*|\\s+(?:de\\s+|d${APOS})?))?` +
    `((?:le\\s+|ce\\s+)?mois\\s+(?:de\\s+|d${APOS}))?(${MONTH})` +
    `(?:\\s+(${YEAR})${B1}(?![.,]?\\d)|\\s+(dernier|prochain))?(?![${LETTER}])`,
  'giu',
);
const RE_PERIOD = new RegExp(
  `${B0}(la|cette|le|ce|l${APOS})\\s*(${alt(PERIOD_NOUNS.keys())})(-ci|-là)?` +
    `(?:\\s+(${alt(PERIOD_MODIFIERS.keys())}))?${B1}`,
  'giu',
);
const RE_RELATIVE_DAY = new RegExp(`${B0}(${alt(RELATIVE_DAYS.keys())})${B1}`, 'giu');
/** Context before a month name alone that makes it a date: en mai, depuis janvier, de mars. */
const MONTH_CONTEXT = new RegExp(
  `${B0}(?:en|depuis|dès|jusqu${APOS}(?:en|à|au)|avant|après|pour|ici|de|d${APOS}|entre|et|ou|partir\\s+de|vers|fin|début)\\s*$`,
  'iu',
);
/** A time of day at the end of a chrono match: "16 janvier 2019 à 19", "23/01/2019 17:40:41". */
const TIME_TAIL =
  /[\s,]+(?:(?:à|a|vers|dès|de)\s+)?\d{1,2}\s*(?:[hH:]|heures?(?![\p{L}]))|[\s,]+(?:à|vers|dès)\s+\d{1,2}\s*$/u;
const WINDOW_MARGIN = 60;
/** chrono reads less: ±30 characters around the words it is run for. */
const CHRONO_MARGIN = 30;

// ---------------------------------------------------------------------------------------------

interface Candidate {
  start: number;
  end: number;
  value: string;
  precision: DateFactPrecision;
  kind: DateFactKind;
  /** Tie-break between candidates of the same length: lower wins. */
  rank: number;
}

/** A later mention of a date already listed: the span and the id of that date. */
export interface DateRepeat {
  start: number;
  end: number;
  id: string;
}

export interface DateMentions {
  dates: DateFact[];
  /** Where the text names a listed point or interval again (le sommet du 14 juin, after le 14 juin). */
  repeats: DateRepeat[];
}

/**
 * The dates and periods the text speaks of, in text order, ids d1, d2 ... Resolved against the
 * article's own date at its precision; `articleDate` null resolves nothing relative. A point or an
 * interval written again the same way (same value, same words bar the determiner: le 14 juin ...
 * le sommet du 14 juin) names the same time and is listed once, at its first mention
 * (findDateMentions says where it is named again). Durations and sets are listed each time: two
 * "depuis deux ans" may measure two things.
 */
export function findDates(doc: Doc, articleDate: ArticleDate | null): DateFact[] {
  return findDateMentions(doc, articleDate).dates;
}

/** findDates, with the spans of the repeated mentions it leaves out. */
export function findDateMentions(doc: Doc, articleDate: ArticleDate | null): DateMentions {
  const text = doc.text;
  const anchor = parseAnchor(articleDate);
  const hits = scanDoc(doc).hits;
  if (hits.length === 0) return { dates: [], repeats: [] };
  const candidates: Candidate[] = [];
  for (const w of windows(text, hits)) {
    const ctx: WindowContext = {
      doc,
      anchor,
      win: text.slice(w.start, w.end),
      offset: w.start,
      hits: w.hits,
      out: candidates,
    };
    const f = w.flags;
    if (f & (Flag.Weekday | Flag.Unit)) setsAndDurations(ctx, f);
    if (f & (Flag.Year | Flag.Month | Flag.Unit)) rangesAndMonths(ctx, f);
    if (f & (Flag.Period | Flag.RelativeDay)) periods(ctx, f);
    if (f & Flag.Chrono) chronoDates(ctx);
    if (f & Flag.Year) for (const h of w.hits) if (h.flags & Flag.Year) bareYear(doc, h, candidates);
  }
  const dates: DateFact[] = [];
  const repeats: DateRepeat[] = [];
  const listed = new Map<string, string>();
  for (const c of select(candidates)) {
    const same = `${c.kind} ${c.value} ${sameWords(text.slice(c.start, c.end))}`;
    const first = c.kind === 'point' || c.kind === 'interval' ? listed.get(same) : undefined;
    if (first !== undefined) {
      repeats.push({ start: c.start, end: c.end, id: first });
      continue;
    }
    const id = `d${dates.length + 1}`;
    listed.set(same, id);
    const { start, end, value, precision, kind } = c;
    dates.push({ id, start, end, text: text.slice(start, end), value, precision, kind });
  }
  return { dates, repeats };
}

/** A date's words without case, spacing or a leading determiner: "Le 14 juin" -> "14 juin". */
function sameWords(t: string): string {
  return t
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:le|la|les|l['’]|ce|cet|cette) ?/, '');
}

interface Window {
  start: number;
  end: number;
  hits: Hit[];
  flags: number;
}

/** Hits grouped into windows of ±60 characters, cut at line breaks and at word boundaries. */
function windows(text: string, hits: Hit[]): Window[] {
  const out: Window[] = [];
  let cur: Window | null = null;
  for (const h of hits) {
    if (cur && h.start - WINDOW_MARGIN <= cur.end && !hasNewline(text, cur.end, h.start)) {
      cur.hits.push(h);
      cur.flags |= h.flags;
      cur.end = Math.max(cur.end, windowEnd(text, h.end, WINDOW_MARGIN));
    } else {
      cur = {
        start: windowStart(text, h.start, WINDOW_MARGIN),
        end: windowEnd(text, h.end, WINDOW_MARGIN),
        hits: [h],
        flags: h.flags,
      };
      out.push(cur);
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Per UTF-16 code unit: 0 not yet known, 1 no, 2 a letter or digit (as WORD_CHAR reads it). */
const wordChars = new Uint8Array(1 << 16);

/** WORD_CHAR.test(text[k]), remembered per code unit. */
function isWordChar(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  let w = wordChars[c]!;
  if (w === 0) wordChars[c] = w = WORD_CHAR.test(text[k]!) ? 2 : 1;
  return w === 2;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

// Both look only within the margin (an unbounded lastIndexOf would scan back to the text's start).
function windowStart(text: string, at: number, margin: number): number {
  let s = Math.max(0, at - margin);
  for (let k = at - 1; k >= s; k--) if (text.charCodeAt(k) === 10) return k + 1;
  // Do not start inside a word.
  while (s > 0 && s < at && isWordChar(text, s - 1)) s++;
  return s;
}

function windowEnd(text: string, at: number, margin: number): number {
  let e = Math.min(text.length, at + margin);
  for (let k = at; k < e; k++) if (text.charCodeAt(k) === 10) return k;
  while (e < text.length && e > at && isWordChar(text, e)) e--;
  return e;
}

interface WindowContext {
  doc: Doc;
  anchor: Anchor | null;
  win: string;
  offset: number;
  hits: Hit[];
  out: Candidate[];
}

function overlapsHit(ctx: WindowContext, start: number, end: number): boolean {
  return ctx.hits.some((h) => h.start < end && start < h.end);
}

function push(
  ctx: WindowContext,
  start: number,
  end: number,
  r: Resolved,
  kind: DateFactKind,
  rank: number,
): void {
  const s = ctx.offset + start;
  const e = ctx.offset + end;
  if (!overlapsHit(ctx, s, e)) return;
  ctx.out.push({ start: s, end: e, value: r.value, precision: r.precision, kind, rank });
}

function toNumber(s: string): number | null {
  const t = s.trim();
  if (/^\d/.test(t)) return parseDigits(t);
  return numberFromWords(t.toLowerCase().replace(/\s+/g, ' '));
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * The matches of a global pattern in s, as matchAll gives them, without matchAll's copy of the
 * pattern on each call (a measurable cost on these long patterns, run on every window).
 */
function matches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** chaque mardi, tous les samedis, les samedis; pendant trois semaines, depuis deux ans. */
function setsAndDurations(ctx: WindowContext, flags: number): void {
  if (SET_HINT.test(ctx.win)) setsIn(ctx);
  if (flags & Flag.PluralWeekday) {
    for (const m of matches(RE_PLURAL_WEEKDAY, ctx.win)) {
      const wd = WEEKDAYS.get(m[2]!.toLowerCase())!;
      push(
        ctx,
        m.index,
        m.index + m[0].length,
        { value: `XXXX-WXX-${wd}`, precision: 'weekday-relative' },
        'set',
        0,
      );
    }
  }
  if (flags & Flag.Unit && DURATION_HINT.test(ctx.win)) durations(ctx);
}

function setsIn(ctx: WindowContext): void {
  for (const m of matches(RE_SET, ctx.win)) {
    const unit = m[3]!.toLowerCase();
    const wd = WEEKDAYS.get(unit);
    let r: Resolved;
    if (wd) r = { value: `XXXX-WXX-${wd}`, precision: 'weekday-relative' };
    else {
      const n = m[2] ? toNumber(m[2]) : 1;
      if (n === null || n <= 0) continue;
      const period = SET_UNITS.get(unit)!;
      const value = `R/P${fmt(n)}${period.slice(-1)}`;
      const p = period.slice(-1);
      r = { value, precision: p === 'D' ? 'day' : p === 'M' ? 'month' : p === 'Y' ? 'year' : 'unknown' };
    }
    push(ctx, m.index, m.index + m[0].length, r, 'set', 0);
  }
}

function durations(ctx: WindowContext): void {
  for (const m of matches(RE_DURATION, ctx.win)) {
    const n = toNumber(m[1]!);
    if (n === null || n <= 0) continue;
    const unit = DURATION_UNITS.get(m[2]!.toLowerCase())!;
    const amount = (n + (m[3] ? 0.5 : 0)) * unit.times;
    const value =
      unit.unit === 'H'
        ? `PT${fmt(amount)}H`
        : unit.unit === 'MIN'
          ? `PT${fmt(amount)}M`
          : `P${fmt(amount)}${unit.unit}`;
    const precision: DateFactPrecision = unit.unit === 'Y' ? 'year' : unit.unit === 'M' ? 'month' : 'day';
    push(ctx, m.index, m.index + m[0].length, { value, precision }, 'duration', 1);
  }
}

/** entre 2019 et 2021, 2018-2019, les années 1980, de janvier à mars, en mai 2019, fin novembre. */
function rangesAndMonths(ctx: WindowContext, flags: number): void {
  const { win, anchor } = ctx;
  if (flags & Flag.Year) yearRanges(ctx);
  if (flags & Flag.Decade) decades(ctx);
  if (flags & Flag.Month) months(ctx, win, anchor);
}

function yearRanges(ctx: WindowContext): void {
  for (const m of matches(RE_YEAR_RANGE, ctx.win)) {
    const a = Number(m[1] ?? m[3] ?? m[5]);
    const bRaw = m[2] ?? m[4] ?? m[6]!;
    const b = bRaw.length === 2 ? a - (a % 100) + Number(bRaw) : Number(bRaw);
    if (!(b > a && b - a <= 100)) continue;
    const end = m.index + m[0].length;
    if (countFollows(ctx.doc, ctx.offset + end)) continue;
    push(ctx, m.index, end, { value: `${isoYear(a)}/${isoYear(b)}`, precision: 'year' }, 'interval', 2);
  }
}

function decades(ctx: WindowContext): void {
  for (const m of matches(RE_DECADE, ctx.win)) {
    const y = m[2] ? Number(`${m[2]}${m[3]}0`) : 1900 + Number(m[4]) * 10;
    push(
      ctx,
      m.index,
      m.index + m[0].length,
      { value: `${isoYear(y)}/${isoYear(y + 9)}`, precision: 'year' },
      'interval',
      2,
    );
  }
}

function months(ctx: WindowContext, win: string, anchor: Anchor | null): void {
  for (const m of matches(RE_MONTH_RANGE, win)) {
    const m1 = monthNumber(m[1] ?? m[3]!);
    const m2 = monthNumber(m[2] ?? m[4]!);
    let value: string;
    if (m[5]) {
      const y = Number(m[5]);
      value = `${isoMonth(m2 < m1 ? y - 1 : y, m1)}/${isoMonth(y, m2)}`;
    } else if (anchor) {
      const y = yearForMonth(m1, anchor);
      value = `${isoMonth(y, m1)}/${isoMonth(m2 < m1 ? y + 1 : y, m2)}`;
    } else value = `--${pad2(m1)}/--${pad2(m2)}`;
    push(ctx, m.index, m.index + m[0].length, { value, precision: 'month' }, 'interval', 2);
  }
  for (const m of matches(RE_MONTH, win)) {
    const [, prefix, moisDe, monthWord, year, modifier] = m;
    const before = win.slice(Math.max(0, m.index - 14), m.index);
    if (!prefix && !moisDe && DAY_BEFORE.test(before)) continue;
    if (!prefix && !moisDe && !year && !modifier) {
      // A month name alone is a date only after a preposition, and in lower case (Mars, Mai 68).
      if (monthWord![0] !== monthWord![0]!.toLowerCase() || !MONTH_CONTEXT.test(before)) continue;
    }
    const mo = monthNumber(monthWord!);
    let r: Resolved;
    if (year) r = { value: isoMonth(Number(year), mo), precision: 'month' };
    else if (anchor) {
      const dir = modifier ? PERIOD_MODIFIERS.get(modifier.toLowerCase())! : 0;
      r = { value: isoMonth(yearForMonth(mo, anchor, dir), mo), precision: 'month' };
    } else r = { value: `--${pad2(mo)}`, precision: 'month' };
    push(ctx, m.index, m.index + m[0].length, r, 'point', 4);
  }
}

/** la semaine dernière, cette année, le mois prochain, l'an dernier, ce week-end; hier, demain. */
function periods(ctx: WindowContext, flags: number): void {
  // A match counts only over a flagged word (push): its noun, or its relative day.
  if (flags & Flag.Period) periodNouns(ctx);
  if (flags & Flag.RelativeDay) relativeDays(ctx);
}

function periodNouns(ctx: WindowContext): void {
  for (const m of matches(RE_PERIOD, ctx.win)) {
    const [, det, noun, suffix, modifier] = m;
    if (suffix?.toLowerCase() === '-là') continue;
    const demonstrative = /^ce/i.test(det!);
    if (!demonstrative && !modifier) continue;
    if (demonstrative && modifier) continue;
    const mod = modifier ? PERIOD_MODIFIERS.get(modifier.toLowerCase())! : 0;
    const kindOf = PERIOD_NOUNS.get(noun!.toLowerCase())!;
    // "ce mois" alone is "ce mois de mai" or "ce mois-ci"; "cet an" is not said.
    if (demonstrative && kindOf === 'month' && !suffix) continue;
    const r = resolvePeriod(kindOf, mod, ctx.anchor);
    push(ctx, m.index, m.index + m[0].length, r, r.kind, 4);
  }
}

function relativeDays(ctx: WindowContext): void {
  for (const m of matches(RE_RELATIVE_DAY, ctx.win)) {
    const offset = RELATIVE_DAYS.get(m[1]!.toLowerCase())!;
    push(ctx, m.index, m.index + m[0].length, resolveDayOffset(offset, ctx.anchor), 'point', 4);
  }
}

// ---------------------------------------------------------------------------------------------
// chrono: weekdays, day-month dates, dd/mm/yyyy, il y a / dans. Its results count only where they
// overlap a flagged word: "la veille", "maintenant", "cette nuit" are relative to the story, not
// to the article, and are not flagged.

const TRAILING_CHAR = /^[\s,)）]$/u;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const RELATIVE_START = /^(?:il\s+y\s+a|dans)\s/iu;
const HAS_CALENDAR_WORD = new RegExp(`${B0}(?:${WEEKDAY}|${MONTH})${B1}|\\d/\\d`, 'iu');

function chronoDates(full: WindowContext): void {
  // chrono reads a narrower window: from 30 characters before the first word it is run for to 30
  // after the last one.
  const flagged = full.hits.filter((h) => h.flags & Flag.Chrono);
  const all = full.doc.text;
  const lo = Math.max(full.offset, windowStart(all, flagged[0]!.start, CHRONO_MARGIN));
  const hi = Math.min(
    full.offset + full.win.length,
    windowEnd(all, flagged[flagged.length - 1]!.end, CHRONO_MARGIN),
  );
  const ctx: WindowContext = {
    doc: full.doc,
    anchor: full.anchor,
    win: all.slice(lo, hi),
    offset: lo,
    hits: full.hits,
    out: full.out,
  };
  const { win, anchor } = ctx;
  for (const r of chronoResults(win, anchor)) {
    let text = r.text;
    // chrono's table has "juin." and "août.": a sentence's period is not part of the date.
    // (The end-anchored patterns below are tried only where their last character is there.)
    const dot = text.endsWith('.') ? /([\p{L}]+)\.$/u.exec(text) : null;
    if (dot && !MONTH_ABBREVIATIONS.has(dot[1]!.toLowerCase())) text = text.slice(0, -1);
    const relative = RELATIVE_START.test(text);
    if (!relative && !HAS_CALENDAR_WORD.test(text)) continue;
    // "il y a quelques jours": chrono reads quelques as 3; the text does not say how many.
    if (relative && /quelques?|plusieurs|demi/iu.test(text)) continue;
    if (r.start.isCertain('hour')) {
      const cut = TIME_TAIL.exec(text);
      if (cut) text = text.slice(0, cut.index);
    }
    // chrono's weekday pattern takes a comma or a bracket on either side: (mardi), mardi,
    const lead = /^[(,（]\s*/u.exec(text)?.[0].length ?? 0;
    if (TRAILING_CHAR.test(text.slice(-1))) text = text.replace(/[\s,)）]+$/u, '');
    let start = r.index + lead;
    let end = r.index + text.length;
    if (end <= start) continue;
    // "le 14 juin, 2500 manifestants": chrono took a count for the year. Read the date without it.
    let parsed: ChronoResult = r;
    const yearTail = isAsciiDigit(text.charCodeAt(text.length - 1)) ? /(,?)\s*(\d{4})$/u.exec(text) : null;
    if (
      yearTail &&
      r.start.isCertain('year') &&
      (Number(yearTail[2]) > 2099 || (yearTail[1] && countFollows(ctx.doc, ctx.offset + end)))
    ) {
      text = text.slice(0, yearTail.index);
      end = r.index + text.length;
      const again = chronoParse(text, anchor)[0];
      if (!again || again.index !== 0 || again.text !== text) continue;
      parsed = again;
    }
    const res = chronoValue(parsed, ctx, relative, win.slice(end));
    if (!res) continue;
    // The determiner belongs to the date (le 14 juin, le samedi 16 mars); an interval takes its
    // frame (du 3 au 5 mars).
    const before = win.slice(Math.max(0, start - 4), start);
    const det = (res.kind === 'interval' ? /(?:^|\s)(du|le|Le|Du)\s+$/u : /(?:^|\s)(le|Le)\s+$/u).exec(
      before,
    );
    if (det) start -= det[0].length - (det[0].startsWith(' ') ? 1 : 0);
    end += res.extra;
    push(ctx, start, end, res, res.kind, 3);
  }
}

interface ChronoValue extends Resolved {
  kind: DateFactKind;
  /** Characters after chrono's match that belong to the date (le 5 juin prochain). */
  extra: number;
}

function chronoValue(
  r: ChronoResult,
  ctx: WindowContext,
  relative: boolean,
  after: string,
): ChronoValue | null {
  const anchor = ctx.anchor;
  const mod = /^\s+(dernier|prochain)(?![\p{L}])/iu.exec(after);
  const dir = mod ? PERIOD_MODIFIERS.get(mod[1]!.toLowerCase())! : 0;
  const one = (c: DateParts, startYear?: number): Resolved | null => {
    const mo = c.get('month')!;
    const d = c.get('day')!;
    if (relative) {
      const y = c.get('year')!;
      const ref = referenceInstant(anchor);
      const refDay: [number, number, number] = [
        ref.getUTCFullYear(),
        ref.getUTCMonth() + 1,
        ref.getUTCDate(),
      ];
      // il y a deux ans (year), il y a trois mois (month), hier / il y a 15 jours (day).
      if (!c.isCertain('day') || !c.isCertain('month')) {
        if (c.isCertain('month') && anchor && anchor.precision !== 'year')
          return { value: isoMonth(y, mo), precision: 'month' };
        if (c.isCertain('month')) {
          const months = y * 12 + mo - (refDay[0] * 12 + refDay[1]);
          return { value: relativeTo(countRelation(months, 'month'), anchor), precision: 'unknown' };
        }
        if (c.isCertain('year') && anchor) return { value: isoYear(y), precision: 'year' };
        return {
          value: relativeTo(countRelation(y - refDay[0], 'year'), anchor),
          precision: 'unknown',
        };
      }
      return resolveDayOffset(daysBetween(refDay, [y, mo, d]), anchor);
    }
    if (c.isCertain('day') && c.isCertain('month')) {
      // The year only when written: an implied one costs chrono's local-time arithmetic.
      if (c.isCertain('year')) return { value: isoDay(c.get('year')!, mo, d), precision: 'day' };
      if (!anchor) return { value: `--${pad2(mo)}-${pad2(d)}`, precision: 'day' };
      let year = startYear ?? yearFor(mo, d, anchor, dir);
      if (startYear !== undefined && year === startYear && c !== r.start && isBefore(mo, d, r.start)) year++;
      return { value: isoDay(year, mo, d), precision: 'day' };
    }
    if (c.isCertain('weekday')) {
      const wd = c.get('weekday')! || 7;
      if (anchor?.precision !== 'day')
        return { value: weekdayNear(wd, anchor), precision: 'weekday-relative' };
      // "mardi prochain" is the first Tuesday after the article's day and "mardi dernier" the last
      // one before it (chrono's "next" skips to the week after: wrong for French). A bare "mardi"
      // follows chrono: the Tuesday nearest the article's day, at most 3 days away, the day itself
      // if it is a Tuesday.
      const modifier = /(dernier|prochain)\s*$/iu.exec(r.text)?.[1]?.toLowerCase();
      if (!modifier) return { value: isoDay(c.get('year')!, mo, d), precision: 'day' };
      const here = isoWeekday(anchor.year, anchor.month, anchor.day);
      const offset = modifier === 'prochain' ? ((wd - here + 6) % 7) + 1 : -(((here - wd + 6) % 7) + 1);
      return { value: isoDay(...addDays(anchor.year, anchor.month, anchor.day, offset)), precision: 'day' };
    }
    return null;
  };
  const s = one(r.start);
  if (!s) return null;
  const extra =
    !relative && r.start.isCertain('day') && !r.start.isCertain('year') && mod ? mod[0].length : 0;
  // Properties copied by hand: an object spread here costs about a microsecond a call.
  if (!r.end) return { value: s.value, precision: s.precision, kind: 'point', extra };
  const startYear =
    r.start.isCertain('year') || !/^\d{4}-/.test(s.value) ? undefined : Number(s.value.slice(0, 4));
  const e = one(r.end, startYear);
  if (!e) return { value: s.value, precision: s.precision, kind: 'point', extra };
  if (s.precision === 'weekday-relative' && e.precision === 'weekday-relative') {
    const tail = anchor ? ` in or next to ${anchor.value}` : ' near the article date (unknown)';
    return {
      value: `${s.value.replace(/ (in or next to|near) .*$/, '')} to ${e.value.replace(/ (in or next to|near) .*$/, '')}${tail}`,
      precision: 'weekday-relative',
      kind: 'interval',
      extra,
    };
  }
  const iso = /^[\d-]/;
  const value = iso.test(s.value) && iso.test(e.value) ? `${s.value}/${e.value}` : `${s.value} to ${e.value}`;
  return { value, precision: s.precision === e.precision ? s.precision : 'unknown', kind: 'interval', extra };
}

/** "the month before", "3 years after". */
function countRelation(n: number, unit: 'month' | 'year'): string {
  const side = n < 0 ? 'before' : 'after';
  return Math.abs(n) === 1 ? `the ${unit} ${side}` : `${Math.abs(n)} ${unit}s ${side}`;
}

function isBefore(mo: number, d: number, start: DateParts): boolean {
  const sm = start.get('month')!;
  return mo < sm || (mo === sm && d < start.get('day')!);
}

// ---------------------------------------------------------------------------------------------
// Bare years: chrono does not read them. A four-digit token 1000-2099 is a year after a year cue
// (en, depuis, à l'horizon, fin...) or, for 1900-2099, when nothing makes it a quantity (plus de,
// environ, les; a counted noun, %, € after it).

function bareYear(doc: Doc, h: Hit, out: Candidate[]): void {
  const text = doc.text;
  const word = text.slice(h.start, h.end);
  if (!/^\d{4}$/.test(word)) return;
  const t = tokenAtOrAfter(doc, h.start);
  const toks = doc.tokens;
  if (
    t >= toks.count ||
    toks.start[t] !== h.start ||
    toks.end[t] !== h.end ||
    toks.kind[t] !== TokenKind.Number
  )
    return;
  const y = Number(word);
  const prev = t > 0 ? lower(doc, t - 1) : '';
  const prevGlued = t > 0 && toks.end[t - 1] === h.start;
  // 12/2019, 3-2019, 2,2019: part of something else.
  if (prevGlued && /^[/\-.,:]$/.test(prev)) return;
  if (
    t + 1 < toks.count &&
    toks.start[t + 1] === h.end &&
    /^[/\-:]$/.test(lower(doc, t + 1)) &&
    t + 2 < toks.count &&
    toks.kind[t + 2] === TokenKind.Number
  ) {
    return;
  }
  // en 2019, à l'horizon 2030, d'ici 2025, l'an 2000, fin 2018; (1974); PLF 2019, Euro 2016.
  let cue = YEAR_CUES.has(prev);
  if (!cue && prev === '(' && t + 1 < toks.count && lower(doc, t + 1) === ')') cue = true;
  if (!cue && t > 0 && toks.kind[t - 1] === TokenKind.Word && toks.flags[t - 1]! & TokenFlag.Capitalised) {
    cue = !QUANTITY_CUES.has(prev) && doc.sentences[doc.sentenceOfToken[t - 1]!]?.first !== t - 1;
  }
  if (cue) {
    // Still a quantity with a unit: depuis 2000 ans (a duration), en 2000 euros.
    if (unitFollows(doc, h.end)) return;
  } else {
    if (y < 1900 || QUANTITY_CUES.has(prev)) return;
    if (prev === 'de' && t > 1 && QUANTITY_CUES.has(lower(doc, t - 2))) return;
    if (countFollows(doc, h.end)) return;
  }
  out.push({ start: h.start, end: h.end, value: isoYear(y), precision: 'year', kind: 'point', rank: 5 });
}

function lower(doc: Doc, i: number): string {
  return doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[i]!).toLowerCase();
}

/**
 * True when what follows `offset` makes the number before it a count: a lowercase word that is
 * not a function word (2000 interpellations), %, €, $.
 */
export function countFollows(doc: Doc, offset: number): boolean {
  const t = tokenAtOrAfter(doc, offset);
  if (t >= doc.tokens.count) return false;
  const w = lower(doc, t);
  if (w === '%' || w === '€' || w === '$') return true;
  if (doc.tokens.kind[t] !== TokenKind.Word) return false;
  const raw = doc.text.slice(doc.tokens.start[t]!, doc.tokens.end[t]!);
  if (raw[0] !== raw[0]!.toLowerCase()) return false;
  return !AFTER_YEAR.has(w) && !MONTHS.has(w) && !w.endsWith('’') && !w.endsWith("'");
}

/** True when %, a currency or a unit of time follows `offset`. */
function unitFollows(doc: Doc, offset: number): boolean {
  const t = tokenAtOrAfter(doc, offset);
  if (t >= doc.tokens.count) return false;
  const w = lower(doc, t);
  return w === '%' || w === '€' || w === '$' || CURRENCIES.has(w) || DURATION_UNITS.has(w);
}

function monthNumber(word: string): number {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Longest first; at equal length the lower rank (sets, durations, intervals) wins. */
function select(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
