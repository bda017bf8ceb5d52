// Candidate names of the entity stage: where the text names someone or something. Token views over
// the document (no copy of the text), gazetteer look-ups, runs of capitalised words, institution
// phrases and acronym definitions. Each occurrence gets its gazetteer evidence here; the context
// evidence comes from evidence.ts.
import { tokenLowerOf, tokenText, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import { MONTHS, WEEKDAYS } from '../lang/fr/calendar.js';
import { firstNameGender, isCommonWordName } from '../lang/fr/first-names.js';
import { isNationality, NATIONALITY_FORMS } from '../lang/fr/nationalities.js';
import {
  INSTITUTION_ADJECTIVES,
  INSTITUTION_NOUNS,
  NON_ORGANIZATION_ACRONYMS,
  NON_ORGANIZATION_HEADS,
  ORGANIZATION_HEADS,
  ORGANIZATION_TRIGGERS,
} from '../lang/fr/organizations.js';
import { PLACE_NOUNS_NAMED } from '../lang/fr/places.js';
import { NAME_PARTICLES, NAME_TITLES, NOT_NAME_WORDS } from '../lang/fr/words.js';
import type { EntityType } from '../types.js';
import { knownNames, lowercaseStartWords, needsExactCase, type KnownName } from './gazetteer.js';
import {
  CAPITAL_PARTICLES,
  NON_ENTITY_CAPITALISED,
  PARTICLE_TITLES,
  PORTFOLIOS,
  ROLE_CAPITALS,
  SENTENCE_OPENERS,
} from './lexicon.js';
import { foldKey, type TrieNode } from './names.js';

/** One place the text names a candidate entity. */
export interface Occurrence {
  /** Tokens of the name, without a title (M. Morel -> Morel). */
  first: number;
  last: number;
  /** Token of a title before the name (M., Mme), or -1. */
  title: number;
  text: string;
  key: string;
  scores: Record<EntityType, number>;
  known?: KnownName;
  /** At the start of a sentence, a quotation or a line: its capital proves nothing. */
  initial: boolean;
  /** An organisation's expansion given in the text: the key of its acronym. */
  acronymOf?: string;
  /** Starts with a place noun: la gare Saint-Charles, la place Kléber. */
  placeNoun?: boolean;
  /** Made by a rule that already weighed the context (institutions, acronym definitions). */
  settled?: boolean;
  /** The evidence of its key over the article and the type it decides (find-entities; null before). */
  group: KeyGroup | null;
}

/** A name key's evidence summed over the article, and the type it gives the key (null: none). */
export interface KeyGroup extends Record<EntityType, number> {
  type: EntityType | null;
}

/** Token views the stage reads: lowercase and raw texts (cached), capitals, sentence starts. */
export interface Ctx {
  doc: Doc;
  n: number;
  low: (i: number) => string;
  raw: (i: number) => string;
  /** Token i is the one character `code` (raw(i) === that character, without the string). */
  isChar: (i: number, code: number) => boolean;
  /** 0: not a listed given name; 1: listed but also a common word (Pierre); 2: a given name. */
  given: (i: number) => number;
  /** low(i) is in one of the word lists of the IS_* bits (out of range: the empty word). */
  is: (i: number, bits: number) => boolean;
  /** What the stage knows of the token's word (its low() text); i must be a token index. */
  word: (i: number) => WordInfo;
  /** foldKey of the token (accents folded, lowercase). */
  fold: (i: number) => string;
  isCap: (i: number) => boolean;
  isWord: (i: number) => boolean;
  /** 1 where a capital proves nothing: sentence, line, quotation or parenthesis start (tokens 0..n-1). */
  initial: Uint8Array;
  /** Token i starts a new sentence or line: no name runs across. */
  breakBefore: (i: number) => boolean;
  /** Token i cannot continue a gazetteer name: a break, or neither a word, a number nor "&". */
  nameStop: (i: number) => boolean;
  /** knownAt's answers by token (0: not asked yet, -1: none, k: knownHits[k - 1]); several rules ask about one token. */
  knownState: Int32Array;
  knownHits: KnownHit[];
  /** 1 where a candidate covers the token already (candidates(); 0 before). */
  covered: Uint8Array;
}

export type KnownHit = { last: number; value: KnownName };

export function makeCtx(doc: Doc): Ctx {
  const n = doc.tokens.count;
  const buf = tokenBuffers(n);
  const raw = (i: number): string => (i < 0 || i >= n ? '' : tokenText(doc, i));
  // The document's shared cache: the quote stage has lowered most words already. A word without
  // an initial capital keeps its inner ones (cdH, vice-Premier): its lower-case form serves only
  // when it is the text itself (lowState 1), else its own text does (2).
  const lower = tokenLowerOf(doc);
  const { start, flags } = doc.tokens;
  const lowState = buf.lowState;
  const low = (i: number): string => {
    if (i < 0 || i >= n) return '';
    let st = lowState[i]!;
    if (st === 0) {
      st = flags[i]! & TokenFlag.Capitalised || sameText(doc.text, start[i]!, lower(i)) ? 1 : 2;
      lowState[i] = st;
    }
    return st === 1 ? lower(i) : raw(i);
  };
  // What the stage knows of each distinct word, shared across articles: one look-up per token,
  // remembered as the record's id.
  const wordId = buf.wordId;
  const word = (i: number): WordInfo => {
    const id = wordId[i]!;
    if (id > 0) return WORD_LIST[id - 1]!;
    const x = wordInfo(low(i));
    wordId[i] = x.id + 1;
    return x;
  };
  const fold = (i: number): string => (i < 0 || i >= n ? '' : word(i).fold);
  const { kind } = doc.tokens;
  const isWord = (i: number): boolean => i >= 0 && i < n && kind[i] === TokenKind.Word;
  const isCap = (i: number): boolean => isWord(i) && (flags[i]! & TokenFlag.Capitalised) !== 0;
  const initial = buf.initial;
  for (const s of doc.sentences) initial[s.first] = 1;
  for (let i = 0; i + 1 < n; i++) {
    if (flags[i]! & TokenFlag.NewlineBefore) initial[i] = 1;
    const k = kind[i];
    if (k === TokenKind.Quote || k === TokenKind.Dash) initial[i + 1] = 1;
    else if (k === TokenKind.Punct && OPENING_PUNCT.has(doc.text.charCodeAt(start[i]!))) initial[i + 1] = 1;
  }
  if (n > 0 && flags[n - 1]! & TokenFlag.NewlineBefore) initial[n - 1] = 1;
  const sentence = doc.sentenceOfToken;
  const breakBefore = (i: number): boolean =>
    i <= 0 || i >= n || (flags[i]! & TokenFlag.NewlineBefore) !== 0 || sentence[i] !== sentence[i - 1];
  const text = doc.text;
  const end = doc.tokens.end;
  const isChar = (i: number, code: number): boolean =>
    i >= 0 && i < n && end[i]! - start[i]! === 1 && text.charCodeAt(start[i]!) === code;
  const nameStop = (i: number): boolean =>
    breakBefore(i) || !(kind[i] === TokenKind.Word || kind[i] === TokenKind.Number || isChar(i, 38 /* & */));
  const tokenSets = buf.tokenSets;
  const is = (i: number, bits: number): boolean => {
    if (i < 0 || i >= n) {
      if (emptySets < 0) emptySets = wordSets('');
      return (emptySets & bits) !== 0;
    }
    // A word the stage looked up already (capitals): its bits; another (the lowercase words around
    // a name): the lists asked about only, without a look-up in the large map of words.
    const id = wordId[i]!;
    if (id === 0) {
      // Remembered per token: the lists asked about (high bits) and the answers (low bits).
      const t = tokenSets[i]!;
      const asked = t >>> SET_BITS;
      if ((asked & bits) === bits) return (t & bits) !== 0;
      const missing = bits & ~asked;
      const got = wordSets(low(i), missing);
      tokenSets[i] = ((asked | missing) << SET_BITS) | (t & SET_MASK) | got;
      return ((t | got) & bits) !== 0;
    }
    const x = WORD_LIST[id - 1]!;
    if (x.sets < 0) x.sets = wordSets(low(i));
    return (x.sets & bits) !== 0;
  };
  const given = (i: number): number => {
    if (i < 0 || i >= n) return 0;
    const x = word(i);
    if (x.given < 0) x.given = givenClass(low(i));
    return x.given;
  };
  return {
    doc,
    n,
    low,
    raw,
    isChar,
    is,
    fold,
    word,
    given,
    isCap,
    isWord,
    initial,
    breakBefore,
    nameStop,
    knownState: buf.knownState,
    knownHits: [],
    covered: buf.covered,
  };
}

/**
 * Per-token buffers, reused from article to article and cleared over the article's tokens: the
 * stage runs one article at a time, and per-token arrays were most of what it allocated.
 */
interface TokenBuffers {
  lowState: Uint8Array;
  wordId: Int32Array;
  knownState: Int32Array;
  initial: Uint8Array;
  /** Tokens inside a candidate already (candidates()). */
  covered: Uint8Array;
  /** Word-list answers of the tokens without a WordInfo (see Ctx.is). */
  tokenSets: Int32Array;
}
let BUFFERS: TokenBuffers | null = null;

function tokenBuffers(n: number): TokenBuffers {
  if (BUFFERS === null || BUFFERS.wordId.length < n) {
    const size = Math.max(n, 4096);
    BUFFERS = {
      lowState: new Uint8Array(size),
      wordId: new Int32Array(size),
      knownState: new Int32Array(size),
      initial: new Uint8Array(size),
      covered: new Uint8Array(size),
      tokenSets: new Int32Array(size),
    };
  } else {
    BUFFERS.lowState.fill(0, 0, n);
    BUFFERS.wordId.fill(0, 0, n);
    BUFFERS.knownState.fill(0, 0, n);
    BUFFERS.initial.fill(0, 0, n);
    BUFFERS.covered.fill(0, 0, n);
    BUFFERS.tokenSets.fill(0, 0, n);
  }
  // The shared map of words is cleared between articles only: the ids above must stay valid.
  if (WORDS.size > 50000) {
    WORDS.clear();
    WORD_LIST.length = 0;
  }
  return BUFFERS;
}

/** text holds s at offset at. */
function sameText(text: string, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (text.charCodeAt(at + k) !== s.charCodeAt(k)) return false;
  return true;
}

/** After these a capital proves nothing (first character codes). */
const OPENING_PUNCT = new Set([...':(•|[*.?!…;'].map((ch) => ch.charCodeAt(0)));
/** A distinct word (a token's low() text): its fold, given-name class and gazetteer start. */
export interface WordInfo {
  /** Index in WORD_LIST. */
  id: number;
  fold: string;
  /** See Ctx.given; -1: not computed yet. */
  given: number;
  /** The gazetteer's names starting with this word (null: none; undefined: not looked up yet). */
  known: TrieNode<KnownName> | null | undefined;
  /** The word lists it is in (IS_* bits), -1: not computed yet. */
  sets: number;
}
/** Words across articles (bounded): words repeat, in an article and across articles. */
const WORDS = new Map<string, WordInfo>();
/** The records of WORDS by id. */
const WORD_LIST: WordInfo[] = [];

function wordInfo(w: string): WordInfo {
  let x = WORDS.get(w);
  if (x === undefined) {
    x = { id: WORD_LIST.length, fold: foldKey(w), given: -1, known: undefined, sets: -1 };
    WORDS.set(w, x);
    WORD_LIST.push(x);
  }
  return x;
}

/** Word lists the candidate rules test, as bits: one test per token instead of a look-up per list. */
export const IS_INSTITUTION_NOUN = 1;
export const IS_NAME_TITLE = 2;
export const IS_NOT_NAME_WORD = 4;
export const IS_SENTENCE_OPENER = 8;
export const IS_MONTH_OR_DAY = 16;
export const IS_ORGANIZATION_HEAD = 32;
export const IS_ORGANIZATION_TRIGGER = 64;
/** A role, nationality or common word: capitalised, it names nothing alone. */
export const IS_PLAIN = 128;
export const IS_PLACE_NOUN_NAMED = 256;
export const IS_COMPLEMENT_PARTICLE = 512;
export const IS_NAME_PARTICLE = 1024;
export const IS_CAPITAL_PARTICLE = 2048;
/** A common word, portfolio or nationality: it makes a run of capitals no plain person's name. */
export const IS_NOT_PERSON_PART = 4096;
/** Bits of the IS_* lists, and their mask. */
const SET_BITS = 13;
const SET_MASK = (1 << SET_BITS) - 1;

/** The IS_* bits of word w, of the lists in `only` (default: all). */
function wordSets(w: string, only = -1): number {
  let b = 0;
  if (only & IS_INSTITUTION_NOUN && INSTITUTION_NOUNS.has(w)) b |= IS_INSTITUTION_NOUN;
  if (only & IS_NAME_TITLE && NAME_TITLES.has(w)) b |= IS_NAME_TITLE;
  if (only & IS_NOT_NAME_WORD && NOT_NAME_WORDS.has(w)) b |= IS_NOT_NAME_WORD;
  if (only & IS_SENTENCE_OPENER && SENTENCE_OPENERS.has(w)) b |= IS_SENTENCE_OPENER;
  if (only & IS_MONTH_OR_DAY && (MONTHS.has(w) || WEEKDAYS.has(w))) b |= IS_MONTH_OR_DAY;
  if (only & IS_ORGANIZATION_HEAD && ORGANIZATION_HEADS.has(w)) b |= IS_ORGANIZATION_HEAD;
  if (only & IS_ORGANIZATION_TRIGGER && ORGANIZATION_TRIGGERS.has(w)) b |= IS_ORGANIZATION_TRIGGER;
  if (
    only & IS_PLAIN &&
    (NON_ENTITY_CAPITALISED.has(w) || isNationalityWord(w) || ROLE_CAPITALS.has(w) || PORTFOLIOS.has(w))
  )
    b |= IS_PLAIN;
  if (only & IS_PLACE_NOUN_NAMED && PLACE_NOUNS_NAMED.has(w)) b |= IS_PLACE_NOUN_NAMED;
  if (only & IS_COMPLEMENT_PARTICLE && COMPLEMENT_PARTICLE.has(w)) b |= IS_COMPLEMENT_PARTICLE;
  if (only & IS_NAME_PARTICLE && NAME_PARTICLES.has(w)) b |= IS_NAME_PARTICLE;
  if (only & IS_CAPITAL_PARTICLE && CAPITAL_PARTICLES.has(w)) b |= IS_CAPITAL_PARTICLE;
  if (
    only & IS_NOT_PERSON_PART &&
    (NON_ENTITY_CAPITALISED.has(w) || PORTFOLIOS.has(w) || isNationalityWord(w))
  )
    b |= IS_NOT_PERSON_PART;
  return b;
}
let emptySets = -1;

/**
 * isNationality(w), without lowering a word that has no capital (most: the words around names are
 * lowercase already).
 */
export function isNationalityWord(w: string): boolean {
  return NATIONALITY_FORMS.has(w) || (mayHaveCapital(w) && isNationality(w));
}

/** w may change in lower case: A-Z, Latin-1 capitals, or any other character past Latin-1 but ’. */
function mayHaveCapital(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const ch = w.charCodeAt(k);
    if (ch < 65) continue;
    if (ch <= 90) return true;
    if (ch < 0xc0) continue;
    if (ch <= 0xde) {
      if (ch !== 0xd7) return true;
      continue;
    }
    if (ch <= 0xff || ch === 0x2019) continue;
    return true;
  }
  return false;
}

/** 0: not a listed given name; 1: listed but also a common word (Pierre); 2: a given name. */
function givenClass(w: string): number {
  // Given names are looked up ignoring case: the lower-case form, shared with the other stages.
  return firstNameGender(w) === undefined || CAPITAL_PARTICLES.has(w) ? 0 : isCommonWordName(w) ? 1 : 2;
}
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&-]*[\p{Lu}\d]$/u;
const MIXED_ACRONYM = /^[\p{Lu}][\p{Ll}\p{Lu}&-]{1,9}$/u;
const ROMAN = /^[IVXLC]+$/;
const LOWER_NAME_PART = /^(?:al|el|ben|bin|ibn|abu|abou|ould|ag|van|von|de|da|di|du|la|le)-\p{Lu}/u;
const COMPLEMENT_PARTICLE: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd’', "d'", 'la', 'l’', "l'"]);

/** Exact-word tests (a set look-up rather than a regex per word). */
const ARTICLES: ReadonlySet<string> = new Set(['la', 'le', 'les', 'l’', "l'"]);
const DE_FORMS: ReadonlySet<string> = new Set(['d’', "d'", 'de']);
export const zeroScores = (): Record<EntityType, number> => ({ person: 0, organization: 0, place: 0 });

/** A listed given name that is not also a common word (Pierre, Rose) or place (France). */
export function strictGiven(c: Ctx, i: number): boolean {
  return c.isCap(i) && c.given(i) === 2;
}

/** Any listed given name, common word or not (Pascal, Benjamin, Marine). */
export function anyGiven(c: Ctx, i: number): boolean {
  return c.isCap(i) && c.given(i) > 0;
}

export function isParticle(c: Ctx, i: number): boolean {
  return c.isWord(i) && !c.isCap(i) && c.is(i, IS_NAME_PARTICLE);
}

export function isAcronym(w: string): boolean {
  if (w.length < 2 || w.length > 8) return false;
  // An ASCII lowercase second letter rules ACRONYM out before any regex (most words: Macron).
  const second = w.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return ACRONYM.test(w) && /\p{Lu}.*\p{Lu}/u.test(w) && !ROMAN.test(w);
}

/** A known name at token i (longest match), honouring the exact capitals of acronyms. */
export function knownAt(c: Ctx, i: number): KnownHit | null {
  if (i < 0 || i >= c.n) return null;
  const st = c.knownState[i]!;
  if (st > 0) return c.knownHits[st - 1]!;
  if (st < 0) return null;
  const hit = findKnown(c, i);
  if (hit === null) c.knownState[i] = -1;
  else c.knownState[i] = c.knownHits.push(hit);
  return hit;
}

function findKnown(c: Ctx, i: number): KnownHit | null {
  if (!c.isCap(i) && !lowercaseStartWords().has(c.low(i))) return null;
  const names = knownNames();
  const x = c.word(i);
  if (x.known === undefined) x.known = names.firstNode(x.fold) ?? null;
  if (x.known === null) return null;
  const hit = names.longestFrom(x.known, i, c.n, c.fold, c.nameStop);
  if (!hit) return null;
  const capital = c.isCap(i);
  const from = c.doc.tokens.start[i]!;
  const to = c.doc.tokens.end[hit.last]!;
  const infos = (hit.value.checks ??= hit.value.listed.map(listedInfo));
  for (const info of infos) {
    if (info.exact && !sameNormText(c.doc.text, from, to, info.norm)) continue;
    // A name listed in lowercase (pays baltes) matches lowercase text; the others need a capital.
    if (info.lower !== capital && sameCapitals(c, i, hit.last, info.upper)) return hit;
  }
  return null;
}

/** text[from, to) with ’ read as ' is norm (no slice: most checks fail on the length or first letters). */
function sameNormText(text: string, from: number, to: number, norm: string): boolean {
  if (to - from !== norm.length) return false;
  for (let k = 0; k < norm.length; k++) {
    const ch = text.charCodeAt(from + k);
    if ((ch === 0x2019 ? 39 : ch) !== norm.charCodeAt(k)) return false;
  }
  return true;
}

/** What findKnown checks of a listed spelling, computed once per spelling. */
export interface ListedInfo {
  /** Short names and acronyms match as written only. */
  exact: boolean;
  /** The spelling with ’ as '. */
  norm: string;
  /** Listed in lowercase (pays baltes). */
  lower: boolean;
  /** Per word of the spelling (split at spaces and apostrophes): capitalised. */
  upper: boolean[];
}

const LISTED_INFO = new Map<string, ListedInfo>();

function listedInfo(listed: string): ListedInfo {
  let info = LISTED_INFO.get(listed);
  if (info === undefined) {
    info = {
      exact: needsExactCase(listed),
      norm: listed.replace(/’/g, "'"),
      lower: /^\p{Ll}/u.test(listed),
      upper: listed
        .split(/[\s’']+/)
        .filter((w) => w !== '')
        .map((w) => /^\p{Lu}/u.test(w)),
    };
    LISTED_INFO.set(listed, info);
  }
  return info;
}

/** Words capitalised in a listed name are capitalised in the text too: Le Monde, not "Le monde entier". */
function sameCapitals(c: Ctx, first: number, last: number, upperWords: readonly boolean[]): boolean {
  if (first === last) return true;
  let k = first;
  for (const upper of upperWords) {
    while (k <= last && !c.isWord(k)) k++;
    if (k > last) return true;
    if (upper && !c.isCap(k)) return false;
    // l’Otan: the elided article is its own token in the text, not in the split name.
    k += c.low(k).endsWith('’') || c.low(k).endsWith("'") ? 2 : 1;
  }
  return true;
}

/** A hyphen third, fourth or fifth character of token j's text: LOWER_NAME_PART needs one (al-, abou-). */
function hyphenAfterPrefix(c: Ctx, j: number): boolean {
  const text = c.doc.text;
  const s = c.doc.tokens.start[j]!;
  return text.charCodeAt(s + 2) === 45 || text.charCodeAt(s + 3) === 45 || text.charCodeAt(s + 4) === 45;
}

/** A capitalised word, or a lowercase name part (al-Assad), or an ampersand name (P&O). */
function namePart(c: Ctx, j: number): boolean {
  return c.isCap(j) || (c.isWord(j) && hyphenAfterPrefix(c, j) && LOWER_NAME_PART.test(c.raw(j)));
}

/**
 * The run of capitalised words from token i, with the particles between them (Charles de Gaulle,
 * Conseil d'État, Marine Le Pen), split where a given name starts a new name (l'Intérieur
 * Christophe Castaner) and before an organisation's head (Seine-Saint-Denis | de la Fédération).
 */
export function capitalRun(c: Ctx, i: number): number {
  let last = i;
  let j = i + 1;
  while (j < c.n && !c.breakBefore(j)) {
    // P&O Cruises, AT&T: an ampersand glued between two capitals.
    if (c.isChar(j, 38 /* & */) && !(c.doc.tokens.flags[j]! & TokenFlag.SpaceBefore) && c.isCap(j + 1)) {
      last = j + 1;
      j += 2;
      continue;
    }
    if (namePart(c, j)) {
      // A capitalised function word only inside a name: Marine Le Pen, not "V. Après".
      // After a given name it is the surname: Pierre-Olivier Sur.
      if (
        c.is(j, IS_NOT_NAME_WORD) &&
        !(c.is(j, IS_CAPITAL_PARTICLE) && c.isCap(j + 1)) &&
        !(anyGiven(c, j - 1) && !c.isCap(j + 1))
      )
        break;
      if (strictGiven(c, j) && c.isCap(j + 1) && !anyGiven(c, j - 1) && !isParticle(c, j - 1)) break;
      last = j;
      j++;
      continue;
    }
    let k = j;
    while (k < c.n && k - j < 2 && isParticle(c, k) && !c.breakBefore(k)) k++;
    if (
      k > j &&
      c.isCap(k) &&
      !c.breakBefore(k) &&
      !c.is(k, IS_ORGANIZATION_HEAD) &&
      !c.is(k, IS_NOT_NAME_WORD)
    ) {
      j = k;
      continue;
    }
    break;
  }
  return last;
}

/**
 * foldKey(text) of the tokens first..last, from their cached folds: the words joined as written,
 * one space where whitespace separates two (what foldKey makes of it). The text of an inverted
 * clitic's word (a-t-il) has more than whitespace between: folded whole.
 */
function spanKey(c: Ctx, first: number, last: number, text: string): string {
  const { start, end, flags } = c.doc.tokens;
  let key = c.fold(first);
  for (let k = first + 1; k <= last; k++) {
    if (start[k]! > end[k - 1]!) {
      if (flags[k]! & TokenFlag.Inverted) return foldKey(text);
      key += ' ';
    }
    key += c.fold(k);
  }
  return key;
}

function spanText(c: Ctx, first: number, last: number): string {
  return c.doc.text.slice(c.doc.tokens.start[first]!, c.doc.tokens.end[last]!);
}

const FUNCTION_WORDS = new Set([
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'la',
  'le',
  'les',
  'l’',
  "l'",
  'et',
  'en',
  'à',
  'au',
  'aux',
  'pour',
  'contre',
  'sur',
  'dans',
  'par',
  'avec',
  'sans',
  'of',
  'the',
  'and',
  'for',
]);

/**
 * The expansion before "(ACR)": the shortest run of words ending at `end` whose initials spell the
 * acronym in order (function words skipped, hyphenated parts count, one unmatched word allowed):
 * Inspection générale de la Police nationale (IGPN). Returns its first token or -1.
 */
function expansionStart(c: Ctx, acronym: string, end: number): number {
  const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return -1;
  const lo = Math.max(0, end - (letters.length * 3 + 4));
  const words: Array<{ parts: string[]; fn: boolean; at: number }> = [];
  for (let i = end; i >= lo; i--) {
    if (!c.isWord(i) || (i < end && c.breakBefore(i + 1))) break;
    const f = c.fold(i);
    // Most words are one part: no split.
    const parts = f.includes(' ') ? f.split(' ').filter((p) => p.length > 0) : f.length > 0 ? [f] : [];
    words.push({ parts, fn: FUNCTION_WORDS.has(c.low(i)), at: i });
  }
  // Depth-first from the end: a word matches the next letters from its parts' initials, or is
  // skipped (free for a function word, at most once for another word).
  const search = (wi: number, li: number, skipped: number): number => {
    if (li < 0) return words[wi - 1]!.at;
    if (wi >= words.length) return -1;
    const w = words[wi]!;
    // Match as many trailing parts as possible (Wallonie-Bruxelles: W, B).
    let l = li;
    for (let p = w.parts.length - 1; p >= 0 && l >= 0; p--) if (w.parts[p]![0] === letters[l]) l--;
    if (l < li) {
      const r = search(wi + 1, l, skipped);
      if (r >= 0) return r;
    }
    if (w.fn) return search(wi + 1, li, skipped);
    return skipped < 1 ? search(wi + 1, li, skipped + 1) : -1;
  };
  const start = search(0, letters.length - 1, 0);
  // The expansion must not start on a function word.
  return start >= 0 && FUNCTION_WORDS.has(c.low(start)) ? -1 : start;
}

/** Lowercase words that may follow an organisation's head inside its name: Commission nationale du débat public. */
const ADJECTIVE_LIKE =
  /(?:ique|ic|aire|al|ale|aux|el|elle|ien|ienne|if|ive|eux|euse|é|ée|ais|aise|ois|oise|ain|aine|iste|ible|able|ant|ante|ent|ente|ier|ière|ère|ire|in|ine|if|ive|ial|iale)s?$/u;
const ORG_STOP = new Set([
  'a',
  'ont',
  'est',
  'sont',
  'était',
  'avait',
  'qui',
  'que',
  'dont',
  'où',
  'et',
  'ou',
  'mais',
  'pour',
  'par',
  'avec',
  'dans',
  'sur',
  'sous',
  'lors',
  'depuis',
  'selon',
  'se',
  's’',
  "s'",
  'ne',
  'n’',
  "n'",
  'y',
  'en',
]);

/**
 * Extends an organisation named by its head (Fédération, Commission, Ligue...) over the lowercase
 * words of its name: adjectives, and complements after de / du / des / d' (Commission nationale du
 * débat public, Ligue de protection des oiseaux, Armée de l'air). Returns the last token.
 */
function organizationTail(c: Ctx, last: number): number {
  let end = last;
  let j = last + 1;
  let nouns = 0;
  while (j < c.n && !c.breakBefore(j) && j - last <= 10) {
    if (!c.isWord(j)) break;
    const w = c.low(j);
    // "du commerce et de la distribution": et before another complement.
    if (w === 'et' && nouns > 0 && OF_PARTICLE.has(c.low(j + 1))) {
      j++;
      continue;
    }
    // "Centre de lutte contre le terrorisme", "Fondation pour la mémoire": after a noun complement.
    if (LINK_PREPOSITIONS.has(w) && nouns > 0) {
      let k = j + 1;
      if (ARTICLES.has(c.low(k))) k++;
      if (
        c.isWord(k) &&
        !c.isCap(k) &&
        !ORG_STOP.has(c.low(k)) &&
        !DETERMINER_LIKE.test(c.low(k)) &&
        !INFINITIVE.test(c.low(k))
      ) {
        nouns++;
        end = k;
        j = k + 1;
        continue;
      }
      break;
    }
    if (ORG_STOP.has(w)) break;
    if (c.isCap(j)) {
      if (!COMPLEMENT_PARTICLE.has(c.low(j - 1))) break;
      end = capitalRun(c, j);
      j = end + 1;
      continue;
    }
    if (OF_PARTICLE.has(w)) {
      // de + lowercase noun (+ adjectives), or de + capital.
      let k = j + 1;
      while (k < c.n && COMPLEMENT_PARTICLE.has(c.low(k)) && k - j < 2) k++;
      if (!c.isWord(k) || c.breakBefore(k) || ORG_STOP.has(c.low(k))) break;
      if (c.isCap(k)) {
        end = capitalRun(c, k);
        j = end + 1;
        continue;
      }
      if (nouns >= 3 || DETERMINER_LIKE.test(c.low(k)) || INFINITIVE.test(c.low(k))) break;
      nouns++;
      end = k;
      j = k + 1;
      continue;
    }
    if (ADJECTIVE_LIKE.test(w) || isNationalityWord(w) || INSTITUTION_ADJECTIVES.has(w)) {
      end = j;
      j++;
      continue;
    }
    break;
  }
  return end;
}
const OF_PARTICLE: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd’', "d'"]);
const LINK_PREPOSITIONS = new Set(['contre', 'pour', 'en', 'sur']);
/** Infinitives after de end a name: la Commission, incapable de fournir. */
const INFINITIVE = /(?:er|ir|oir|ire|dre|tre)$/;
const DETERMINER_LIKE =
  /^(?:un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs|plusieurs|nombreux|tous|toutes|certains|\d.*)$/;

/**
 * An institution phrase at token i: a noun such as ministère, préfecture, parquet, tribunal, with
 * adjectives or a fixed complement (correctionnel, d'assises, d'arrêt), then a capitalised
 * complement after de / du / des / d' (de l'Intérieur, du Var, de Paris); or a police, gendarmerie
 * or parliament with an adjective that makes a name alone (police nationale, parlement européen).
 */
function institution(c: Ctx, i: number): { last: number; complementFirst: number } | null {
  const w = c.low(i);
  if (!INSTITUTION_NOUNS.has(w)) return null;
  let j = i + 1;
  let adjective = false;
  let fixed = false;
  for (let k = 0; k < 3 && j < c.n && c.isWord(j) && !c.isCap(j); k++) {
    const a = c.low(j);
    if (INSTITUTION_ADJECTIVES.has(a)) {
      adjective = true;
      j++;
      continue;
    }
    if (
      (isNationalityWord(a) || ADJECTIVE_LIKE.test(a)) &&
      OF_PARTICLE.has(c.low(j + 1)) &&
      c.isCap(j + 2) &&
      !ORG_STOP.has(a)
    ) {
      j++;
      continue;
    }
    if (DE_FORMS.has(a) && c.isWord(j + 1) && !c.isCap(j + 1) && FIXED_COMPLEMENTS.has(c.low(j + 1))) {
      j += 2;
      fixed = true;
      if (c.low(j) === 'instance') j++;
      continue;
    }
    break;
  }
  if (NEEDS_FIXED.has(w) && !fixed) return null;
  // La préfecture de police (de Paris).
  if (w === 'préfecture' && c.low(j) === 'de' && c.low(j + 1) === 'police') {
    j += 2;
    fixed = true;
  }
  let k = j;
  while (k < c.n && k - j < 2 && c.isWord(k) && COMPLEMENT_PARTICLE.has(c.low(k))) k++;
  if (k > j && c.isCap(k) && !c.breakBefore(k)) {
    const runLast = capitalRun(c, k);
    // A person's ministry or presidence is no institution name: le ministère de Benjamin Griveaux.
    if (NAME_TITLES.has(c.low(k)) || (anyGiven(c, k) && runLast > k)) return null;
    let last = runLast;
    // A ministry's lowercase adjectives: de la Transition écologique et solidaire.
    if (w === 'ministère' || w === 'secrétariat' || w === 'commission') {
      let m = last + 1;
      while (m < c.n && c.isWord(m) && !c.isCap(m) && m - last <= 4) {
        const a = c.low(m);
        if (ADJECTIVE_LIKE.test(a) && !ORG_STOP.has(a)) last = m;
        else if (a !== 'et') break;
        m++;
      }
    }
    return { last, complementFirst: k };
  }
  if ((adjective && BARE_INSTITUTIONS.has(w)) || (w === 'préfecture' && fixed))
    return { last: j - 1, complementFirst: j };
  return null;
}

const FIXED_COMPLEMENTS = new Set([
  'pénitentiaire',
  'hospitalier',
  'assises',
  'appel',
  'arrêt',
  'grande',
  'commerce',
  'cassation',
  'prud’hommes',
  "prud'hommes",
  'sécurisation',
  'industrie',
]);
/** Institution nouns that name one only with their fixed complement: maison d'arrêt, centre pénitentiaire. */
const NEEDS_FIXED = new Set(['maison', 'centre', 'chambre']);
/** Institutions that an adjective alone makes a name of: police nationale, parlement européen. */
const BARE_INSTITUTIONS = new Set(['police', 'gendarmerie', 'parlement']);

/** The lowercase words that may start a candidate: institutions, particle titles, lowercase names. */
const LOWER_START_WORDS: ReadonlySet<string> = new Set([
  ...INSTITUTION_NOUNS,
  ...PARTICLE_TITLES,
  ...lowercaseStartWords(),
]);
/**
 * Low bytes of the first two characters of those words -> bit mask of their lengths: most lowercase
 * words start nothing, and this test reads two characters of the text instead of slicing the word.
 * A typed-array table rather than a map; a filter only (characters that share their low byte share
 * a slot), the set look-up decides.
 */
const LOWER_START_TABLE: Int32Array = (() => {
  const out = new Int32Array(0x10000);
  for (const w of LOWER_START_WORDS)
    out[((w.charCodeAt(0) & 0xff) << 8) | (w.charCodeAt(1) & 0xff)]! |= lengthBit(w.length);
  return out;
})();

function lengthBit(length: number): number {
  return 1 << Math.min(length, 30);
}

/** The word text[start, end) may be one of LOWER_START_WORDS (no word there has fewer than 2 characters). */
function mayStartLower(text: string, start: number, end: number): boolean {
  const slot = ((text.charCodeAt(start) & 0xff) << 8) | (text.charCodeAt(start + 1) & 0xff);
  return (LOWER_START_TABLE[slot]! & lengthBit(end - start)) !== 0;
}

/** Token indexes of the possible name starts, reused from article to article. */
let STARTS = new Int32Array(4096);

function startBuffer(n: number): Int32Array {
  if (STARTS.length < n) STARTS = new Int32Array(n);
  return STARTS;
}

/** A role, nationality or common word: capitalised, it names nothing alone. */
function plainWord(c: Ctx, k: number): boolean {
  return c.is(k, IS_PLAIN);
}

/** Finds every candidate occurrence of the article, with the evidence of gazetteers and rules. */
export function candidates(c: Ctx): Occurrence[] {
  const out: Occurrence[] = [];
  const { n } = c;
  const covered = c.covered;
  const push = (o: Occurrence, cover = true): void => {
    out.push(o);
    if (cover) for (let k = o.first; k <= o.last; k++) covered[k] = 1;
  };
  const occ = (first: number, last: number, title = -1): Occurrence => {
    const text = spanText(c, first, last);
    return {
      first,
      last,
      title,
      text,
      // One word: its cached fold (folding ignores case).
      key: first === last ? c.fold(first) : spanKey(c, first, last, text),
      scores: zeroScores(),
      group: null,
      initial: c.initial[title >= 0 ? title : first] === 1,
      // Every field from the start: one shape for all occurrences.
      known: undefined,
      acronymOf: undefined,
      placeNoun: undefined,
      settled: undefined,
    };
  };
  const withKnown = (o: Occurrence): Occurrence => {
    const k = knownAt(c, o.first);
    if (k && k.last === o.last) o.known = k.value;
    return o;
  };

  // Acronyms introduced with their expansion: Mécanisme européen de stabilité (MES).
  const st = c.doc.tokens.start;
  const en = c.doc.tokens.end;
  const txt = c.doc.text;
  // A one-character test before any slice: this loop visits every token.
  const isChar = (k: number, code: number): boolean =>
    en[k]! - st[k]! === 1 && txt.charCodeAt(st[k]!) === code;
  const kind = c.doc.tokens.kind;
  /** "(" at token i, an acronym and ")" after: the acronym and its expansion before, if any. */
  const acronymDefinition = (i: number): void => {
    const a = c.raw(i + 1);
    if (!isAcronym(a) && !(MIXED_ACRONYM.test(a) && a.length <= 6)) return;
    const s = expansionStart(c, a, i - 1);
    if (s < 0 || s === i - 1) return;
    const head = c.low(s);
    if (NON_ORGANIZATION_HEADS.has(head) || NON_ORGANIZATION_ACRONYMS.has(a.toUpperCase())) {
      for (let k = s; k <= i + 1; k++) covered[k] = 1;
      return;
    }
    if (!c.isCap(s) && !ORGANIZATION_HEADS.has(head) && !INSTITUTION_NOUNS.has(head)) return;
    const exp = withKnown(occ(s, i - 1));
    const acr = withKnown(occ(i + 1, i + 1));
    exp.scores.organization += 8;
    exp.acronymOf = acr.key;
    exp.settled = true;
    acr.scores.organization += 8;
    acr.settled = true;
    push(exp);
    push(acr);
  };

  // One pass over the tokens finds the acronym definitions (taken first) and where a name may
  // start: capitalised words, and the few lowercase words that may (a cheap test on their first
  // two letters and length).
  const text = c.doc.text;
  const starts = c.doc.tokens.start;
  const ends = c.doc.tokens.end;
  const flags = c.doc.tokens.flags;
  const at = startBuffer(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === TokenKind.Word) {
      if (flags[i]! & TokenFlag.Capitalised || mayStartLower(text, starts[i]!, ends[i]!)) at[m++] = i;
    } else if (
      k === TokenKind.Punct &&
      i >= 1 &&
      i + 2 < n &&
      isChar(i, 40 /* ( */) &&
      isChar(i + 2, 41 /* ) */)
    ) {
      acronymDefinition(i);
    }
  }
  let resume = 0;
  for (let p = 0; p < m; p++) {
    const i = at[p]!;
    if (i < resume || covered[i]) continue;
    resume = visit(i) + 1;
  }
  /** The candidate starting at token i, if any; returns the last token it covers (i when none). */
  function visit(i: number): number {
    if (!c.isCap(i)) {
      if (!LOWER_START_WORDS.has(c.low(i))) return i;
    } else {
      // Its record first (the gazetteer asks for it below): the word-list tests read its bits.
      c.word(i);
    }
    const w = c.low(i);
    // Institutions: le parquet de Paris, la préfecture du Var (the complement is a name of its own too).
    if (!c.isCap(i) || c.initial[i] || c.is(i, IS_INSTITUTION_NOUN)) {
      const inst = c.is(i, IS_INSTITUTION_NOUN) ? institution(c, i) : null;
      if (inst) {
        const o = withKnown(occ(i, inst.last));
        o.scores.organization += 6;
        o.settled = true;
        push(o, false);
        for (let k = i; k < inst.complementFirst; k++) covered[k] = 1;
        return i;
      }
    }
    const known = knownAt(c, i);
    if (!c.isCap(i)) {
      if (known) {
        const o = occ(i, known.last);
        o.known = known.value;
        o.scores[known.value.type] += 8;
        push(o);
        i = known.last;
      } else if (PARTICLE_TITLES.has(w) && isParticle(c, i + 1) && c.isCap(i + 2) && !c.breakBefore(i + 2)) {
        // le général de Gaulle: the particle is part of the name.
        const last = capitalRun(c, i + 2);
        if (
          (c.low(i + 1) === 'de' || c.low(i + 1) === 'd’' || c.low(i + 1) === "d'") &&
          !knownAt(c, i + 2) &&
          !isAcronym(c.raw(i + 2))
        ) {
          const o = occ(i + 1, last);
          o.initial = false;
          o.scores.person += 4;
          push(o);
          i = last;
        }
      }
      return i;
    }
    // Titles: M. Morel, Mme Dupont, Me Dupond-Moretti.
    if (
      c.is(i, IS_NAME_TITLE) &&
      c.isCap(i + 1) &&
      !c.breakBefore(i + 1) &&
      !(w === 'me' && !c.raw(i).endsWith('.') && c.initial[i])
    ) {
      const last = capitalRun(c, i + 1);
      const o = occ(i + 1, last, i);
      o.initial = false;
      o.scores.person += 10;
      push(o);
      return last;
    }
    // Sentence openers and function words are not part of a name: "Selon Jean Dupont", "La France";
    // unless a known name starts with them (La Haye), they start nothing.
    const opener = c.is(i, IS_NOT_NAME_WORD) || (c.initial[i] === 1 && c.is(i, IS_SENTENCE_OPENER));
    if (opener && !known) return i;
    const runLast = capitalRun(c, i);
    // A town or an ambiguous name must not hide a stronger one after it: L'Union européenne.
    if (known && (known.value.ambiguous || known.value.place === 'town')) {
      const after = knownAt(c, i + 1);
      if (after && after.last >= known.last && !after.value.ambiguous && after.value.place !== 'town')
        return i;
    }
    if (known) {
      // A known name wins, unless the run goes on with more of one name (France Nature
      // Environnement); a given name or a particle after it starts something else.
      const next = known.last + 1;
      const split =
        known.last >= runLast ||
        anyGiven(c, next) ||
        isParticle(c, next) ||
        c.is(next, IS_NAME_TITLE) ||
        // l'AFP Jacklyn Chang: an organisation and a person's name after it.
        (known.value.type === 'organization' && runLast - known.last >= 2);
      if (split) {
        const o = occ(i, known.last);
        o.known = known.value;
        const v = known.value;
        if (v.type === 'organization') o.scores.organization += 8;
        else if (v.ambiguous || v.place === 'town') o.scores.place += v.ambiguous ? 0.5 : 1.5;
        else o.scores.place += 8;
        push(o);
        return known.last;
      }
    }
    if (opener) return i;
    if (c.is(i, IS_MONTH_OR_DAY)) {
      return runLast;
    }
    const trigger = c.is(i - 1, IS_ORGANIZATION_TRIGGER) && !c.breakBefore(i);
    // An organisation's head takes the lowercase words of its name: Commission nationale du débat public.
    let last = runLast;
    if (c.is(i, IS_ORGANIZATION_HEAD)) {
      last = organizationTail(c, runLast);
      // A head alone is a common noun (la Commission, le Parti), unless announced (le syndicat Alliance).
      if (last === i && !trigger) return i;
    } else if (runLast === i && plainWord(c, i)) return i;
    // A role or common word opening the run (Premier ministre, Président Macron) is not part of the name.
    if (runLast > i && plainWord(c, i) && !c.is(i, IS_ORGANIZATION_HEAD)) return i;
    // A trigger word opening the run (l'ONG Sea-Watch) announces the name after it.
    if (runLast > i && c.is(i, IS_ORGANIZATION_TRIGGER) && !c.is(i, IS_ORGANIZATION_HEAD)) return i;
    // A place noun before the name belongs to it: la gare Saint-Charles, la place de la Bastille.
    let from = i;
    for (let b = 1; b <= 3 && i - b >= 0 && !c.breakBefore(i - b + 1); b++) {
      if (
        c.is(i - b, IS_PLACE_NOUN_NAMED) &&
        c.isWord(i - b) &&
        (b === 1 || !anyGiven(c, i)) &&
        !isAcronym(c.raw(i))
      ) {
        from = i - b;
        break;
      }
      if (!c.is(i - b, IS_COMPLEMENT_PARTICLE)) break;
    }
    const o = occ(from, last);
    if (from < i) {
      o.placeNoun = true;
      o.initial = false;
    }
    push(o);
    return last;
  }
  // Pushed mostly in text order: sort (stable) only when needed.
  for (let k = 1; k < out.length; k++) {
    const a = out[k - 1]!;
    const b = out[k]!;
    if (a.first > b.first || (a.first === b.first && a.last < b.last)) {
      out.sort((x, y) => x.first - y.first || y.last - x.last);
      break;
    }
  }
  return out;
}
