import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  MULTIWORD_CUES,
  REPORTING_LEMMAS,
  multiwordHead,
  reportingLemma,
  reportingVerb,
} from './reporting-verbs.js';

/** The subset of scripts/build-reporting-verbs.mjs the tests use. */
interface Generator {
  FORMS_PATH: string;
  HEADS_PATH: string;
  loadConjugations(): unknown;
  loadLemmaData(): unknown;
  buildForms(
    conjugations: unknown,
    data: unknown,
  ): { forms: Record<string, string>; heads: Record<string, string>; collisions: unknown[] };
  serializeForms(map: Record<string, string>): string;
}

// Compiled to dist/lang/fr/: the repository root is three levels up (same from src/lang/fr/).
const GENERATOR_URL = new URL('../../../scripts/build-reporting-verbs.mjs', import.meta.url);

const lemmaOf = (form: string): string | undefined => reportingVerb(form)?.lemma;

test('inflected forms map to their lemma', () => {
  const cases: [string, string][] = [
    ['martelé', 'marteler'],
    ['martèle', 'marteler'],
    ['martelant', 'marteler'],
    ['ajouté', 'ajouter'], // a-t-il ajouté
    ['estimant', 'estimer'],
    ['dit', 'dire'],
    ['dite', 'dire'], // s'est dite
    ['dites', 'dire'],
    ['disent', 'dire'],
    ['déclare', 'déclarer'],
    ['souligne', 'souligner'],
    ['affirment', 'affirmer'],
    ['poursuit', 'poursuivre'],
    ['renchérit', 'renchérir'],
    ['rétorque', 'rétorquer'],
    ['reconnaît', 'reconnaître'],
    ['reconnait', 'reconnaître'], // 1990 spelling
    ['répètera', 'répéter'], // 1990 spelling
    ['répétera', 'répéter'],
    ['tweete', 'tweeter'], // absent from Lefff, conjugated on twitter
    ['sous-entend', 'sous-entendre'],
    ['assène', 'asséner'], // shared with assener: first listed wins
    ['balaie', 'balayer'], // Lefff has balaye only
    ['balaye', 'balayer'],
    ['enchaine', 'enchaîner'],
    ['exclamée', 'exclamer'],
    ['inquiète', 'inquiéter'],
  ];
  for (const [form, lemma] of cases) assert.equal(lemmaOf(form), lemma, form);
});

test('entry attributes', () => {
  const dit = reportingVerb('dit');
  assert.deepEqual(dit, {
    lemma: 'dire',
    citation: 'dire',
    cls: 'speech',
    takesQue: true,
    takesDe: true,
    takesA: false,
    takesInf: true,
    pronominal: false,
  });
  assert.ok(Object.isFrozen(dit));
  const exclame = reportingVerb('exclamée');
  assert.equal(exclame?.lemma, 'exclamer');
  assert.equal(exclame?.citation, "s'exclamer");
  assert.equal(exclame?.pronominal, true);
  assert.equal(reportingVerb('réjouit')?.citation, 'se réjouir');
  assert.equal(reportingVerb('pense')?.cls, 'cognition');
  assert.equal(reportingVerb('promet')?.takesDe, true);
  assert.equal(reportingVerb('appelle')?.takesA, true);
  assert.equal(reportingLemma('marteler'), reportingVerb('martèlent'));
});

test('lookup tolerates case, curly apostrophes and decomposed accents', () => {
  assert.equal(lemmaOf('Martelé'), 'marteler');
  assert.equal(lemmaOf('DÉCLARE'), 'déclarer');
  assert.equal(lemmaOf('martele\u0301'), 'marteler');
});

test('non-verbs and excluded verbs are absent', () => {
  for (const word of [
    'maison',
    'le',
    'président',
    'que',
    '',
    // too generic: vouloir, pouvoir, devoir, faire, être, avoir...
    'veut',
    'voulu',
    'peut',
    'doit',
    'fait',
    'est',
    'a',
    'met',
    // forms excluded as mostly nouns
    'communiqué',
    'poste',
    'conseiller',
    'sourire',
    'souvenir',
    'garantie',
    'tonnes',
    'contre',
    'plainte',
    'crainte',
    'critiques',
    'balaier',
  ]) {
    assert.equal(reportingVerb(word), undefined, word);
  }
});

test('multiword cues', () => {
  const valoir = MULTIWORD_CUES.find((cue) => cue.lemma === 'faire valoir');
  assert.deepEqual(valoir?.words, ['faire', 'valoir']);
  assert.equal(valoir?.takesQue, true);
  assert.ok(MULTIWORD_CUES.some((cue) => cue.lemma === 'mettre en garde'));
  assert.ok(MULTIWORD_CUES.some((cue) => cue.lemma === 'faire état de' && cue.takesDe));
  for (const cue of MULTIWORD_CUES) {
    assert.equal(multiwordHead(cue.words[0]!), cue.words[0], `head of ${cue.lemma}`);
    for (const word of cue.words) assert.equal(word, word.toLowerCase().replace(/’/g, "'"));
  }
  assert.equal(multiwordHead('fait'), 'faire');
  assert.equal(multiwordHead('mis'), 'mettre');
  assert.equal(multiwordHead('maison'), undefined);
});

test('every curated lemma has forms', () => {
  assert.ok(REPORTING_LEMMAS.length >= 200);
  for (const entry of REPORTING_LEMMAS) {
    const infinitive = entry.exclude?.includes(entry.lemma) ? undefined : entry.lemma;
    if (infinitive) assert.equal(lemmaOf(infinitive), entry.lemma, entry.lemma);
    assert.ok(reportingLemma(entry.lemma), entry.lemma);
  }
});

test('committed JSON is what npm run lexicon generates now', async () => {
  const gen = (await import(GENERATOR_URL.href)) as Generator;
  const result = gen.buildForms(gen.loadConjugations(), gen.loadLemmaData());
  assert.equal(
    readFileSync(gen.FORMS_PATH, 'utf8'),
    gen.serializeForms(result.forms),
    'src/lang/fr/reporting-verb-forms.json is stale: run npm run lexicon',
  );
  assert.equal(
    readFileSync(gen.HEADS_PATH, 'utf8'),
    gen.serializeForms(result.heads),
    'src/lang/fr/multiword-head-forms.json is stale: run npm run lexicon',
  );
});
