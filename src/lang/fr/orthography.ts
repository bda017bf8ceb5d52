// French orthographic tables used by the tokenizer and the sentence splitter.
// Hand-written from French typographic conventions (Lexique des règles typographiques en usage à
// l'Imprimerie nationale) and what the dev corpus shows; no package ships these as data.

/** Words that take a final period as part of the token (M. Dupont, Mme, Dr., etc.). Lowercase, no period. */
export const ABBREVIATIONS = new Set([
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'me',
  'dr',
  'pr',
  'st',
  'ste',
  'mgr',
  'etc',
  'cf',
  'av',
  'apr',
  'bd',
  'vol',
  'p',
  'pp',
  'art',
  'no',
  'n°',
  'env',
  'min',
  'max',
  'hab',
  'tél',
  'ex',
  'vs',
  'jr',
  'sr',
  'gal',
  'gén',
  'col',
  'cdt',
  'lt',
  'cie',
  'éd',
  'coll',
  'dép',
  'inc',
  'ltd',
]);

/** Elided forms: the part before the apostrophe is its own token (l’Otan -> l’ + Otan). Lowercase. */
export const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'quelqu',
]);

/** Words with an apostrophe that are not elisions. Lowercase, with ’ normalised to '. */
export const APOSTROPHE_WORDS = new Set([
  "aujourd'hui",
  "prud'hommes",
  "presqu'île",
  "quelqu'un",
  "quelqu'une",
]);

/**
 * Pronouns that attach to a verb by a hyphen in inversions: dit-il, a-t-elle, ajoute-t-on,
 * pouvait-on. They become their own token, flagged as inverted.
 */
export const INVERTED_CLITICS = new Set(['il', 'elle', 'on', 'ils', 'elles', 'je', 'nous', 'vous', 'tu']);

/**
 * Sentence-opening words that, glued to a previous word without space ("bancairesLes patrons"),
 * reveal two paragraphs that lost their line break when the page was scraped.
 */
export const GLUED_OPENERS = new Set([
  'Le',
  'La',
  'Les',
  'Un',
  'Une',
  'Des',
  'Il',
  'Elle',
  'Ils',
  'Elles',
  'Ce',
  'Cette',
  'Ces',
  'Cet',
  'En',
  'Dans',
  'Pour',
  'Selon',
  'Après',
  'Avant',
  'Depuis',
  'Mais',
  'Et',
  'Au',
  'Aux',
  'Du',
  'De',
  'Lors',
  'Si',
  'Sur',
  'On',
  'Nous',
  'Je',
  'Pourtant',
  'Ainsi',
]);
