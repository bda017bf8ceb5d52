// Name keys and the multi-token name index (a trie over folded token texts) that the entity stage
// looks gazetteer names up in, with the same tokenizer as the document so that l’Otan, Saint-Étienne
// and Côte d'Ivoire split the same way in the list and in the text.
import { tokenize, TokenKind } from '../doc/tokens.js';

const PLAIN = /^[a-z0-9]*$/;
const memo = new Map<string, string>();

/** Comparison key of a word or name: accents folded, lowercase, ’ -> ', hyphens and spaces -> one space. */
export function foldKey(s: string): string {
  if (PLAIN.test(s)) return s;
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

interface TrieNode<T> {
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
    let best: { last: number; value: T } | null = null;
    for (let i = first; i < count && i < first + 12; i++) {
      if (i > first && stop(i)) break;
      const child = node.next.get(key(i));
      if (!child) break;
      node = child;
      if (node.value !== undefined) best = { last: i, value: node.value };
    }
    return best;
  }
}
