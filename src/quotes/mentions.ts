// Finds the words that designate a speaker around a cue: the inverted subject after the verb
// (», a déclaré le ministre), the subject before it (Le ministre a déclaré que), the object of
// selon / d'après / pour.
import { tokenLower, tokenText, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import { firstNameGender } from '../lang/fr/first-names.js';
import { reportingVerb } from '../lang/fr/reporting-verbs.js';
import {
  DETERMINERS,
  PERSON_NOUNS,
  NAME_PARTICLES,
  NAME_TITLES,
  NOT_NAME_WORDS,
  NP_STOP_WORDS,
  SKIPPABLE_AFTER_VERB,
  SKIPPABLE_PHRASES,
  STRESSED_PRONOUNS,
  SUBJECT_PRONOUNS,
} from '../lang/fr/words.js';
import { COMPLEMENT_PREPOSITIONS, LEADING_ADVERBS, SENTENCE_OPENERS } from '../lang/fr/quote-words.js';

/** A token range [first, last] that designates a speaker. */
export interface MentionRange {
  first: number;
  last: number;
}

const lower = tokenLower;

function isCap(doc: Doc, i: number): boolean {
  return (doc.tokens.flags[i]! & TokenFlag.Capitalised) !== 0 && doc.tokens.kind[i] === TokenKind.Word;
}

function isBoundary(doc: Doc, i: number): boolean {
  const k = doc.tokens.kind[i];
  return k === TokenKind.Punct || k === TokenKind.Quote || k === TokenKind.Dash;
}

/** Determiners and quantifiers that can open a phrase whose noun is in quotation marks; counting
 * nouns (plusieurs milliers de «gilets jaunes») belong to the phrase too. */
const QUANTIFIERS = new Set([
  ...DETERMINERS,
  'plusieurs',
  'nombreux',
  'nombreuses',
  'certains',
  'certaines',
  'quelques',
  ...['dizaine', 'centaine', 'millier', 'million', 'poignée'].flatMap((w) => [w, `${w}s`]),
]);

/** Participles that say how a source was reached or where it was, after its noun. */
const REACHED = new Set(
  ['joint', 'présent', 'interrogé', 'contacté', 'sollicité', 'cité', 'interviewé', 'rencontré'].flatMap(
    (w) => [w, `${w}s`, `${w}e`, `${w}es`],
  ),
);

const TIME_NOUNS = new Set([
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'matin',
  'soir',
  'midi',
  'après-midi',
  'week-end',
  'semaine',
  'mois',
  'année',
  'nuit',
]);

/** Skips fillers (mardi, de son côté, à l'AFP) from token i within [i, limit]. */
export function skipFillers(doc: Doc, i: number, limit: number): number {
  outer: while (i <= limit) {
    const w = lower(doc, i);
    for (const phrase of SKIPPABLE_PHRASES) {
      if (phrase[0] === w && i + phrase.length - 1 <= limit) {
        let ok = true;
        for (let k = 1; k < phrase.length; k++) if (lower(doc, i + k) !== phrase[k]) ok = false;
        if (ok) {
          i += phrase.length;
          continue outer;
        }
      }
    }
    if (SKIPPABLE_AFTER_VERB.has(w) && !(isCap(doc, i) && i + 1 <= limit && isCap(doc, i + 1))) {
      i++;
      continue;
    }
    // A time phrase: ce jeudi, ce matin, cette semaine, ce week-end.
    if ((w === 'ce' || w === 'cette' || w === 'cet') && i + 1 <= limit && TIME_NOUNS.has(lower(doc, i + 1))) {
      i += 2;
      continue;
    }
    // A date right after a verb: le 14 juin.
    if (w === 'le' && doc.tokens.kind[i + 1] === TokenKind.Number) {
      i += 3;
      continue;
    }
    break;
  }
  return i;
}

/**
 * The noun phrase that starts at token i: a pronoun, a (titled) proper name, or a determiner and
 * its noun with complements (le secrétaire général de l'Otan). Ends before a clause boundary.
 */
export function nounPhraseAt(doc: Doc, i: number, limit: number): MentionRange | null {
  if (i > limit || i >= doc.tokens.count) return null;
  // Sentence adverbs before the phrase: "Enfin, il", "Mais le ministre".
  while (i < limit && doc.tokens.kind[i] === TokenKind.Word && LEADING_ADVERBS.has(lower(doc, i))) i++;
  if (doc.tokens.kind[i] !== TokenKind.Word) return null;
  const w = lower(doc, i);
  if (SUBJECT_PRONOUNS.has(w) || STRESSED_PRONOUNS.has(w)) return { first: i, last: i };
  if (w === 'celui-ci' || w === 'celle-ci' || w === 'ceux-ci') return { first: i, last: i };
  // "se demande celui qui refuse ...": the person the relative describes, said before.
  if ((w === 'celui' || w === 'celle') && i + 1 <= limit && lower(doc, i + 1) === 'qui')
    return { first: i, last: i };
  if (NOT_NAME_WORDS.has(w) && !DETERMINERS.has(w) && !NAME_TITLES.has(w) && w !== 'ce' && w !== 'cette')
    return null;
  const start = i;
  if (!(NAME_TITLES.has(w) || isCap(doc, i) || DETERMINERS.has(w) || w === 'cette' || w === 'ce'))
    return null;
  if (isCap(doc, i) && !DETERMINERS.has(w) && !NAME_TITLES.has(w) && sentenceInitialNonName(doc, i, w))
    return null;
  let j = i;
  let last = -1;
  let words = 0;
  while (j <= limit && j < doc.tokens.count && words < 14) {
    // A quoted name inside the phrase: les «gilets jaunes», Environ 150 "gilets jaunes".
    const prevTok = j - 1;
    const afterDeterminer = DETERMINERS.has(lower(doc, prevTok)) && !afterDeWord(lower(doc, prevTok));
    if (
      j > start &&
      doc.tokens.kind[j] === TokenKind.Quote &&
      (afterDeterminer || doc.tokens.kind[prevTok] === TokenKind.Number)
    ) {
      let close = j + 1;
      while (close <= limit && close - j <= 4 && doc.tokens.kind[close] === TokenKind.Word) close++;
      if (close <= limit && close > j + 1 && doc.tokens.kind[close] === TokenKind.Quote) {
        last = close;
        words += close - j;
        j = close + 1;
        continue;
      }
    }
    // An English possessive inside a name: European Transport Workers' Federation.
    if (
      j > start &&
      j + 1 <= limit &&
      /^['’]$/.test(tokenText(doc, j)) &&
      isCap(doc, j - 1) &&
      isCap(doc, j + 1) &&
      doc.tokens.end[j - 1] === doc.tokens.start[j] &&
      /s$/.test(tokenText(doc, j - 1))
    ) {
      last = j + 1;
      words++;
      j += 2;
      continue;
    }
    if (isBoundary(doc, j)) break;
    if (j > start && doc.tokens.flags[j]! & TokenFlag.NewlineBefore) break;
    const lw = lower(doc, j);
    const prev = j > start ? lower(doc, j - 1) : '';
    const afterDe = prev === 'de' || prev === 'd’' || prev === "d'" || prev === 'du' || prev === 'des';
    // Determiners continue a complement (le secrétaire général de l'Otan, un membre des services).
    const lUn = (prev === 'l’' || prev === "l'") && (lw === 'un' || lw === 'une');
    // A day after "du" belongs to a name: le Journal du dimanche.
    const dayOfName = afterDe && TIME_NOUNS.has(lw);
    if (
      j > start &&
      NP_STOP_WORDS.has(lw) &&
      !isCap(doc, j) &&
      !(afterDe && DETERMINERS.has(lw)) &&
      !lUn &&
      !dayOfName
    )
      break;
    if (doc.tokens.flags[j]! & TokenFlag.Inverted) break;
    // A reporting verb after a name ends the phrase: le Conseil d'État explique.
    if (j > start && isCap(doc, j - 1) && !isCap(doc, j) && reportingVerb(lw) && !PERSON_NOUNS.has(lw)) break;
    // After a proper name, a lower-case word other than a particle ends the phrase (M. Martinez reprend).
    if (
      j > start + 1 &&
      isCap(doc, j - 1) &&
      (NAME_TITLES.has(lower(doc, j - 2)) || (isCap(doc, j - 2) && !DETERMINERS.has(lower(doc, j - 2)))) &&
      !isCap(doc, j) &&
      !NAME_PARTICLES.has(lw) &&
      !afterDeWord(lw) &&
      doc.tokens.kind[j] === TokenKind.Word
    )
      break;
    if (j > start && AUX_OR_VERB.test(lw) && !isCap(doc, j)) break;
    // A participle after the noun starts a relative-like modifier when words follow it (un
    // sondage publié mardi); at the end of the phrase it is an adjective (les étudiants mobilisés).
    if (
      j > start + 1 &&
      !isCap(doc, j) &&
      /(ant|és?|ées?)$/.test(lw) &&
      lw.length > 4 &&
      !DETERMINERS.has(prev) &&
      !PERSON_NOUNS.has(lw) &&
      (lw.endsWith('ant') || (j + 1 <= limit && doc.tokens.kind[j + 1] === TokenKind.Word))
    )
      break;
    // How the source was reached is not part of it: un témoin joint par l'AFP, des enquêteurs
    // présents dans la prison.
    if (j > start + 1 && REACHED.has(lw) && !DETERMINERS.has(prev)) break;
    last = j;
    words++;
    j++;
  }
  if (last < 0) return null;
  // Do not end on a determiner or preposition.
  while (last > start && (DETERMINERS.has(lower(doc, last)) || NAME_PARTICLES.has(lower(doc, last)))) last--;
  if (last === start && DETERMINERS.has(w)) return null;
  return { first: start, last };
}

/**
 * A capitalised word that opens a sentence without being a name: a verb form (Démêler, Propulsé,
 * Soupçonné) or a preposition (Devant, Outre), when no other capitalised word follows it.
 */
function sentenceInitialNonName(doc: Doc, i: number, w: string): boolean {
  const initial = i === 0 || doc.sentences[doc.sentenceOfToken[i]!]!.first === i;
  if (!initial || isCap(doc, i + 1)) return false;
  // Infinitives, participles and imperatives: Démêler, Propulsé, Interrompu, Retrouvez.
  return SENTENCE_OPENERS.has(w) || (/(er|ir|é|ée|és|ées|ant|u|ue|us|ues|ez)$/.test(w) && w.length > 4);
}

function afterDeWord(w: string): boolean {
  return w === 'de' || w === 'du' || w === 'des' || w === 'd’' || w === "d'";
}

// Finite verbs that end a subject phrase when reading leftwards or rightwards.
const AUX_OR_VERB =
  /^(a|ont|avait|avaient|est|sont|était|étaient|sera|serait|aura|aurait|fait|doit|va|vont|peut)$/;

/** The inverted subject after a verb group: », a déclaré mardi le ministre. */
export function subjectAfter(doc: Doc, from: number, limit: number): MentionRange | null {
  const np = subjectAfterRaw(doc, from, limit);
  // A subject does not start with "de" or an elided clitic: "de là", "d'une année", "S'".
  if (np && /^(de|d’|d'|s’|s'|n’|n'|qu’|qu')$/.test(lower(doc, np.first))) return null;
  // Two sources joined by "et" that close the clause: », dénonce la CSC et le syndicat ETF.
  if (np && lower(doc, np.last + 1) === 'et' && np.last + 2 <= limit) {
    const second = nounPhraseAt(doc, np.last + 2, limit);
    const end = second ? second.last + 1 : -1;
    if (
      second &&
      hasProperName(doc, second) &&
      hasProperName(doc, np) &&
      (end > limit || isBoundary(doc, end))
    )
      return { first: np.first, last: second.last };
  }
  // A description and the name in apposition that closes the clause: », prévient le président de
  // l'agglomération, Paul Morel. The name is what designates the source.
  if (np && DETERMINERS.has(lower(doc, np.first)) && tokenText(doc, np.last + 1) === ',') {
    const name = personNameAt(doc, np.last + 2, limit);
    if (name && (name.last + 1 > limit || isBoundary(doc, name.last + 1))) return name;
  }
  // The same after a longer complement: », a réagi le vice-président pour la région de la
  // fédération, Paul Morel. Only words, no verb, between the description and the comma.
  if (np && DETERMINERS.has(lower(doc, np.first)) && tokenText(doc, np.last + 1) !== ',') {
    let comma = np.last + 1;
    while (
      comma <= limit &&
      comma - np.last <= 14 &&
      (doc.tokens.kind[comma] === TokenKind.Word ||
        tokenText(doc, comma) === '(' ||
        tokenText(doc, comma) === ')') &&
      !AUX_OR_VERB.test(lower(doc, comma)) &&
      !/^(qui|que|qu’|qu'|mais|dont|où)$/.test(lower(doc, comma)) &&
      // "et" only between adjectives: la Fédération sportive et gymnique.
      !(lower(doc, comma) === 'et' && (isCap(doc, comma + 1) || DETERMINERS.has(lower(doc, comma + 1))))
    )
      comma++;
    if (comma <= limit && comma > np.last + 1 && tokenText(doc, comma) === ',') {
      const name = personNameAt(doc, comma + 1, limit);
      if (name && (name.last + 1 > limit || isBoundary(doc, name.last + 1))) return name;
    }
  }
  return np;
}

/** A person's name at token i: a title or a known given name, then capitalised words. */
function personNameAt(doc: Doc, i: number, limit: number): MentionRange | null {
  if (i > limit || !(NAME_TITLES.has(lower(doc, i)) || (isCap(doc, i) && givenNameAt(doc, i)))) return null;
  let last = i;
  while (
    last + 1 <= limit &&
    (isCap(doc, last + 1) || (NAME_PARTICLES.has(lower(doc, last + 1)) && isCap(doc, last + 2))) &&
    !(doc.tokens.flags[last + 1]! & TokenFlag.NewlineBefore)
  )
    last++;
  return last > i ? { first: i, last } : null;
}

function givenNameAt(doc: Doc, i: number): boolean {
  return firstNameGender(tokenText(doc, i)) !== undefined && !NOT_NAME_WORDS.has(lower(doc, i));
}

function subjectAfterRaw(doc: Doc, from: number, limit: number): MentionRange | null {
  let i = skipFillers(doc, from, limit);
  // An aside between commas: », a concédé, penaud, Franck Dubosc.
  if (i <= limit && tokenText(doc, i) === ',') {
    let k = i + 1;
    while (k <= limit && k - i <= 4 && tokenText(doc, k) !== ',') k++;
    if (k <= limit && tokenText(doc, k) === ',') i = skipFillers(doc, k + 1, limit);
  }
  // Complements before the subject: », a déclaré à quelques journalistes Christian Mantei;
  // », confiait à Franceinfo il y a quelques jours Élisabeth Borne; dans la soirée l'un des ...
  for (let hops = 0; hops < 3 && i <= limit; hops++) {
    const w = lower(doc, i);
    const ilYa = w === 'il' && lower(doc, i + 1) === 'y' && lower(doc, i + 2) === 'a';
    if (!COMPLEMENT_PREPOSITIONS.has(w) && !ilYa) break;
    let j = i + (ilYa ? 3 : 1);
    // "auprès de l'AFP", "lors de la réunion": the "de" and the article before the complement.
    if (!ilYa && j <= limit && afterDeWord(lower(doc, j)) && DETERMINERS.has(lower(doc, j + 1))) j++;
    if (j <= limit && DETERMINERS.has(lower(doc, j))) j++;
    // The complement's words, up to the start of a new phrase: a determiner, a title, or a
    // capitalised word after a lower-case one.
    let k = j;
    while (k <= limit && !isBoundary(doc, k)) {
      const lk = lower(doc, k);
      const givenName =
        isCap(doc, k) && isCap(doc, k + 1) && firstNameGender(tokenText(doc, k)) !== undefined;
      if (
        k > j &&
        (DETERMINERS.has(lk) || NAME_TITLES.has(lk) || givenName || (isCap(doc, k) && !isCap(doc, k - 1)))
      )
        break;
      k++;
    }
    if (k > limit || isBoundary(doc, k)) return null;
    i = skipFillers(doc, k, limit);
  }
  return nounPhraseAt(doc, i, limit);
}

/**
 * The subject of a verb whose group starts at token `verbFirst`, reading left within the clause
 * that starts at `clauseStart`: Emmanuel Macron a déclaré; Christophe Castaner, ministre de
 * l'Intérieur, a déclaré; qui a déclaré (-> the antecedent before qui).
 */
export function subjectBefore(doc: Doc, clauseStart: number, verbFirst: number): MentionRange | null {
  let j = verbFirst - 1;
  // n'a pas dit, ne l'a pas dit, lui a dit: clitics between subject and verb.
  while (
    j >= clauseStart &&
    /^(n’|n'|ne|l’|l'|lui|leur|y|en|se|s’|s'|nous|vous|m’|m'|me|t’|t'|le|la|les)$/i.test(tokenText(doc, j)) &&
    !isCap(doc, j)
  )
    j--;
  // A bracketed aside between subject and verb: Didier Robert (divers droite) avait proposé.
  if (j >= clauseStart && tokenText(doc, j) === ')') {
    let k = j - 1;
    while (k >= clauseStart && tokenText(doc, k) !== '(') k--;
    if (k > clauseStart) j = k - 1;
  }
  if (j < clauseStart) return null;
  const w = lower(doc, j);
  if (SUBJECT_PRONOUNS.has(w)) return { first: j, last: j };
  if (w === 'qui') {
    // The antecedent: the phrase right before "qui" (and before a comma).
    let k = j - 1;
    if (k >= clauseStart && tokenText(doc, k) === ',') k--;
    let np = phraseEndingAt(doc, clauseStart, k);
    // A verb between that phrase and "qui": the antecedent is the last phrase after the verb
    // (Ce plan va être présenté après la libération de quatre otages détenus en Syrie, qui ...).
    if (np && np.last < k) {
      let verb = false;
      for (let v = np.last + 1; v <= k; v++)
        if (AUX_OR_VERB.test(lower(doc, v)) && !isCap(doc, v)) verb = true;
      // A singular verb after "qui" does not agree with a plural phrase: des associations comme
      // l'Acat, qui pointe ... -> l'Acat.
      const vw = lower(doc, verbFirst);
      const singularVerb = !/(ent|ont)$/.test(vw) && !/^(sont|étaient|avaient|seront|auront)$/.test(vw);
      if (singularVerb && /^(des|les|ces|plusieurs)$/.test(lower(doc, np.first))) verb = true;
      if (verb) {
        for (let d = k; d > np.last; d--) {
          const w = lower(doc, d);
          if (!DETERMINERS.has(w) || afterDeWord(w)) continue;
          const later = nounPhraseAt(doc, d, k);
          // A participle with its complement after it is no part of the phrase: détenus en Syrie.
          if (
            later &&
            later.last < k &&
            later.last > later.first + 1 &&
            /(és|ées|us|ues|is|ies|ts|tes)$/.test(lower(doc, later.last))
          )
            later.last--;
          if (later) np = later;
          break;
        }
      }
    }
    // An apposition after a name: Jérôme Rodrigues, l'une des figures du mouvement, qui affirme.
    if (
      np &&
      (!hasProperName(doc, np) || DETERMINERS.has(lower(doc, np.first))) &&
      np.first - 1 > clauseStart &&
      tokenText(doc, np.first - 1) === ','
    ) {
      // The capitalised words (and name particles) that end right before the comma.
      let first = np.first - 2;
      while (
        first - 1 >= clauseStart &&
        (isCap(doc, first - 1) || NAME_PARTICLES.has(lower(doc, first - 1))) &&
        !DETERMINERS.has(lower(doc, first - 1))
      )
        first--;
      const named = { first, last: np.first - 2 };
      if (isCap(doc, first) && isCap(doc, named.last) && hasProperName(doc, named)) return named;
    }
    return np;
  }
  if (tokenText(doc, j) === ',') {
    // An apposition or incise ends right before the verb: find the start of the subject by
    // taking the first phrase of the clause that contains a proper name or starts with a determiner.
    return firstPhraseOfClause(doc, clauseStart, j);
  }
  const np = phraseEndingAt(doc, clauseStart, j);
  // A name opening the clause, then a description without its closing comma: "Jonas, l'un des
  // amis de la victime a rapporté". The name is the subject.
  if (np && DETERMINERS.has(lower(doc, np.first)) && tokenText(doc, np.first - 1) === ',') {
    const name = wholeName(doc, clauseStart, np.first - 2);
    if (name) return name;
  }
  return np;
}

/** The range [first, last] when it is exactly a person's name: capitalised words, or one given name. */
function wholeName(doc: Doc, first: number, last: number): MentionRange | null {
  if (last < first || last - first > 4 || !isCap(doc, first) || NOT_NAME_WORDS.has(lower(doc, first)))
    return null;
  for (let i = first; i <= last; i++)
    if (!(isCap(doc, i) || (i > first && NAME_PARTICLES.has(lower(doc, i))))) return null;
  if (first === last && !givenNameAt(doc, first)) return null;
  return { first, last };
}

/** Conjunctions opening a clause of their own: ... lorsque la police leur a demandé de partir. */
const SUBORDINATORS = new Set([
  'lorsque',
  'lorsqu’',
  "lorsqu'",
  'quand',
  'puisque',
  'puisqu’',
  "puisqu'",
  'car',
]);

/** The noun phrase that ends at token `end`, reading left to the clause start. */
function phraseEndingAt(doc: Doc, clauseStart: number, end: number): MentionRange | null {
  // A phrase ending in a quoted name: de nombreux "gilets jaunes" se disant ...
  if (end >= clauseStart && doc.tokens.kind[end] === TokenKind.Quote) {
    let open = end - 1;
    while (open > clauseStart && end - open <= 5 && doc.tokens.kind[open] === TokenKind.Word) open--;
    if (open >= clauseStart && open < end - 1 && doc.tokens.kind[open] === TokenKind.Quote) {
      const np = phraseEndingAt(doc, clauseStart, open - 1);
      if (np && np.last === open - 1) return { first: np.first, last: end };
      // Only a determiner before the marks: les "gilets jaunes", plusieurs «gilets jaunes».
      let first = open;
      while (first - 1 >= clauseStart && QUANTIFIERS.has(lower(doc, first - 1))) first--;
      return first < open ? { first, last: end } : null;
    }
    return null;
  }
  if (end < clauseStart || doc.tokens.kind[end] !== TokenKind.Word) return null;
  let k = end;
  while (k - 1 >= clauseStart && !isBoundary(doc, k - 1)) {
    const w = lower(doc, k - 1);
    // A relative pronoun opens a clause of its own: ... une première en France où les autorités ont dit.
    if (
      SUBJECT_PRONOUNS.has(w) ||
      w === 'qui' ||
      w === 'que' ||
      w === 'où' ||
      w === 'dont' ||
      w === 'mais' ||
      SUBORDINATORS.has(w)
    )
      break;
    // "et" joins adjectives inside a phrase (la Transition écologique et solidaire), not phrases.
    if (w === 'et' && (isCap(doc, k) || DETERMINERS.has(lower(doc, k)))) break;
    k--;
  }
  const listHead = coordinatedHead(doc, clauseStart, k);
  // Skip leading adverbials in the segment: "Mardi le ministre", "De son côté, il".
  k = skipFillers(doc, k, end);
  while (k < end && !isCap(doc, k) && !DETERMINERS.has(lower(doc, k)) && !NAME_TITLES.has(lower(doc, k))) k++;
  // A capitalised conjunction or adverb opening the clause: "Si M. Rodrigues affirme", "Quand X dit".
  while (k < end && isCap(doc, k) && NOT_NAME_WORDS.has(lower(doc, k)) && !DETERMINERS.has(lower(doc, k)))
    k++;
  // The head of the phrase: prefer the last determiner-led or name-led sub-phrase.
  const np = nounPhraseAt(doc, k, end);
  return np && listHead >= 0 ? { first: listHead, last: np.last } : np;
}

/**
 * Complements in a list belong to one phrase: reading left from "de la Transition écologique" in
 * "les ministres de l'Économie, de la Santé et de la Transition écologique ont ...", the phrase
 * starts at "les ministres". The start of that head, or -1 when segment k is no such list item.
 */
function coordinatedHead(doc: Doc, clauseStart: number, k: number): number {
  if (!afterDeWord(lower(doc, k))) return -1;
  let item = k;
  let sawEt = false;
  for (let items = 0; items < 6; items++) {
    const sep = item - 1;
    if (sep <= clauseStart) return -1;
    const isEt = lower(doc, sep) === 'et';
    if (!isEt && tokenText(doc, sep) !== ',') return -1;
    sawEt ||= isEt;
    let b = sep;
    while (b - 1 >= clauseStart && !isBoundary(doc, b - 1) && lower(doc, b - 1) !== 'et') b--;
    if (b >= sep) return -1;
    if (afterDeWord(lower(doc, b))) {
      item = b;
      continue;
    }
    // The head: a determiner, its noun and a "de" complement of its own (les ministres de l'Économie).
    let complement = false;
    for (let i = b + 1; i < sep; i++) if (afterDeWord(lower(doc, i))) complement = true;
    return sawEt && complement && DETERMINERS.has(lower(doc, b)) ? b : -1;
  }
  return -1;
}

function firstPhraseOfClause(doc: Doc, clauseStart: number, commaBeforeVerb: number): MentionRange | null {
  // Segments separated by commas, left to right; take the first that looks like a subject.
  // A segment with a proper name wins over a description (Son prédécesseur, Gérard Collomb, a dit).
  let segStart = clauseStart;
  let first: MentionRange | null = null;
  for (let k = clauseStart; k <= commaBeforeVerb; k++) {
    if (tokenText(doc, k) === ',' || k === commaBeforeVerb) {
      const np = nounPhraseAt(doc, segStart, k - 1);
      if (np && np.last === k - 1 && looksLikeSubject(doc, np)) {
        if (hasProperName(doc, np)) return np;
        first ??= np;
      }
      segStart = k + 1;
    }
  }
  return first;
}

function looksLikeSubject(doc: Doc, np: MentionRange): boolean {
  const w = lower(doc, np.first);
  if (NOT_NAME_WORDS.has(w) && !DETERMINERS.has(w) && !SUBJECT_PRONOUNS.has(w)) return false;
  return true;
}

/** True when the range is (or ends in) a capitalised proper name. */
export function hasProperName(doc: Doc, r: MentionRange): boolean {
  for (let i = r.first; i <= r.last; i++) {
    if (isCap(doc, i) && !NOT_NAME_WORDS.has(lower(doc, i))) return true;
  }
  return false;
}

/**
 * The subject of the first finite verb among tokens [first, last] that lie outside quotation
 * marks: "Evidemment, Paul Morel ne va pas ..." -> Paul Morel; "Dans un message, l'humoriste a
 * apporté ..." -> l'humoriste. Null when no auxiliary or reporting verb comes with a subject.
 */
export function clauseSubject(doc: Doc, first: number, last: number): MentionRange | null {
  let inQuote = false;
  for (let i = first; i <= last; i++) {
    if (doc.tokens.kind[i] === TokenKind.Quote) {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote || doc.tokens.kind[i] !== TokenKind.Word || isCap(doc, i)) continue;
    const w = lower(doc, i);
    // A finite verb: an auxiliary, or a reporting verb that is no participle or infinitive.
    const finite =
      AUX_OR_VERB.test(w) || (i > first && reportingVerb(w) && !/(é|ée|és|ées|ant|er|ir)$/.test(w));
    if (!finite) continue;
    return subjectBefore(doc, first, i);
  }
  return null;
}
