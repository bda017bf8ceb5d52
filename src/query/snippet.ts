// Highlights and snippets computed from the original text: the words whose stem is a searched
// stem, found again with the same tokenizer and stemmer as the index (the FTS index holds stems,
// not the text, so FTS5's snippet() cannot be used).

import { foldAccents, foldedStem, isElided, scanWords } from './french.js';

export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  /** [start, end) of the excerpt in the original text. */
  start: number;
  end: number;
  text: string;
  /** The matched words, with offsets into the original text (inside [start, end)). */
  highlights: Highlight[];
  /** True when the excerpt does not start / end with the text. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** The words of `text` that match one of the folded stems `keys`. */
export function highlightsIn(text: string, keys: ReadonlySet<string>): Highlight[] {
  const out: Highlight[] = [];
  if (keys.size === 0) return out;
  // A stem keeps the first letter of its word (Snowball only rewrites endings), so a word whose
  // first letter, folded, starts no key cannot match: most words are rejected without being
  // lowercased, split off or stemmed. A word whose first character folds to nothing (a stray
  // combining mark) takes the full path.
  const firsts = new Set<string>();
  for (const k of keys) if (k.length > 0) firsts.add(k[0]!);
  scanWords(text, (start, end) => {
    const first = foldedChar(text.charCodeAt(start));
    if (first !== '' && !firsts.has(first)) return;
    const lower = text.slice(start, end).toLowerCase();
    if (!isElided(text, lower, end) && keys.has(foldedStem(lower))) out.push({ start, end });
  });
  return out;
}

const foldedChars = new Map<number, string>();

/** A UTF-16 code unit lowercased and without accents ('' for a lone combining mark). */
function foldedChar(code: number): string {
  let f = foldedChars.get(code);
  if (f === undefined) {
    f = foldAccents(String.fromCharCode(code).toLowerCase());
    if (f.length !== 1) f = '';
    foldedChars.set(code, f);
  }
  return f;
}

/**
 * An excerpt of about `maxChars` characters around the densest group of matched words (the most
 * distinct words, then the most matches), cut at word boundaries. With no match: the start.
 */
export function snippetOf(text: string, keys: ReadonlySet<string>, maxChars = 220): Snippet {
  const hits = highlightsIn(text, keys);
  if (text.length <= maxChars) {
    return { start: 0, end: text.length, text, highlights: hits, cutStart: false, cutEnd: false };
  }
  let bestFrom = 0;
  let bestScore = -1;
  if (hits.length > 0) {
    const word = (h: Highlight): string => foldedStem(text.slice(h.start, h.end).toLowerCase());
    const stems = hits.map(word);
    let j = 0;
    const counts = new Map<string, number>();
    for (let i = 0; i < hits.length; i++) {
      // Window [i, j): hits that fit in maxChars from hits[i].start.
      while (j < hits.length && hits[j]!.end - hits[i]!.start <= maxChars) {
        counts.set(stems[j]!, (counts.get(stems[j]!) ?? 0) + 1);
        j++;
      }
      const score = counts.size * 1000 + (j - i);
      if (score > bestScore) {
        bestScore = score;
        bestFrom = i;
      }
      const c = counts.get(stems[i]!) ?? 0;
      if (c <= 1) counts.delete(stems[i]!);
      else counts.set(stems[i]!, c - 1);
    }
  }
  let start = 0;
  if (hits.length > 0) {
    // A little context before the first match, from a word boundary.
    start = Math.max(0, hits[bestFrom]!.start - Math.floor(maxChars / 5));
    if (start > 0) {
      const sentence = lastSentenceStart(text, start, hits[bestFrom]!.start);
      start = sentence ?? nextWordStart(text, start);
    }
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  start = skipSpace(text, start, end);
  end = trimSpace(text, start, end);
  return {
    start,
    end,
    text: text.slice(start, end),
    highlights: hits.filter((h) => h.start >= start && h.end <= end),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}

/** The start of a sentence between `from` and `to`, if one begins there. */
function lastSentenceStart(text: string, from: number, to: number): number | null {
  const re = /[.!?»\n]\s+/g;
  re.lastIndex = from;
  let found: number | null = null;
  for (let m = re.exec(text); m !== null && m.index + m[0].length <= to; m = re.exec(text)) {
    found = m.index + m[0].length;
  }
  return found;
}

function nextWordStart(text: string, i: number): number {
  while (i < text.length && /\S/.test(text[i]!)) i++;
  return i;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i]!)) i++;
  return i;
}

function trimSpace(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** A text with its highlights marked by `open` and `close` (ANSI bold, or brackets). */
export function markHighlights(
  text: string,
  offset: number,
  highlights: readonly Highlight[],
  open: string,
  close: string,
): string {
  let out = '';
  let pos = 0;
  for (const h of highlights) {
    const s = h.start - offset;
    const e = h.end - offset;
    if (s < pos || e > text.length) continue;
    out += text.slice(pos, s) + open + text.slice(s, e) + close;
    pos = e;
  }
  return out + text.slice(pos);
}
