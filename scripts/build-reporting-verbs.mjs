// Builds the inflected-form tables of the French reporting-verb lexicon.
//
//   npm run lexicon            (node scripts/build-reporting-verbs.mjs)
//
// Reads  src/lang/fr/reporting-verb-lemmas.json  (curated lemmas + multiword cues)
// and    french-verbs-lefff/dist/conjugations.json  (Lefff conjugations, devDependency)
// Writes src/lang/fr/reporting-verb-forms.json    (inflected form -> lemma, every listed lemma)
//        src/lang/fr/multiword-head-forms.json    (inflected form -> head verb of a multiword cue)
//
// The generation is a pure function of the two inputs (buildForms) and the output is serialized
// deterministically (serializeForms), so src/lang/fr/reporting-verbs.test.ts can check that the
// committed JSON is what this script would write now.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LEMMAS_PATH = fileURLToPath(
  new URL('../src/lang/fr/reporting-verb-lemmas.json', import.meta.url),
);
export const FORMS_PATH = fileURLToPath(new URL('../src/lang/fr/reporting-verb-forms.json', import.meta.url));
export const HEADS_PATH = fileURLToPath(new URL('../src/lang/fr/multiword-head-forms.json', import.meta.url));

/** Lefff tense/mood keys: P present, S subjunctive, Y imperative, I imperfect, G present participle,
 * K past participle (m.sg, m.pl, f.sg, f.pl), J simple past, T imperfect subjunctive, F future,
 * C conditional, W infinitive. */
const MODES = ['P', 'S', 'Y', 'I', 'G', 'K', 'J', 'T', 'F', 'C', 'W'];
const CONSONANT_RUN = "[^aeiouyàâäéèêëîïôöûùü'-]+";
// 1990 spelling: répéterai -> répèterai (future and conditional of é-C-er verbs).
const ACUTE_ER_LEMMA = new RegExp(`é${CONSONANT_RUN}er$`);
const ACUTE_FUTURE = new RegExp(`é(${CONSONANT_RUN}er(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient))$`);

// -ayer verbs before a mute e: balaye, balayent, balayera -> balaie, balaient, balaiera.
const AYE_MUTE = /aye(?=(?:s|nt|r[a-z]+)?$)/;

/** Reads the Lefff conjugation table from the installed french-verbs-lefff package. */
export function loadConjugations() {
  const require = createRequire(pathToFileURL(`${ROOT}package.json`));
  return JSON.parse(readFileSync(require.resolve('french-verbs-lefff/dist/conjugations.json'), 'utf8'));
}

export function loadLemmaData() {
  return JSON.parse(readFileSync(LEMMAS_PATH, 'utf8'));
}

/** Every distinct lowercase form of a Lefff lemma, in table order, plus spelling variants
 * the Lefff lacks: 1990-reform reconnait / enchaine / répètera, and balaie beside balaye. */
function lefffForms(conjugations, lemma) {
  const table = conjugations[lemma];
  if (!table) throw new Error(`lemma not in Lefff: ${lemma}`);
  const out = [];
  const add = (form) => {
    if (!out.includes(form)) out.push(form);
  };
  const circumflex = /aî/.test(lemma);
  const acuteEr = ACUTE_ER_LEMMA.test(lemma);
  const ayer = lemma.endsWith('ayer');
  for (const mode of MODES) {
    for (const raw of table[mode] ?? []) {
      if (raw === 'NA' || !raw) continue;
      const form = raw.trim().toLowerCase();
      add(form);
      if (circumflex) add(form.replace(/aî(?=[tn])/g, 'ai')); // reconnaît -> reconnait, enchaîne -> enchaine
      if (acuteEr && (mode === 'F' || mode === 'C')) add(form.replace(ACUTE_FUTURE, 'è$1'));
      if (ayer) add(form.replace(AYE_MUTE, 'aie')); // Lefff has balaye only; balaie is as common
    }
  }
  return out;
}

/** Forms of a lemma missing from Lefff, conjugated on a regular -er model (tweeter like twitter). */
function modelForms(conjugations, lemma, model) {
  if (!lemma.endsWith('er') || !model.endsWith('er')) throw new Error(`'like' needs two -er verbs: ${lemma}`);
  const from = model.slice(0, -2);
  const to = lemma.slice(0, -2);
  return lefffForms(conjugations, model).map((form) => {
    if (!form.startsWith(from)) throw new Error(`form ${form} of ${model} does not start with ${from}`);
    return to + form.slice(from.length);
  });
}

function formsOf(conjugations, entry) {
  const forms = entry.like
    ? modelForms(conjugations, entry.lemma, entry.like)
    : lefffForms(conjugations, entry.lemma);
  const exclude = entry.exclude ?? [];
  for (const form of exclude) {
    if (!forms.includes(form)) throw new Error(`excluded form ${form} is not a form of ${entry.lemma}`);
  }
  return forms.filter((form) => !exclude.includes(form));
}

function sortedObject(map) {
  const out = {};
  for (const key of [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = map.get(key);
  return out;
}

/**
 * Pure generation step.
 * @param {Record<string, Record<string, string[]>>} conjugations Lefff table (lemma -> mode -> forms)
 * @param {{lemmas: {lemma: string, like?: string, exclude?: string[]}[], multiword: {words: string[]}[]}} data
 * @returns {{forms: Record<string,string>, heads: Record<string,string>,
 *   collisions: {form: string, kept: string, dropped: string}[], lemmaCount: number, headCount: number}}
 */
export function buildForms(conjugations, data) {
  const collisions = [];
  const fill = (entries) => {
    const map = new Map();
    const seen = new Set();
    for (const entry of entries) {
      if (seen.has(entry.lemma)) throw new Error(`duplicate lemma: ${entry.lemma}`);
      seen.add(entry.lemma);
      for (const form of formsOf(conjugations, entry)) {
        const kept = map.get(form);
        if (kept === undefined) map.set(form, entry.lemma);
        else if (kept !== entry.lemma) collisions.push({ form, kept, dropped: entry.lemma });
      }
    }
    return map;
  };
  const forms = fill(data.lemmas);
  const headLemmas = [...new Set(data.multiword.map((cue) => cue.words[0]))];
  const heads = fill(headLemmas.map((lemma) => ({ lemma })));
  return {
    forms: sortedObject(forms),
    heads: sortedObject(heads),
    collisions,
    lemmaCount: data.lemmas.length,
    headCount: headLemmas.length,
  };
}

/** Deterministic file text: one "form":"lemma" pair per line, keys sorted by code unit. */
export function serializeForms(map) {
  const lines = Object.entries(map).map(
    ([form, lemma]) => `${JSON.stringify(form)}:${JSON.stringify(lemma)}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}

function main() {
  const result = buildForms(loadConjugations(), loadLemmaData());
  writeFileSync(FORMS_PATH, serializeForms(result.forms));
  writeFileSync(HEADS_PATH, serializeForms(result.heads));
  for (const { form, kept, dropped } of result.collisions) {
    console.log(`shared form ${form}: kept ${kept}, not ${dropped}`);
  }
  console.log(
    `${result.lemmaCount} lemmas -> ${Object.keys(result.forms).length} forms; ` +
      `${result.headCount} multiword heads -> ${Object.keys(result.heads).length} forms; ` +
      `${result.collisions.length} shared forms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
