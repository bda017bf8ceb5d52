// Gender of a person entity from the votes its mentions cast: titles (M., Mme), pronouns the
// speaker stage bound to it (il, elle), agreement of roles and participles (l'ancienne ministre,
// s'est dite satisfaite); the given name only decides when the grammar says nothing.
import { PERSON_NOUNS } from '../lang/fr/words.js';
import type { Gender } from '../types.js';

export interface GenderVotes {
  male: number;
  female: number;
  /** Gender of the given name, from the first-name list. */
  given: Gender;
}

export function genderOf(v: GenderVotes): Gender {
  if (v.male > v.female) return 'male';
  if (v.female > v.male) return 'female';
  return v.given;
}

/** Masculine nouns in -ère and other forms the suffixes below would misread. */
const MASCULINE_NOUNS = new Set([
  'père',
  'frère',
  'confrère',
  'compère',
  'beau-père',
  'beau-frère',
  'grand-père',
]);
const FEMININE_NOUNS = new Set([
  'mère',
  'sœur',
  'soeur',
  'consœur',
  'fille',
  'femme',
  'épouse',
  'veuve',
  'reine',
  'princesse',
  'tante',
  'nièce',
  'cousine',
  'compagne',
  'grand-mère',
  'belle-mère',
  'belle-sœur',
]);
const FEMININE_ENDINGS =
  /(?:trice|euse|ière|ienne|enne|onne|ante|ente|ée|esse|aise|oise|elle|ive|arde|ette)$/;
const MASCULINE_ENDINGS = /(?:teur|eur|ier|ien|on|ant|ent|é|if|ais|ois|al|el|ard|et|at|aud)$/;

/**
 * Grammatical gender of a noun that names a person by its form: présidente, directrice, historienne,
 * avocate are feminine; président, directeur, meurtrier, assaillant masculine; undefined for
 * epicene nouns (ministre, juge, porte-parole, journaliste).
 */
/** Nouns whose grammatical gender says nothing of the person's: une figure, une victime, un témoin. */
export const FIXED_GENDER_NOUNS: ReadonlySet<string> = new Set([
  'figure',
  'personne',
  'personnalité',
  'victime',
  'star',
  'vedette',
  'recrue',
  'sentinelle',
  'icône',
  'légende',
  'célébrité',
  'référence',
  'membre',
  'témoin',
  'mannequin',
  'bourreau',
  'génie',
  'individu',
  'personnage',
  'otage',
  'cible',
  'tête',
  'plume',
  'voix',
  'source',
  'proche',
]);

export function personNounGender(w: string): 'male' | 'female' | undefined {
  if (MASCULINE_NOUNS.has(w)) return 'male';
  if (FEMININE_NOUNS.has(w)) return 'female';
  if (w.endsWith('e') && PERSON_NOUNS.has(w.slice(0, -1))) return 'female';
  if (FEMININE_ENDINGS.test(w)) return 'female';
  if (MASCULINE_ENDINGS.test(w)) return 'male';
  return undefined;
}
