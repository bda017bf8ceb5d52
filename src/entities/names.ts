// Name keys and the multi-token name index (a trie over folded token texts) that the entity stage
// looks gazetteer names up in, with the same tokenizer as the document so that l’Otan, Saint-Étienne
// and Côte d'Ivoire split the same way in the list and in the text.
import { tokenize, TokenKind } from '../doc/tokens.js';

const memo = new Map<string, string>();

/** s matches /^[a-z0-9]*$/ (a character loop: foldKey runs for every word of every article). */
function isPlain(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (!((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57))) return false;
  }
  return true;
}

/** Comparison key of a word or name: accents folded, lowercase, ’ -> ', hyphens and spaces -> one space. */
export function foldKey(s: string): string {
  if (isPlain(s)) return s;
  let k = memo.get(s);
  if (k === undefined) {
    k = fold(s);
    // A bounded memo: words repeat across articles, names less.
    if (memo.size > 50000) memo.clear();
    memo.set(s, k);
  }
  return k;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[\s\u00A0\u202F\-‑–]+/g, ' ')
    .trim();
}

export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

/** Names as token sequences; a lookup returns the longest name starting at a token. */
export class NameIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map() };

  /** Adds a name; `merge` decides when two names fold to the same key. */
  add(name: string, value: T, merge?: (old: T, value: T) => T): void {
    const toks = tokenize(name);
    let node = this.root;
    for (let i = 0; i < toks.count; i++) {
      if (toks.kind[i] === TokenKind.Punct && name.slice(toks.start[i]!, toks.end[i]!) === '.') continue;
      const key = foldKey(name.slice(toks.start[i]!, toks.end[i]!));
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    if (node === this.root) return;
    node.value = node.value !== undefined && merge ? merge(node.value, value) : value;
  }

  /** The node of the names whose first token folds to `key`, if any. */
  firstNode(key: string): TrieNode<T> | undefined {
    return this.root.next.get(key);
  }

  /**
   * longest() with the walk's first step done: `start` is firstNode(key(first)). Callers that look
   * many tokens up keep that node per word, saving one look-up in the largest map per token.
   */
  longestFrom(
    start: TrieNode<T>,
    first: number,
    count: number,
    key: (i: number) => string,
    stop: (i: number) => boolean,
  ): { last: number; value: T } | null {
    let node = start;
    let bestLast = first;
    let bestValue = node.value;
    const end = Math.min(count, first + 12);
    for (let i = first + 1; i < end; i++) {
      // Most names are one word: no key of the next token to compute then.
      if (node.next.size === 0 || stop(i)) break;
      const child = node.next.get(key(i));
      if (child === undefined) break;
      node = child;
      if (node.value !== undefined) {
        bestLast = i;
        bestValue = node.value;
      }
    }
    return bestValue === undefined ? null : { last: bestLast, value: bestValue };
  }

  /**
   * Longest name starting at token `first` whose tokens are `keys(first)`, `keys(first + 1)`...;
   * `stop` ends the walk (a line break, a sentence end). Returns the last token and the value.
   */
  longest(
    first: number,
    count: number,
    key: (i: number) => string,
    stop: (i: number) => boolean,
  ): { last: number; value: T } | null {
    let node = this.root;
    let bestLast = -1;
    let bestValue: T | undefined;
    const end = Math.min(count, first + 12);
    for (let i = first; i < end; i++) {
      if (i > first && stop(i)) break;
      const child = node.next.get(key(i));
      if (child === undefined) break;
      node = child;
      if (node.value !== undefined) {
        bestLast = i;
        bestValue = node.value;
      }
    }
    return bestValue === undefined ? null : { last: bestLast, value: bestValue };
  }
}
