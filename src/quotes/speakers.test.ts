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

test('a quote with no mention takes the named subject of the sentence before it', () => {
  const got = speakers(
    "Le débat a repris mardi à l'Assemblée. Evidemment, en tant qu'opposant au gouvernement, Paul Morel ne va pas le soutenir. Mais sa critique est plus large : «Je conteste la méthode. Le ministre s'est trompé de cible.»",
  );
  assert.deepEqual(got, ['Paul Morel']);
});

test('a quote opening the article with no mention takes the subject of the sentence after it', () => {
  const got = speakers(
    "«C'est laid, mais ça peut vous sauver la vie.» Dix ans plus tôt, Jean Lefort avait vu venir la mode des gilets.",
  );
  assert.deepEqual(got, ['Jean Lefort']);
});

test('a sentence naming another person as subject ends the previous source of a bare quote', () => {
  const got = speakers(
    '«Nous ne lâcherons rien», a déclaré Paul Morel. Marie Vasseur, elle, a choisi la prudence. «Il faut attendre la décision du tribunal.»',
  );
  assert.deepEqual(got, ['Paul Morel', 'Marie Vasseur']);
});

test('an interviewer’s question names no source for the answer that follows', () => {
  const got = speakers(
    "Le chanteur Paul Morel sort un album. Quelle est la place de la politique dans vos chansons ? «Elle est partout, même quand je parle d'amour.»",
  );
  assert.notEqual(got[0], 'Quelle');
});

test('a lead description does not take the name in apposition to a possessive noun after it', () => {
  const got = speakers(
    "Le ministre de l'Intérieur a fait un discours à la Sorbonne. «Nous nous battrons pour une société apaisée», a-t-il déclaré. Son prédécesseur, Gérard Lambert, craignait une fracture. Paul Morel reprend aujourd'hui ce constat.",
  );
  assert.deepEqual(got, ['Paul Morel']);
});

test('the subject of a verb after "où" is read within the relative clause', () => {
  const got = speakers(
    'Trois jeunes ont vu leur passeport confisqué, une première dans le pays où les autorités ont annoncé vouloir étendre la mesure.',
  );
  assert.ok(got.includes('les autorités'));
});

test('the antecedent of "qui" is the phrase after the main verb, not the sentence subject', () => {
  const got = speakers(
    'Ce plan sera présenté peu après la libération de trois marins français retenus au Yémen, qui ont raconté que leurs geôliers parlaient anglais.',
  );
  assert.ok(got.includes('trois marins français'));
});

test('a complement "auprès de l’AFP" before an inverted subject is skipped', () => {
  const got = speakers(
    '«Le rapport a été transmis à l’inspection», a affirmé auprès de l’AFP le ministère de la Justice.',
  );
  assert.deepEqual(got, ['ministère de la Justice']);
});

test('a name in apposition after a description with a long complement is the inverted subject', () => {
  const got = speakers(
    'Paul Morel a salué le projet. «C’est l’État qui manque à l’appel», a réagi le vice-président pour le Nord de la Fédération sportive et culturelle (FSC), Marc Lenoir.',
  );
  assert.deepEqual(got, ['Marc Lenoir']);
});

test('a singular verb after "qui" takes the singular phrase, not the plural one before it', () => {
  const got = speakers(
    "L'arme a causé des blessures graves. Elle est critiquée par des médecins et des associations comme l'Adef, qui pointe des « risques d'amputation ».",
  );
  assert.deepEqual(got, ['Adef']);
});

test('a name joined by hyphens in another place is the same person, in its first spelling', () => {
  const got = speakers(
    'La peine a été confirmée, a précisé son avocate, Me Anne-Marie Dupont-Roy. «Nous ferons appel», a déclaré Me Anne Marie-Dupont Roy.',
  );
  assert.deepEqual(got, ['Anne-Marie Dupont-Roy', 'Anne-Marie Dupont-Roy']);
});

test('"ces N" opening a sentence takes up the plural subject of the sentence before', () => {
  const got = speakers(
    "Les grandes sociétés d'autoroutes sont venues au rendez-vous avec la ministre. Ces opérateurs ont proposé d'étendre leurs abonnements à tout le réseau.",
  );
  assert.deepEqual(got, ["Les grandes sociétés d'autoroutes"]);
});

test('"sa direction" is the direction of the named subject of its sentence', () => {
  const got = speakers(
    'Le Prado, musée le plus visité du pays, a dépassé les quatre millions de visiteurs en 2018, d’après sa direction.',
  );
  assert.deepEqual(got, ['direction du Prado']);
});

test('a counting noun belongs to a group in quotation marks (plusieurs milliers de «gilets jaunes»)', () => {
  assert.deepEqual(
    speakers(
      'Devant la gare, plusieurs milliers de "gilets jaunes" ont assuré que le mouvement continuerait.',
    ),
    ['plusieurs milliers de "gilets jaunes"'],
  );
  assert.deepEqual(speakers('Une poignée de «stylos rouges» a estimé que la réforme était injuste.'), [
    'Une poignée de «stylos rouges»',
  ]);
});

test('complements in a list belong to one subject (les ministres de A, de B et de C)', () => {
  const got = speakers(
    'Après cet avis, les ministres de l’Économie, de la Santé et de la Transition écologique ont convoqué mercredi les industriels pour exiger qu’ils présentent d’ici un mois un plan d’action.',
  );
  assert.deepEqual(got, ['les ministres de l’Économie, de la Santé et de la Transition écologique']);
});
