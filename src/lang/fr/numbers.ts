// French numbers: number words (trente, deux cent mille, vingt et un, quatre-vingt-dix), the digit
// formats of French news (1,5 ; 280 000 with plain, no-break or narrow no-break spaces ; 50.000 ;
// 1 300,25) and the words that follow a number (scales, currencies, percent, counted nouns).
//
// Why a table-driven parser of our own: no maintained, fast npm package reads French number words.
// The registry's candidates go the other way (n2words, written-number, convertir-nombre-lettre
// turn 21 into "vingt et un") or read English only (words-to-numbers). The grammar is small and
// closed, so a table and a state machine of a few lines do it, with no dependency.

/** The class of a number atom decides what may follow it. */
const enum Atom {
  /** 0-9 (un, une, deux ... neuf, zéro) */
  Unit = 1,
  /** 10-16 (dix, onze ... seize) */
  Teen = 2,
  /** 20-60 and the Belgian/Swiss 70, 80, 90 (septante, huitante, octante, nonante) */
  Tens = 3,
  /** cent, cents */
  Hundred = 4,
  /** mille */
  Thousand = 5,
  /** million(s), milliard(s), billion(s) */
  Scale = 6,
}

const ATOMS: ReadonlyMap<string, readonly [Atom, number]> = new Map<string, readonly [Atom, number]>([
  ['zéro', [Atom.Unit, 0]],
  ['zero', [Atom.Unit, 0]],
  ['un', [Atom.Unit, 1]],
  ['une', [Atom.Unit, 1]],
  ['deux', [Atom.Unit, 2]],
  ['trois', [Atom.Unit, 3]],
  ['quatre', [Atom.Unit, 4]],
  ['cinq', [Atom.Unit, 5]],
  ['six', [Atom.Unit, 6]],
  ['sept', [Atom.Unit, 7]],
  ['huit', [Atom.Unit, 8]],
  ['neuf', [Atom.Unit, 9]],
  ['dix', [Atom.Teen, 10]],
  ['onze', [Atom.Teen, 11]],
  ['douze', [Atom.Teen, 12]],
  ['treize', [Atom.Teen, 13]],
  ['quatorze', [Atom.Teen, 14]],
  ['quinze', [Atom.Teen, 15]],
  ['seize', [Atom.Teen, 16]],
  ['vingt', [Atom.Tens, 20]],
  ['vingts', [Atom.Tens, 20]],
  ['trente', [Atom.Tens, 30]],
  ['quarante', [Atom.Tens, 40]],
  ['cinquante', [Atom.Tens, 50]],
  ['soixante', [Atom.Tens, 60]],
  ['septante', [Atom.Tens, 70]],
  ['huitante', [Atom.Tens, 80]],
  ['octante', [Atom.Tens, 80]],
  ['nonante', [Atom.Tens, 90]],
  ['cent', [Atom.Hundred, 100]],
  ['cents', [Atom.Hundred, 100]],
  ['mille', [Atom.Thousand, 1000]],
  ['mil', [Atom.Thousand, 1000]],
  ['million', [Atom.Scale, 1e6]],
  ['millions', [Atom.Scale, 1e6]],
  ['milliard', [Atom.Scale, 1e9]],
  ['milliards', [Atom.Scale, 1e9]],
  // The long scale: a French billion is 10^12.
  ['billion', [Atom.Scale, 1e12]],
  ['billions', [Atom.Scale, 1e12]],
]);

/** Every number word atom (un, vingt, cent, mille, million...), for building patterns. */
export const NUMBER_WORD_ATOMS: readonly string[] = [...ATOMS.keys()];

const prefixKey = (s: string, at: number): number =>
  ((s.charCodeAt(at) | 0x20) << 16) | (s.charCodeAt(at + 1) | 0x20);
/** First two letters of each atom (case-folded the Latin-1 way) -> bit mask of the atoms' lengths. */
const ATOM_PREFIXES: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  for (const a of ATOMS.keys()) m.set(prefixKey(a, 0), (m.get(prefixKey(a, 0)) ?? 0) | (1 << a.length));
  return m;
})();
const LONGEST_ATOM = Math.max(...[...ATOMS.keys()].map((a) => a.length));

/**
 * Cheap test, without allocating, that text[start, end) may be a number word: its first two
 * letters and length fit an atom, or it is hyphenated after a fitting first atom.
 */
export function mayBeNumberWord(text: string, start: number, end: number): boolean {
  const mask = ATOM_PREFIXES.get(prefixKey(text, start));
  if (mask === undefined) return false;
  const len = end - start;
  if (len <= LONGEST_ATOM && mask & (1 << len)) return true;
  // quatre-vingt-dix, vingt-et-un, dix-sept: a hyphen right after a possible first atom.
  for (let k = start + 2; k < end && k <= start + LONGEST_ATOM; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 0x2011) return (mask & (1 << (k - start))) !== 0;
  }
  return false;
}

/** True when every hyphen-separated part of the lowercased word is a number atom (or "et"). */
export function isNumberWord(word: string): boolean {
  if (ATOMS.has(word)) return true;
  const w = word.toLowerCase();
  if (ATOMS.has(w)) return true;
  if (!w.includes('-')) return false;
  const parts = w.split(/[-‑]/);
  return parts.every((p) => ATOMS.has(p) || p === 'et') && parts.some((p) => p !== 'et');
}

/** Accumulates atoms left to right; refuses an atom that cannot follow what came before. */
class NumberState {
  /** Completed millions/milliards/thousands. */
  total = 0;
  /** The part below a thousand being read (it may reach 999). */
  current = 0;
  /** The part below a hundred being read. */
  small = 0;
  /** Class of the last atom, 0 at the start. */
  last = 0;
  lastValue = 0;
  /** An "et" was read and must be followed by un/une/onze. */
  pendingEt = false;
  /** The largest scale used so far; scales must decrease (deux millions trois cent mille). */
  lastScale = Infinity;
  atoms = 0;

  add(atom: string): boolean {
    if (atom === 'et') {
      // vingt et un, trente et une, soixante et onze.
      if (this.pendingEt || !(this.last === Atom.Tens && this.small % 10 === 0 && this.small !== 80)) {
        return false;
      }
      this.pendingEt = true;
      return true;
    }
    const entry = ATOMS.get(atom);
    if (!entry) return false;
    const [kind, value] = entry;
    if (this.pendingEt && !(value === 1 || value === 11)) return false;
    switch (kind) {
      case Atom.Unit:
        // after nothing, a hundred, a thousand or a scale; or after a tens word (vingt-deux,
        // quatre-vingt-un); or after dix in dix-sept... (dix-sept = 10 + 7).
        if (this.last === Atom.Unit) return false;
        if (this.last === Atom.Teen && !(this.lastValue === 10 && value >= 7)) return false;
        if (this.last === Atom.Tens && value === 0) return false;
        if (value === 0 && this.atoms > 0) return false;
        break;
      case Atom.Teen:
        // soixante-dix, soixante et onze, quatre-vingt-dix, quatre-vingt-douze.
        if (this.last === Atom.Unit || this.last === Atom.Teen) return false;
        if (this.last === Atom.Tens && !(this.small === 60 || this.small === 80)) return false;
        break;
      case Atom.Tens:
        if (value === 20 && this.last === Atom.Unit && this.lastValue === 4 && this.small === 4) {
          // quatre-vingt(s): 4 x 20.
          this.small = 80;
          this.current += 76;
          this.last = Atom.Tens;
          this.lastValue = 80;
          this.atoms++;
          return true;
        }
        if (this.last === Atom.Unit || this.last === Atom.Teen || this.last === Atom.Tens) return false;
        break;
      case Atom.Hundred:
        // cent, deux cents, mille cent; not vingt cent, not cent cent.
        if (this.current >= 100 || this.last === Atom.Tens || this.last === Atom.Teen) return false;
        this.current = (this.current || 1) * 100;
        this.small = 0;
        this.last = kind;
        this.lastValue = value;
        this.atoms++;
        return true;
      case Atom.Thousand:
        if (this.lastScale <= 1000) return false;
        this.total += (this.current || 1) * 1000;
        this.lastScale = 1000;
        this.current = 0;
        this.small = 0;
        this.last = kind;
        this.lastValue = value;
        this.atoms++;
        return true;
      case Atom.Scale:
        if (this.lastScale <= value || this.atoms === 0 || this.last === Atom.Scale) return false;
        this.total += (this.current || 1) * value;
        this.lastScale = value;
        this.current = 0;
        this.small = 0;
        this.last = kind;
        this.lastValue = value;
        this.atoms++;
        return true;
    }
    this.pendingEt = false;
    this.current += value;
    this.small += value;
    this.last = kind;
    this.lastValue = value;
    this.atoms++;
    return true;
  }

  get value(): number {
    return this.total + this.current;
  }
}

/**
 * Reads the longest run of number words at the start of `words` (one token each, as written:
 * "quatre-vingt-dix", "deux", "cent", "mille"), with "et" inside (vingt et un). Returns the value
 * and how many words it used, or null. A word that is a number only in part (trente-deuxième)
 * stops the run. A million or milliard must follow a number (deux millions), not start one.
 */
export function parseNumberWords(words: readonly string[]): { value: number; used: number } | null {
  const st = new NumberState();
  let used = 0;
  let value = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    const parts = w.includes('-') || w.includes('‑') ? w.split(/[-‑]/) : [w];
    let ok = true;
    for (const p of parts) {
      if (!st.add(p)) {
        ok = false;
        break;
      }
    }
    if (!ok) break;
    if (!st.pendingEt) {
      used = i + 1;
      value = st.value;
    }
  }
  return used > 0 ? { value, used } : null;
}

/** Value of a whole number phrase, or null when it is not one: "deux cent mille" -> 200000. */
export function numberFromWords(phrase: string): number | null {
  const words = phrase.trim().split(/\s+/);
  const r = parseNumberWords(words);
  return r && r.used === words.length ? r.value : null;
}

// Digits. Groups of three separated by a space (plain, no-break U+00A0, narrow no-break U+202F,
// thin U+2009) or a period are thousands; a comma is the decimal mark. A period followed by one
// or two digits is a decimal point (2.5 in Belgian and Québec copy).
const GROUPED = /^\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?:,\d+)?$/;
const DOTTED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:[,.]\d+)?$/;

/** Value of a number written in digits the French way, or null: "1 300,25" -> 1300.25. */
export function parseDigits(text: string): number | null {
  if (GROUPED.test(text)) return Number(text.replace(/[ \u00A0\u202F\u2009]/g, '').replace(',', '.'));
  if (DOTTED.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (PLAIN.test(text)) {
    // 2.500 is two thousand five hundred (three digits after a period); 2.5 is two and a half.
    if (/^\d{1,3}\.\d{3}$/.test(text)) return Number(text.replace('.', ''));
    return Number(text.replace(',', '.'));
  }
  return null;
}

/** Multipliers written after a number: 1,5 milliard, 20 millions, 10 mille, 3 Md€. */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['mille', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['milliard', 1e9],
  ['milliards', 1e9],
  ['billion', 1e12],
  ['billions', 1e12],
  ['md', 1e9],
  ['mds', 1e9],
  ['mrd', 1e9],
  ['mrds', 1e9],
  ['m', 1e6],
  ['k', 1e3],
]);

/** Approximate counts: une dizaine de stands (10), un millier de manifestants (1000). */
export const APPROXIMATE_NOUNS: ReadonlyMap<string, number> = new Map([
  ['dizaine', 10],
  ['dizaines', 10],
  ['douzaine', 12],
  ['douzaines', 12],
  ['quinzaine', 15],
  ['vingtaine', 20],
  ['trentaine', 30],
  ['quarantaine', 40],
  ['cinquantaine', 50],
  ['soixantaine', 60],
  ['centaine', 100],
  ['centaines', 100],
  ['millier', 1000],
  ['milliers', 1000],
]);

/** Currency words and symbols -> ISO 4217. "dollars" alone is read as USD (see docs). */
export const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['€', 'EUR'],
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['$', 'USD'],
  ['us$', 'USD'],
  ['livre', 'GBP'],
  ['livres', 'GBP'],
  ['£', 'GBP'],
  ['franc', 'CHF'],
  ['francs', 'CHF'],
  ['yen', 'JPY'],
  ['yens', 'JPY'],
  ['yuan', 'CNY'],
  ['yuans', 'CNY'],
  ['rouble', 'RUB'],
  ['roubles', 'RUB'],
  ['chf', 'CHF'],
  ['eur', 'EUR'],
  ['usd', 'USD'],
  ['cad', 'CAD'],
]);

/** Words after a currency that change it: dollars canadiens, livres sterling, francs CFA. */
export const CURRENCY_QUALIFIERS: ReadonlyMap<string, string> = new Map([
  ['canadiens', 'CAD'],
  ['canadien', 'CAD'],
  ['américains', 'USD'],
  ['américain', 'USD'],
  ['us', 'USD'],
  ['australiens', 'AUD'],
  ['sterling', 'GBP'],
  ['suisses', 'CHF'],
  ['suisse', 'CHF'],
  ['cfa', 'XOF'],
  ['belges', 'BEF'],
  ['français', 'FRF'],
]);

/** Percent as a symbol or words: 73 %, deux pour cent, 54 pourcent. */
export const PERCENT_SIGNS: ReadonlySet<string> = new Set(['%', 'pc', 'pct']);
/** "pour cent", "pour mille": the two-word forms, first word then second. */
export const PERCENT_WORDS: ReadonlyMap<string, string> = new Map([
  ['cent', '%'],
  ['mille', '‰'],
]);

/**
 * Adjectives that stand between a number and its noun: quatre gros bataillons, trois grandes
 * villes, deux nouveaux sites, les trois derniers mois. Skipped to find the counted noun.
 */
export const PRENOMINAL_ADJECTIVES: ReadonlySet<string> = new Set([
  'gros',
  'grosse',
  'grosses',
  'grand',
  'grands',
  'grande',
  'grandes',
  'petit',
  'petits',
  'petite',
  'petites',
  'nouveau',
  'nouveaux',
  'nouvel',
  'nouvelle',
  'nouvelles',
  'jeune',
  'jeunes',
  'vieux',
  'vieil',
  'vieille',
  'vieilles',
  'autre',
  'autres',
  'beaux',
  'belles',
  'bon',
  'bons',
  'bonne',
  'bonnes',
  'mauvais',
  'mauvaise',
  'mauvaises',
  'long',
  'longs',
  'longue',
  'longues',
  'court',
  'courts',
  'courte',
  'courtes',
  'haut',
  'hauts',
  'haute',
  'hautes',
  'vrais',
  'vraies',
  'faux',
  'fausses',
  'anciens',
  'anciennes',
  'ancien',
  'ancienne',
  'seuls',
  'seules',
  'principaux',
  'principales',
  'véritables',
  'simples',
  'énormes',
  'immenses',
  'premiers',
  'premières',
  'derniers',
  'dernières',
  'prochains',
  'prochaines',
  'millions',
  'milliers',
  'très',
  'plus',
  'moins',
  'bien',
]);

/**
 * Words that, right after a number, show it does not count a noun: determiners, pronouns,
 * prepositions, conjunctions, common verbs (les 27 ont décidé, 122.000 se disaient), times.
 */
export const NOT_COUNTED: ReadonlySet<string> = new Set([
  'à',
  'a',
  'au',
  'aux',
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'en',
  'et',
  'ou',
  'ni',
  'mais',
  'donc',
  'or',
  'car',
  'le',
  'la',
  'les',
  'l’',
  "l'",
  'un',
  'une',
  'ce',
  'cet',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'mon',
  'ma',
  'mes',
  'pour',
  'par',
  'sur',
  'sous',
  'dans',
  'avec',
  'sans',
  'contre',
  'chez',
  'vers',
  'selon',
  'entre',
  'depuis',
  'pendant',
  'avant',
  'après',
  'dès',
  'lors',
  'qui',
  'que',
  'qu’',
  "qu'",
  'quand',
  'dont',
  'où',
  'comme',
  'si',
  'se',
  's’',
  "s'",
  'ne',
  'n’',
  "n'",
  'y',
  'il',
  'ils',
  'elle',
  'elles',
  'on',
  'nous',
  'vous',
  'je',
  'j’',
  "j'",
  'tu',
  'lui',
  'eux',
  'est',
  'sont',
  'ont',
  'était',
  'étaient',
  'avait',
  'avaient',
  'sera',
  'seront',
  'serait',
  'seraient',
  'auront',
  'aura',
  'ont-ils',
  'fait',
  'font',
  'été',
  'plus',
  'moins',
  'environ',
  'près',
  'seulement',
  'h',
  'heure',
  'heures',
  'hres',
  'min',
  'mn',
  'tout',
  'tous',
  'toutes',
  'aussi',
  'même',
  'encore',
  'déjà',
  'alors',
  'puis',
  'ainsi',
  'voire',
  'soit',
  'fois',
]);

/**
 * Adjectives (beyond the productive endings) that continue the noun phrase a share is of:
 * du Produit intérieur brut, de la population active.
 */
export const POSTNOMINAL_ADJECTIVES: ReadonlySet<string> = new Set([
  'brut',
  'brute',
  'bruts',
  'net',
  'nette',
  'nets',
  'intérieur',
  'intérieure',
  'extérieur',
  'extérieure',
  'public',
  'publics',
  'publique',
  'publiques',
  'actif',
  'active',
  'actifs',
  'actives',
  'total',
  'totale',
  'majeur',
  'majeure',
  'mineur',
  'mineurs',
  'jeunes',
  'âgés',
  'sondés',
  'interrogés',
  'inscrits',
  'votants',
  'exprimés',
]);

/** Endings of adjectives and participles that may follow the noun a share is of. */
export const ADJECTIVE_ENDING =
  /(?:aire|aires|ique|iques|el|elle|els|elles|al|ale|aux|ales|if|ive|ifs|ives|ien|ienne|iens|iennes|ais|aise|aises|ain|aine|ains|aines|é|ée|és|ées|eux|euse|euses|iste|istes|ois|oise|oises)$/;

/**
 * Nouns after which a number names something instead of counting it: l'acte 15, l'article 49,
 * la ligne 4, les trams 92 et 93, la page 3, n° 5.
 */
export const IDENTIFIER_NOUNS: ReadonlySet<string> = new Set([
  'acte',
  'article',
  'articles',
  'alinéa',
  'n°',
  'no',
  'nº',
  'numéro',
  'numéros',
  'ligne',
  'lignes',
  'tram',
  'trams',
  'bus',
  'route',
  'autoroute',
  'chapitre',
  'page',
  'pages',
  'tome',
  'épisode',
  'saison',
  'étape',
  'niveau',
  'catégorie',
  'porte',
  'salle',
  'terminal',
  'version',
  'zone',
  'lot',
  'rang',
  'division',
  'arrondissement',
  'quai',
  'voie',
  'rue',
  'avenue',
  'boulevard',
  'bd',
  'classe',
  'groupe',
  'figure',
  'tableau',
  'annexe',
  'point',
  'section',
  'titre',
  'livre',
  'volume',
  'vol',
  'p',
  'pp',
]);

/** Words after "X % de" that say what changed, not what the share is of: 20 % de hausse. */
export const NOT_SHARE_OF: ReadonlySet<string> = new Set([
  'hausse',
  'baisse',
  'augmentation',
  'diminution',
  'progression',
  'recul',
  'réduction',
  'plus',
  'moins',
  'croissance',
  'chute',
  'rabais',
  'remise',
  'participation',
  'abstention',
  'taux',
  'part',
  'parts',
]);

/** Determiners skipped between "de" and the noun a share is of: 2 % de la population, de ses revenus. */
export const SHARE_DETERMINERS: ReadonlySet<string> = new Set([
  'la',
  'l’',
  "l'",
  'les',
  'leur',
  'leurs',
  'son',
  'sa',
  'ses',
  'notre',
  'nos',
  'votre',
  'vos',
  'ce',
  'cet',
  'cette',
  'ces',
]);
