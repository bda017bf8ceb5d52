// French-aware text for full-text search: the same function turns an article (at ingest) and a
// user's query (at search time) into stems, so that they meet in the index.
//
// - words are runs of letters, marks and digits; case is folded per word;
// - elided articles and pronouns (l’, d’, qu’, j’, jusqu’…) before an apostrophe are dropped:
//   "l’Otan" -> "otan", "d'euros" -> "euros";
// - each word is stemmed with the Snowball French stemmer of @nlpjs/lang-fr (financements ->
//   financ); accents are kept for the stemmer (it needs them) and folded by the FTS5 tokenizer
//   (unicode61 remove_diacritics 2), so "defense" and "défense" meet as "defens".
//
// Offsets are kept (`wordsOf`), so that snippets and highlights refer to the original text.

import { StemmerFr } from '@nlpjs/lang-fr';

/** A word: a run of letters, marks and digits (global: reset `lastIndex` before a scan). */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;
export const APOSTROPHE = /['’ʼ‘`´]/;
/** Elided forms dropped before an apostrophe. */
export const ELIDED: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'ç',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
]);

/**
 * Function words left out of a query when it has other words: they match nearly every article,
 * cost the most to intersect and add nothing to the ranking. Kept inside quoted phrases.
 */
const QUERY_STOP_WORDS = new Set(
  (
    'le la les un une des du de au aux et ou à a en dans sur sous par pour avec sans que qui quoi ' +
    'ce cet cette ces se sa son ses leur leurs il elle ils elles on nous vous je tu ne pas plus est ' +
    'sont été être avoir ont y'
  ).split(' '),
);

// Word scanning by character code: the \p{L}\p{M}\p{N} classes of WORD, tabled once for the
// alphabets below U+3000 (Latin, Greek, Cyrillic, punctuation), scan an article about twice as
// fast as the regex (snippets and highlights scan every shown article whole on each search).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const TABLED = 0x3000;
const WORD_TABLE = new Uint8Array(TABLED);
for (let c = 0; c < TABLED; c++) WORD_TABLE[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/** The length (1 or 2 code units) of the word character at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < TABLED) return WORD_TABLE[c]!;
  // Other scripts and astral characters (a surrogate pair) are rare here: the regex decides.
  const cp = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * Calls `visit(start, end)` for each word of `text` (the matches of WORD, in order), without a
 * regex.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += w;
      w = i < n ? wordCharAt(text, i) : 0;
    } while (w !== 0);
    visit(start, i);
  }
}

/** Whether the word [start, end) is an elided form dropped before an apostrophe (l’, qu’). */
export function isElided(text: string, lower: string, end: number): boolean {
  return ELIDED.has(lower) && end < text.length && APOSTROPHE.test(text[end]!);
}

const stemmer = new StemmerFr();
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** The Snowball stem of a lowercased word (digits and one-letter words as they are). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s !== undefined) return s;
  if (word.length < 3 || /^\p{N}+$/u.test(word)) {
    s = word;
  } else {
    stemmer.setCurrent(word);
    stemmer.innerStem();
    s = stemmer.getCurrent();
  }
  // The cache stays bounded: a long ingest sees an open vocabulary.
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(word, s);
  return s;
}

export interface Word {
  start: number;
  end: number;
  /** Lowercased word. */
  lower: string;
}

/** The words of `text` with their offsets, elided forms left out. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  scanWords(text, (start, end) => {
    const lower = text.slice(start, end).toLowerCase();
    if (!isElided(text, lower, end)) words.push({ start, end, lower });
  });
  return words;
}

const foldedCache = new Map<string, string>();

/** foldAccents(stem(word)) for a lowercased word, cached: the key highlights compare. */
export function foldedStem(lower: string): string {
  let f = foldedCache.get(lower);
  if (f === undefined) {
    f = foldAccents(stem(lower));
    if (foldedCache.size >= STEM_CACHE_MAX) foldedCache.clear();
    foldedCache.set(lower, f);
  }
  return f;
}

/** The text the FTS index receives for `text`: its stems separated by spaces. */
export function indexText(text: string | null): string {
  if (!text) return '';
  const out: string[] = [];
  scanWords(text, (start, end) => {
    const lower = text.slice(start, end).toLowerCase();
    if (!isElided(text, lower, end)) out.push(stem(lower));
  });
  return out.join(' ');
}

/** Case and accents folded, as the FTS tokenizer does: the key to compare stems. */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A name folded for grouping and matching: no accents, lowercase, one space between words. */
export function foldName(s: string): string {
  return foldAccents(s)
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** A parsed search: groups of stems, each a word or a quoted phrase, all required. */
export interface SearchTerms {
  /** What the user typed. */
  raw: string;
  /** Each entry is one word's stem, or the stems of a quoted phrase. */
  groups: string[][];
}

/**
 * Parses a user's search text: words (all required) and "quoted phrases". Function words are
 * dropped when other words remain. Never fails: punctuation is ignored, unbalanced quotes end
 * at the end of the text.
 */
export function parseSearch(raw: string): SearchTerms {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const parts = raw.split(/["«»“”]/);
  const loose: string[] = [];
  parts.forEach((part, i) => {
    const stems = wordsOf(part).map((w) => stem(w.lower));
    if (stems.length === 0) return;
    if (i % 2 === 1 && stems.length > 1) {
      const key = stems.join(' ');
      if (!seen.has(key)) groups.push(stems);
      seen.add(key);
    } else {
      for (const w of wordsOf(part)) loose.push(w.lower);
    }
  });
  const content = loose.filter((w) => !QUERY_STOP_WORDS.has(w));
  const kept = content.length > 0 || groups.length > 0 ? content : loose;
  for (const w of kept) {
    const s = stem(w);
    if (seen.has(s)) continue;
    seen.add(s);
    groups.push([s]);
  }
  return { raw, groups };
}

/** The FTS5 MATCH expression of a search: every term quoted (user text never reaches FTS5 raw). */
export function ftsMatch(terms: SearchTerms): string | null {
  if (terms.groups.length === 0) return null;
  return terms.groups.map((g) => `"${g.join(' ').replace(/"/g, '""')}"`).join(' AND ');
}

/** The folded stems of a search, to find its words again in a text (highlights). */
export function stemKeys(terms: SearchTerms): Set<string> {
  const keys = new Set<string>();
  for (const g of terms.groups) for (const s of g) keys.add(foldAccents(s));
  return keys;
}
