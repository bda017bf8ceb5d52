// Roles of a person from the words around its name: a role noun phrase before it (le président
// américain Joe Biden; le secrétaire général de l’Otan, Paul Morel), an apposition after it
// (Sylvie Pille, enseignante à la retraite), and the descriptions the speaker stage resolved to it
// (l’ancien Premier ministre norvégien). The same words vote for the person's gender.
import { tokenAtOrAfter } from '../doc/document.js';
import { TokenKind } from '../doc/tokens.js';
import type { Span } from '../types.js';
import { isNationalityWord, type Ctx } from './candidates.js';
import { isPersonNoun } from './evidence.js';
import { FIXED_GENDER_NOUNS, personNounGender, type GenderVotes } from './gender.js';
import {
  AGREEMENT_VERBS,
  FEMININE_AGREEMENT,
  MASCULINE_AGREEMENT,
  ROLE_MODIFIERS,
  ROLE_PRE_ADJECTIVES,
} from './lexicon.js';

/** Exact-word tests (a set look-up rather than a regex per word). */
const COMMA_ROLE_DETERMINERS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'l’',
  "l'",
  'du',
  'au',
  'un',
  'une',
  'son',
  'sa',
]);
const APPOSITION_DETERMINERS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'l’',
  "l'",
  'un',
  'une',
  'son',
  'sa',
]);
const TRAILING_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'la',
  'le',
  'l’',
  "l'",
  'les',
  'aux',
  'au',
  'à',
  'en',
  'et',
]);
const APPOSITION_ARTICLES: ReadonlySet<string> = new Set(['un', 'une', 'le', 'la']);
const DESCRIPTION_DETERMINERS: ReadonlySet<string> = new Set(['le', 'la', 'l’', "l'", 'ce', 'cet', 'cette']);
const FEMALE_DETERMINERS = new Set(['la', 'une', 'cette', 'sa']);
const MALE_DETERMINERS = new Set(['le', 'un', 'ce', 'cet', 'du', 'au']);
const ROLE_OPENERS = new Set([
  'le',
  'la',
  'l’',
  "l'",
  'un',
  'une',
  'du',
  'au',
  'de',
  'd’',
  "d'",
  'son',
  'sa',
  'ce',
  'cet',
  'cette',
  'par',
  'pour',
  'avec',
  'à',
  'et',
  'selon',
]);
const INNER: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'la',
  'le',
  'l’',
  "l'",
  'les',
  'aux',
  'au',
  'à',
  'en',
  'et',
  'pour',
  'chargé',
  'chargée',
]);
/** Nouns that PERSON_NOUNS lists but that make no role on their own. */
const NOT_ROLE_HEADS = new Set([
  'premier',
  'première',
  'jeune',
  'ancien',
  'ancienne',
  'figure',
  'homme',
  'femme',
  'milieu',
  'gilet',
]);
const STOP_AFTER = new Set([
  'qui',
  'que',
  'qu’',
  "qu'",
  'dont',
  'où',
  'mais',
  'depuis',
  'lors',
  'alors',
  'selon',
  'a',
  'ont',
  'est',
  'sont',
  'était',
  'avait',
  'sera',
  'aurait',
  'serait',
  'et',
]);

function voteDeterminer(det: string, head: string, pre: string[], votes: GenderVotes): void {
  if (FIXED_GENDER_NOUNS.has(head)) return;
  let g: 'male' | 'female' | undefined = personNounGender(head);
  for (const a of pre) {
    const pg = ROLE_PRE_ADJECTIVES.get(a);
    if (pg === 'male' || pg === 'female') g ??= pg;
  }
  if (FEMALE_DETERMINERS.has(det)) g = 'female';
  else if (MALE_DETERMINERS.has(det)) g = 'male';
  if (g === 'male') votes.male += 2;
  else if (g === 'female') votes.female += 2;
}

/** The role phrase [from, to] of tokens: its head is a person noun, then modifiers and complements. */
function validRoleTail(c: Ctx, head: number, to: number): boolean {
  let afterParticle = false;
  for (let k = head + 1; k <= to; k++) {
    if (!c.isWord(k)) return false;
    const w = c.low(k);
    if (INNER.has(w)) {
      afterParticle = true;
      continue;
    }
    if (c.isCap(k) || ROLE_MODIFIERS.has(w) || isNationalityWord(w) || isPersonNoun(w)) {
      afterParticle = false;
      continue;
    }
    if (afterParticle) {
      afterParticle = false;
      continue;
    }
    return false;
  }
  return !INNER.has(c.low(to));
}

/**
 * Roles in the words around a name [first, last] (first includes a title), added to `out` (a new
 * array by default); votes for gender.
 */
export function rolesAround(
  c: Ctx,
  first: number,
  last: number,
  votes: GenderVotes,
  out: string[] = [],
): string[] {
  const before = roleBeforeName(c, first, votes);
  if (before) out.push(before);
  const after = roleAfterName(c, last, votes);
  if (after) out.push(after);
  agreementAfter(c, last, votes);
  return out;
}

function roleBeforeName(c: Ctx, first: number, votes: GenderVotes): string | null {
  // "une inconnue, Jacline Mouraud": an indefinite apposition before the name.
  if (
    c.isChar(first - 1, 44 /* , */) &&
    c.isWord(first - 2) &&
    !c.isCap(first - 2) &&
    !FIXED_GENDER_NOUNS.has(c.low(first - 2))
  ) {
    const det = c.low(first - 3);
    if (det === 'une') votes.female += 1;
    else if (det === 'un') votes.male += 1;
  }
  let end = first - 1;
  if (end >= 0 && c.isChar(end, 44 /* , */)) end--;
  if (end < 0 || c.breakBefore(end + 1)) return null;
  let best = -1;
  for (let k = end; k >= 0 && end - k < 10; k--) {
    if (!c.isWord(k) || c.breakBefore(k + 1)) break;
    const w = c.low(k);
    if (isPersonNoun(w) && !NOT_ROLE_HEADS.has(w) && validRoleTail(c, k, end)) best = k;
  }
  if (best < 0) return null;
  // Pre-nominal adjectives and the determiner before the head.
  let from = best;
  const pre: string[] = [];
  while (from - 1 >= 0 && c.isWord(from - 1) && ROLE_PRE_ADJECTIVES.has(c.low(from - 1))) {
    pre.push(c.low(from - 1));
    from--;
  }
  const det = from > 0 ? c.low(from - 1) : '';
  // With a comma between role and name, the role must open with a determiner (le secrétaire général de l’Otan, Paul Morel).
  if (end !== first - 1 && !COMMA_ROLE_DETERMINERS.has(det)) return null;
  if (from > 0 && !ROLE_OPENERS.has(det) && c.isWord(from - 1)) return null;
  voteDeterminer(det, c.low(best), pre, votes);
  return c.doc.text.slice(c.doc.tokens.start[from]!, c.doc.tokens.end[end]!);
}

function roleAfterName(c: Ctx, last: number, votes: GenderVotes): string | null {
  if (!c.isChar(last + 1, 44 /* , */)) return null;
  let k = last + 2;
  if (k >= c.n || c.breakBefore(k)) return null;
  let det = '';
  if (APPOSITION_DETERMINERS.has(c.low(k))) {
    det = c.low(k);
    k++;
  }
  const from = k;
  const pre: string[] = [];
  while (k + 1 < c.n && c.isWord(k + 1) && ROLE_PRE_ADJECTIVES.has(c.low(k))) {
    pre.push(c.low(k));
    k++;
  }
  if (!c.isWord(k) || !isPersonNoun(c.low(k)) || NOT_ROLE_HEADS.has(c.low(k))) return null;
  const head = k;
  let end = head;
  for (let m = head + 1; m < c.n && m - head < 12; m++) {
    if (c.breakBefore(m)) break;
    const kind = c.doc.tokens.kind[m];
    if (kind !== TokenKind.Word && kind !== TokenKind.Number) break;
    const w = c.low(m);
    if (STOP_AFTER.has(w)) break;
    end = m;
  }
  while (end > head && TRAILING_PARTICLES.has(c.low(end))) end--;
  voteDeterminer(det, c.low(head), pre, votes);
  return c.doc.text.slice(c.doc.tokens.start[from]!, c.doc.tokens.end[end]!);
}

const CLITICS: ReadonlySet<string> = new Set([
  's’',
  "s'",
  'se',
  'n’',
  "n'",
  'ne',
  'y',
  'en',
  'lui',
  'leur',
  'l’',
  "l'",
  'pas',
  'plus',
  'très',
  'toujours',
  'aussi',
  'alors',
  'déjà',
  'qui',
  'même',
  'bien',
  'jamais',
  'encore',
]);

/** "X s'est dite satisfaite", "X, arrêtée dimanche", "X a été élue": agreement with the name. */
function agreementAfter(c: Ctx, last: number, votes: GenderVotes): void {
  let k = last + 1;
  if (c.isChar(k, 44 /* , */)) {
    const w = c.low(k + 1);
    // "X, un délinquant radicalisé", "X, une inconnue": the article of an apposition.
    const noun = c.low(k + 2);
    if (
      APPOSITION_ARTICLES.has(w) &&
      c.isWord(k + 2) &&
      (!c.isCap(k + 2) || isNationalityWord(noun)) &&
      !FIXED_GENDER_NOUNS.has(noun) &&
      !/^\d/.test(noun)
    ) {
      if (w === 'un' || w === 'le') votes.male += 1;
      else votes.female += 1;
    }
    if (c.isWord(k + 1) && !isPersonNoun(w)) {
      if (FEMININE_AGREEMENT.test(w)) votes.female += 1;
      else if (MASCULINE_AGREEMENT.test(w) && w.endsWith('é')) votes.male += 1;
    }
    if (w !== 'qui') return;
    k += 2;
  }
  for (let m = 0; m < 6 && k < c.n && c.isWord(k) && !c.breakBefore(k); m++, k++) {
    const w = c.low(k);
    if (CLITICS.has(w)) continue;
    if (!AGREEMENT_VERBS.has(w) && w !== 'a' && w !== 'avait' && w !== 'aurait') return;
    if (w === 'a' || w === 'avait' || w === 'aurait') {
      if (c.low(k + 1) !== 'été') return;
      k++;
    }
    // The agreeing word: next, after clitics.
    let j = k + 1;
    while (j < c.n && c.isWord(j) && CLITICS.has(c.low(j))) j++;
    if (!c.isWord(j)) return;
    const a = c.low(j);
    if (AGREEMENT_VERBS.has(a) && a !== 'été') {
      j++;
      if (!c.isWord(j)) return;
    }
    const b = c.low(j);
    if (FEMININE_AGREEMENT.test(b)) votes.female += 1.5;
    else if (MASCULINE_AGREEMENT.test(b)) votes.male += 1.5;
    return;
  }
}

/** A description the speaker stage resolved to the person (l’ancien Premier ministre norvégien): its role. */
export function roleFromDescription(c: Ctx, m: Span, votes: GenderVotes): string | null {
  let i = tokenAtOrAfter(c.doc, m.start);
  if (i >= c.n || c.doc.tokens.start[i] !== m.start) return null;
  let last = i;
  while (last + 1 < c.n && c.doc.tokens.end[last + 1]! <= m.end) last++;
  if (i === last) {
    const w = c.low(i);
    if (w === 'il' || w === 'lui') votes.male += 2;
    else if (w === 'elle') votes.female += 2;
    return null;
  }
  const det = c.low(i);
  if (!DESCRIPTION_DETERMINERS.has(det)) return null;
  i++;
  const pre: string[] = [];
  while (i < last && ROLE_PRE_ADJECTIVES.has(c.low(i))) {
    pre.push(c.low(i));
    i++;
  }
  // Capitalised role words (Premier ministre) may sit between.
  let head = i;
  while (head <= last && !(isPersonNoun(c.low(head)) && !NOT_ROLE_HEADS.has(c.low(head)))) head++;
  if (head > last || head - i > 1) return null;
  if (!validRoleTail(c, head, last)) return null;
  voteDeterminer(det, c.low(head), pre, votes);
  const from = c.doc.tokens.start[i - pre.length]!;
  return c.doc.text.slice(from, m.end);
}
