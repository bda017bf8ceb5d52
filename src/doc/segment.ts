// Paragraphs and sentences as token ranges over the tokenized text.
import { TokenFlag, TokenKind, type Tokens } from './tokens.js';

/** A run of tokens [first, last] (inclusive) with its character span. */
export interface Segment {
  first: number;
  last: number;
  start: number;
  end: number;
}

const TERMINAL = new Set(['.', '!', '?', '…', '...', '?!', '!?']);
const CLOSERS = new Set(['»', '”', '"', ')', ']', '›']);

/** Paragraphs end at line breaks. */
export function paragraphs(tokens: Tokens): Segment[] {
  const out: Segment[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.count; i++) {
    if (i === tokens.count || tokens.flags[i]! & TokenFlag.NewlineBefore) {
      out.push(seg(tokens, first, i - 1));
      first = i;
    }
  }
  return out;
}

/**
 * Sentences end after . ! ? … (and any closing quote or bracket right after them) when the next
 * token opens a sentence: a capital, a digit, an opening quote or dash. Also at every paragraph end
 * and where a scraped page glued two paragraphs (militaire.Le, bancairesLes).
 */
export function sentences(text: string, tokens: Tokens): Segment[] {
  const out: Segment[] = [];
  const n = tokens.count;
  let first = 0;
  for (let i = 0; i < n; i++) {
    const next = i + 1;
    if (next === n) break;
    if (tokens.flags[next]! & TokenFlag.NewlineBefore) {
      out.push(seg(tokens, first, i));
      first = next;
      continue;
    }
    const t = text.slice(tokens.start[i]!, tokens.end[i]!);
    let endsHere = false;
    if (tokens.kind[i] === TokenKind.Punct && TERMINAL.has(t)) {
      // Swallow closing quotes and brackets that belong to this sentence.
      let j = next;
      while (
        j < n &&
        CLOSERS.has(text.slice(tokens.start[j]!, tokens.end[j]!)) &&
        isCloserAfter(text, tokens, j)
      )
        j++;
      if (j === n) break;
      if (opensSentence(text, tokens, j)) {
        out.push(seg(tokens, first, j - 1));
        first = j;
        i = j - 1;
        continue;
      }
    } else if (
      tokens.kind[i] === TokenKind.Word &&
      tokens.flags[i]! & TokenFlag.Abbreviation &&
      text.slice(tokens.start[i]!, tokens.end[i]!).toLowerCase() === 'etc.' &&
      opensSentence(text, tokens, next) &&
      tokens.kind[next] === TokenKind.Word
    ) {
      endsHere = true;
    }
    if (endsHere) {
      out.push(seg(tokens, first, i));
      first = next;
    }
  }
  if (first < n) out.push(seg(tokens, first, n - 1));
  return out;
}

/** A closing mark right after a terminal point: no space before it, or a French spaced ». */
function isCloserAfter(text: string, tokens: Tokens, j: number): boolean {
  const c = text[tokens.start[j]!];
  if (c === '»' || c === '›' || c === '”' || c === ')' || c === ']') return true;
  // A straight quote after a period closes when not followed by a letter.
  return !(tokens.flags[j]! & TokenFlag.SpaceBefore);
}

function opensSentence(text: string, tokens: Tokens, j: number): boolean {
  const k = tokens.kind[j];
  if (k === TokenKind.Quote || k === TokenKind.Dash || k === TokenKind.Number) return true;
  if (k === TokenKind.Word) return (tokens.flags[j]! & TokenFlag.Capitalised) !== 0;
  const c = text[tokens.start[j]!];
  return c === '(' || c === '[' || c === '-' || c === '•';
}

function seg(tokens: Tokens, first: number, last: number): Segment {
  return { first, last, start: tokens.start[first]!, end: tokens.end[last]! };
}
