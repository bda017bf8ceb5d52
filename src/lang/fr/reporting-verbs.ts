// French reporting verbs (dire, déclarer, marteler, s'exclamer, estimer...) and multiword reporting
// cues (faire valoir, mettre en garde...). The curated list lives in reporting-verb-lemmas.json;
// the inflected forms are generated from the Lefff by `npm run lexicon`
// (scripts/build-reporting-verbs.mjs). Sources and licences: PROVENANCE.md.
//
// Data files (all next to this module, copied to dist/ by tsc because they are imported):
//   reporting-verb-lemmas.json   curated: { lemmas: LemmaEntry[], multiword: MultiwordEntry[] }
//   reporting-verb-forms.json    generated: inflected form -> lemma, for every lemma of the list
//   multiword-head-forms.json    generated: inflected form -> head verb (faire, mettre, tirer...) of
//                                the multiword cues only; kept apart because those heads (faire,
//                                mettre, prendre...) are not reporting verbs on their own.
import data from './reporting-verb-lemmas.json' with { type: 'json' };
import formsJson from './reporting-verb-forms.json' with { type: 'json' };
import headFormsJson from './multiword-head-forms.json' with { type: 'json' };

export type ReportingClass = 'speech' | 'cognition';

/** One curated entry of reporting-verb-lemmas.json. Booleans default to false. */
export interface LemmaEntry {
  /** Infinitive without the reflexive pronoun: exclamer for s'exclamer. */
  lemma: string;
  /** speech: verb of saying; cognition: opinion or mental state, which news uses to attribute views. */
  class: ReportingClass;
  /** Introduces a completive clause: il affirme que... */
  que?: boolean;
  /** Introduces de + infinitive: il promet de..., il l'accuse d'avoir... */
  de?: boolean;
  /** Introduces à + infinitive: il appelle à..., il s'engage à... */
  a?: boolean;
  /** Takes a bare infinitive with the subject's reading: il affirme avoir..., elle dit être... */
  inf?: boolean;
  /** The reporting use needs the reflexive pronoun (s'exclamer, se réjouir). */
  pronominal?: boolean;
  /** Lefff lemma the forms were conjugated on, when the lemma itself is missing from Lefff. */
  like?: string;
  /** Inflected forms left out because they are mostly other words (poste, communiqué). */
  exclude?: string[];
  /** Why the entry is questionable. */
  note?: string;
}

/** One curated multiword cue. */
export interface MultiwordEntry {
  words: string[];
  lemma?: string;
  class: ReportingClass;
  que?: boolean;
  de?: boolean;
  a?: boolean;
  note?: string;
}

/** What the lookup returns: shared, frozen, one object per lemma. */
export interface ReportingVerb {
  /** Infinitive without the reflexive pronoun (exclamer); this is the lexicon key. */
  readonly lemma: string;
  /** Citation form with the reflexive pronoun when pronominal (s'exclamer, se réjouir), else lemma. */
  readonly citation: string;
  readonly cls: ReportingClass;
  /** Introduces a "que" clause (indirect speech). */
  readonly takesQue: boolean;
  /** Introduces "de + infinitive" (il promet de venir). */
  readonly takesDe: boolean;
  /** Introduces "à + infinitive" (il appelle à manifester). */
  readonly takesA: boolean;
  /** Takes a bare infinitive (il affirme avoir été menacé). */
  readonly takesInf: boolean;
  /** The reporting use needs a reflexive pronoun (s'exclamer); see citation. */
  readonly pronominal: boolean;
}

/**
 * A multiword cue. `words` are lowercase tokens as the tokenizer (src/doc/tokens.ts) cuts them:
 * words[0] is the head verb as an infinitive (inflect it with multiwordHead), the others are literal
 * and follow the head in this order, possibly with an inverted pronoun or an adverb in between
 * (a-t-il fait valoir, met aussi en garde). An elided word is its own token with an ASCII
 * apostrophe ("d'"), so callers normalise ’ to ' before comparing.
 */
export interface MultiwordCue {
  readonly words: readonly string[];
  /** Canonical expression, e.g. "faire valoir", "faire état de". */
  readonly lemma: string;
  readonly cls: ReportingClass;
  readonly takesQue: boolean;
  readonly takesDe: boolean;
  readonly takesA: boolean;
}

const LEMMAS: readonly LemmaEntry[] = (data as { lemmas: LemmaEntry[] }).lemmas;
const MULTIWORD: readonly MultiwordEntry[] = (data as { multiword: MultiwordEntry[] }).multiword;

/** The curated reporting verbs, in list order (the order decides which lemma a shared form maps to). */
export const REPORTING_LEMMAS: readonly LemmaEntry[] = LEMMAS;

function citationOf(entry: LemmaEntry): string {
  if (!entry.pronominal) return entry.lemma;
  return /^[aeiouyhàâäéèêëîïôöûùü]/.test(entry.lemma) ? `s'${entry.lemma}` : `se ${entry.lemma}`;
}

const BY_LEMMA = new Map<string, ReportingVerb>();
for (const entry of LEMMAS) {
  BY_LEMMA.set(
    entry.lemma,
    Object.freeze({
      lemma: entry.lemma,
      citation: citationOf(entry),
      cls: entry.class,
      takesQue: entry.que === true,
      takesDe: entry.de === true,
      takesA: entry.a === true,
      takesInf: entry.inf === true,
      pronominal: entry.pronominal === true,
    }),
  );
}

const BY_FORM = new Map<string, ReportingVerb>();
for (const [form, lemma] of Object.entries(formsJson as Record<string, string>)) {
  const verb = BY_LEMMA.get(lemma);
  if (!verb) throw new Error(`reporting-verb-forms.json: unknown lemma ${lemma} (run npm run lexicon)`);
  BY_FORM.set(form, verb);
}

const HEAD_BY_FORM = new Map<string, string>(Object.entries(headFormsJson as Record<string, string>));

export const MULTIWORD_CUES: readonly MultiwordCue[] = Object.freeze(
  MULTIWORD.map((entry) =>
    Object.freeze({
      words: Object.freeze([...entry.words]),
      lemma: entry.lemma ?? entry.words.join(' '),
      cls: entry.class,
      takesQue: entry.que === true,
      takesDe: entry.de === true,
      takesA: entry.a === true,
    }),
  ),
);

const COMBINING = /[\u0300-\u036f]/;

/** Map key for a word: ’ -> ', NFC when it carries combining accents, lowercase. */
function keyOf(form: string): string {
  let key = form.includes('’') ? form.replace(/’/g, "'") : form;
  if (COMBINING.test(key)) key = key.normalize('NFC');
  return key.toLowerCase();
}

/**
 * The reporting verb an inflected form belongs to: martelé -> marteler, dit -> dire,
 * exclamée -> exclamer (pronominal), estimant -> estimer. Undefined for anything else.
 * Callers should pass the lowercase form (the fast path, one Map lookup); other casings,
 * curly apostrophes and decomposed accents are normalised on a miss. Forms are single tokens:
 * no reflexive pronoun, no inverted subject (pass "dit" for dit-il).
 */
export function reportingVerb(formLower: string): ReportingVerb | undefined {
  const hit = BY_FORM.get(formLower);
  if (hit !== undefined) return hit;
  // Most words are not verbs at all: the normalising fallback only runs where it can change the key.
  if (!needsNormalising(formLower)) return undefined;
  const key = keyOf(formLower);
  return key === formLower ? undefined : BY_FORM.get(key);
}

/** Upper case, a typographic apostrophe or a combining accent: what keyOf would change. */
function needsNormalising(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 0x2019 || (c >= 0x300 && c <= 0x36f) || (c >= 0xc0 && c <= 0xde))
      return true;
  }
  return false;
}

/** The head verb (faire, mettre...) of a multiword cue for one of its inflected forms: fait -> faire. */
export function multiwordHead(formLower: string): string | undefined {
  const hit = HEAD_BY_FORM.get(formLower);
  if (hit !== undefined) return hit;
  if (!needsNormalising(formLower)) return undefined;
  const key = keyOf(formLower);
  return key === formLower ? undefined : HEAD_BY_FORM.get(key);
}

/** The entry of a lemma (without reflexive pronoun), for callers that already know it. */
export function reportingLemma(lemma: string): ReportingVerb | undefined {
  return BY_LEMMA.get(lemma);
}
