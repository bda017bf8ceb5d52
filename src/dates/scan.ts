// The cheap scan shared by dates and figures: one pass over the tokens, one table look-up per
// word, that flags the calendar words, four-digit years and dd/mm/yyyy for the date parsers and
// lists the tokens that can start a figure (numbers, possible number words). Kept per document,
// so that findFigures, run after findDateMentions on the same document, does not scan again.
import type { Doc } from '../doc/document.js';
import { TokenKind } from '../doc/tokens.js';
import {
  DURATION_UNITS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  PERIOD_NOUNS,
  RELATIVE_DAYS,
  SET_UNITS,
  WEEKDAYS,
} from '../lang/fr/calendar.js';
import { mayBeNumberWord, NUMBER_WORD_ATOMS } from '../lang/fr/numbers.js';

/** What a flagged word can be part of; a window runs only the parsers its flags call for. */
export const enum Flag {
  Weekday = 1,
  Month = 2,
  RelativeDay = 4,
  /** A unit of a duration or a set: jours, semaines, ans, heures, années... */
  Unit = 8,
  /** A period noun: semaine, week-end, mois, an, année. */
  Period = 16,
  Year = 32,
  /** A dd/mm/yyyy date. */
  Slash = 64,
  /** chrono has something to say about it. */
  Chrono = 128,
  /** "années": the only unit a decade is written with (les années 80). */
  Decade = 256,
  /** A weekday in the plural: les samedis. */
  PluralWeekday = 512,
}

export interface Hit {
  start: number;
  end: number;
  flags: number;
}

export interface DocScan {
  /** The flagged words, in text order. */
  hits: Hit[];
  /** Indices of the tokens a figure may start at: numbers and words that may be number words (mayBeNumberWord). */
  figureTokens: number[];
}

/** A day number right before a month: chrono's case (le 14 juin, du 3 au 5 mars, 1er mai). */
export const DAY_BEFORE = /\d(?:er|re|e)?\s*(?:de\s+)?$/iu;
/** A unit after "il y a" or "dans" and a word or two: chrono's case (il y a deux ans). */
const AGO_OR_IN_BEFORE = /(?:il\s+y\s+a|dans)\s+\S+(?:\s+\S+)?\s*$/iu;

/** The cheap scan's table: lowercased word -> flags. */
const TRIGGERS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (w: string, f: number): void => {
    m.set(w, (m.get(w) ?? 0) | f);
  };
  for (const w of WEEKDAYS.keys())
    add(w, Flag.Weekday | Flag.Chrono | (w.endsWith('s') ? Flag.PluralWeekday : 0));
  for (const w of MONTHS.keys()) if (!MONTH_ABBREVIATIONS.has(w)) add(w, Flag.Month);
  for (const w of RELATIVE_DAYS.keys()) add(w, Flag.RelativeDay);
  for (const w of DURATION_UNITS.keys()) add(w, Flag.Unit);
  for (const w of SET_UNITS.keys()) add(w, Flag.Unit);
  for (const w of PERIOD_NOUNS.keys()) add(w, Flag.Period);
  add('années', Flag.Decade);
  return m;
})();
const LONGEST_TRIGGER = Math.max(...[...TRIGGERS.keys()].map((w) => w.length));
/** In PREFIXES: some number word starts with these two letters. */
const NUMBER_WORD_BIT = 1 << 30;
/**
 * First two letters, case-folded the Latin-1 way (c | 0x20) and cut to 8 bits each -> bit mask of
 * the lengths of the triggers that start with them, and NUMBER_WORD_BIT. A word whose start and
 * length match no trigger is skipped without a slice. A table, not a map: it is read for every
 * word of the text (a collision of the cut codes only lets a word through to the exact test).
 */
const PREFIXES: Uint32Array = (() => {
  const table = new Uint32Array(1 << 16);
  for (const w of [...TRIGGERS.keys(), ...MONTH_ABBREVIATIONS]) table[prefixKey(w, 0)]! |= 1 << w.length;
  for (const w of NUMBER_WORD_ATOMS) table[prefixKey(w, 0)]! |= NUMBER_WORD_BIT;
  return table;
})();

function prefixKey(s: string, at: number): number {
  return (((s.charCodeAt(at) | 0x20) & 0xff) << 8) | ((s.charCodeAt(at + 1) | 0x20) & 0xff);
}

const scans = new WeakMap<Doc, DocScan>();

/** The document's scan, computed on first call. */
export function scanDoc(doc: Doc): DocScan {
  let s = scans.get(doc);
  if (!s) scans.set(doc, (s = scan(doc)));
  return s;
}

function scan(doc: Doc): DocScan {
  const { text, tokens } = doc;
  const { start, end, kind } = tokens;
  const hits: Hit[] = [];
  const figureTokens: number[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const k = kind[i]!;
    if (k === TokenKind.Number) {
      figureTokens.push(i);
      const s = start[i]!;
      const e = end[i]!;
      const len = e - s;
      if (len === 4) {
        const c0 = text.charCodeAt(s);
        // 1000-2099, a whole token (not 280 000, not 2,5).
        if ((c0 === 49 || (c0 === 50 && text.charCodeAt(s + 1) === 48)) && isFourDigits(text, s)) {
          hits.push({ start: s, end: e, flags: Flag.Year });
        }
      } else if (
        len <= 2 &&
        text.charCodeAt(e) === 47 /* / */ &&
        /^\/\d{1,2}\/\d/.test(text.slice(e, e + 5))
      ) {
        hits.push({ start: s, end: e, flags: Flag.Slash | Flag.Chrono });
      }
      continue;
    }
    if (k !== TokenKind.Word) continue;
    const s = start[i]!;
    const e = end[i]!;
    const len = e - s;
    if (len < 2) continue;
    const prefix = PREFIXES[prefixKey(text, s)]!;
    if (prefix & NUMBER_WORD_BIT && mayBeNumberWord(text, s, e)) figureTokens.push(i);
    let at = s;
    let flags = len <= LONGEST_TRIGGER && prefix & (1 << len) ? triggerAt(text, at, e) : 0;
    // mi-mars, mi-décembre: the calendar word after a hyphen.
    if (flags === 0 && text.charCodeAt(s + 2) === 45 /* - */) flags = triggerAt(text, (at = s + 3), e);
    if (flags === 0) continue;
    if (flags & Flag.Month && DAY_BEFORE.test(text.slice(Math.max(0, at - 12), at))) flags |= Flag.Chrono;
    if (flags & Flag.Unit && AGO_OR_IN_BEFORE.test(text.slice(Math.max(0, at - 30), at)))
      flags |= Flag.Chrono;
    hits.push({ start: at, end: e, flags });
  }
  return { hits, figureTokens };
}

function isFourDigits(text: string, s: number): boolean {
  for (let k = s; k < s + 4; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Flags of the word text[at, end), 0 when it is no trigger. */
function triggerAt(text: string, at: number, end: number): number {
  const len = end - at;
  if (len > LONGEST_TRIGGER || len < 2 || !(PREFIXES[prefixKey(text, at)]! & (1 << len))) return 0;
  const w = text.slice(at, end).toLowerCase();
  const flags = TRIGGERS.get(w);
  if (flags !== undefined) return flags;
  // janv. févr. sept.: abbreviations count only with their period.
  return MONTH_ABBREVIATIONS.has(w) && text.charCodeAt(end) === 46 /* . */ ? Flag.Month : 0;
}
