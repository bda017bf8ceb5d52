// Direct quotes a French reader tells from scare quotes: lists closed by a cue, coordinated
// fragments, whole utterances, embedded posts. Each rule on a short invented French passage.
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

function texts(text: string): string[] {
  return quotes(text).map((q) => q.text);
}

test('a short slogan in a list closed by an inverted cue is quoted even when repeated', () => {
  const t =
    'Sur la place, une banderole «Paris debout» flottait. «Rendez-nous le pouvoir», «Paris debout» ou encore «Ensemble», a scandé la foule.';
  const got = texts(t);
  assert.ok(got.includes('Paris debout'), JSON.stringify(got));
  assert.ok(got.includes('Ensemble'), JSON.stringify(got));
});

test('a repeated term before the verb it is the subject of stays a scare quote', () => {
  const t =
    'Les «stylos rouges» se mobilisent. Syndicats et «stylos rouges» ont déjà assuré qu’ils seraient présents.';
  assert.ok(!texts(t).includes('stylos rouges'));
});

test('a fragment coordinated with a quoted fragment of the same sentence is quoted too', () => {
  const got = texts(
    'La présidente a proposé un comité «composé d’habitants tirés au sort» et de «votations locales».',
  );
  assert.ok(got.includes('votations locales'), JSON.stringify(got));
  const got2 = texts(
    'Le ministre a salué «le courage» des pompiers et des «bénévoles de la première heure».',
  );
  assert.ok(got2.includes('bénévoles de la première heure'), JSON.stringify(got2));
});

test('slogans after "aux cris de" are direct quotes, not a mixed quote of the witness', () => {
  assert.deepEqual(
    quotes(
      'Des centaines de manifestants ont défilé dans le centre aux cris de «Non à la réforme» ou «Retrait total», a constaté un photographe.',
    ).map((q) => [q.text, q.kind]),
    [
      ['Non à la réforme', 'direct'],
      ['Retrait total', 'direct'],
    ],
  );
  // Repeated in the article, the slogan after the noun cue is still quoted.
  const got = texts(
    'La foule a défilé au cri de «Retrait total». Plus tard, des pancartes «Retrait total» ont fleuri.',
  );
  assert.ok(got.includes('Retrait total'), JSON.stringify(got));
});

test('a whole sentence in marks, closed by its own punctuation, is a direct quote', () => {
  const got = quotes(
    '«Certains seront déçus, et parfois très déçus.» Dès son discours d’accueil, la rectrice a tenu à prévenir le ministre.',
  );
  assert.deepEqual(
    got.filter((q) => q.kind === 'direct').map((q) => q.text),
    ['Certains seront déçus, et parfois très déçus.'],
  );
  const got2 = texts(
    'Beaucoup ont refusé de répondre. «Laissez-nous tranquilles, allez !» Puis ils sont repartis.',
  );
  assert.ok(got2.includes('Laissez-nous tranquilles, allez !'), JSON.stringify(got2));
});

test('a title in marks inside the writer’s clause is no utterance', () => {
  assert.deepEqual(texts('Les messages publiés dans le groupe «Tous au rond-point !» restent visibles.'), []);
  assert.deepEqual(texts('Il a réalisé un film intitulé «Merci pour tout !» en 2016.'), []);
});

test('a long passage is the object of a speech verb over its addressee', () => {
  const got = quotes(
    'Les enquêteurs auraient signalé à la préfecture des «menaces de mort visant les élus et leurs familles depuis des semaines».',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.kind, q.cue]),
    [['menaces de mort visant les élus et leurs familles depuis des semaines', 'direct', 'auraient signalé']],
  );
  // A complement that is not an addressee keeps the passage a name.
  assert.deepEqual(
    texts(
      'Le prévenu devra répondre devant le tribunal correctionnel de «violences volontaires en réunion sur agent public».',
    ),
    [],
  );
});

test('a quote between commas before "selon X", after a clause with its own cue, is X’s direct quote', () => {
  const got = quotes(
    'Les assureurs se sont engagés à geler leurs tarifs en 2025, a annoncé le ministère jeudi, «alors que des hausses étaient prévues», selon un conseiller du ministre.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.kind, q.cue]),
    [
      ['Les assureurs se sont engagés à geler leurs tarifs en 2025', 'indirect', 'a annoncé'],
      ['alors que des hausses étaient prévues', 'direct', 'selon'],
    ],
  );
});

test('an incise inside a passage left open keeps the words before it as the quote', () => {
  assert.deepEqual(
    quotes(
      '«Nous ne céderons rien sur ce dossier, a-t-il déclaré devant la presse. Le préfet est reparti sans un mot.',
    ),
    [{ text: 'Nous ne céderons rien sur ce dossier', kind: 'direct', cue: 'a-t-il déclaré' }],
  );
});

test('the words a source uses of itself after "se définir / se présenter comme" are direct', () => {
  assert.deepEqual(quotes('Le restaurateur, qui se présente comme un «artisan du goût», a rouvert lundi.'), [
    { text: 'artisan du goût', kind: 'direct', cue: 'se présente' },
  ]);
  assert.deepEqual(quotes('Ceux qui se définissent comme «la voix des campagnes» refusent de parler.'), [
    { text: 'la voix des campagnes', kind: 'direct', cue: 'se définissent' },
  ]);
});

test('a participle cue after a relative clause takes the main subject, not the object of the verb before', () => {
  const got = analyze(
    'Mais Paul Dumas, qui a pris ses distances avec le parti, avait regretté la hausse des taxes, estimant que le carburant devrait coûter plus cher.',
    { entities: true, dates: false, figures: false },
  ).quotes.map((q) => [q.text, q.speaker?.name ?? null]);
  assert.deepEqual(got, [['le carburant devrait coûter plus cher', 'Paul Dumas']]);
});

test('a passage cut with (...) or [...] is a quotation of someone’s words', () => {
  const got = texts('La ministre s’en remettait encore à une «issue (...) négociée avec les syndicats».');
  assert.ok(got.includes('issue (...) négociée avec les syndicats'), JSON.stringify(got));
  const got2 = texts('Ce dossier reste marqué par une «gestion [...] opaque» des fonds.');
  assert.ok(got2.includes('gestion [...] opaque'), JSON.stringify(got2));
});

test('a verb outside the lexicon, inverted before a named source after the quote, is its cue', () => {
  assert.deepEqual(quotes('«Le marché des vélos a doublé en deux ans», amorce Julien Marchal.'), [
    { text: 'Le marché des vélos a doublé en deux ans', kind: 'direct', cue: 'amorce' },
  ]);
  assert.deepEqual(quotes('«Personne ne conseille personne», évacuait dimanche Hélène Roussel.'), [
    { text: 'Personne ne conseille personne', kind: 'direct', cue: 'évacuait' },
  ]);
});

test('lexicon: "faire le constat" and "réaffirmer" are cues', () => {
  assert.deepEqual(quotes('La préfète a fait le constat d’une «ville fracturée» lors de ses vœux.'), [
    { text: 'ville fracturée', kind: 'direct', cue: 'a fait le constat' },
  ]);
  assert.deepEqual(quotes('«Nous tiendrons nos engagements», a réaffirmé mardi Paul Girard.'), [
    { text: 'Nous tiendrons nos engagements', kind: 'direct', cue: 'a réaffirmé' },
  ]);
});

test('a bare preposition between two passages is no coordination', () => {
  const got = texts('Le maire a appelé les habitants à «participer activement» au «débat local».');
  assert.ok(!got.includes('débat local'), JSON.stringify(got));
});

test('a name in marks after a title word (pétition, émission, intitulé) is no quote', () => {
  assert.deepEqual(texts('Elle a lancé une pétition «Pour des routes plus sûres» qui cartonne.'), []);
  const got = texts('Le ministre a annoncé un plan intitulé «Bienvenue aux cyclistes» pour la rentrée.');
  assert.ok(!got.includes('Bienvenue aux cyclistes'), JSON.stringify(got));
  // A clause in marks after such a word is still someone's words.
  const got2 = texts('Selon la police, un groupe «s’en est pris à la mairie» vers minuit.');
  assert.ok(
    got2.some((t) => t.includes('s’en est pris à la mairie')),
    JSON.stringify(got2),
  );
});

test('an exclamation in marks after a noun of words (message, slogan) is a direct quote', () => {
  const got = texts('La chanteuse a publié une photo accompagnée du message «Tenez bon!» dimanche.');
  assert.ok(got.includes('Tenez bon!'), JSON.stringify(got));
});
