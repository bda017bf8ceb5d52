// Posts embedded in the page: a tweet's text kept in the article, signed by its author the way
// the embed prints it ("... — Jeanne Martin (@jmartin) 8 décembre 2018"). The text is the
// author's own words, a direct quote without marks.
import { tokenAtOrAfter, type Doc } from '../doc/document.js';
import type { MentionRange } from './mentions.js';

export interface EmbeddedPost {
  start: number;
  end: number;
  /** The author's name as the signature writes it. */
  author: MentionRange;
}

const MONTHS =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'january|february|march|april|may|june|july|august|september|october|november|december';

/** "— Name (@handle) 8 décembre 2018" / "— Name (@handle) November 20, 2018". */
const SIGNATURE = new RegExp(
  `[—–][\\s\\u00A0]*([^—–\\n()@]{2,60}?)[\\s\\u00A0]*\\(@\\w{1,30}\\)[\\s\\u00A0]*` +
    `(?:\\d{1,2}[\\s\\u00A0]+(?:${MONTHS})[\\s\\u00A0]+\\d{4}|(?:${MONTHS})[\\s\\u00A0]+\\d{1,2},?[\\s\\u00A0]+\\d{4})`,
  'giu',
);

/** Links, picture links and ad-script residue at the end of a post's text. */
const TRAILING_JUNK =
  /(?:[\s\u00A0]*(?:pic\.twitter\.com\/\S+|https?:\/\/\S+|googletag\.cmd\.push\(function\(\)\s*\{[^}]*\}\);))+[\s\u00A0]*$/u;

export function findEmbeddedPosts(doc: Doc): EmbeddedPost[] {
  const text = doc.text;
  const out: EmbeddedPost[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(SIGNATURE)) {
    const at = m.index ?? 0;
    // The post starts at its paragraph, or right after the previous signature in it.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let start = Math.max(lineStart, lastEnd);
    lastEnd = at + m[0].length;
    let end = at;
    const junk = TRAILING_JUNK.exec(text.slice(start, end));
    if (junk) end = start + junk.index;
    while (start < end && /[\s\u00A0]/u.test(text[start]!)) start++;
    while (end > start && /[\s\u00A0]/u.test(text[end - 1]!)) end--;
    if (text.slice(start, end).split(/[\s\u00A0]+/u).length < 4) continue;
    const nameStart = at + m[0].indexOf(m[1]!);
    const first = tokenAtOrAfter(doc, nameStart);
    const last = tokenAtOrAfter(doc, nameStart + m[1]!.trimEnd().length) - 1;
    if (last < first) continue;
    out.push({ start, end, author: { first, last } });
  }
  return out;
}
