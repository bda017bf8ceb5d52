// Given names with their usual gender, for French-language news (France, Belgium, Québec, and the
// international names that news quotes). The curated lists live in first-names.json; sources and
// licence: PROVENANCE.md.
//
// Lookup order for a name:
//   1. exact match, ignoring case (Hélène, HÉLÈNE, hélène);
//   2. accent-folded match (Helene -> Hélène); when two listed names of different genders fold to
//      the same key (Andréa female, Andrea ambiguous), the folded key is ambiguous;
//   3. for a hyphenated compound that is not listed, the first part (Jean-Truc -> Jean -> male,
//      Marie-Truc -> female), except after patronymic prefixes such as Ben- (Ben-Gourion).
// A compound written with a space instead of a hyphen (Jean Pierre) matches the listed compound, but
// only the whole of it: neither Jean Dupont nor Jean-Pierre Dupont is looked up by its first part.
import data from './first-names.json' with { type: 'json' };

export type FirstNameGender = 'male' | 'female' | 'ambiguous';

/** Shape of first-names.json. */
interface FirstNameData {
  _doc: string;
  male: string[];
  female: string[];
  ambiguous: string[];
  /** Listed names that are also common words or place names when capitalised (Pierre, Rose, France). */
  alsoCommonWords: string[];
}

const DATA: FirstNameData = data;

/** First parts of hyphenated family names that must not be read as a given name (Ben-Gourion). */
const NON_NAME_PREFIXES = new Set(['ben', 'bin', 'ibn']);

/** Case-insensitive key: NFC, lowercase, typographic hyphens and apostrophes unified, spaces squeezed. */
function normalizeKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Accent-folded form of a key: Hélène -> helene, İbrahim -> ibrahim, Bjørn -> bjorn, Łukasz -> lukasz. */
function foldKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss');
}

/** Records a gender; two different genders for one key make it ambiguous. */
function put(map: Map<string, FirstNameGender>, key: string, gender: FirstNameGender): void {
  const previous = map.get(key);
  map.set(key, previous === undefined || previous === gender ? gender : 'ambiguous');
}

const EXACT = new Map<string, FirstNameGender>();
const FOLDED = new Map<string, FirstNameGender>();
const COMMON_EXACT = new Set<string>();
const COMMON_FOLDED = new Set<string>();

for (const [gender, names] of [
  ['male', DATA.male],
  ['female', DATA.female],
  ['ambiguous', DATA.ambiguous],
] as const) {
  for (const name of names) {
    const key = normalizeKey(name);
    put(EXACT, key, gender);
    put(FOLDED, foldKey(key), gender);
  }
}
for (const name of DATA.alsoCommonWords) {
  const key = normalizeKey(name);
  COMMON_EXACT.add(key);
  COMMON_FOLDED.add(foldKey(key));
}

/** Exact key, then accent-folded key, then (for a space-separated compound) its hyphenated spelling. */
function lookupWhole(key: string): FirstNameGender | undefined {
  const found = EXACT.get(key) ?? FOLDED.get(foldKey(key));
  if (found !== undefined || !key.includes(' ')) return found;
  const hyphenated = key.replace(/ /g, '-');
  return EXACT.get(hyphenated) ?? FOLDED.get(foldKey(hyphenated));
}

/**
 * Usual gender of a given name: 'male', 'female', 'ambiguous' (borne by both sexes: Camille,
 * Dominique), or undefined when the name is not listed. Case-insensitive, accent-sensitive first
 * with an accent-folded fallback (Helene -> female); an unlisted hyphenated compound takes the
 * gender of its first part (Jean-Truc -> male, Marie-Truc -> female).
 */
export function firstNameGender(name: string): FirstNameGender | undefined {
  // Called for every capitalised word of every article: remember answers (bounded memo).
  const memo = GENDER_MEMO.get(name);
  if (memo !== undefined) return memo === null ? undefined : memo;
  const gender = lookupGender(name);
  if (GENDER_MEMO.size > 100_000) GENDER_MEMO.clear();
  GENDER_MEMO.set(name, gender ?? null);
  return gender;
}

const GENDER_MEMO = new Map<string, FirstNameGender | null>();

function lookupGender(name: string): FirstNameGender | undefined {
  const key = normalizeKey(name);
  if (key === '') return undefined;
  const whole = lookupWhole(key);
  if (whole !== undefined) return whole;
  const hyphen = key.indexOf('-');
  if (hyphen <= 0 || key.includes(' ')) return undefined;
  const first = key.slice(0, hyphen);
  if (NON_NAME_PREFIXES.has(first)) return undefined;
  return EXACT.get(first) ?? FOLDED.get(foldKey(first));
}

/**
 * True when the name is listed but is also a common French word, place name or title when
 * capitalised (Pierre, Rose, Marine, France, Florence, Milan, Pape): callers should require
 * context (a following family name, a title, a reporting verb) before reading it as a given name.
 * Case-insensitive, with the same accent folding as firstNameGender; compounds (Pierre-Yves) are not.
 */
export function isCommonWordName(name: string): boolean {
  let common = COMMON_MEMO.get(name);
  if (common === undefined) {
    const key = normalizeKey(name);
    common = COMMON_EXACT.has(key) || COMMON_FOLDED.has(foldKey(key));
    if (COMMON_MEMO.size > 100_000) COMMON_MEMO.clear();
    COMMON_MEMO.set(name, common);
  }
  return common;
}

const COMMON_MEMO = new Map<string, boolean>();
