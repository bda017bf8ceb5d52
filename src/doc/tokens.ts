// Tokenizer: a sticky-regex scan over the unchanged text (Intl.Segmenter is ~30x slower, see
// shared/MEASUREMENTS.md). Tokens are packed in typed arrays, wink-nlp style; a token is only an
// index, its text is text.slice(start[i], end[i]).
import {
  ABBREVIATIONS,
  APOSTROPHE_WORDS,
  ELISIONS,
  GLUED_OPENERS,
  INVERTED_CLITICS,
} from '../lang/fr/orthography.js';

export const enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
  /** Any quotation mark: « » “ ” „ " ‹ › */
  Quote = 4,
  /** A dash used as punctuation: — – or a spaced - */
  Dash = 5,
}

export const enum TokenFlag {
  None = 0,
  /** Starts with an upper-case letter. */
  Capitalised = 1,
  /** Elided form ending in an apostrophe: l’ d’ qu’ */
  Elision = 2,
  /** Subject pronoun of an inversion: the "il" of a-t-il, dit-il. */
  Inverted = 4,
  /** Abbreviation or initial that carries its period: M. Dr. J. */
  Abbreviation = 8,
  /** Whitespace precedes the token (or it starts the text). */
  SpaceBefore = 16,
  /** A line break precedes the token. */
  NewlineBefore = 32,
}

export interface Tokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+|[-‑][\p{L}\p{M}\p{N}]+)*/uy;
// 280 000, 1,5, 2.500, 1 300,25 — spaces between groups of three digits may be (narrow) no-break.
const NUMBER = /\p{N}+(?:[ \u00A0\u202F]\d{3}(?!\d))*(?:[.,]\d+)*/uy;
const SPACE = /[\s\u00A0\u202F\u2009\uFEFF]+/uy;
const QUOTE_CHARS = '«»“”„"‹›';
const DASH_CHARS = '—–';
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

class TokenBuffer implements Tokens {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);

  push(start: number, end: number, kind: TokenKind, flags: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.flags[i] = flags;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const s = new Int32Array(n);
    s.set(this.start);
    this.start = s;
    const e = new Int32Array(n);
    e.set(this.end);
    this.end = e;
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.flags = f;
  }
}

export function tokenize(text: string): Tokens {
  const out = new TokenBuffer();
  let pos = 0;
  let spaceBefore = true;
  let newlineBefore = true;
  const n = text.length;
  while (pos < n) {
    SPACE.lastIndex = pos;
    if (SPACE.test(text)) {
      const ws = text.slice(pos, SPACE.lastIndex);
      if (ws.includes('\n') || ws.includes('\r')) newlineBefore = true;
      spaceBefore = true;
      pos = SPACE.lastIndex;
      continue;
    }
    const base = (spaceBefore ? TokenFlag.SpaceBefore : 0) | (newlineBefore ? TokenFlag.NewlineBefore : 0);
    spaceBefore = false;
    newlineBefore = false;
    const ch = text.charCodeAt(pos);
    if (ch >= 48 && ch <= 57) {
      NUMBER.lastIndex = pos;
      NUMBER.test(text);
      let end = NUMBER.lastIndex;
      // A trailing ".5" style decimal is kept, but a sentence-final period is not part of a number.
      WORD.lastIndex = end;
      if (end < n && WORD.test(text) && WORD.lastIndex > end && !/[\s]/.test(text[end] ?? ' ')) {
        // 17e, 1er, 3D: digits glued to letters form one word-like token.
        end = WORD.lastIndex;
        out.push(pos, end, TokenKind.Word, base);
      } else {
        out.push(pos, end, TokenKind.Number, base);
      }
      pos = end;
      continue;
    }
    WORD.lastIndex = pos;
    if (WORD.test(text)) {
      pos = pushWord(out, text, pos, WORD.lastIndex, base);
      continue;
    }
    const c = text[pos] as string;
    if (QUOTE_CHARS.includes(c)) {
      out.push(pos, pos + 1, TokenKind.Quote, base);
    } else if (DASH_CHARS.includes(c) || (c === '-' && base & TokenFlag.SpaceBefore)) {
      out.push(pos, pos + 1, TokenKind.Dash, base);
    } else if (c === '.' && text.startsWith('..', pos + 1)) {
      out.push(pos, pos + 3, TokenKind.Punct, base);
      pos += 3;
      continue;
    } else {
      // Surrogate pairs (emoji) stay whole so no span cuts a character in two.
      const code = text.codePointAt(pos) ?? 0;
      const len = code > 0xffff ? 2 : 1;
      out.push(pos, pos + len, TokenKind.Punct, base);
      pos += len;
      continue;
    }
    pos += 1;
  }
  return out;
}

/** Splits a scanned word into elision, body, glued paragraphs and inverted clitics; returns where it ends. */
function pushWord(out: TokenBuffer, text: string, start: number, end: number, flags: number): number {
  let s = start;
  // Elision: l’Otan, qu’il, jusqu’au. Repeated: qu’l’... is not French, one is enough.
  const apo = indexOfApostrophe(text, s, end);
  if (apo > s) {
    const head = text.slice(s, apo).toLowerCase();
    const whole = text.slice(s, end).toLowerCase().replace(/’/g, "'");
    if (ELISIONS.has(head) && !APOSTROPHE_WORDS.has(whole) && !APOSTROPHE_WORDS.has(wordUntilHyphen(whole))) {
      out.push(s, apo + 1, TokenKind.Word, flags | capital(text, s) | TokenFlag.Elision);
      s = apo + 1;
      flags &= ~(TokenFlag.SpaceBefore | TokenFlag.NewlineBefore);
    }
  }
  // Inversion: the pronoun after the last hyphen(s): a-t-il, dit-elle, pouvait-on.
  let bodyEnd = end;
  let cliticStart = -1;
  // Search only inside this word: an unbounded lastIndexOf scans back across the whole text.
  let lastHyphen = -1;
  for (let h = end - 1; h > s; h--) {
    const c = text[h];
    if (c === '-' || c === '‑') {
      lastHyphen = h;
      break;
    }
  }
  if (lastHyphen > s) {
    const clitic = text.slice(lastHyphen + 1, end).toLowerCase();
    if (INVERTED_CLITICS.has(clitic)) {
      cliticStart = lastHyphen + 1;
      bodyEnd = lastHyphen;
      // a-t-il: drop the euphonic t as well.
      if (
        bodyEnd - 2 > s &&
        text[bodyEnd - 1] === 't' &&
        (text[bodyEnd - 2] === '-' || text[bodyEnd - 2] === '‑')
      ) {
        bodyEnd -= 2;
      }
    }
  }
  const bodyStop = pushGlued(out, text, s, bodyEnd, flags);
  if (cliticStart < 0) return bodyStop;
  out.push(cliticStart, end, TokenKind.Word, TokenFlag.Inverted | capital(text, cliticStart));
  return end;
}

/**
 * "bancairesLes" -> "bancaires" + "Les" when a lost line break glued a heading to a paragraph.
 * Returns where the last token ends (after an abbreviation's period).
 */
function pushGlued(out: TokenBuffer, text: string, start: number, end: number, flags: number): number {
  for (let i = start + 1; i < end - 1; i++) {
    const c = text[i] as string;
    if (UPPER.test(c) && LOWER.test(text[i - 1] as string)) {
      let j = i + 1;
      while (j < end && LOWER.test(text[j] as string)) j++;
      if (j === end || text[j] === '-' || text[j] === '’' || text[j] === "'") {
        if (GLUED_OPENERS.has(text.slice(i, j))) {
          out.push(start, i, TokenKind.Word, flags | capital(text, start));
          out.push(i, end, TokenKind.Word, TokenFlag.Capitalised | TokenFlag.NewlineBefore);
          return end;
        }
      }
    }
  }
  // Abbreviations and initials keep their period: M. Morel, J.-C. Juncker.
  let e = end;
  if (text[end] === '.') {
    const w = text.slice(start, end);
    const isInitial = w.length === 1 && UPPER.test(w);
    if (isInitial || ABBREVIATIONS.has(w.toLowerCase())) {
      // "etc." ends sentences as often as not; the splitter decides, the token keeps the period.
      e = end + 1;
      flags |= TokenFlag.Abbreviation;
    }
  }
  out.push(start, e, TokenKind.Word, flags | capital(text, start));
  return e;
}

function indexOfApostrophe(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '’' || c === "'") return i;
  }
  return -1;
}

function wordUntilHyphen(w: string): string {
  const h = w.indexOf('-');
  return h < 0 ? w : w.slice(0, h);
}

function capital(text: string, at: number): number {
  return UPPER.test(text[at] as string) ? TokenFlag.Capitalised : 0;
}
