// Quote extraction rules (spans and kinds), each on a short invented French passage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

function quotes(text: string): { text: string; kind: string; cue: string | null }[] {
  return analyze(text, { entities: false, dates: false, figures: false }).quotes.map((q) => ({
    text: q.text,
    kind: q.kind,
    cue: q.cue?.text ?? null,
  }));
}

test('à + infinitive after an object is reported speech', () => {
  assert.deepEqual(quotes('Le syndicat a appelé les salariés à cesser le travail dès jeudi.'), [
    { text: 'cesser le travail dès jeudi', kind: 'indirect', cue: 'a appelé' },
  ]);
  assert.deepEqual(quotes('La maire s’est engagée devant le conseil à ne pas augmenter les impôts.'), [
    { text: 'ne pas augmenter les impôts', kind: 'indirect', cue: 's’est engagée' },
  ]);
  assert.deepEqual(quotes('Plusieurs messages invitent déjà à bloquer le rond-point samedi.'), [
    { text: 'bloquer le rond-point samedi', kind: 'indirect', cue: 'invitent' },
  ]);
});

test('à + infinitive: not after a purpose clause nor with a thing for subject', () => {
  assert.deepEqual(quotes('La mairie s’était engagée sur place pour aider les commerçants à rouvrir.'), []);
  assert.deepEqual(quotes('Une campagne qui invite les habitants à consommer local.'), []);
});

test('a participle coordinated with a compound reporting verb shares its auxiliary', () => {
  assert.deepEqual(
    quotes('Le préfet a salué le calme des manifestants et répété que la route resterait fermée.'),
    [{ text: 'la route resterait fermée', kind: 'indirect', cue: 'répété' }],
  );
  assert.deepEqual(
    quotes('La ministre a reçu les élus et pointé un risque «de fracture entre les territoires».'),
    [{ text: 'de fracture entre les territoires', kind: 'direct', cue: 'pointé' }],
  );
});

test('selon: an acronym in brackets belongs to the source, and the incise attributes the whole sentence', () => {
  assert.deepEqual(
    quotes(
      'Depuis 2015, ce fusil a, selon la Ligue des droits de l’homme (LDH), blessé une centaine de personnes.',
    ),
    [
      {
        text: 'Depuis 2015, ce fusil a, selon la Ligue des droits de l’homme (LDH), blessé une centaine de personnes',
        kind: 'indirect',
        cue: 'selon',
      },
    ],
  );
});

test('selon: a closed bracket before the source does not cut the clause', () => {
  assert.deepEqual(quotes('Le chantier coûtera 40 millions (hors taxes), selon la mairie.'), [
    { text: 'Le chantier coûtera 40 millions (hors taxes)', kind: 'indirect', cue: 'selon' },
  ]);
});

test('selon: a list of sources after the comma is not a clause going on', () => {
  assert.deepEqual(
    quotes(
      'Des grenades ont été tirées près du lycée, selon des témoins, Le Journal du Centre et des parents d’élèves.',
    ),
    [{ text: 'Des grenades ont été tirées près du lycée', kind: 'indirect', cue: 'selon' }],
  );
});

test('selon after a heading and its dash opens the sentence', () => {
  assert.deepEqual(quotes('LA LETTRE DU MATIN - Selon Matignon, le texte sera présenté en mars.'), [
    { text: 'le texte sera présenté en mars', kind: 'indirect', cue: 'Selon' },
  ]);
});

test('a reported clause ends at a period glued to the next quote', () => {
  assert.deepEqual(
    quotes(
      'Le pêcheur affirme avoir perdu son bateau."On nous a tout pris », a-t-il regretté devant la presse.',
    ),
    [
      { text: 'avoir perdu son bateau', kind: 'indirect', cue: 'affirme' },
      { text: 'On nous a tout pris', kind: 'direct', cue: 'a-t-il regretté' },
    ],
  );
});

test('an incise naming an institution with a complement cuts the passage', () => {
  assert.deepEqual(
    quotes(
      'Les péages ont baissé. «Les sociétés ont présenté leurs offres, explique le ministère des Transports dans un communiqué. Celles-ci consistent en des abonnements moins chers.»',
    ),
    [
      { text: 'Les sociétés ont présenté leurs offres', kind: 'direct', cue: 'explique' },
      { text: 'Celles-ci consistent en des abonnements moins chers', kind: 'direct', cue: 'explique' },
    ],
  );
});

test('an inverted cue whose source is qualified by a participle or a "pour" complement', () => {
  assert.deepEqual(
    quotes(
      'Le port restera fermé trois jours, indique à l’AFP un cadre travaillant sur le dossier, qui a requis l’anonymat.',
    ),
    [{ text: 'Le port restera fermé trois jours', kind: 'indirect', cue: 'indique' }],
  );
  assert.deepEqual(
    quotes('Le peintre est mort mardi à 92 ans, a annoncé la Fondation pour la création sur son site.'),
    [{ text: 'Le peintre est mort mardi à 92 ans', kind: 'indirect', cue: 'a annoncé' }],
  );
});

test('a clause before an inverted named source followed by an apposition is the content', () => {
  assert.deepEqual(
    quotes(
      'Le président parlera lundi à 20 heures, a annoncé dimanche la présidence, sa première prise de parole depuis un mois.',
    ),
    [{ text: 'Le président parlera lundi à 20 heures', kind: 'indirect', cue: 'a annoncé' }],
  );
});

test('a sentence-initial selon clause gives way to a later inverted cue with a named source', () => {
  const got = quotes(
    'Selon l’agence sanitaire, le risque existe «sur le long terme», a expliqué à la presse Paul Martin, directeur de l’agence.',
  );
  assert.deepEqual(got, [{ text: 'le risque existe «sur le long terme»', kind: 'mixed', cue: 'a expliqué' }]);
});

test('an infinitive after a time word or a negation is reported speech', () => {
  assert.deepEqual(quotes('Les éleveurs ont annoncé lundi vouloir bloquer la préfecture.'), [
    { text: 'vouloir bloquer la préfecture', kind: 'indirect', cue: 'ont annoncé' },
  ]);
  assert.deepEqual(quotes('Le témoin a raconté la semaine dernière ne pas avoir vu le conducteur.'), [
    { text: 'ne pas avoir vu le conducteur', kind: 'indirect', cue: 'a raconté' },
  ]);
});

test('a bare participle qualifying a noun does not end the reported clause', () => {
  assert.deepEqual(
    quotes('Ses voisins ont raconté ne pas comprendre comment leur fils, décrit comme timide, a pu partir.'),
    [
      {
        text: 'ne pas comprendre comment leur fils, décrit comme timide, a pu partir',
        kind: 'indirect',
        cue: 'ont raconté',
      },
    ],
  );
});

test('selon: a name glossed by its acronym is the whole name', () => {
  const q = analyze(
    'Le fleuve a débordé à deux reprises, selon l’Association des riverains contre le bruit (ARCB).',
    {
      entities: false,
      dates: false,
      figures: false,
    },
  ).quotes;
  assert.equal(q.length, 1);
  assert.equal(q[0]!.speaker?.mention?.text, 'l’Association des riverains contre le bruit');
});

test('lexicon: exclure de, rendre hommage à, insister pour que, an adverb in -ment inside the verb group', () => {
  assert.deepEqual(quotes('Le maire a catégoriquement exclu de rouvrir la piscine.'), [
    { text: 'rouvrir la piscine', kind: 'indirect', cue: 'a catégoriquement exclu' },
  ]);
  assert.deepEqual(quotes('Le club a rendu hommage à «un entraîneur qui a tout donné».'), [
    { text: 'un entraîneur qui a tout donné', kind: 'direct', cue: 'a rendu hommage' },
  ]);
  assert.deepEqual(quotes('La syndicaliste a insisté pour que les salaires soient revus.'), [
    { text: 'les salaires soient revus', kind: 'indirect', cue: 'a insisté' },
  ]);
  assert.deepEqual(quotes('Les voisins ont en revanche annoncé qu’ils porteraient plainte.'), [
    { text: 'ils porteraient plainte', kind: 'indirect', cue: 'ont en revanche annoncé' },
  ]);
});

test('a modal before a reporting infinitive belongs to the cue', () => {
  assert.deepEqual(quotes('«Nous ne saurons jamais tout», ont dû admettre les enquêteurs.'), [
    { text: 'Nous ne saurons jamais tout', kind: 'direct', cue: 'ont dû admettre' },
  ]);
  assert.deepEqual(quotes('«Quelle honte!», pouvait-on entendre dans la salle.'), [
    { text: 'Quelle honte!', kind: 'direct', cue: 'pouvait-on entendre' },
  ]);
});

test('a source named before a doubled colon', () => {
  const q = analyze('Marie Durand : : « Les enseignants sont épuisés par la réforme. »', {
    entities: false,
    dates: false,
    figures: false,
  }).quotes;
  assert.equal(q.length, 1);
  assert.equal(q[0]!.speaker?.mention?.text, 'Marie Durand');
});

test('a quote between commas before an inverted cue is that cue’s, not the end of the que clause', () => {
  assert.deepEqual(
    quotes(
      "Le député a déclaré à la radio qu'il refusera son indemnité, «pour partir sans compromettre ma réputation», a-t-il ajouté.",
    ),
    [
      { text: 'il refusera son indemnité', kind: 'indirect', cue: 'a déclaré' },
      { text: 'pour partir sans compromettre ma réputation', kind: 'direct', cue: 'a-t-il ajouté' },
    ],
  );
});

test('words a quoted source reports after "m’a dit :" are a quote of their own', () => {
  const got = quotes(
    'Paul Girard a raconté la scène. «La ministre m’a dit : “nous ne reculerons pas sur ce dossier”. Voilà qui est clair», a-t-il tranché.',
  );
  assert.deepEqual(got, [
    {
      text: 'La ministre m’a dit : “nous ne reculerons pas sur ce dossier”. Voilà qui est clair',
      kind: 'direct',
      cue: 'a-t-il tranché',
    },
    { text: 'nous ne reculerons pas sur ce dossier', kind: 'direct', cue: 'a dit' },
  ]);
});

test('a quoted word after a speech verb and "contre" is the source’s', () => {
  assert.deepEqual(quotes('Le ministre a mis en garde contre les «amalgames».'), [
    { text: 'amalgames', kind: 'direct', cue: 'a mis en garde' },
  ]);
});

function sources(text: string): (string | null)[] {
  return analyze(text, { entities: false, dates: false, figures: false }).quotes.map(
    (q) => q.speaker?.mention?.text ?? null,
  );
}

test('a quote in a relative clause on a name takes that name for subject', () => {
  assert.deepEqual(
    sources(
      'Le conseil achevait sa séance et votait la motion de Paul Morel, qui s’en remettait à une «solution (...) issue du débat».',
    ),
    ['Paul Morel'],
  );
});

test('a subject phrase ends before an imperfect verb', () => {
  assert.deepEqual(
    sources(
      'L’Assemblée nationale achevait sa séance et votait la motion du ministre, qui s’en remettait à une «solution (...) issue du débat».',
    ),
    ['L’Assemblée nationale'],
  );
});

test('a leading participle phrase is no subject: the subject follows its comma', () => {
  assert.deepEqual(
    sources(
      'Surpris par la nouvelle, Paul Morel a tenté de calmer le jeu. «Nous travaillons très bien avec la mairie. Tout va bien», tentait-on d’argumenter.',
    ),
    ['Paul Morel'],
  );
});

test('selon des propos: words are no speaker, the subject of the clause’s reporting verb is', () => {
  assert.deepEqual(
    sources(
      'Selon des propos rapportés par la presse, la maire de Lille a affirmé que le budget serait tenu.',
    ),
    ['la maire de Lille'],
  );
  assert.deepEqual(
    sources('Selon les chiffres du ministère, Paul Morel a affirmé que le budget serait tenu.'),
    ['les chiffres du ministère'],
  );
});

test('an inverted subject ending in a participle takes its complement to the end of the clause', () => {
  assert.deepEqual(sources('«Moins d’impôts!», ont répliqué les élus assis sur les bancs du centre.'), [
    'les élus assis sur les bancs du centre',
  ]);
  assert.deepEqual(sources('«Nous irons au bout», a indiqué le groupe japonais dans un communiqué.'), [
    'le groupe japonais',
  ]);
});
