// Figures: the numbers an article states, with what they count or measure. One pass over the
// tokens: a number in digits (French formats, see lang/fr/numbers.ts) or in words (trente, deux
// cent mille), an optional scale (1,5 milliard), then what follows decides the unit: %, pour cent,
// a currency, or the counted noun after any pre-nominal adjectives (quatre gros bataillons). A
// percentage takes what it is a share of (du Produit intérieur brut). Not figures: ordinals (17e,
// 1er, deuxième: the tokenizer keeps them as words), years and other date parts (the spans of
// findDates), times (19 h 30, 20h30), scores and ratios (3-1, 17:40), phone numbers and lists of
// bare numbers, identifiers (l'acte 15, France 2, n° 5), "un"/"une" as articles.
// Output rules: docs/dates-and-figures.md.
import { tokenLowerOf, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import { findDateMentions } from '../dates/find-dates.js';
import { scanDoc } from '../dates/scan.js';
import { MONTHS, WEEKDAYS } from '../lang/fr/calendar.js';
import {
  ADJECTIVE_ENDING,
  APPROXIMATE_NOUNS,
  CURRENCIES,
  CURRENCY_QUALIFIERS,
  IDENTIFIER_NOUNS,
  isNumberWord,
  mayBeNumberWord,
  NOT_COUNTED,
  NOT_SHARE_OF,
  parseDigits,
  parseNumberWords,
  PERCENT_SIGNS,
  PERCENT_WORDS,
  POSTNOMINAL_ADJECTIVES,
  PRENOMINAL_ADJECTIVES,
  SCALES,
  SHARE_DETERMINERS,
} from '../lang/fr/numbers.js';
import type { Figure } from '../types.js';

/** A span to leave alone: the dates found in the same text. */
export interface SkipSpan {
  start: number;
  end: number;
}

/** At most this many pre-nominal adjectives between a number and its noun (quatre gros bataillons). */
const MAX_ADJECTIVES = 2;
/** At most this many words after the head noun of what a share is of. */
const MAX_SHARE_WORDS = 5;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * The figures of the text in text order, ids f1, f2 ... `dates` are the spans findDates found in
 * the same text (numbers inside them are parts of dates, not figures); when omitted they are
 * computed here with no article date, which costs a second date scan: pass them when you have them.
 */
export function findFigures(doc: Doc, dates?: readonly SkipSpan[]): Figure[] {
  const skip = [...(dates ?? allDateSpans(doc))].sort((a, b) => a.start - b.start);
  const r = new Reader(doc, skip);
  const out: Figure[] = [];
  // Only the tokens the shared scan kept can start a figure; a figure's tokens are not read again.
  let after = -1;
  for (const i of scanDoc(doc).figureTokens) {
    if (i <= after) continue;
    const f = r.figureAt(i);
    if (!f) continue;
    const fig: Figure = {
      id: '',
      start: f.start,
      end: f.end,
      text: doc.text.slice(f.start, f.end),
      value: f.value,
    };
    if (f.unit !== undefined) fig.unit = f.unit;
    if (f.of !== undefined) fig.of = f.of;
    out.push(fig);
    after = f.lastToken;
  }
  propagateRangeUnits(doc.text, out);
  out.forEach((f, k) => (f.id = `f${k + 1}`));
  return out;
}

/** Every span findDates reads as a date, its repeated mentions included. */
function allDateSpans(doc: Doc): SkipSpan[] {
  const { dates, repeats } = findDateMentions(doc, null);
  return [...dates, ...repeats];
}

interface Raw {
  start: number;
  end: number;
  lastToken: number;
  value: number;
  unit?: string;
  of?: string;
}

class Reader {
  private readonly text: string;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly kind: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly n: number;
  private readonly lowerOf: (i: number) => string;
  private skipAt = 0;

  constructor(
    private readonly doc: Doc,
    private readonly skip: readonly SkipSpan[],
  ) {
    this.text = doc.text;
    this.start = doc.tokens.start;
    this.end = doc.tokens.end;
    this.kind = doc.tokens.kind;
    this.flags = doc.tokens.flags;
    this.n = doc.tokens.count;
    this.lowerOf = tokenLowerOf(doc);
  }

  private word(i: number): string {
    return i >= 0 && i < this.n ? this.text.slice(this.start[i]!, this.end[i]!) : '';
  }

  private lower(i: number): string {
    return i >= 0 && i < this.n ? this.lowerOf(i) : '';
  }

  /** No whitespace between tokens i and i + 1. */
  private glued(i: number): boolean {
    return i >= 0 && i + 1 < this.n && this.end[i] === this.start[i + 1];
  }

  /** Inside a date span (tokens are visited in order, so the pointer only moves forward). */
  private inDate(offset: number): boolean {
    while (this.skipAt < this.skip.length && this.skip[this.skipAt]!.end <= offset) this.skipAt++;
    const s = this.skip[this.skipAt];
    return s !== undefined && s.start <= offset;
  }

  figureAt(i: number): Raw | null {
    const k = this.kind[i]!;
    if (k === TokenKind.Number) return this.digits(i);
    if (k === TokenKind.Word) {
      // (The scan lists a word only when mayBeNumberWord says it may be one.)
      const w = this.lower(i);
      if (!isNumberWord(w)) return null;
      return this.words(i);
    }
    return null;
  }

  /** A number in digits at token i. */
  private digits(i: number): Raw | null {
    const s = this.start[i]!;
    if (this.inDate(s)) return null;
    const raw = this.word(i);
    let value = parseDigits(raw);
    if (value === null) return null;
    // 07, 0032: codes, not quantities (0,5 is a quantity).
    if (raw.length > 1 && raw[0] === '0' && raw[1] !== ',' && raw[1] !== '.') return null;
    const prev = this.lower(i - 1);
    const next = this.lower(i + 1);
    // 17:40:41, 23/01, 3-1, 1.2.3: glued to another number by a separator.
    if (
      this.glued(i - 1) &&
      /^[:/\-–.]$/.test(prev) &&
      this.kind[i - 2] === TokenKind.Number &&
      this.glued(i - 2)
    )
      return null;
    if (this.glued(i) && /^[:/\-–]$/.test(next) && this.kind[i + 2] === TokenKind.Number && this.glued(i + 1))
      return null;
    // 19 h 30, 14 heures: a time of day (durations were taken by findDates).
    if (/^(?:h|heures?|hres?|min|mn)$/.test(next) || /^(?:h|heures?)$/.test(prev)) return null;
    if (next === ':' && this.kind[i + 2] === TokenKind.Number) return null;
    // 01 23 45 67 89, "les 92 93": runs of bare numbers are codes or lists.
    if (this.kind[i - 1] === TokenKind.Number || this.kind[i + 1] === TokenKind.Number) return null;
    // Lens - Ajaccio 1 - 2: a score.
    if (this.isDash(i - 1) && this.kind[i - 2] === TokenKind.Number) return null;
    if (this.isDash(i + 1) && this.kind[i + 2] === TokenKind.Number && !this.glued(i)) return null;
    // samedi 8, les mardi 20 et mercredi 21, du 27 au 30: days of a month chrono could not place.
    if (value >= 1 && value <= 31 && Number.isInteger(value)) {
      if (WEEKDAYS.has(prev)) return null;
      // du 14 juin: a day of a month, named again after findDates listed it (or left to it).
      if (MONTHS.has(next)) return null;
      if ((prev === 'au' || prev === 'et') && this.kind[i - 2] === TokenKind.Number) return null;
      if (prev === 'au' && /^(?:du|au)$/.test(this.lower(i - 3))) return null;
    }
    let start = s;
    // +8,7 % / -3 %: a sign glued to the number.
    if ((prev === '+' || prev === '-' || prev === '−') && this.glued(i - 1)) {
      start = this.start[i - 1]!;
      if (prev !== '+') value = -value;
    }
    const tail = this.tail(i, value, true);
    // tail's object is fresh: updated in place (an object spread here costs a microsecond a call).
    if (tail) {
      tail.start = Math.min(start, tail.start);
      return tail;
    }
    // A bare number: not after an identifier (acte 15, France 2, le 15), not a year, not alone in
    // brackets (13573).
    if (IDENTIFIER_NOUNS.has(prev) || prev === 'le') return null;
    if (
      this.kind[i - 1] === TokenKind.Word &&
      this.flags[i - 1]! & TokenFlag.Capitalised &&
      !this.sentenceStart(i - 1)
    ) {
      return null;
    }
    if (/^\d{4}$/.test(raw) && value >= 1000 && value <= 2099) return null;
    if (prev === '(' && next === ')') return null;
    // les lignes 1, 3, 8, 9 et 13: a list of bare numbers names things.
    if ((prev === ',' || prev === 'et') && this.kind[i - 2] === TokenKind.Number) return null;
    if (next === ',' && this.kind[i + 2] === TokenKind.Number) return null;
    if (prev === '(' && this.kind[i + 1] !== TokenKind.Word) return null;
    return { start, end: this.end[i]!, lastToken: i, value };
  }

  /** A number in words at token i (vingt et un, deux cent mille, quatre-vingt-dix). */
  private words(i: number): Raw | null {
    const s = this.start[i]!;
    if (this.inDate(s)) return null;
    const first = this.lower(i);
    // Most number words are "un" / "une" as articles: decided on the next word alone.
    if ((first === 'un' || first === 'une') && this.articleBefore(i + 1)) return null;
    // The words the parser may read: it stops at the first word that is no number atom nor "et".
    const ws: string[] = [];
    for (let j = i; j < this.n && j < i + 8; j++) {
      if (this.kind[j] !== TokenKind.Word) break;
      const w = this.lower(j);
      if (j > i && w !== 'et' && !mayBeNumberWord(this.text, this.start[j]!, this.end[j]!)) break;
      ws.push(w);
    }
    const parsed = parseNumberWords(ws);
    if (!parsed) return null;
    const last = i + parsed.used - 1;
    // deux millions, trois mille: the words end on a scale, so "de" may come before the noun.
    const endsOnScale = /(?:mille|millions?|milliards?|billions?)$/.test(this.lower(last));
    const tail = this.tail(last, parsed.value, false, endsOnScale);
    // "un" / "une" alone is an article; "un million", "une dizaine", "un pour cent", "un euro" are
    // numbers (a scale, a percent or a currency follows).
    const measure =
      tail?.unit !== undefined && (tail.unit === '%' || tail.unit === '‰' || CURRENCY_CODE.test(tail.unit));
    if ((first === 'un' || first === 'une') && parsed.used === 1 && !(tail && (tail.scaled || measure)))
      return null;
    if (!tail)
      return parsed.value >= 1000
        ? { start: s, end: this.end[last]!, lastToken: last, value: parsed.value }
        : null;
    tail.start = s;
    return tail;
  }

  /**
   * True when "un" / "une" before token j is an article: j is no number word nor "et", and none of
   * the words that make "un" a figure (a scale, a count, a percent, a currency: un million, une
   * dizaine, un pour cent, un euro). What words() and tail() would conclude, without reading more.
   */
  private articleBefore(j: number): boolean {
    if (j >= this.n) return true;
    const w = this.lower(j);
    if (
      this.kind[j] === TokenKind.Word &&
      (w === 'et' || mayBeNumberWord(this.text, this.start[j]!, this.end[j]!))
    )
      return false;
    return !(
      SCALES.has(w) ||
      APPROXIMATE_NOUNS.has(w) ||
      PERCENT_SIGNS.has(w) ||
      w === '‰' ||
      w === 'pour' ||
      w === 'p.' ||
      w === 'pourcent' ||
      w === 'pourcents' ||
      CURRENCIES.has(w)
    );
  }

  /**
   * What follows a number ending at token `last`: a scale, then %, a currency or a counted noun
   * (with a percentage's "of"). Null when nothing follows that makes it a figure.
   */
  private tail(
    last: number,
    value: number,
    isDigits: boolean,
    scaledAlready = false,
  ): (Raw & { scaled: boolean }) | null {
    const startTok = last;
    let j = last + 1;
    let v = value;
    let scaled = scaledAlready;
    // Scale: 1,5 milliard, 20 millions, 10 mille, 3 Md€, 20 M€; "un million et demi".
    const sc = this.lower(j);
    const scale = SCALES.get(sc);
    let unitScale = scaledAlready ? (SCALES.get(this.lower(last)) ?? 0) : 0;
    if (scale !== undefined && !scaled && (sc.length > 1 || CURRENCIES.has(this.lower(j + 1)))) {
      if (!(sc === 'mille' && !isDigits)) {
        v *= scale;
        scaled = true;
        unitScale = scale;
        j++;
      }
    }
    if (unitScale && this.lower(j) === 'et' && /^demie?$/.test(this.lower(j + 1))) {
      v += unitScale / 2;
      j += 2;
    }
    // Approximate counts: une dizaine de stands, 3 milliers de personnes.
    const approx = APPROXIMATE_NOUNS.get(this.lower(j));
    if (approx !== undefined && !scaled) {
      v *= approx;
      scaled = true;
      j++;
    }
    const end = (t: number): number => this.end[t]!;
    const s = this.start[startTok]!;
    // Percent.
    const p = this.lower(j);
    if (PERCENT_SIGNS.has(p) || p === '‰') {
      return this.withShare({
        start: s,
        end: end(j),
        lastToken: j,
        value: v,
        unit: p === '‰' ? '‰' : '%',
        scaled,
      });
    }
    if ((p === 'pour' || p === 'p.') && PERCENT_WORDS.has(this.lower(j + 1))) {
      const unit = PERCENT_WORDS.get(this.lower(j + 1))!;
      return this.withShare({ start: s, end: end(j + 1), lastToken: j + 1, value: v, unit, scaled });
    }
    if (p === 'pourcent' || p === 'pourcents') {
      return this.withShare({ start: s, end: end(j), lastToken: j, value: v, unit: '%', scaled });
    }
    // Currency, after "de" / "d'" when scaled (1,5 milliard d'euros).
    let c = j;
    if (scaled && (p === 'de' || p === 'd’' || p === "d'")) c = j + 1;
    const cur = CURRENCIES.get(this.lower(c));
    if (cur !== undefined && (c === j || this.kind[c] === TokenKind.Word)) {
      const q = CURRENCY_QUALIFIERS.get(this.lower(c + 1));
      const lastTok = q !== undefined && this.kind[c] === TokenKind.Word ? c + 1 : c;
      return { start: s, end: end(lastTok), lastToken: lastTok, value: v, unit: q ?? cur, scaled };
    }
    // A currency sign before the number: $20, €500.
    const before = this.lower(startTok - 1);
    if (isDigits && (before === '$' || before === '€' || before === '£') && this.glued(startTok - 1)) {
      return {
        start: this.start[startTok - 1]!,
        end: end(last),
        lastToken: last,
        value: v,
        unit: CURRENCIES.get(before)!,
        scaled,
      };
    }
    // Counted noun: quatre gros bataillons, trente pays, deux millions de personnes.
    let t = j;
    if (scaled && (p === 'de' || p === 'd’' || p === "d'")) t = j + 1;
    let adjectives = 0;
    while (
      adjectives < MAX_ADJECTIVES &&
      PRENOMINAL_ADJECTIVES.has(this.lower(t)) &&
      (this.isWord(t + 1) || this.kind[t + 1] === TokenKind.Quote)
    ) {
      t++;
      adjectives++;
    }
    // 300 "gilets jaunes", 8000 « gilets jaunes »: the counted noun in quotation marks.
    if (this.kind[t] === TokenKind.Quote && this.isCountedNoun(t + 1)) {
      for (let q = t + 2; q <= t + 4 && q < this.n; q++) {
        if (this.kind[q] === TokenKind.Quote) {
          const unit = this.text.slice(this.start[t + 1]!, this.end[q - 1]!);
          return { start: s, end: this.end[q]!, lastToken: q, value: v, unit, scaled };
        }
        if (!this.isWord(q)) break;
      }
    }
    if (this.isCountedNoun(t)) {
      let e = end(t);
      let lastTok = t;
      let unit = this.word(t);
      // km/h, m/s
      if (
        this.glued(t) &&
        this.lower(t + 1) === '/' &&
        this.glued(t + 1) &&
        this.kind[t + 2] === TokenKind.Word
      ) {
        e = end(t + 2);
        lastTok = t + 2;
        unit = this.text.slice(this.start[t]!, e);
      }
      return { start: s, end: e, lastToken: lastTok, value: v, unit, scaled };
    }
    if (scaled) return { start: s, end: end(j - 1), lastToken: j - 1, value: v, scaled };
    return null;
  }

  private isDash(i: number): boolean {
    return i >= 0 && i < this.n && (this.kind[i] === TokenKind.Dash || this.lower(i) === '-');
  }

  private isWord(i: number): boolean {
    return i < this.n && this.kind[i] === TokenKind.Word;
  }

  private sentenceStart(i: number): boolean {
    if (i === 0) return true;
    const sent = this.doc.sentences[this.doc.sentenceOfToken[i]!];
    return sent !== undefined && sent.first === i;
  }

  /** A word that can be the noun a number counts. */
  private isCountedNoun(t: number): boolean {
    if (!this.isWord(t)) return false;
    const raw = this.word(t);
    const w = raw.toLowerCase();
    if (w.length < 2 && w !== 'm' && w !== 't' && w !== 'g') return false;
    if (this.flags[t]! & (TokenFlag.Elision | TokenFlag.Inverted)) return false;
    if (NOT_COUNTED.has(w) || MONTHS.has(w) || WEEKDAYS.has(w) || isNumberWord(w)) return false;
    if (/^\d/.test(w)) return false;
    if (this.flags[t]! & TokenFlag.Capitalised) {
      // 27 États membres, 2 Français; not a name (France 2 Jean-Michel), not an acronym run.
      if (this.isWord(t + 1) && this.flags[t + 1]! & TokenFlag.Capitalised) return false;
      if (raw.length > 1 && raw === raw.toUpperCase()) return false;
    }
    return true;
  }

  /** "73 % des Français", "deux pour cent du Produit intérieur brut (PIB)": what a share is of. */
  private withShare(f: Raw & { scaled: boolean }): Raw & { scaled: boolean } {
    let t = f.lastToken + 1;
    const de = this.lower(t);
    if (de === 'des' || de === 'du') t++;
    else if (de === 'de' || de === 'd’' || de === "d'") {
      t++;
      while (SHARE_DETERMINERS.has(this.lower(t))) t++;
    } else return f;
    const head = t;
    if (!this.isWord(head) || this.flags[head]! & TokenFlag.Inverted) return f;
    const hw = this.lower(head);
    if (NOT_COUNTED.has(hw) || NOT_SHARE_OF.has(hw) || isNumberWord(hw) || /^\d/.test(hw)) return f;
    let last = head;
    for (let k = head + 1; k < this.n && k <= head + MAX_SHARE_WORDS; k++) {
      if (!this.isWord(k)) break;
      const w = this.lower(k);
      if (NOT_COUNTED.has(w)) break;
      const cap = (this.flags[k]! & TokenFlag.Capitalised) !== 0;
      if (!(cap || POSTNOMINAL_ADJECTIVES.has(w) || (ADJECTIVE_ENDING.test(w) && !/(?:ent|ont)$/.test(w))))
        break;
      last = k;
    }
    let of = this.text.slice(this.start[head]!, this.end[last]!);
    // The acronym in brackets goes with the name (Produit intérieur brut (PIB)), not into the span.
    if (this.lower(last + 1) === '(' && this.isWord(last + 2) && this.lower(last + 3) === ')') {
      const acr = this.word(last + 2);
      if (acr === acr.toUpperCase() && acr.length <= 8)
        of = this.text.slice(this.start[head]!, this.end[last + 3]!);
    }
    f.end = this.end[last]!;
    f.lastToken = last;
    f.of = of;
    return f;
  }
}

/**
 * "entre 100 et 150 €", "de 20 à 40 %", "89 à 102 km/h": the first number of a range takes the
 * unit of the second.
 */
function propagateRangeUnits(text: string, figs: Figure[]): void {
  for (let k = 0; k + 1 < figs.length; k++) {
    const a = figs[k]!;
    const b = figs[k + 1]!;
    if (a.unit !== undefined || b.unit === undefined) continue;
    if (!/^\s*(?:et|à|ou|-|–)\s*$/u.test(text.slice(a.end, b.start))) continue;
    a.unit = b.unit;
  }
}
