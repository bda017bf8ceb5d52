// Speaker resolution rules added after the attribution suite, each on an invented French passage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

function speakers(text: string): Array<string | null> {
  return analyze(text, { entities: false, dates: false, figures: false }).quotes.map(
    (q) => q.speaker?.name ?? null,
  );
}

test('a bare description takes up a source with that head, not one naming it in a complement', () => {
  const got = speakers(
    'Selon le communiqué de la préfecture, «vingt personnes ont été interpellées». «Les rues sont dégagées», précise la préfecture.',
  );
  assert.deepEqual(got, ['le communiqué de la préfecture', 'préfecture']);
});

test('a definite plural description stays as written after an indefinite one', () => {
  const got = speakers(
    "Des enquêteurs belges ont affirmé que le suspect était seul. Il préparait d'autres attaques, selon les enquêteurs.",
  );
  assert.deepEqual(got, ['Des enquêteurs belges', 'les enquêteurs']);
});

test('a possessive organisation description keeps its determiner', () => {
  const got = speakers(
    "Le chanteur Paul Morel a été libéré mardi. Il sera entendu la semaine prochaine, a annoncé son cabinet d'avocats.",
  );
  assert.deepEqual(got, ["son cabinet d'avocats"]);
});

test('"la même source" is the source quoted last, whatever its head noun', () => {
  const got = speakers(
    'Une centaine de jeunes seraient partis, selon les services de renseignement. Une cellule sera créée dans chaque département, a précisé la même source.',
  );
  assert.deepEqual(got, ['les services de renseignement', 'les services de renseignement']);
});

test('a source with no determiner ("de sources ... proches") stays as written', () => {
  const got = speakers(
    "Paul Morel a été arrêté. Il est soupçonné d'avoir préparé un attentat, a-t-on appris de sources policière et proche du dossier.",
  );
  assert.deepEqual(got, ['sources policière et proche du dossier']);
});

test("an English possessive inside an organisation's name keeps the whole name", () => {
  const got = speakers("«Les chauffeurs sont épuisés», dénonce le syndicat International Drivers' Union.");
  assert.deepEqual(got, ["International Drivers' Union"]);
});

test('a plural pronoun opening its sentence continues the plural subject of the sentence before', () => {
  const got = speakers(
    'Les grévistes ont affirmé que le mouvement durerait. Dans la soirée, les autorités ont déployé des renforts. Elles redoutent l’arrivée de « casseurs venus d’ailleurs ».',
  );
  assert.deepEqual(got, ['Les grévistes', 'les autorités']);
});

test('a name the article calls a company is no person, even with a given name in front', () => {
  const got = speakers(
    "Léon Literie est une start-up née l'an dernier. Marc Vasseur en dirige le développement. Léon Literie vise l'export. « Nous vendrons en Espagne dès l'été », déclare notre interlocuteur.",
  );
  assert.equal(got[0], 'Marc Vasseur');
});
