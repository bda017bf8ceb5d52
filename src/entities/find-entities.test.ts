import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { analyze } from '../analyze.js';
import { createDoc } from '../doc/document.js';
import type { Entity } from '../types.js';
import { seedsOf } from './eval-entities.js';
import { findEntities, findEntitiesWithSeeds, type PersonSeed } from './find-entities.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** The stage the way analyze() will run it: the speaker stage's persons as seeds. */
function entitiesOf(text: string): Entity[] {
  const out = findEntities(createDoc(text), seedsOf(analyze({ text })));
  for (const e of out) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  return out;
}

const named = (es: Entity[], type: Entity['type']): string[] =>
  es.filter((e) => e.type === type).map((e) => e.name);
const find = (es: Entity[], name: string): Entity | undefined => es.find((e) => e.name === name);

test('the seed article: persons with roles and gender, the Otan and its alias, the places', () => {
  const raw = readFileSync(`${shared}seed/nato-2021-05.txt`, 'utf8');
  const text = raw.replace(/^\s*date \d{4}-\d{2} /, '');
  const a = analyze({ text });
  const seeds = seedsOf(a);
  const { entities, seedIds } = findEntitiesWithSeeds(createDoc(text), seeds);
  for (const e of entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);

  assert.deepEqual(named(entities, 'person').sort(), ['Jens Stoltenberg', 'Joe Biden']);
  const jens = find(entities, 'Jens Stoltenberg')!;
  assert.equal(jens.gender, 'male');
  assert.deepEqual(jens.roles, ['secrétaire général de l’Otan', 'ancien Premier ministre norvégien']);
  // His name forms and every mention the speaker stage resolved to him.
  const mentions = jens.mentions.map((m) => m.text);
  for (const m of [
    'Jens Stoltenberg',
    'M. Stoltenberg',
    'le secrétaire général',
    'l’ancien Premier ministre norvégien',
    'il',
  ])
    assert.ok(mentions.includes(m), `mention ${m}`);
  const biden = find(entities, 'Joe Biden')!;
  assert.equal(biden.gender, 'male');
  assert.deepEqual(biden.roles, ['président américain']);

  assert.deepEqual(named(entities, 'organization'), ['Otan']);
  const otan = find(entities, 'Otan')!;
  assert.ok(otan.aliases?.includes('Alliance atlantique'));
  assert.ok(otan.aliases?.includes('OTAN'));
  assert.equal(otan.mentions.length, 5);

  assert.deepEqual(named(entities, 'place'), [
    'Bruxelles',
    'France',
    'pays baltes',
    'Pologne',
    'Russie',
    'Roumanie',
  ]);
  for (const not of [
    'PIB',
    'Produit intérieur brut',
    'mardi',
    'lundi',
    'Certains',
    'Ils',
    'Affaires étrangères',
  ])
    assert.ok(!entities.some((e) => e.name === not), `no entity ${not}`);

  // Ids in order of first mention; the seed maps to its entity.
  entities.forEach((e, k) => assert.equal(e.id, `e${k + 1}`));
  for (let k = 1; k < entities.length; k++)
    assert.ok(entities[k - 1]!.mentions[0]!.start < entities[k]!.mentions[0]!.start);
  assert.equal(seedIds.get('Jens Stoltenberg'), jens.id);
});

test('titles, surnames and a seed unify into one person', () => {
  const text =
    'Jean-Luc Mélenchon a réuni ses troupes à Marseille. M. Mélenchon a dénoncé la réforme. ' +
    'Pour Mélenchon, la bataille commence.';
  const es = entitiesOf(text);
  const p = find(es, 'Jean-Luc Mélenchon')!;
  assert.equal(p.type, 'person');
  assert.equal(p.gender, 'male');
  assert.deepEqual(
    p.mentions.filter((m) => /Mélenchon/.test(m.text)).map((m) => m.text),
    ['Jean-Luc Mélenchon', 'M. Mélenchon', 'Mélenchon'],
  );
  assert.deepEqual(named(es, 'place'), ['Marseille']);
});

test('a seed without a name in the text keeps its mentions', () => {
  const text = 'Il a parlé longtemps.';
  const seed: PersonSeed = {
    key: 'X',
    name: 'Xavier Inconnu',
    gender: 'male',
    mentions: [{ start: 0, end: 2, text: 'Il' }],
  };
  const { entities, seedIds } = findEntitiesWithSeeds(createDoc(text), [seed]);
  assert.equal(entities.length, 1);
  assert.equal(entities[0]!.name, 'Xavier Inconnu');
  assert.equal(entities[0]!.gender, 'male');
  assert.equal(seedIds.get('X'), 'e1');
});

test('gender from the grammar first: title, agreement, article of the role', () => {
  const es = entitiesOf(
    "Mme Claude Martin, l'ancienne ministre de la Culture, s'est dite satisfaite. " +
      'Camille Durand, une militante de longue date, était présente. ' +
      'Le capitaine Evans Hoyt comparaîtra lundi. Dominique Leroy est arrivé en retard.',
  );
  const claude = find(es, 'Claude Martin')!;
  assert.equal(claude.gender, 'female');
  assert.deepEqual(claude.roles, ['ancienne ministre de la Culture']);
  assert.equal(find(es, 'Camille Durand')?.gender, 'female');
  assert.equal(find(es, 'Evans Hoyt')?.gender, 'male');
  assert.deepEqual(find(es, 'Evans Hoyt')?.roles, ['capitaine']);
  // The participle agrees with Dominique (epicene given name): masculine.
  assert.equal(find(es, 'Dominique Leroy')?.gender, 'male');
});

test('gender from the given name, unknown rather than a guess', () => {
  const es = findEntities(createDoc('Hélène Dubois et Kim Lambert ont signé le texte avec Marc Lefort.'));
  assert.equal(find(es, 'Hélène Dubois')?.gender, 'female');
  assert.equal(find(es, 'Marc Lefort')?.gender, 'male');
  assert.equal(find(es, 'Kim Lambert')?.gender, 'unknown');
});

test('roles from appositions before and after the name', () => {
  const es = findEntities(
    createDoc(
      "Le ministre de l'Intérieur Christophe Castaner a visité Toulouse. " +
        "Sylvie Pille, enseignante à la retraite, manifestait aussi. L'historienne Danielle Tartakowsky n'y croit pas.",
    ),
  );
  assert.deepEqual(find(es, 'Christophe Castaner')?.roles, ["ministre de l'Intérieur"]);
  assert.deepEqual(find(es, 'Sylvie Pille')?.roles, ['enseignante à la retraite']);
  assert.equal(find(es, 'Sylvie Pille')?.gender, 'female');
  assert.deepEqual(find(es, 'Danielle Tartakowsky')?.roles, ['historienne']);
  assert.deepEqual(named(es, 'place'), ['Toulouse']);
});

test('acronyms: an organisation with its expansion, not an economic term', () => {
  const es = findEntities(
    createDoc(
      'Le Secrétariat général de la défense et de la sécurité nationale (SGDSN) publie un rapport. ' +
        'Selon le SGDSN, les dépenses atteignent deux pour cent du Produit intérieur brut (PIB). ' +
        'La CGT et la Confédération européenne des syndicats (CES) protestent.',
    ),
  );
  const sg = find(es, 'Secrétariat général de la défense et de la sécurité nationale')!;
  assert.equal(sg.type, 'organization');
  assert.deepEqual(sg.aliases, ['SGDSN']);
  assert.equal(sg.mentions.length, 3);
  assert.ok(!es.some((e) => /PIB|Produit/.test(e.name)));
  assert.ok(find(es, 'CGT'));
  assert.ok(find(es, 'Confédération européenne des syndicats'));
});

test('organisations: alias table, institutions, triggers, fullest written form', () => {
  const es = findEntities(
    createDoc(
      "L'Union européenne et l'UE, c'est tout un. Le parquet de Paris a ouvert une enquête, " +
        "a indiqué la préfecture du Var. L'ONG Sea-Watch et le syndicat Alliance s'indignent. " +
        'La Commission nationale du débat public a répondu au ministère de la Transition écologique.',
    ),
  );
  const ue = find(es, 'Union européenne')!;
  assert.equal(ue.type, 'organization');
  assert.ok(ue.aliases?.includes('UE'));
  assert.equal(ue.mentions.length, 2);
  for (const o of [
    'parquet de Paris',
    'préfecture du Var',
    'Sea-Watch',
    'Alliance',
    'Commission nationale du débat public',
    'ministère de la Transition écologique',
  ])
    assert.equal(find(es, o)?.type, 'organization', o);
  assert.deepEqual(named(es, 'place'), ['Paris', 'Var']);
});

test('places: gazetteer, place cues, place nouns; not nationalities, months, days or sentence starts', () => {
  const es = findEntities(
    createDoc(
      'Les Français et les Norvégiens se retrouvent en Pologne, puis à Rekkem, près de Courtrai. ' +
        'Certains sont partis mardi vers la gare Saint-Charles. Ils reviendront en mars à Bessan (Hérault). ' +
        'Américains et Belges aussi.',
    ),
  );
  assert.deepEqual(named(es, 'place'), [
    'Pologne',
    'Rekkem',
    'Courtrai',
    'gare Saint-Charles',
    'Bessan',
    'Hérault',
  ]);
  assert.deepEqual(named(es, 'person'), []);
  assert.deepEqual(named(es, 'organization'), []);
});

test('names split where a new one starts; particles stay in names', () => {
  const es = findEntities(
    createDoc(
      'Le président de la République Emmanuel Macron a reçu Marine Le Pen et Ursula von der Leyen. ' +
        "Le général de Gaulle l'avait dit. Le député du Bas-Rhin Patrick Hetzel a réagi.",
    ),
  );
  for (const p of ['Emmanuel Macron', 'Marine Le Pen', 'Ursula von der Leyen', 'de Gaulle', 'Patrick Hetzel'])
    assert.equal(find(es, p)?.type, 'person', p);
  assert.equal(find(es, 'Bas-Rhin')?.type, 'place');
});

test('an empty or nameless text has no entities', () => {
  assert.deepEqual(findEntities(createDoc('')), []);
  assert.deepEqual(findEntities(createDoc('il pleut. ensuite, rien.')), []);
});
