// Pairs quotation marks into quoted passages, paragraph by paragraph. Real pages mix « », “ ”
// and " ", nest them, forget to close them and close them twice; the rules below keep one bad
// mark from derailing the rest of the article.
import type { Doc } from '../doc/document.js';
import { TokenKind } from '../doc/tokens.js';

export interface Quoted {
  /** Offset of the opening mark (of the paragraph's start when the page lost the mark). */
  open: number;
  /** Offset of the closing mark, or -1 when the passage runs to the end of its paragraph. */
  close: number;
  /** Content without marks and surrounding spaces. */
  start: number;
  end: number;
}

const CLOSER_OF: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‹': '›', '"': '"' };

interface Open {
  ch: string;
  at: number;
}

export function findQuoted(doc: Doc): Quoted[] {
  const { text, tokens } = doc;
  const out: Quoted[] = [];
  const paras = doc.paragraphs;
  // The last paragraph that left a passage open at its end.
  let openBefore = -1;
  for (let pi = 0; pi < paras.length; pi++) {
    const para = paras[pi]!;
    const openAtStart = openBefore;
    const stack: Open[] = [];
    let lastTop: Quoted | null = null; // last top-level passage closed in this paragraph
    let openedSinceLast = false;
    for (let i = para.first; i <= para.last; i++) {
      if (tokens.kind[i] !== TokenKind.Quote) continue;
      const at = tokens.start[i]!;
      const ch = text[at]!;
      const top = stack[stack.length - 1];
      if (ch === '"') {
        if (top && top.ch === '"' && !(isLetter(text, at + 1) && isSpace(text, at - 1))) {
          closeTop(stack, at);
        } else if (!(top && top.ch === '"') || isSpace(text, at - 1) || at === para.start) {
          stack.push({ ch, at });
          openedSinceLast = true;
        }
        continue;
      }
      if (ch === '«' || ch === '‹' || ch === '„' || (ch === '“' && !(top && top.ch === '„'))) {
        stack.push({ ch, at });
        openedSinceLast = true;
        continue;
      }
      // A closer: find the nearest opener it closes.
      let k = stack.length - 1;
      while (k >= 0 && CLOSER_OF[stack[k]!.ch] !== ch) k--;
      if (k < 0 && ch === '»' && top && top.ch === '"') {
        // Mixed marks: "... » -- a straight opener closed by a guillemet.
        closeTop(stack, at);
        if (stack.length === 0) {
          lastTop = out[out.length - 1]!;
          openedSinceLast = false;
        }
      } else if (k >= 0) {
        const opener = stack[k]!;
        stack.length = k;
        if (k === 0) {
          lastTop = passage(text, opener.at, at);
          out.push(lastTop);
          openedSinceLast = false;
        }
      } else if (stack.length === 0 && lastTop && !openedSinceLast && ch !== '”') {
        // A stray closer after a closed passage: «A», B» -- the first closer was a typo.
        const extended = passage(text, lastTop.open, at);
        out[out.length - 1] = extended;
        lastTop = extended;
      } else if (stack.length === 0 && !lastTop && !openedSinceLast && (ch === '»' || ch === '”')) {
        // A closer with no opener in its paragraph: the page lost the opening mark, or the
        // quote opened in a previous paragraph. The passage starts with the paragraph.
        const q = { ...passage(text, para.start - 1, at), open: para.start };
        if (q.end > q.start && ch === '»') {
          out.push(q);
          lastTop = q;
        } else if (q.end <= q.start && openAtStart >= 0 && pi - openAtStart === 2) {
          // A closer alone on its line, after a paragraph without marks that follows a passage
          // left open («A, a-t-il dit.⏎⏎B⏎»): that paragraph is the passage's continuation.
          const prev = paras[pi - 1]!;
          if (!hasMark(prev)) {
            const cont = { ...passage(text, prev.start - 1, -1, prev.end), open: prev.start };
            if (cont.end > cont.start) out.push(cont);
          }
        }
      }
    }
    // Unclosed at the end of the paragraph: a quote re-opened on each paragraph, closed later.
    const first = stack[0];
    if (first && first.ch !== '"') {
      const q = passage(text, first.at, -1, para.end);
      if (q.end > q.start) out.push(q);
      openBefore = pi;
    }
  }
  // Sorted by position: callers search it by binary search.
  return out.sort((a, b) => a.start - b.start);

  function hasMark(p: { first: number; last: number }): boolean {
    for (let i = p.first; i <= p.last; i++) if (tokens.kind[i] === TokenKind.Quote) return true;
    return false;
  }

  function closeTop(stack: Open[], at: number): void {
    const opener = stack.pop()!;
    if (stack.length === 0) out.push(passage(text, opener.at, at));
  }
}

function passage(text: string, open: number, close: number, paraEnd = close): Quoted {
  let start = open + 1;
  let end = close >= 0 ? close : paraEnd;
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  return { open, close, start, end };
}

function isSpace(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 10 || c === 13 || c === 9;
}

function isLetter(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Index of the first passage whose start is >= offset (passages sorted by start). */
export function firstStartingAtOrAfter(quoted: readonly Quoted[], offset: number): number {
  let lo = 0;
  let hi = quoted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quoted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The passage whose content contains `offset`, if any. */
export function passageAt(quoted: readonly Quoted[], offset: number): Quoted | undefined {
  const i = firstStartingAtOrAfter(quoted, offset + 1) - 1;
  const q = i >= 0 ? quoted[i] : undefined;
  return q && offset >= q.start && offset < q.end ? q : undefined;
}
