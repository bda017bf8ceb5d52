// Context evidence for the type of each candidate occurrence: titles and role nouns before a name
// (person), organisation heads and triggers (l'ONG X, le parti X), place cues (à X, en X, X
// (Hérault), la ville d'Obock), appositions after it (X, 47 ans; X, ancien ministre).
import { TokenKind } from '../doc/tokens.js';
import { firstNameGender } from '../lang/fr/first-names.js';
import {
  NON_ORGANIZATION_ACRONYMS,
  ORGANIZATION_HEADS,
  ORGANIZATION_TRIGGERS,
} from '../lang/fr/organizations.js';
import { ADDRESS_NOUNS, PLACE_PREPOSITIONS } from '../lang/fr/places.js';
import { PERSON_NOUNS } from '../lang/fr/words.js';
import {
  anyGiven,
  IS_NOT_PERSON_PART,
  isAcronym,
  isNationalityWord,
  isParticle,
  knownAt,
  strictGiven,
  type Ctx,
  type Occurrence,
} from './candidates.js';
import { EXTRA_PERSON_NOUNS, KNOWN_SURNAMES, PLACE_OF_NOUNS, ROLE_CAPITALS } from './lexicon.js';

const DEPT_PLACE = new Set(['department', 'region', 'country']);
const DETERMINER_BEFORE = new Set(['le', 'la', 'les', 'l’', "l'", 'du', 'des', 'au', 'aux']);
const OF = new Set(['de', 'du', 'des', 'd’', "d'"]);
const ROLE_LINKS = new Set(['de', 'du', 'des', 'd’', "d'", 'la', 'l’', "l'", 'aux', 'au']);
const APPOSITION_DETERMINERS = new Set(['le', 'la', 'l’', "l'", 'un', 'une', 'son', 'sa']);
const NOT_TWO_LETTER_ORG_BEFORE = new Set([
  'le',
  'la',
  'les',
  'l’',
  "l'",
  'du',
  'des',
  'au',
  'aux',
  'de',
  'd’',
  "d'",
  'à',
  'selon',
  'par',
  'avec',
]);
/** Person nouns that are roles: PERSON_NOUNS but premier, première, jeune, milieu, and the extra ones. */
const ROLE_PERSON_NOUNS: ReadonlySet<string> = new Set([
  ...[...PERSON_NOUNS].filter((w) => w !== 'premier' && w !== 'première' && w !== 'jeune' && w !== 'milieu'),
  ...EXTRA_PERSON_NOUNS,
]);

/** Words in a name that mark a company, a medium or an institution rather than a person. */
const ORG_WORDS = new Set([
  'foundation',
  'rights',
  'group',
  'groupe',
  'airlines',
  'airways',
  'cruises',
  'bank',
  'chemical',
  'hebdo',
  'news',
  'info',
  'infos',
  'tv',
  'radio',
  'télévisions',
  'télévision',
  'presse',
  'press',
  'médias',
  'média',
  'live',
  'times',
  'post',
  'journal',
  'magazine',
  'company',
  'corporation',
  'corp',
  'inc',
  'ltd',
  'sa',
  'sas',
  'motors',
  'energy',
  'énergie',
  'environnement',
  'nature',
  'international',
  'internationale',
  'institute',
  'institut',
  'university',
  'université',
  'college',
  'club',
  'fc',
  'sport',
  'sports',
  'racing',
  'olympique',
  'united',
  'association',
  'fondation',
  'union',
  'parti',
  'party',
  'front',
  'mouvement',
  'collectif',
  'syndicat',
  'fédération',
  'federation',
  'conseil',
  'commission',
  'comité',
  'agence',
  'agency',
  'office',
  'service',
  'services',
  'cacher',
  'casher',
  'lab',
  'labs',
  'technologies',
  'systems',
  'solutions',
  'holding',
  'capital',
  'partners',
  'consulting',
  'assurances',
  'mutuelle',
  'banque',
  'crédit',
  'caisse',
  'autoroutes',
  'transports',
  'logistique',
  'immobilier',
  'pharma',
  'trust',
  'watch',
  'network',
  'online',
  'records',
  'productions',
  'films',
  'studio',
  'studios',
  'games',
  'entertainment',
  'orchestre',
  'museum',
  'matelas',
  'compagnie',
  'commune',
  'matinale',
  'business',
  'hôtel',
  'hotels',
  'airport',
  'express',
  'monde',
  'soir',
  'matin',
]);

export function isPersonNoun(w: string): boolean {
  return ROLE_PERSON_NOUNS.has(w);
}

function hasAsciiLower(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 97 && ch <= 122) return true;
  }
  return false;
}

/** /\d/.test(s) without the regex. */
function hasDigit(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 48 && ch <= 57) return true;
  }
  return false;
}

function hasOrgWord(c: Ctx, o: Occurrence): boolean {
  for (let k = o.first; k <= o.last; k++) if (ORG_WORDS.has(c.low(k))) return true;
  return false;
}

/** Adds the evidence of each occurrence's context to its scores. */
export function scoreContext(c: Ctx, occs: Occurrence[]): void {
  for (const o of occs) {
    if (o.settled || o.title >= 0) continue;
    const first = o.first;
    const p1 = first > 0 && !c.breakBefore(first) ? c.low(first - 1) : '';
    const p2 = first > 1 && !c.breakBefore(first - 1) ? c.low(first - 2) : '';
    const tokens = o.last - o.first + 1;
    // One word: its text is the occurrence's (no slice).
    const w = tokens === 1 ? o.text : c.raw(o.first);
    if (o.known) {
      // Gazetteer evidence is there already; cues decide for towns and ambiguous names.
      if (o.known.type === 'place' && (o.known.ambiguous || o.known.place === 'town')) {
        placeCues(c, o, p1, p2);
        if (!o.initial && !o.known.ambiguous) o.scores.place += 1;
      }
      continue;
    }
    if (o.placeNoun) {
      o.scores.place += 6;
      continue;
    }
    // Acronyms: organisations, unless they are economic or everyday abbreviations.
    if (tokens === 1 && isAcronym(w)) {
      if (NON_ORGANIZATION_ACRONYMS.has(w) || /\d/.test(w)) o.scores.organization -= 20;
      else if (w.length >= 5 && !/[&-]/.test(w))
        o.scores.organization -= 20; // a shouted word
      else if (o.initial && c.isCap(o.first + 1) && /^\p{Lu}+$/u.test(c.raw(o.first + 1)))
        o.scores.organization -= 20;
      else if (w.length === 2 && !NOT_TWO_LETTER_ORG_BEFORE.has(p1)) o.scores.organization += 1;
      else o.scores.organization += 3;
      continue;
    }
    // A shouted heading or dateline (an ASCII lowercase letter rules it out before any regex).
    if (!hasAsciiLower(o.text)) {
      const text = o.text.replace(/[\s'’-]/g, '');
      if (text.length >= 5 && /^[\p{Lu}\d]+$/u.test(text)) continue;
    }
    // An address or a work (rue Victor Hugo, le prix Goncourt) is none of the three.
    if (ADDRESS_NOUNS.has(p1) || (OF.has(p1) && ADDRESS_NOUNS.has(p2))) continue;
    const head = c.low(o.first);
    // Organisations: head nouns (Fédération des ...), words (Foundation), triggers (l'ONG X).
    if (ORGANIZATION_HEADS.has(head)) {
      // Le Centre de la France is a region, the Direction de Paris a heading.
      const rest = knownAt(c, o.last);
      if (!((head === 'centre' || head === 'direction') && rest && rest.value.type === 'place'))
        o.scores.organization += 6;
    } else if (hasOrgWord(c, o)) o.scores.organization += 3;
    if (ORGANIZATION_TRIGGERS.has(p1) && !isPersonNoun(p1)) o.scores.organization += 6;
    // Persons: a given name, a role before, an apposition after.
    if (strictGiven(c, o.first)) o.scores.person += tokens > 1 ? 5 : 1;
    else if (tokens > 1 && firstNameGender(w) !== undefined) o.scores.person += 2.5;
    if (isPersonNoun(p1) || ROLE_CAPITALS.has(p1) || roleBefore(c, first)) o.scores.person += 4;
    if (appositionAfter(c, o.last)) o.scores.person += 3;
    if (tokens === 1 && KNOWN_SURNAMES.has(o.key)) o.scores.person += 4;
    placeCues(c, o, p1, p2);
    // Determiners: l'Anses, la N-VA, le Cevipof are organisations more often than persons.
    if (DETERMINER_BEFORE.has(p1)) {
      o.scores.person -= 3;
      if (tokens === 1 && !o.initial && !NON_ORGANIZATION_ACRONYMS.has(w)) o.scores.organization += 1.5;
    }
    // Two to four capitalised words that nothing else explains: a person's name.
    if (tokens >= 2 && tokens <= 4 && !o.initial && !hasOrgWord(c, o) && !ORGANIZATION_HEADS.has(head)) {
      let plain = true;
      for (let k = o.first; k <= o.last; k++) {
        if (!c.isCap(k) && !isParticle(c, k) && !/^\p{Ll}+-\p{Lu}/u.test(c.raw(k))) plain = false;
        if (c.is(k, IS_NOT_PERSON_PART) || hasDigit(c.low(k))) plain = false;
      }
      if (plain) o.scores.person += 2;
    }
  }
}

/** Place cues: à X, en X, X (Hérault), la ville d'Obock, (Hérault) after a town. */
function placeCues(c: Ctx, o: Occurrence, p1: string, p2: string): void {
  if (PLACE_PREPOSITIONS.has(p1) && !anyGiven(c, o.first)) o.scores.place += p1 === 'en' ? 4 : 3;
  else if (p1 === 'de' && (p2 === 'près' || p2 === 'proche' || p2 === 'loin')) o.scores.place += 3;
  if (OF.has(p1) && placeOfNoun(c, o.first - 1)) o.scores.place += 4;
  // X (Hérault), X (Belgique).
  if (c.isChar(o.last + 1, 40 /* ( */) && c.isChar(o.last + 3, 41 /* ) */)) {
    const k = knownAt(c, o.last + 2);
    if (k && k.value.type === 'place' && DEPT_PLACE.has(k.value.place ?? '')) o.scores.place += 5;
  }
}

/** la ville d'Obock, la ville côtière d'Obock, le campus du Solbosch: a place noun before "de". */
function placeOfNoun(c: Ctx, particle: number): boolean {
  for (let k = particle - 1; k >= 0 && particle - k <= 2; k--) {
    if (!c.isWord(k)) return false;
    const w = c.low(k);
    if (PLACE_OF_NOUNS.has(w)) return true;
  }
  return false;
}

/** A role noun phrase ends right before the name: le président américain Joe Biden. */
function roleBefore(c: Ctx, first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= 6; k--) {
    if (c.breakBefore(k + 1) && k + 1 < first) return false;
    if (!c.isWord(k)) return k === first - 1 && c.isChar(k, 44 /* , */) && k > 0 && roleBefore(c, k);
    const w = c.low(k);
    if (isPersonNoun(w)) return true;
    if (isNationalityWord(w) || ROLE_CAPITALS.has(w)) continue;
    if (ROLE_LINKS.has(w)) continue;
    if (c.isCap(k)) continue;
    return false;
  }
  return false;
}

/** ", 47 ans", ", ancien ministre", ", porte-parole de ...": an apposition that describes a person. */
function appositionAfter(c: Ctx, last: number): boolean {
  if (!c.isChar(last + 1, 44 /* , */) && !c.isChar(last + 1, 40 /* ( */)) return false;
  let k = last + 2;
  if (c.doc.tokens.kind[k] === TokenKind.Number && c.low(k + 1) === 'ans') return true;
  if (APPOSITION_DETERMINERS.has(c.low(k))) k++;
  for (let m = 0; m < 2 && c.isWord(k); m++) {
    if (isPersonNoun(c.low(k))) return true;
    k++;
  }
  return false;
}
