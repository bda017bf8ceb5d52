// Speaker resolution: from the mention near a quote to the source it designates. A salience model
// over the document's mentions, no neural coreference: proper names are completed to the fullest
// form the article gives (M. Morel -> Paul Morel), pronouns and definite role
// descriptions go to the most recent compatible source, unnamed sources stay what they are.
import { tokenAtOrAfter, tokenLower, tokenText, type Doc } from '../doc/document.js';
import { TokenFlag, TokenKind } from '../doc/tokens.js';
import {
  DETERMINERS,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  FEMALE_NOUN_ENDINGS,
  FEMALE_TITLES,
  INDEFINITE_DETERMINERS,
  MALE_TITLES,
  MORE_ORGANIZATION_NOUNS,
  MORE_PERSON_NOUNS,
  NAME_PARTICLES,
  NAME_TITLES,
  NOT_NAME_WORDS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  PLURAL_DETERMINERS,
} from '../lang/fr/words.js';
import type { Gender, SpeakerType } from '../types.js';
import { firstNameGender, isCommonWordName } from '../lang/fr/first-names.js';
import { findQuoted } from './marks.js';
import { nounPhraseAt, type MentionRange } from './mentions.js';
import {
  AFTER_DETERMINER,
  AFTER_PLACE_PREPOSITION,
  DEFINITE_SINGULAR,
  INFO_NOUNS,
  isPersonNoun,
  METONYMS,
  OBLIQUE_BEFORE,
  ORG_KIND_NOUNS,
  ORG_NAME_WORDS,
  PLACE_NOUNS,
  PRE_ADJECTIVES,
  ROLE_WORDS,
} from '../lang/fr/quote-words.js';

export interface PersonName {
  first: number;
  last: number;
  start: number;
  end: number;
  /** The name without title: Paul Morel. */
  name: string;
  surname: string;
  gender: Gender;
}

export interface ResolvedSpeaker {
  name: string | null;
  type: SpeakerType;
  gender: Gender;
  /** Key of the person entity, when the speaker is a named person. */
  personKey?: string;
}

const lower = tokenLower;
const isCap = (doc: Doc, i: number): boolean =>
  doc.tokens.kind[i] === TokenKind.Word && (doc.tokens.flags[i]! & TokenFlag.Capitalised) !== 0;
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&-]{1,}$/u;
const personNoun = (w: string): boolean =>
  isPersonNoun(w) || MORE_PERSON_NOUNS.has(w) || (w.endsWith('s') && MORE_PERSON_NOUNS.has(w.slice(0, -1)));

/**
 * How far back (in characters) a pronoun or description looks for its referent. News paragraphs
 * are short; the bound also keeps resolution linear on book-length inputs.
 */
const REFERENCE_SPAN = 6000;
function orgLike(doc: Doc, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (ORG_NAME_WORDS.has(lower(doc, i))) return true;
  return false;
}

/** A known given name, not one that is also a common word (Pierre, Rose) unless a name follows. */
function givenName(doc: Doc, i: number): Gender | undefined {
  const word = tokenText(doc, i);
  const g = firstNameGender(word);
  if (!g) return undefined;
  // A compound given name is names throughout (Jean-Yves); France-Presse is not one.
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && firstNameGender(word.slice(hyphen + 1)) === undefined) return undefined;
  if (isCommonWordName(tokenText(doc, i)) && !(i + 1 < doc.tokens.count && isCap(doc, i + 1)))
    return undefined;
  return g === 'ambiguous' ? 'unknown' : g;
}

/**
 * Person-like proper names: a title and a capitalised word (M. Morel), a given name and a
 * capitalised word (Paul Morel), or two capitalised words that nothing marks as a place or
 * an organisation (not after l'/la/du: l'Intérieur, la Maison Blanche; not after à/en: à Saint Jean).
 */
export function findPersonNames(doc: Doc): PersonName[] {
  const out: PersonName[] = [];
  const n = doc.tokens.count;
  for (let i = 0; i < n; i++) {
    const w = lower(doc, i);
    const titled = NAME_TITLES.has(w) && i + 1 < n && isCap(doc, i + 1);
    if (
      !titled &&
      (!isCap(doc, i) || NOT_NAME_WORDS.has(w) || ROLE_WORDS.has(w) || ACRONYM.test(tokenText(doc, i)))
    )
      continue;
    let j = titled ? i + 1 : i;
    let first = j;
    let last = j;
    let caps = 0;
    while (j < n) {
      if (j > first && doc.tokens.flags[j]! & TokenFlag.NewlineBefore) break;
      const lw = lower(doc, j);
      // Inside a name, a capitalised function word is part of it (Pierre-Olivier Sur, Marine Le Pen).
      // A capitalised function word inside a name after a given name: Pierre-Olivier Sur.
      const surnameWord = j > first && givenName(doc, j - 1) !== undefined && !isCap(doc, j + 1);
      if (
        isCap(doc, j) &&
        !(j > first && NOT_NAME_WORDS.has(lw) && !NAME_PARTICLES.has(lw) && !surnameWord)
      ) {
        if (ORGANIZATION_NOUNS.has(lw) || DOCUMENT_NOUNS.has(lw) || ACRONYM.test(tokenText(doc, j))) break;
        caps++;
        last = j;
        j++;
        continue;
      }
      if (NAME_PARTICLES.has(lw) && j + 1 < n && isCap(doc, j + 1) && caps > 0) {
        j++;
        continue;
      }
      break;
    }
    const chainEnd = last;
    // An English possessive goes on with the name of a body: European Transport Workers' Federation.
    if (
      last + 2 < n &&
      /^['’]$/.test(tokenText(doc, last + 1)) &&
      doc.tokens.end[last] === doc.tokens.start[last + 1] &&
      isCap(doc, last + 2)
    ) {
      i = chainEnd;
      continue;
    }
    if (!titled) {
      // Start at the first given name in the chain: "l'Intérieur Christophe Castaner".
      let k = first;
      while (k < last && givenName(doc, k) === undefined) k++;
      // "Lassouri Ben Hamouda": Ben, Ould, Abou inside a name link it; they start no new one.
      if (k > first && SURNAME_LINKS.has(lower(doc, k))) k = first;
      const hasGiven = givenName(doc, k) !== undefined && k < last;
      const prev = first > 0 ? lower(doc, first - 1) : '';
      if (PLACE_NOUNS.has(prev)) {
        i = chainEnd;
        continue;
      }
      const role = PERSON_NOUNS.has(w) || ORGANIZATION_NOUNS.has(w);
      if (hasGiven) first = k;
      else if (
        AFTER_DETERMINER.has(prev) ||
        AFTER_PLACE_PREPOSITION.has(prev) ||
        role ||
        orgLike(doc, first, last)
      ) {
        i = chainEnd;
        continue;
      }
      caps = 0;
      for (let q = first; q <= last; q++) if (isCap(doc, q)) caps++;
    }
    if (caps === 0 || (!titled && caps < 2) || caps > 4) {
      i = Math.max(i, chainEnd);
      continue;
    }
    const name = doc.text.slice(doc.tokens.start[first]!, doc.tokens.end[last]!);
    const gender: Gender = titled
      ? FEMALE_TITLES.has(w)
        ? 'female'
        : MALE_TITLES.has(w)
          ? 'male'
          : 'unknown'
      : (givenName(doc, first) ?? 'unknown');
    const from = titled ? i : first;
    out.push({
      first: from,
      last,
      start: doc.tokens.start[from]!,
      end: doc.tokens.end[last]!,
      name,
      surname: tokenText(doc, last),
      gender,
    });
    i = chainEnd;
  }
  const companies = companyNames(doc, out);
  return companies.size === 0 ? out : out.filter((p) => !companies.has(p.name));
}

/** Nouns that make the name they predicate a company: Albert Matelas est une start-up. */
const COMPANY_NOUNS = new Set([...ORG_KIND_NOUNS, 'start-up', 'startup', 'spin-off', 'filiale', 'pme']);

/**
 * Names the article calls a company, as the subject of "être" or in apposition: "X est une
 * start-up", "X, une filiale de ...". A given name in front (Albert Matelas) does not make them
 * persons.
 */
function companyNames(doc: Doc, names: readonly PersonName[]): Set<string> {
  const out = new Set<string>();
  for (const p of names) {
    if (out.has(p.name) || p.first !== p.last - 1 || NAME_TITLES.has(lower(doc, p.first))) continue;
    let k = p.last + 1;
    const w = lower(doc, k);
    if (w === 'est' || w === ',') k++;
    else continue;
    if (!/^(un|une)$/.test(lower(doc, k))) continue;
    k++;
    // At most one adjective before the noun: une jeune start-up.
    if (!COMPANY_NOUNS.has(lower(doc, k)) && !isCap(doc, k)) k++;
    if (COMPANY_NOUNS.has(lower(doc, k)) && !isCap(doc, k)) out.add(p.name);
  }
  return out;
}

/** "la N-VA", "le PS", "la Commission européenne": a determiner and a capitalised name that is no person. */
function findOrganizationMentions(
  doc: Doc,
  persons: PersonName[],
): Array<{ at: number; name: string; gender: Gender }> {
  const out: Array<{ at: number; name: string; gender: Gender }> = [];
  const personStarts = new Set(persons.map((p) => p.first));
  for (let i = 0; i + 1 < doc.tokens.count; i++) {
    const det = lower(doc, i);
    if (det !== 'le' && det !== 'la') continue;
    // In a complement (la présidente de la Commission), the organisation is not what il / elle
    // will refer to next.
    if (i > 0 && OBLIQUE_BEFORE.has(lower(doc, i - 1))) continue;
    // A rubric in capitals (LE SCAN POLITIQUE -) names no organisation.
    if (tokenText(doc, i) === det.toUpperCase()) continue;
    const j = i + 1;
    if (!isCap(doc, j) || personStarts.has(j) || NOT_NAME_WORDS.has(lower(doc, j))) continue;
    let last = j;
    while (
      last + 1 < doc.tokens.count &&
      isCap(doc, last + 1) &&
      !(doc.tokens.flags[last + 1]! & TokenFlag.NewlineBefore)
    )
      last++;
    // Only what reads as an institution: an acronym (la N-VA, le PS) or a name with an
    // institution word (la Commission européenne); "la France" is more often a place.
    if (
      !ACRONYM.test(tokenText(doc, j)) &&
      !orgLike(doc, j, last) &&
      !ORGANIZATION_NOUNS.has(lower(doc, j))
    ) {
      i = last;
      continue;
    }
    out.push({
      at: doc.tokens.start[i]!,
      name: doc.text.slice(doc.tokens.start[j]!, doc.tokens.end[last]!),
      gender: det === 'la' ? 'female' : 'male',
    });
    i = last;
  }
  return out;
}

/** Possessive determiners: "son cabinet", "leur syndicat" name no institution by themselves. */
const POSSESSIVES = new Set(['son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos']);

/** A name's letters without hyphens and spaces, lowercase: the same name however it is joined. */
const squash = (name: string): string => name.replace(/[\s\u00a0-]+/gu, '').toLowerCase();

/** Capitalised links inside Arabic names (Lassouri Ben Hamouda), read as given names elsewhere. */
const SURNAME_LINKS = new Set(['ben', 'bin', 'ould', 'abou', 'abu', 'ibn']);

/** Offices named by several synonyms (see officeKey), each with its holder. */
const CANONICAL_OFFICES = new Set(['président', 'premier ministre', 'ministre intérieur']);

/** Words after which a surname said alone is a subject: Guaido, ... que Guaido, et Guaido. */
const SURNAME_SUBJECT_BEFORE = new Set([
  ',',
  ';',
  ':',
  'que',
  'qu’',
  "qu'",
  'et',
  'mais',
  'lorsque',
  'quand',
  'si',
  'car',
  'puis',
  'alors',
]);

/** Nouns in -e that name men only: l'homme politique is a man. */
const MALE_E_NOUNS = new Set([
  'homme',
  'père',
  'frère',
  'oncle',
  'prêtre',
  'pape',
  'moine',
  'prince',
  'comte',
  'gendre',
]);

/** Person nouns of one grammatical gender for both sexes: cette figure du mouvement is a man. */
const EPICENE_NOUNS = new Set([
  'figure',
  'personnalité',
  'personne',
  'victime',
  'star',
  'vedette',
  'recrue',
  'icône',
  'légende',
  'tête',
  'sentinelle',
  'connaissance',
]);

/** Kinds of organisation one description may name by another: le groupe = l'entreprise. */
const KIND_FAMILIES: ReadonlyArray<ReadonlySet<string>> = [
  new Set([
    'entreprise',
    'société',
    'groupe',
    'constructeur',
    'firme',
    'marque',
    'enseigne',
    'compagnie',
    'opérateur',
    'banque',
  ]),
  new Set(['journal', 'quotidien', 'hebdomadaire', 'magazine', 'média', 'chaîne', 'radio', 'site']),
];

/** [word of the description, its head ('' for any), words that name the same office near a name]. */
const ROLE_SYNONYMS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['état', 'chef', ['président', 'présidente']],
  ['élysée', '', ['président', 'présidente']],
  ['matignon', '', ['premier', 'première']],
  ['gouvernement', 'chef', ['premier', 'première']],
  ['beauvau', '', ['intérieur']],
];

/** Function words inside an institution's name: Fondation pour la mémoire de la Shoah. */
const NAME_LINKS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'pour',
  'contre',
  'sur',
  'en',
  'à',
  'au',
  'aux',
  'et',
]);

/**
 * The rest of an institution's name after its head word: function words, lower-case nouns right
 * after a determiner, up to a capitalised word and the capitalised words after it
 * ("pour la mémoire de la Shoah", "d'État"); null when no capitalised word comes within six words.
 */
function nameTail(after: string): string | null {
  const words = after.split(/(?=[,.;:!?()«»"“”\n])/u)[0]!.split(' ');
  let prevDeterminer = false;
  for (let n = 0; n < Math.min(words.length, 7); n++) {
    const w = words[n]!.replace(/^[dl]['’]/u, '');
    if (/^\p{Lu}/u.test(w)) {
      let end = n + 1;
      while (end < words.length && /^\p{Lu}/u.test(words[end]!)) end++;
      return words.slice(0, end).join(' ');
    }
    const lowerWord = w.toLowerCase();
    if (NAME_LINKS.has(lowerWord)) prevDeterminer = /^(la|le|les)$/.test(lowerWord);
    else if (prevDeterminer && /^\p{Ll}/u.test(w)) prevDeterminer = false;
    else return null;
  }
  return null;
}

/** Patterns of sameHeadBefore, by head word. */
const HEAD_PATTERNS = new Map<string, RegExp>();

export class SpeakerResolver {
  private readonly names: PersonName[];
  /** First tokens of the person names. */
  private readonly nameStarts: ReadonlySet<number>;
  /** Full name by surname (lowercase): the longest form seen. */
  private readonly fullBySurname = new Map<string, string>();
  private readonly genderByName = new Map<string, Gender>();
  /** The first spelling of each name, by its letters without hyphens and spaces. */
  private readonly firstSpelling = new Map<string, string>();
  /** fullName's answers, once the maps it reads are complete (it runs for every mention). */
  private fullNames: Map<string, string> | null = null;
  /** Sources already attributed, most recent last. */
  private readonly history: Array<{ at: number; speaker: ResolvedSpeaker; plural: boolean; lower: string }> =
    [];

  private kindNameList: Array<{ at: number; kind: string; adjectives: string[]; name: string }> | null = null;

  /** The person each office description (le premier ministre, l'hôte de Matignon) last designated. */
  private readonly roleLinks = new Map<string, ResolvedSpeaker>();

  /** Organisations named with a gendered determiner (la N-VA, le PS): candidates for il / elle. */
  private readonly orgEvents: Array<{ at: number; name: string; gender: Gender }>;
  /** Named persons outside quoted passages: the candidates for pronouns and descriptions. */
  private nameEvents: PersonName[];

  constructor(private readonly doc: Doc) {
    this.names = findPersonNames(doc);
    this.nameStarts = new Set(this.names.map((p) => p.first));
    const quoted = findQuoted(doc);
    this.nameEvents = this.names.filter((p) => !quoted.some((q) => p.start >= q.start && p.end <= q.end));
    this.orgEvents = findOrganizationMentions(doc, this.names).filter(
      (o) => !quoted.some((q) => o.at >= q.start && o.at < q.end),
    );
    for (const p of this.names) {
      const key = p.surname.toLowerCase();
      const prev = this.fullBySurname.get(key);
      if (!prev || p.name.length > prev.length) this.fullBySurname.set(key, p.name);
    }
    for (const p of this.names) {
      const full = this.fullName(p.name);
      const key = squash(full);
      if (!this.firstSpelling.has(key)) this.firstSpelling.set(key, full);
    }
    // Both maps are complete: full names can be remembered from now on.
    this.fullNames = new Map();
    for (const p of this.names) {
      const full = this.fullName(p.name);
      if (p.gender !== 'unknown') this.genderByName.set(full, p.gender);
    }
    this.nameEvents = this.withSurnames(this.nameEvents, quoted);
  }

  /**
   * The name events with the surnames said alone (Guaido, Philippe) once the article has given
   * the full name: what a later pronoun may refer to. Not inside quotes, nor before another
   * capitalised word (Philippe Martinez is someone else).
   */
  private withSurnames(
    events: PersonName[],
    quoted: ReadonlyArray<{ start: number; end: number }>,
  ): PersonName[] {
    const doc = this.doc;
    const taken = new Set<number>();
    for (const p of this.names) for (let i = p.first; i <= p.last; i++) taken.add(i);
    // Surnames of names that read as a person's: a given name or a title first (not "Six Français").
    const credible = new Set<string>();
    for (const p of this.names)
      if (p.last > p.first && (p.gender !== 'unknown' || givenName(doc, p.first) !== undefined))
        credible.add(p.surname.toLowerCase());
    const extra: PersonName[] = [];
    for (let i = 0; i < doc.tokens.count; i++) {
      if (taken.has(i) || !isCap(doc, i) || (i + 1 < doc.tokens.count && isCap(doc, i + 1))) continue;
      const w = lower(doc, i);
      if (!credible.has(w) || NOT_NAME_WORDS.has(w) || ROLE_WORDS.has(w)) continue;
      // Only in subject position: opening a sentence or a clause (, que, et); "entendre le
      // président Macron annoncer" has him as an object.
      const sentenceStart = doc.sentences[doc.sentenceOfToken[i]!]!.first === i;
      if (!sentenceStart && !SURNAME_SUBJECT_BEFORE.has(tokenText(doc, i - 1).toLowerCase())) continue;
      const start = doc.tokens.start[i]!;
      if (quoted.some((r) => start >= r.start && start < r.end)) continue;
      const text = tokenText(doc, i);
      extra.push({
        first: i,
        last: i,
        start,
        end: doc.tokens.end[i]!,
        name: text,
        surname: text,
        gender: 'unknown',
      });
    }
    if (extra.length === 0) return events;
    return [...events, ...extra].sort((a, b) => a.start - b.start);
  }

  get personNames(): readonly PersonName[] {
    return this.names;
  }

  /** The fullest form the article gives of a name or surname. */
  fullName(name: string): string {
    const known = this.fullNames?.get(name);
    if (known !== undefined) return known;
    const full = this.fullNameUncached(name);
    this.fullNames?.set(name, full);
    return full;
  }

  private fullNameUncached(name: string): string {
    const parts = name.split(/\s+/);
    const surname = parts[parts.length - 1]!.toLowerCase();
    const full = this.fullBySurname.get(surname);
    const result = full && full.length >= name.length && full.endsWith(parts.slice(-1)[0]!) ? full : name;
    // One name written with its hyphen elsewhere (Anne-Marie Dupont-Roy, Anne Marie-Dupont Roy):
    // the first form the article gives.
    return this.firstSpelling.get(squash(result)) ?? result;
  }

  genderOf(name: string): Gender {
    return this.genderByName.get(name) ?? 'unknown';
  }

  /** Records the source of a quote so later pronouns and descriptions can refer to it. */
  remember(at: number, speaker: ResolvedSpeaker, plural = false): void {
    if (speaker.name) this.history.push({ at, speaker, plural, lower: speaker.name.toLowerCase() });
  }

  lastSpeaker(): ResolvedSpeaker | null {
    return this.history[this.history.length - 1]?.speaker ?? null;
  }

  resolve(m: MentionRange): ResolvedSpeaker {
    const joint = this.jointSources(m);
    if (joint) return joint;
    const r = this.resolveMention(m);
    // The grammatical gender of a non-person source, for later pronouns: la préfecture -> elle.
    if (r.type !== 'person' && r.gender === 'unknown') {
      const det = lower(this.doc, m.first);
      if (/^(le|du|au|un|ce|cet)$/.test(det)) r.gender = 'male';
      else if (/^(la|une|cette)$/.test(det)) r.gender = 'female';
    }
    return r;
  }

  /** Two named sources joined by "et" (la CSC Transcom et le syndicat ETF): one joint source. */
  private jointSources(m: MentionRange): ResolvedSpeaker | null {
    const doc = this.doc;
    let et = -1;
    for (let i = m.first + 1; i < m.last; i++) if (lower(doc, i) === 'et') et = et < 0 ? i : et;
    if (et < 0) return null;
    const left = { first: m.first, last: et - 1 };
    const right = { first: et + 1, last: m.last };
    const named = (r: MentionRange): boolean => {
      for (let i = r.first; i <= r.last; i++)
        if (isCap(doc, i) && !NOT_NAME_WORDS.has(lower(doc, i))) return true;
      return false;
    };
    // "la Transition écologique et solidaire" is one name: both sides must start a phrase.
    // Nor "le ministre de l'Économie et des Finances": a complement goes on after "et".
    const starts = (i: number): boolean =>
      (DETERMINERS.has(lower(doc, i)) || isCap(doc, i)) && !/^(de|des|du|d’|d')$/.test(lower(doc, i));
    if (!named(left) || !named(right) || !starts(right.first)) return null;
    const a = this.resolveMention(left);
    const b = this.resolveMention(right);
    if (!a.name || !b.name) return null;
    return { name: `${a.name} et ${b.name}`, type: a.type === b.type ? a.type : 'group', gender: 'unknown' };
  }

  private resolveMention(m: MentionRange): ResolvedSpeaker {
    const doc = this.doc;
    // "du côté des Gilets jaunes", "du côté de la CGT": the source is what follows.
    if (
      m.first + 3 <= m.last &&
      /^(du|de)$/.test(lower(doc, m.first)) &&
      lower(doc, m.first + 1) === 'côté' &&
      /^(de|des|du|d’|d')$/.test(lower(doc, m.first + 2))
    ) {
      const skip = /^(de|d’|d')$/.test(lower(doc, m.first + 2)) ? 3 : 2;
      return this.resolveMention({ first: m.first + skip, last: m.last });
    }
    const firstWord = lower(doc, m.first);
    const at = doc.tokens.start[m.first]!;
    // An interrogative (Quelle est la place ...?) designates nobody.
    if (/^(quel|quelle|quels|quelles)$/.test(firstWord))
      return { name: null, type: 'anonymous', gender: 'unknown' };
    // Pronouns.
    if (m.first === m.last && /^(il|elle|ils|elles|lui|eux|on)$/.test(firstWord)) {
      if (firstWord === 'on') return { name: null, type: 'anonymous', gender: 'unknown' };
      const plural = firstWord === 'ils' || firstWord === 'elles' || firstWord === 'eux';
      const gender: Gender = firstWord === 'elle' || firstWord === 'elles' ? 'female' : 'male';
      const inverted = (doc.tokens.flags[m.first]! & TokenFlag.Inverted) !== 0;
      const chained = inverted
        ? null
        : plural
          ? this.pluralSubjectChain(m.first)
          : this.subjectChain(m.first, 3);
      if (chained) return chained;
      return (
        this.antecedent(
          at,
          gender,
          plural,
          false,
          null,
          -1,
          doc.tokens.flags[m.first]! & TokenFlag.Inverted ? m.first : -1,
        ) ??
        (plural ? this.pluralSubjectBefore(m.first) : this.cataphor(at, gender)) ?? {
          name: null,
          type: plural ? 'group' : 'person',
          gender,
        }
      );
    }
    if (/^(celui-ci|celle-ci|celui|celle|ce dernier|cette dernière)$/.test(this.text(m))) {
      return (
        this.antecedent(at, firstWord.startsWith('celle') ? 'female' : 'male', false) ?? {
          name: null,
          type: 'person',
          gender: 'unknown',
        }
      );
    }
    // A person the article names, inside the mention: le président Joe Biden, M. Morel.
    const head = this.headOf(m);
    const hw = head >= 0 ? lower(this.doc, head) : '';
    // A document source stays the document, whoever it names: un sondage Odoxa Dentsu.
    if (DOCUMENT_NOUNS.has(hw) && !isCap(this.doc, head))
      return { name: this.text(m, true), type: 'document', gender: 'unknown' };
    const person = this.personIn(m) ?? this.surnameIn(m);
    if (person) return person;
    const metonym = METONYMS.get(this.text(m).replace(/^(le|la|l’|l')\s*/, ''));
    if (metonym) return { name: metonym, type: 'organization', gender: 'unknown' };
    // "le constructeur automobile": the company the article names with that kind of noun.
    const kind = this.headOf(m);
    if (kind >= 0 && ORG_KIND_NOUNS.has(lower(this.doc, kind)) && !isCap(this.doc, kind)) {
      const named = this.kindNamed(m, kind);
      if (named) return { name: named, type: 'organization', gender: 'unknown' };
    }
    // "le quotidien", "la chaîne": the organisation of that kind quoted last.
    if (
      kind >= 0 &&
      kind === m.last &&
      ORG_KIND_NOUNS.has(lower(this.doc, kind)) &&
      DEFINITE_SINGULAR.has(lower(this.doc, m.first))
    ) {
      // A capitalised head the article writes in full elsewhere: la Fondation -> Fondation pour ...
      const full = isCap(this.doc, kind)
        ? this.fullCapitalisedName(tokenText(this.doc, kind), this.doc.tokens.start[m.first]!)
        : null;
      if (full) return { name: full, type: 'organization', gender: 'unknown' };
      const org = this.lastOrganization(this.doc.tokens.start[m.first]!);
      if (org) return org;
    }
    // Otherwise the head noun decides: a role (le ministre), a document (un rapport de la police),
    // an organisation (la préfecture), a collective (les manifestants) or a proper name.
    if (personNoun(hw) && !(isCap(this.doc, head) && head > m.first && ORGANIZATION_NOUNS.has(hw)))
      return this.description(m);
    if (DOCUMENT_NOUNS.has(hw)) return { name: this.text(m, true), type: 'document', gender: 'unknown' };
    // "l'institut Odoxa", "les informations du Parisien": the source is the name itself.
    if (ORG_KIND_NOUNS.has(hw) || INFO_NOUNS.has(hw)) {
      const proper = this.properNameAfter(head + 1, m.last, INFO_NOUNS.has(hw));
      if (proper) return { name: proper, type: 'organization', gender: 'unknown' };
    }
    const named = this.nameIn(m);
    if (named) return named;
    return this.description(m);
  }

  /**
   * "le groupe Auchan", "du constructeur japonais Nissan": every kind noun of organisation the
   * article follows (after at most two adjectives) with a name. Computed once, on first need.
   */
  private kindNames(): ReadonlyArray<{ at: number; kind: string; adjectives: string[]; name: string }> {
    if (this.kindNameList) return this.kindNameList;
    const doc = this.doc;
    const out: Array<{ at: number; kind: string; adjectives: string[]; name: string }> = [];
    const personStarts = new Set(this.names.map((p) => p.first));
    const n = doc.tokens.count;
    for (let i = 0; i < n; i++) {
      if (doc.tokens.kind[i] !== TokenKind.Word || isCap(doc, i)) continue;
      const kind = lower(doc, i);
      if (!ORG_KIND_NOUNS.has(kind)) continue;
      let j = i + 1;
      const adjectives: string[] = [];
      while (
        j < n &&
        adjectives.length < 2 &&
        doc.tokens.kind[j] === TokenKind.Word &&
        !isCap(doc, j) &&
        !NOT_NAME_WORDS.has(lower(doc, j)) &&
        !DETERMINERS.has(lower(doc, j))
      )
        adjectives.push(lower(doc, j++));
      if (j >= n || !isCap(doc, j) || NOT_NAME_WORDS.has(lower(doc, j)) || personStarts.has(j)) continue;
      if (doc.tokens.flags[j]! & TokenFlag.NewlineBefore) continue;
      let last = j;
      while (last + 1 < n && isCap(doc, last + 1) && !(doc.tokens.flags[last + 1]! & TokenFlag.NewlineBefore))
        last++;
      out.push({
        at: doc.tokens.start[i]!,
        kind,
        adjectives,
        name: doc.text.slice(doc.tokens.start[j]!, doc.tokens.end[last]!),
      });
    }
    this.kindNameList = out;
    return out;
  }

  /**
   * The organisation a definite kind description means (le constructeur automobile -> Renault): the
   * nearest name the article gives with the same kind noun (or a kind of the same family: groupe,
   * entreprise), whose adjectives the description does not contradict (le constructeur japonais
   * Nissan is not "le constructeur automobile français"). Names before the description are preferred.
   */
  private kindNamed(m: MentionRange, kind: number, sameKindOnly = false): string | null {
    const doc = this.doc;
    if (!DEFINITE_SINGULAR.has(lower(doc, m.first)) && !/^(du|de)$/.test(lower(doc, m.first))) return null;
    const adjectives: string[] = [];
    for (let i = kind + 1; i <= m.last; i++) {
      const w = lower(doc, i);
      if (isCap(doc, i) || doc.tokens.kind[i] !== TokenKind.Word || NOT_NAME_WORDS.has(w)) return null;
      adjectives.push(w);
    }
    const k = lower(doc, kind);
    const family = KIND_FAMILIES.find((f) => f.has(k));
    const at = doc.tokens.start[m.first]!;
    let best: string | null = null;
    let bestScore = Infinity;
    for (const c of this.kindNames()) {
      const same = c.kind === k;
      if (!same && (sameKindOnly || !family?.has(c.kind))) continue;
      if (adjectives.length > 0 && c.adjectives.some((a) => !adjectives.includes(a))) continue;
      const distance = c.at <= at ? at - c.at : (c.at - at) * 3;
      if (distance > REFERENCE_SPAN) continue;
      const score = distance + (same ? 0 : REFERENCE_SPAN);
      if (score < bestScore) {
        best = c.name;
        bestScore = score;
      }
    }
    return best;
  }

  /** The capitalised name that follows a kind noun (directly, or after "de" when `afterDe`). */
  private properNameAfter(from: number, to: number, afterDe: boolean): string | null {
    const doc = this.doc;
    let i = from;
    if (afterDe) {
      // services de fact-checking de l'AFP: the last "de" + name.
      let k = to;
      while (k >= from && isCap(doc, k)) k--;
      if (k === to) return null;
      i = k + 1;
      if (!/^(de|du|des|d’|d'|l’|l')$/.test(lower(doc, k))) return null;
    } else {
      // Adjectives between the kind and the name: le collectif militant Désarmons-les.
      let adjectives = 0;
      while (i <= to && !isCap(doc, i) && adjectives < 2 && !/^(de|du|des|d’|d')$/.test(lower(doc, i))) {
        i++;
        adjectives++;
      }
      // l'institut de sondages Odoxa: a specifier between the kind and the name.
      if (i + 2 <= to && lower(doc, i) === 'de' && !isCap(doc, i + 1) && isCap(doc, i + 2)) i += 2;
      if (i > to || !isCap(doc, i)) return null;
    }
    return doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[to]!);
  }

  /** The first content word after determiners and pre-nominal adjectives. */
  private headOf(m: MentionRange): number {
    for (let i = m.first; i <= m.last; i++) {
      const w = lower(this.doc, i);
      if (DETERMINERS.has(w) || PRE_ADJECTIVES.has(w) || /^\d/.test(w)) continue;
      return i;
    }
    return -1;
  }

  private text(m: MentionRange, asWritten = false): string {
    const t = this.doc.text.slice(this.doc.tokens.start[m.first]!, this.doc.tokens.end[m.last]!);
    return asWritten ? t : t.toLowerCase();
  }

  /** A catalogued person name inside the mention. */
  private personIn(m: MentionRange): ResolvedSpeaker | null {
    for (const p of this.names) {
      if (p.first >= m.first && p.last <= m.last) {
        // A name in a complement describes someone else: le proche d'Emmanuel Macron.
        if (p.first > m.first && /^(de|d’|d'|du|des)$/.test(lower(this.doc, p.first - 1))) continue;
        const name = this.fullName(p.name);
        const gender = p.gender !== 'unknown' ? p.gender : this.genderOf(name);
        return { name, type: 'person', gender, personKey: name };
      }
    }
    return null;
  }

  /**
   * The fullest form the article gives of an organisation named by its head noun alone:
   * "la préfecture" -> "préfecture de l'Hérault" when the article wrote that before.
   */
  private fullOrganization(name: string, at: number): string {
    if (/\s/.test(name)) return name;
    if (/^\p{Lu}/u.test(name)) return this.fullCapitalisedName(name, at) ?? name;
    const text = this.doc.text;
    const re = new RegExp(
      `\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (?:de l['’]|de la |du |des |de |d['’])\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)*`,
      'gu',
    );
    let best: string | null = null;
    let bestDist = Infinity;
    for (const mm of text.matchAll(re)) {
      const d = Math.abs((mm.index ?? 0) - at);
      if (d < bestDist) {
        best = mm[0];
        bestDist = d;
      }
    }
    return best ?? name;
  }

  /**
   * "la Fondation" after "la Fondation pour la mémoire de la Shoah", "le Conseil" after "le
   * Conseil d'État": the nearest place the article writes the head word followed by lower-case
   * words and a capitalised name (at most six words on).
   */
  private fullCapitalisedName(head: string, at: number): string | null {
    const text = this.doc.text;
    const re = new RegExp(`(?<![\\p{L}])${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'gu');
    let best: string | null = null;
    let bestDist = Infinity;
    for (const mm of text.matchAll(re)) {
      const from = (mm.index ?? 0) + mm[0].length;
      const tail = nameTail(text.slice(from, from + 90));
      if (!tail) continue;
      const d = Math.abs((mm.index ?? 0) - at);
      if (d < bestDist) {
        best = `${head} ${tail}`;
        bestDist = d;
      }
    }
    return best;
  }

  private nameIn(m: MentionRange): ResolvedSpeaker | null {
    const doc = this.doc;
    // A single capitalised word: a surname seen in full elsewhere, an acronym, or an organisation.
    let capFirst = -1;
    let capLast = -1;
    for (let i = m.first; i <= m.last; i++) {
      const w = lower(doc, i);
      if (
        isCap(doc, i) &&
        !NOT_NAME_WORDS.has(w) &&
        !DETERMINERS.has(w) &&
        !PERSON_NOUNS.has(w) &&
        !ROLE_WORDS.has(w)
      ) {
        if (capFirst < 0) capFirst = i;
        capLast = i;
      }
    }
    if (capFirst < 0) return null;
    const word = tokenText(doc, capLast);
    const full = this.fullBySurname.get(word.toLowerCase());
    if (full && capFirst === capLast && !this.hasOrgNoun(m)) {
      return { name: full, type: 'person', gender: this.genderOf(full), personKey: full };
    }
    // An organisation: its name as written, without the determiner.
    const det = DETERMINERS.has(lower(doc, m.first)) ? m.first + 1 : m.first;
    const name = doc.text.slice(doc.tokens.start[det]!, doc.tokens.end[m.last]!);
    if (this.hasOrgNoun(m) || ACRONYM.test(word) || det > m.first) {
      // An acronym the article spells out: l'Acat -> Association des chrétiens contre la torture.
      const single = capFirst === capLast && capLast === m.last;
      const full = !single
        ? null
        : (this.expansionOf(word) ??
          (ORGANIZATION_NOUNS.has(word.toLowerCase())
            ? this.fullCapitalisedName(word, doc.tokens.start[m.first]!)
            : null));
      return {
        name: full ?? name,
        type: this.hasDocNoun(m) ? 'document' : 'organization',
        gender: 'unknown',
      };
    }
    if (capFirst > m.first + 1) return null;
    // A single capitalised given name (Charlène, Jérôme) is a person; any other single name a
    // speaker bears without a title is an institution by metonymy (selon Washington, Beauvau).
    const given = givenName(doc, capFirst);
    if (given !== undefined || capFirst !== capLast)
      return { name, type: 'person', gender: given ?? 'unknown', personKey: name };
    return { name, type: 'organization', gender: 'unknown' };
  }

  /**
   * The words an acronym stands for, where the article writes them before it in brackets:
   * "l'Association des chrétiens contre la torture (Acat)". They start at the first capitalised
   * word after a determiner or preposition, at most 12 words before the bracket.
   */
  private expansionOf(acronym: string): string | null {
    const doc = this.doc;
    const text = doc.text;
    const at = text.indexOf(`(${acronym})`);
    if (at < 0) return null;
    // In quotation marks: le "ralliement d'initiative citoyenne" (RIC).
    const quoted = /[«"“]\s*([^«»"“”]{3,80}?)\s*[»"”]\s*$/u.exec(text.slice(Math.max(0, at - 90), at));
    if (quoted) return quoted[1]!;
    let k = tokenAtOrAfter(doc, at) - 1;
    const last = k;
    let start = -1;
    for (let n = 0; k >= 0 && n < 12 && doc.tokens.kind[k] === TokenKind.Word; k--, n++) {
      const before = k > 0 ? lower(doc, k - 1) : '';
      if (
        isCap(doc, k) &&
        (DETERMINERS.has(before) || /^(de|du|des|d’|d'|selon|par|pour|à|au|avec)$/.test(before))
      )
        start = k;
    }
    if (start < 0 || start === last) return null;
    return text.slice(doc.tokens.start[start]!, doc.tokens.end[last]!);
  }

  private hasOrgNoun(m: MentionRange): boolean {
    for (let i = m.first; i <= m.last; i++) if (ORGANIZATION_NOUNS.has(lower(this.doc, i))) return true;
    return false;
  }

  private hasDocNoun(m: MentionRange): boolean {
    // The head noun decides: "une enquête de l'institut Odoxa" is a document.
    for (let i = m.first; i <= Math.min(m.last, m.first + 2); i++)
      if (DOCUMENT_NOUNS.has(lower(this.doc, i))) return true;
    return false;
  }

  private description(m: MentionRange): ResolvedSpeaker {
    const doc = this.doc;
    const det = lower(doc, m.first);
    const text = doc.text.slice(doc.tokens.start[m.first]!, doc.tokens.end[m.last]!);
    const plural =
      PLURAL_DETERMINERS.has(det) || /^(d’autres|d'autres|certains|beaucoup|nombre)/.test(text.toLowerCase());
    // A noun with no determiner at all ("de sources policières" once "de" is left out): an
    // indefinite source, as written.
    if (
      m.last > m.first &&
      !DETERMINERS.has(det) &&
      !isCap(doc, m.first) &&
      doc.tokens.kind[m.first] === TokenKind.Word &&
      !/^(beaucoup|certains|certaines|nombre|celui|celle|ceux|celles)$/.test(det)
    )
      return { name: text, type: plural ? 'group' : 'anonymous', gender: 'unknown' };
    // "cette source" after "une source proche du dossier": the same head noun, said again.
    if (DEFINITE_SINGULAR.has(det) || det === 'ces') {
      const head = this.headOf(m);
      // Only a bare "cette source": "la préfecture de police" names its own source.
      const bare = head >= 0 && m.last - head <= 1 && !isCap(doc, m.last);
      const again = bare ? this.sameHeadBefore(lower(doc, head), doc.tokens.start[m.first]!) : null;
      if (again) return again;
      // "Ces opérateurs" with no source of that head: the plural subject opening the sentence before.
      if (bare && det === 'ces' && m.first === doc.sentences[doc.sentenceOfToken[m.first]!]!.first) {
        const subject = this.pluralSubjectBefore(m.first);
        if (subject?.name) return subject;
      }
      // "la même source", "le même responsable": the source quoted last, whatever its words.
      if (head > m.first && /^mêmes?$/.test(lower(doc, head - 1))) {
        const last = this.lastSpeakerBefore(doc.tokens.start[m.first]!);
        if (last) return last;
      }
    }
    // The head: the first noun after the determiner and adjectives, before any "de" complement
    // (l'entourage du président is not the president).
    let personHead = false;
    let epicene = false;
    let female = det === 'la' || det === 'une' || det === 'cette';
    const complement = this.complementStart(m);
    for (let i = m.first; i < complement; i++) {
      const w = lower(doc, i);
      if (personNoun(w)) {
        personHead = true;
        epicene = EPICENE_NOUNS.has(w);
        if (FEMALE_NOUN_ENDINGS.some((e) => w.endsWith(e)) && !female && (det === 'l’' || det === "l'"))
          female = true;
        // "l'universitaire", "l'élève": elision hides the gender of a noun in -e used for both.
        else if (
          (det === 'l’' || det === "l'") &&
          i === m.first + 1 &&
          w.endsWith('e') &&
          !MALE_E_NOUNS.has(w)
        )
          epicene = true;
        break;
      }
      if (DOCUMENT_NOUNS.has(w) && i <= m.first + 2)
        return { name: text, type: 'document', gender: 'unknown' };
      if ((ORGANIZATION_NOUNS.has(w) || MORE_ORGANIZATION_NOUNS.has(w)) && i <= m.first + 2) {
        // "sa direction" in a sentence about a named subject: the direction of that subject.
        if (POSSESSIVES.has(det) && m.last === m.first + 1 && !plural) {
          const owner = this.sentenceSubjectName(m.first);
          if (owner)
            return { name: `${lower(doc, m.last)} ${owner}`, type: 'organization', gender: 'unknown' };
        }
        // A possessive stays: "son cabinet" is no name of its own.
        const name =
          DETERMINERS.has(det) && !POSSESSIVES.has(det)
            ? doc.text.slice(doc.tokens.start[m.first + 1]!, doc.tokens.end[m.last]!)
            : text;
        if (plural) return { name: text, type: 'group', gender: 'unknown' };
        return {
          name: this.fullOrganization(name, doc.tokens.start[m.first]!),
          type: 'organization',
          gender: 'unknown',
        };
      }
    }
    if (plural || GROUP_NOUNS.has(lower(doc, Math.min(m.first + 1, m.last))))
      return { name: text, type: 'group', gender: 'unknown' };
    if (INDEFINITE_DETERMINERS.has(det)) {
      // "un porte-parole du groupe" after "le groupe Auchan": the group it means.
      const kind = m.last;
      const complemented = m.last - 1 > m.first && /^(du|de)$/.test(lower(doc, m.last - 1));
      const named =
        complemented && ORG_KIND_NOUNS.has(lower(doc, kind))
          ? this.kindNamed({ first: m.last - 1, last: m.last }, kind, true)
          : null;
      return {
        name: named ? `${text} ${named}` : text,
        type: 'anonymous',
        gender: female ? 'female' : 'male',
      };
    }
    if (personHead) {
      // A definite role description: the person the article means (le secrétaire général).
      // "cette figure du mouvement" may be a man: a noun of one gender for both says nothing.
      const gender: Gender = epicene ? 'unknown' : female ? 'female' : 'male';
      const at = doc.tokens.start[m.first]!;
      // Nobody before it (a lead: Le président américain a affirmé ...): the person named next,
      // close after; not for an office with its complement (le président de la cour).
      // Within an article an office keeps its holder: once "le chef du gouvernement" is someone,
      // "le premier ministre" and "l'hôte de Matignon" are the same person.
      const key = this.officeKey(m);
      const linked =
        this.roleHolder(m) ??
        (key !== null ? this.roleLinks.get(key) : undefined) ??
        this.antecedent(
          at,
          gender,
          false,
          true,
          this.complementName(m),
          doc.sentenceOfToken[m.first]!,
          this.afterCue(m) ? m.first : -1,
        ) ??
        (/^(le|la|l’|l')$/.test(det) && (this.complementStart(m) > m.last || CANONICAL_OFFICES.has(key ?? ''))
          ? this.cataphor(at, gender, doc.sentenceOfToken[m.first]! <= 1 ? 600 : 300, true)
          : null);
      if (linked) {
        if (key !== null && linked.type === 'person') this.roleLinks.set(key, linked);
        return linked;
      }
      return { name: text, type: 'person', gender: epicene ? 'unknown' : gender };
    }
    // A definite description with a noun the lexicon does not know (le boxeur, la retraitée):
    // in news it designates someone already introduced; take the most recent person.
    if (DEFINITE_SINGULAR.has(det) && m.last - m.first <= 2) {
      const linked = this.antecedent(
        doc.tokens.start[m.first]!,
        female ? 'female' : 'male',
        false,
        true,
        null,
        doc.sentenceOfToken[m.first]!,
        this.afterCue(m) ? m.first : -1,
      );
      if (linked) return linked;
    }
    return { name: text, type: 'anonymous', gender: 'unknown' };
  }

  /**
   * A person the article names next to this role: le secrétaire général de l’Otan, Jens
   * Morel; le président américain Joe Biden. The name whose neighbourhood shares most words
   * with the description wins; then the nearest, preferring names before the description.
   */
  private roleHolder(m: MentionRange): ResolvedSpeaker | null {
    const doc = this.doc;
    let head = '';
    const words = new Set<string>();
    const headEnd = this.complementStart(m);
    for (let i = m.first; i <= m.last; i++) {
      const w = lower(doc, i);
      if (!head && i < headEnd && personNoun(w)) head = w;
      if (w.length > 2 && !DETERMINERS.has(w) && !NAME_PARTICLES.has(w)) words.add(w);
    }
    if (!head) return null;
    // Titles that name an office by another word: le chef de l'État is the président, l'hôte de
    // Matignon the Premier ministre.
    const heads = new Set([
      head,
      ...(ROLE_SYNONYMS.find(([w, h]) => words.has(w) && (h === '' || head === h))?.[2] ?? []),
    ]);
    // A description with a complement (le chef de l'État), or a bare "le président" (in news, the
    // head of state), is not a holder of the same title with another complement (le président
    // du département); a bare "le porte-parole" may well be the porte-parole du gouvernement.
    const strictOffice = headEnd <= m.last || head === 'président' || head === 'présidente';
    let best: PersonName | null = null;
    let bestScore = 0;
    let bestDistance = Infinity;
    const at = doc.tokens.start[m.first]!;
    // A name in the description's complement is someone else: le proche d'Emmanuel Macron.
    const complement = this.complementName(m);
    // Le chef de l'État is not la nouvelle présidente: the determiner tells the holder's gender.
    const det = lower(doc, m.first);
    const descGender: Gender = EPICENE_NOUNS.has(head)
      ? 'unknown'
      : /^(le|un|ce|cet|du|au)$/.test(det)
        ? 'male'
        : /^(la|une|cette)$/.test(det)
          ? 'female'
          : 'unknown';
    for (const p of this.names) {
      if (p.first <= m.last && p.last >= m.first) continue;
      if (complement !== null && this.fullName(p.name) === complement) continue;
      const pg = p.gender !== 'unknown' ? p.gender : this.genderOf(this.fullName(p.name));
      if (descGender !== 'unknown' && pg !== 'unknown' && pg !== descGender) continue;
      const distance = p.start < at ? at - p.start : (p.start - at) * 3;
      if (distance > REFERENCE_SPAN * 2) continue;
      // The name's own sentence: a role word across a full stop is about someone else.
      const sent = doc.sentences[doc.sentenceOfToken[p.first]!]!;
      const lo = Math.max(sent.first, p.first - 8);
      const hi = Math.min(sent.last, p.last + 6);
      let hasHead = false;
      const shared = new Set<string>();
      // "Selon Paul Morel, le chef de l'État a ...": a phrase after the name and a comma that a verb
      // follows is the next clause's subject, no apposition.
      let subjectAfterName = -1;
      if (tokenText(doc, p.last + 1) === ',') {
        const np = nounPhraseAt(doc, p.last + 2, sent.last);
        const next = np ? np.last + 1 : -1;
        if (
          np &&
          next <= sent.last &&
          doc.tokens.kind[next] === TokenKind.Word &&
          !/^(qui|que|qu’|qu'|dont|et)$/.test(lower(doc, next))
        )
          subjectAfterName = np.last;
      }
      for (let i = lo; i <= hi; i++) {
        if (i >= p.first && i <= p.last) continue;
        if (i > p.last && i <= subjectAfterName) continue;
        // After the name, a role word in a complement is someone else's: Paul Morel, défenseur du
        // boxeur. (Before the name it is a title: les propos du président Paul Morel.)
        if (i > p.last && this.inComplement(i)) continue;
        const w = lower(doc, i);
        if (heads.has(w) && !(strictOffice && this.otherOffice(i, words))) hasHead = true;
        if (words.has(w)) shared.add(w);
      }
      if (!hasHead) continue;
      const score = shared.size;
      if (score > bestScore || (score === bestScore && distance < bestDistance)) {
        best = p;
        bestScore = score;
        bestDistance = distance;
      }
    }
    if (!best) return null;
    const name = this.fullName(best.name);
    return { name, type: 'person', gender: this.genderOf(name), personKey: name };
  }

  /**
   * The office a definite description names, the same for its synonyms: "le chef de l'État", "le
   * président", "le locataire de l'Élysée" -> président; "le chef du gouvernement", "l'hôte de
   * Matignon" -> premier ministre. Otherwise its words without determiners; null for an
   * indefinite or plural description.
   */
  private officeKey(m: MentionRange): string | null {
    const doc = this.doc;
    if (!/^(le|la|l’|l'|ce|cet|cette)$/.test(lower(doc, m.first))) return null;
    const words: string[] = [];
    for (let i = m.first + 1; i <= m.last; i++) {
      if (doc.tokens.kind[i] !== TokenKind.Word) continue;
      const w = lower(doc, i).replace(/^etat$/, 'état');
      if (!DETERMINERS.has(w) && !/^(de|du|des|d’|d')$/.test(w)) words.push(w);
    }
    const has = (w: string): boolean => words.includes(w);
    const only = (...ws: string[]): boolean => words.length === ws.length && ws.every(has);
    if (
      (has('chef') && has('état')) ||
      has('élysée') ||
      only('président') ||
      only('président', 'république') ||
      only('présidente') ||
      only('présidente', 'république')
    )
      return 'président';
    if (
      has('matignon') ||
      (has('chef') && has('gouvernement')) ||
      only('premier', 'ministre') ||
      only('première', 'ministre')
    )
      return 'premier ministre';
    if (has('beauvau') || only('ministre', 'intérieur')) return 'ministre intérieur';
    return words.length > 0 ? words.join(' ') : null;
  }

  /**
   * A role word whose complement names an office the description does not: "président de
   * l'Assemblée" for "le chef de l'État" or a bare "le président" ("de la République" aside).
   */
  private otherOffice(i: number, words: ReadonlySet<string>): boolean {
    const doc = this.doc;
    if (i + 1 >= doc.tokens.count || !/^(de|du|des|d’|d')$/.test(lower(doc, i + 1))) return false;
    let k = i + 2;
    while (k < doc.tokens.count && DETERMINERS.has(lower(doc, k))) k++;
    if (k >= doc.tokens.count || doc.tokens.kind[k] !== TokenKind.Word) return false;
    const w = lower(doc, k);
    return w !== 'république' && !words.has(w);
  }

  /**
   * "Il avait menacé M. Antoine. Il aurait alors dit ...": a pronoun opening its sentence continues
   * the same pronoun subject of the sentence before, whoever that sentence names after it.
   */
  private subjectChain(pronoun: number, depth: number): ResolvedSpeaker | null {
    const doc = this.doc;
    const s = doc.sentenceOfToken[pronoun]!;
    const sent = doc.sentences[s]!;
    if (s === 0 || !this.opensClause(sent.first, pronoun)) return null;
    const prev = doc.sentences[s - 1]!;
    const word = lower(doc, pronoun);
    const gender: Gender = word === 'elle' ? 'female' : 'male';
    // "Un policier a confirmé ... Il conteste ...": a singular person description opening the
    // sentence before, as its subject, is what the pronoun continues.
    const np = nounPhraseAt(doc, prev.first, prev.last);
    if (
      np &&
      np.last < prev.last &&
      DETERMINERS.has(lower(doc, np.first)) &&
      !PLURAL_DETERMINERS.has(lower(doc, np.first)) &&
      /^(a|est|avait|était|aurait|serait)$/.test(lower(doc, np.last + 1)) &&
      !this.quoteBetween(doc.tokens.start[prev.first]!, doc.tokens.start[pronoun]!)
    ) {
      const head = this.headOf(np);
      if (head >= 0 && head === np.last && personNoun(lower(doc, head))) {
        const r = this.resolveMention(np);
        if (r.name && (r.gender === 'unknown' || r.gender === gender)) return r;
      }
    }
    for (let i = prev.first; i <= prev.last && i - prev.first < 8; i++) {
      if (lower(doc, i) !== word) continue;
      if (doc.tokens.flags[i]! & TokenFlag.Inverted || !this.opensClause(prev.first, i)) return null;
      const at = doc.tokens.start[i]!;
      // A quote between the two sentences has its own source: let recency decide.
      if (this.quoteBetween(at, doc.tokens.start[pronoun]!)) return null;
      return (depth > 0 ? this.subjectChain(i, depth - 1) : null) ?? this.antecedent(at, gender, false);
    }
    return null;
  }

  /**
   * "Dans le flou, les autorités ont déployé des renforts. Elles redoutent ...": a plural pronoun
   * opening its sentence continues the plural subject of the sentence before (after at most a
   * short adverbial), when no quote comes between.
   */
  private pluralSubjectChain(pronoun: number): ResolvedSpeaker | null {
    const doc = this.doc;
    const s = doc.sentenceOfToken[pronoun]!;
    const sent = doc.sentences[s]!;
    if (s === 0 || !this.opensClause(sent.first, pronoun)) return null;
    const prev = doc.sentences[s - 1]!;
    let start = prev.first;
    if (!PLURAL_DETERMINERS.has(lower(doc, start))) {
      let k = start;
      while (k <= prev.last && k - start < 6 && tokenText(doc, k) !== ',') k++;
      if (k > prev.last || tokenText(doc, k) !== ',') return null;
      start = k + 1;
    }
    if (!/^(les|des|ces|plusieurs|certains|certaines|nombreux|nombreuses)$/.test(lower(doc, start)))
      return null;
    const np = nounPhraseAt(doc, start, prev.last);
    if (!np || np.last >= prev.last) return null;
    const next = tokenText(doc, np.last + 1);
    if (next !== ',' && !/^(ont|sont|avaient|étaient|se|s’|s'|ne|n’|n')$/.test(next.toLowerCase()))
      return null;
    // A quote in that sentence or after it has its own source: let recency decide.
    if (this.quoteBetween(doc.tokens.start[prev.first]! - 1, doc.tokens.start[pronoun]!)) return null;
    const gender: Gender = lower(doc, pronoun).startsWith('elle') ? 'female' : 'male';
    const r = this.description(np);
    if (!r.name || r.type === 'person') return null;
    // The gender of the pronoun must not contradict a known one of the phrase.
    if (r.gender !== 'unknown' && r.gender !== gender) return null;
    return r;
  }

  /** A quote's source remembered strictly between two offsets (the history is in text order). */
  private quoteBetween(from: number, to: number): boolean {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const at = this.history[k]!.at;
      if (at <= from) return false;
      if (at < to) return true;
    }
    return false;
  }

  /** Only a short adverbial (Mardi, À BFMTV, Puis) before token i in its sentence, ending with a comma or none. */
  private opensClause(first: number, i: number): boolean {
    if (i === first) return true;
    if (i - first > 6 || tokenText(this.doc, i - 1) !== ',') return false;
    for (let k = first; k < i; k++) if (this.nameStarts.has(k)) return false;
    return true;
  }

  /** An inverted subject: the mention follows its verb after a comma or quotation mark (», estime le juge). */
  private afterCue(m: MentionRange): boolean {
    const doc = this.doc;
    let words = 0;
    for (let k = m.first - 1; k >= 0 && words <= 4; k--) {
      const kind = doc.tokens.kind[k];
      if (kind === TokenKind.Word) words++;
      else return words > 0 && (tokenText(doc, k) === ',' || kind === TokenKind.Quote);
    }
    return false;
  }

  /** The name stands in the same sentence before the inverted pronoun, with no colon between. */
  private reportedBefore(p: PersonName, pronoun: number): boolean {
    const doc = this.doc;
    if (doc.sentenceOfToken[p.first] !== doc.sentenceOfToken[pronoun]) return false;
    for (let i = p.last + 1; i < pronoun; i++) if (tokenText(doc, i) === ':') return false;
    // Nor a name that introduces the opinion: "Pour Paul Morel, le mouvement va repartir, dit-il".
    for (let k = p.first - 1; k >= 0 && p.first - k <= 4; k--) {
      const w = lower(doc, k);
      if (/^(pour|selon|après)$/.test(w)) return false;
      if (!(DETERMINERS.has(w) || NAME_TITLES.has(w) || personNoun(w) || PRE_ADJECTIVES.has(w))) break;
    }
    return true;
  }

  /** A word after "de" (du boxeur, de la présidente, d'un élu): inside a complement. */
  private inComplement(i: number): boolean {
    const doc = this.doc;
    const before = i > 0 ? lower(doc, i - 1) : '';
    if (/^(de|du|des|d’|d')$/.test(before)) return true;
    return DETERMINERS.has(before) && i > 1 && /^(de|d’|d')$/.test(lower(doc, i - 2));
  }

  /** The first token of the mention's first "de" complement (le secrétaire général [de l'Otan]), or past its end. */
  private complementStart(m: MentionRange): number {
    for (let i = m.first + 1; i <= m.last; i++) if (/^(de|d’|d'|du|des)$/.test(lower(this.doc, i))) return i;
    return m.last + 1;
  }

  /** The person named in a "de" complement of the mention (le proche d'Emmanuel Macron), or null. */
  private complementName(m: MentionRange): string | null {
    for (const p of this.names) {
      if (p.first > m.first && p.last <= m.last && /^(de|d’|d'|du|des)$/.test(lower(this.doc, p.first - 1)))
        return this.fullName(p.name);
    }
    return null;
  }

  /**
   * The most recent compatible source before `at`: a quote's source or a person named outside
   * quotes, whichever comes last, matching gender and number.
   */
  private antecedent(
    at: number,
    gender: Gender,
    plural: boolean,
    personOnly = false,
    exclude: string | null = null,
    sentence = -1,
    inverted = -1,
  ): ResolvedSpeaker | null {
    let best: ResolvedSpeaker | null = null;
    let bestAt = -1;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.at > at) continue;
      if (at - h.at > REFERENCE_SPAN) break;
      if (personOnly && h.speaker.type !== 'person') continue;
      if (h.plural !== plural || (exclude !== null && h.speaker.name === exclude)) continue;
      const g = h.speaker.gender;
      if (g !== 'unknown' && gender !== 'unknown' && g !== gender) continue;
      // A non-person source is an antecedent only when its gender is known to agree.
      if (h.speaker.type !== 'person' && g === 'unknown' && !plural) continue;
      best = h.speaker;
      bestAt = h.at;
      break;
    }
    if (plural) return best;
    // Names in subject position first; a name after a preposition (un fidèle d'Éric Drouet) only
    // when no other fits.
    let found: ResolvedSpeaker | null = best;
    let foundAt = bestAt;
    search: for (const allowOblique of [false, true]) {
      for (let k = this.nameEvents.length - 1; k >= 0; k--) {
        const p = this.nameEvents[k]!;
        if (p.end > at) continue;
        if (p.start <= bestAt || at - p.start > REFERENCE_SPAN) break;
        if (!allowOblique && this.isOblique(p)) continue;
        // A description is not a name behind a preposition in its own sentence: "Invité par Paul
        // Morel, l'humoriste a expliqué" is not Paul Morel.
        if (allowOblique && this.doc.sentenceOfToken[p.first] === sentence && this.isOblique(p)) continue;
        // "C'est Paul Morel qui a décidé, a-t-il assuré": a name in the clause an inverted pronoun
        // reports is not the pronoun (unless a colon opens the quote after it: Paul Morel : «...»).
        if (inverted >= 0 && this.reportedBefore(p, inverted)) continue;
        const name = this.fullName(p.name);
        if (name === exclude) continue;
        const g = p.gender !== 'unknown' ? p.gender : this.genderOf(name);
        if (g !== 'unknown' && gender !== 'unknown' && g !== gender) continue;
        found = { name, type: 'person', gender: g === 'unknown' ? gender : g, personKey: name };
        foundAt = p.start;
        break search;
      }
    }
    // A named organisation said since then, of the pronoun's gender: "la N-VA cale. Elle juge".
    if (!personOnly) {
      for (let k = this.orgEvents.length - 1; k >= 0; k--) {
        const o = this.orgEvents[k]!;
        if (o.at >= at) continue;
        if (o.at <= foundAt || at - o.at > REFERENCE_SPAN) break;
        if (o.gender === gender) return { name: o.name, type: 'organization', gender: o.gender };
      }
    }
    return found;
  }

  /**
   * "Les organisations patronales en doutent. Elles estiment que ...": a plural subject opening the
   * sentence before (or this one) is what ils / elles refer to when no quoted source fits.
   */
  private pluralSubjectBefore(pronoun: number): ResolvedSpeaker | null {
    const doc = this.doc;
    const s = doc.sentenceOfToken[pronoun]!;
    for (const k of [s, s - 1]) {
      const sent = doc.sentences[k];
      if (!sent || sent.first >= pronoun) continue;
      const det = lower(doc, sent.first);
      if (!PLURAL_DETERMINERS.has(det)) continue;
      let last = sent.first;
      while (
        last + 1 < pronoun &&
        last + 1 <= sent.last &&
        doc.tokens.kind[last + 1] === TokenKind.Word &&
        last - sent.first < 6
      ) {
        const w = lower(doc, last + 1);
        if (/^(en|y|se|s’|s'|ne|n’|n'|ont|sont|qui|que)$/.test(w)) break;
        last++;
      }
      if (last > sent.first) return this.description({ first: sent.first, last });
    }
    return null;
  }

  /** The person the article names most often: the interviewee of an interview. */
  mostMentionedPerson(): ResolvedSpeaker | null {
    // Mentions count once each, and a name introduced with its role (l'historienne X, X,
    // spécialiste de ...) counts twice more: that is how an interview presents its guest.
    const counts = new Map<string, number>();
    const doc = this.doc;
    for (const p of this.nameEvents) {
      const name = this.fullName(p.name);
      const before = p.first > 0 ? lower(doc, p.first - 1) : '';
      const after =
        p.last + 2 < doc.tokens.count && tokenText(doc, p.last + 1) === ',' ? lower(doc, p.last + 2) : '';
      const introduced = PERSON_NOUNS.has(before) || PERSON_NOUNS.has(after);
      counts.set(name, (counts.get(name) ?? 0) + 1 + (introduced ? 2 : 0));
    }
    let best: string | null = null;
    for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
    return best ? { name: best, type: 'person', gender: this.genderOf(best), personKey: best } : null;
  }

  /** A surname the article gives in full elsewhere: le professeur Bernard -> Alfred Bernard. */
  private surnameIn(m: MentionRange): ResolvedSpeaker | null {
    const doc = this.doc;
    for (let i = m.first; i <= m.last; i++) {
      // Names after "de" are in a complement, about someone else: le proche d'Emmanuel Macron.
      if (i > m.first && /^(de|d’|d'|du|des)$/.test(lower(doc, i - 1)) && !isCap(doc, i - 2)) break;
      if (!isCap(doc, i) || NOT_NAME_WORDS.has(lower(doc, i))) continue;
      const full = this.fullBySurname.get(lower(doc, i));
      if (full && full.includes(' '))
        return { name: full, type: 'person', gender: this.genderOf(full), personKey: full };
    }
    return null;
  }

  private lastOrganization(at: number): ResolvedSpeaker | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.at <= at && h.speaker.type === 'organization') return h.speaker;
    }
    return null;
  }

  /**
   * "du Louvre", "de la SNCB": the capitalised name with its determiner that opens the sentence
   * of token i, as a "de" complement; null when the sentence opens otherwise.
   */
  private sentenceSubjectName(i: number): string | null {
    const doc = this.doc;
    const sent = doc.sentences[doc.sentenceOfToken[i]!]!;
    const det = lower(doc, sent.first);
    const first = /^(le|la|l’|l')$/.test(det) ? sent.first + 1 : sent.first;
    if (first >= i || !isCap(doc, first) || NOT_NAME_WORDS.has(lower(doc, first))) return null;
    if (this.nameStarts.has(first)) return null;
    let last = first;
    while (last + 1 < i && isCap(doc, last + 1)) last++;
    const name = doc.text.slice(doc.tokens.start[first]!, doc.tokens.end[last]!);
    if (det === 'le') return `du ${name}`;
    if (det === 'la') return `de la ${name}`;
    if (det === 'l’' || det === "l'") return `de l'${name}`;
    return null;
  }

  /** The source of the latest quote before `at`, within the reference span. */
  private lastSpeakerBefore(at: number): ResolvedSpeaker | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.at > at) continue;
      return at - h.at <= REFERENCE_SPAN ? h.speaker : null;
    }
    return null;
  }

  /** The latest source whose description has the same head noun (une source ... -> cette source). */
  private sameHeadBefore(head: string, at: number): ResolvedSpeaker | null {
    if (head.length < 3) return null;
    // The head of that description, not a word of its complement: "le communiqué de la préfecture"
    // is no "préfecture". At most a determiner and one word before it.
    let re = HEAD_PATTERNS.get(head);
    if (!re) {
      // Compiled once per head word: this runs for every bare description (hot path).
      re = new RegExp(`^(?:\\S+[\\s'’]+){0,2}${head.replace(/[.*+?^${}()|[\]\\]/g, '')}s?(\\s|$)`, 'iu');
      if (HEAD_PATTERNS.size > 5000) HEAD_PATTERNS.clear();
      HEAD_PATTERNS.set(head, re);
    }
    const complement = /^(?:de|du|des|d'|d’)$/iu;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.at > at || at - h.at > 4000) continue;
      const name = h.speaker.name;
      // A plain substring test first: most names do not hold the head at all.
      if (!name || h.speaker.type === 'person' || !h.lower.includes(head)) continue;
      const match = re.exec(name);
      if (
        match &&
        !match[0]
          .split(/[\s'’]+/u)
          .slice(1)
          .some((w) => complement.test(w))
      )
        return h.speaker;
    }
    return null;
  }

  /** The first person named after `at`, when nothing before fits: Le ministre ... (later) Christophe Castaner. */
  private cataphor(at: number, gender: Gender, span = 1500, preferSubject = false): ResolvedSpeaker | null {
    // A lead description announces the article's actor: a name behind a preposition (relayée par
    // X) only when no other comes within the span.
    for (const subjectOnly of preferSubject ? [true, false] : [false]) {
      for (const p of this.nameEvents) {
        if (p.start < at) continue;
        if (p.start - at > span) break;
        if (subjectOnly && this.isOblique(p)) continue;
        if (this.relativeApposition(p)) continue;
        const name = this.fullName(p.name);
        const g = p.gender !== 'unknown' ? p.gender : this.genderOf(name);
        if (g !== 'unknown' && gender !== 'unknown' && g !== gender) continue;
        return { name, type: 'person', gender: g === 'unknown' ? gender : g, personKey: name };
      }
    }
    return null;
  }

  /**
   * A name in apposition to a possessive noun: "Son prédécesseur, Paul Morel, ...", "Sa fille,
   * Léa, ...". It names someone related to the one spoken of, not that one.
   */
  private relativeApposition(p: PersonName): boolean {
    const doc = this.doc;
    if (p.first < 3 || tokenText(doc, p.first - 1) !== ',') return false;
    for (let k = p.first - 3; k >= Math.max(0, p.first - 4); k--)
      if (POSSESSIVES.has(lower(doc, k)) && !isCap(doc, p.first - 2)) return true;
    return false;
  }

  /** A name after a preposition, directly or through its title: par le président Emmanuel Macron. */
  private isOblique(p: PersonName): boolean {
    let k = p.first - 1;
    while (k >= 0 && p.first - k <= 4) {
      const w = lower(this.doc, k);
      if (OBLIQUE_BEFORE.has(w) || w === 'au' || w === 'aux' || w === 'du' || w === 'des') return true;
      if (!(DETERMINERS.has(w) || NAME_TITLES.has(w) || PERSON_NOUNS.has(w) || PRE_ADJECTIVES.has(w)))
        return false;
      k--;
    }
    return false;
  }
}
