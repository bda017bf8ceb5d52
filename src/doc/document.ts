// The document: the unchanged text and the layers the pipeline adds over it as offset views.
import { paragraphs, sentences, type Segment } from './segment.js';
import { tokenize, type Tokens } from './tokens.js';

export interface Doc {
  readonly text: string;
  readonly tokens: Tokens;
  readonly paragraphs: Segment[];
  readonly sentences: Segment[];
  /** sentenceOfToken[i] = index in `sentences` of the sentence holding token i. */
  readonly sentenceOfToken: Int32Array;
}

export function createDoc(text: string): Doc {
  const tokens = tokenize(text);
  const sents = sentences(text, tokens);
  const sentenceOfToken = new Int32Array(tokens.count);
  sents.forEach((s, k) => sentenceOfToken.fill(k, s.first, s.last + 1));
  return { text, tokens, paragraphs: paragraphs(tokens), sentences: sents, sentenceOfToken };
}

/** Text of token i. */
export function tokenText(doc: Doc, i: number): string {
  return doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[i]!);
}

const lowerCache = new WeakMap<Doc, Array<string | undefined>>();

function lowerCacheOf(doc: Doc): Array<string | undefined> {
  let cache = lowerCache.get(doc);
  if (!cache) lowerCache.set(doc, (cache = new Array<string | undefined>(doc.tokens.count)));
  return cache;
}

/** Lower-case text of token i, computed once per token: every stage compares words in lower case. */
export function tokenLower(doc: Doc, i: number): string {
  const cache = lowerCacheOf(doc);
  let w = cache[i];
  if (w === undefined) cache[i] = w = tokenText(doc, i).toLowerCase();
  return w;
}

/**
 * tokenLower bound to one document, for hot loops: the same shared cache (what the quote stage
 * lowered is not lowered again) without a look-up of the cache per call. i must be a token index.
 */
export function tokenLowerOf(doc: Doc): (i: number) => string {
  const cache = lowerCacheOf(doc);
  const { text } = doc;
  const { start, end } = doc.tokens;
  return (i) => (cache[i] ??= text.slice(start[i]!, end[i]!).toLowerCase());
}

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  const s = doc.tokens.start;
  let lo = 0;
  let hi = doc.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token ending at or before `offset`, or -1. */
export function tokenBefore(doc: Doc, offset: number): number {
  const e = doc.tokens.end;
  let lo = 0;
  let hi = doc.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
