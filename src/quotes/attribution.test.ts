// Speaker attribution rules, each on a short invented French passage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

function quotes(
  text: string,
): { text: string; speaker: string | null; mention: string | null; cue: string | null }[] {
  return analyze(text, { entities: false, dates: false, figures: false }).quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker?.name ?? null,
    mention: q.speaker?.mention?.text ?? null,
    cue: q.cue?.text ?? null,
  }));
}

test('an incise inside the marks cuts the passage into two quotes of its source', () => {
  const got = quotes(
    'Claire Vasseur, infirmière, a rejoint le cortège. «Avec mes collègues, je manifeste chaque samedi, dit-elle. Nous ne lâcherons rien.»',
  );
  assert.deepEqual(got, [
    {
      text: 'Avec mes collègues, je manifeste chaque samedi',
      speaker: 'Claire Vasseur',
      mention: 'elle',
      cue: 'dit-elle',
    },
    { text: 'Nous ne lâcherons rien', speaker: 'Claire Vasseur', mention: 'elle', cue: 'dit-elle' },
  ]);
});

test('a named incise with an apposition inside the marks names the source', () => {
  const got = quotes(
    'Le maire a parlé lundi. « Le projet est prêt depuis longtemps, explique Paul Girard, adjoint aux travaux. Il faut maintenant le financer. »',
  );
  assert.equal(got.length, 2);
  assert.ok(got.every((q) => q.speaker === 'Paul Girard' && q.cue === 'explique'));
  assert.equal(got[1]!.text, 'Il faut maintenant le financer');
});

test('a quote with no cue takes the named subject of its own sentence over the previous source', () => {
  const got = quotes(
    '«Nous attendons des réponses», a déclaré Marc Lenoir. Devant les élus, Sophie Marchal a esquissé un mea culpa sur les emplois aidés, «un vrai problème pour beaucoup de villes».',
  );
  assert.equal(got[1]!.speaker, 'Sophie Marchal');
  assert.equal(got[1]!.mention, 'Sophie Marchal');
});

test('a quote opening a sentence takes the person the sentence before introduces', () => {
  const got = quotes(
    "«La route est coupée», a affirmé Marc Lenoir. Hélène Dubois, agricultrice de 52 ans, a elle aussi fait le déplacement. «Je n'ai jamais vu une telle colère dans nos campagnes.»",
  );
  assert.equal(got[1]!.speaker, 'Hélène Dubois');
});

test('a description naming someone else in its complement is not that person', () => {
  const got = quotes(
    "Richard Morel, le président du conseil, a répondu dimanche à Emmanuel Macron. «Il est utile de s'enrichir de toutes les expériences», a estimé le proche d'Emmanuel Macron.",
  );
  assert.equal(got[0]!.speaker, 'Richard Morel');
});

test('present-tense cues ending like participles (explique, indique) are cues', () => {
  const got = quotes(
    'La réunion a eu lieu hier. Le ministre explique que la taxe rapporte beaucoup à l’État.',
  );
  assert.deepEqual(got, [
    {
      text: 'la taxe rapporte beaucoup à l’État',
      speaker: 'Le ministre',
      mention: 'Le ministre',
      cue: 'explique',
    },
  ]);
});

test('a bare participle after a noun is still not a cue', () => {
  assert.deepEqual(
    quotes('La réunion a eu lieu hier. La mesure annoncée que tout le monde attendait est arrivée.'),
    [],
  );
});

test('multiword cues headed by "a" and quotes reached over the verb\'s object', () => {
  const got = quotes(
    "Le trajet a eu lieu. Jeanne Morel, militante, a l'impression qu'on hésitait davantage à venir. " +
      "Le maire a demandé à l'opposition de «lancer un appel au calme». " +
      "La présidente a qualifié les discussions d'« opération de communication ».",
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.cue]),
    [
      ['on hésitait davantage à venir', "a l'impression"],
      ['lancer un appel au calme', 'a demandé'],
      ['opération de communication', 'a qualifié'],
    ],
  );
});

test('a clause closed by an inverted cue: time fillers, "a-t-on appris" with its source, cognition verbs', () => {
  const got = quotes(
    'Le bilan a été revu. Un blessé est décédé à l’hôpital, a annoncé ce jeudi la préfecture du Var. ' +
      'Un suspect a été placé en garde à vue, a-t-on appris auprès du parquet de Lyon. ' +
      'Un motard a été blessé près de Dax, a-t-on appris jeudi de sources concordantes. ' +
      'La police est intervenue au sud de Caen, a constaté un journaliste de l’AFP.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker, q.cue]),
    [
      ['Un blessé est décédé à l’hôpital', 'préfecture du Var', 'a annoncé'],
      ['Un suspect a été placé en garde à vue', 'parquet de Lyon', 'a-t-on appris'],
      ['Un motard a été blessé près de Dax', 'sources concordantes', 'a-t-on appris'],
      ['La police est intervenue au sud de Caen', 'un journaliste de l’AFP', 'a constaté'],
    ],
  );
});

test('an adverbial phrase between the auxiliary and the participle keeps the cue', () => {
  const got = quotes(
    'Le bilan a été revu. Mercredi, Paul Duval avait une nouvelle fois dénoncé un «show» politique.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker]),
    [['show', 'Paul Duval']],
  );
});

test('a description headed by a non-person noun keeps its own words: l’entourage du président', () => {
  const got = analyze(
    'Le président Paul Verdier a reçu les maires. «Tout est sur la table», indique l’entourage du président.',
    { entities: false, dates: false, figures: false },
  ).quotes;
  assert.equal(got.length, 1);
  assert.equal(got[0]!.speaker?.name, 'l’entourage du président');
  assert.equal(got[0]!.speaker?.type, 'anonymous');
});

test('a pronoun prefers the subject over a name behind a preposition and a title', () => {
  const got = quotes(
    'Luc Armand est arrivé à Lyon, où il a été envoyé par le président Jean Caradec. «La situation est sous contrôle», a-t-il déclaré.',
  );
  assert.equal(got[0]!.speaker, 'Luc Armand');
});

test('a subject whose noun is in quotation marks is the source, and its marks are no quote', () => {
  const got = quotes(
    'Le trafic est coupé. Au Mans, les «bonnets rouges» assurent qu’ils bloqueront la rocade lundi.',
  );
  assert.deepEqual(got, [
    {
      text: 'ils bloqueront la rocade lundi',
      speaker: 'les «bonnets rouges»',
      mention: 'les «bonnets rouges»',
      cue: 'assurent',
    },
  ]);
});

test('a participle opening the sentence reports its clause for the main subject', () => {
  const got = quotes(
    'L’enquête avance. Estimant avoir démontré leur implication, les juges d’instruction ont renvoyé les suspects devant la cour.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker, q.cue]),
    [['avoir démontré leur implication', 'les juges d’instruction', 'Estimant']],
  );
});

test('a phrase after a verb that cannot speak is an object, not an inverted source', () => {
  const got = quotes(
    'Le débat continue. Mais M. Garnier, qui a pris ses distances avec la politique, avait regretté la hausse des taxes.',
  );
  assert.deepEqual(got, []);
});

test('"qui" after a name and its apposition refers to the name', () => {
  const got = quotes(
    'La décision est critiquée par Marc Aubert, l’une des figures du mouvement, qui affirme avoir été blessé à l’œil.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker]),
    [['avoir été blessé à l’œil', 'Marc Aubert']],
  );
});

test('a capitalised participle or imperative opening a sentence is not a source', () => {
  const got = quotes(
    '«Nous resterons mobilisés», a déclaré Anne Robin. Interrompu par des étudiants, le ministre a répondu qu’il fallait du calme.',
  );
  assert.equal(got[1]!.mention, 'le ministre');
});

test('de + a negated infinitive after an addressee is reported speech; plural person nouns can be inverted sources', () => {
  const got = quotes(
    'La chaussée est bloquée. La police demande aux usagers de ne pas forcer les accès fermés. ' +
      'L’objectif est de réunir cent candidats d’ici le printemps, a précisé l’un de ses responsables.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker]),
    [
      ['ne pas forcer les accès fermés', 'police'],
      ['L’objectif est de réunir cent candidats d’ici le printemps', 'l’un de ses responsables'],
    ],
  );
});

test('a passive reporting verb is no cue: its subject is spoken of, not speaking', () => {
  assert.deepEqual(
    quotes(
      'Le procès s’ouvre. Jugé depuis une semaine, Marc Dorel avait été qualifié d’«ennemi public numéro un».',
    ),
    [],
  );
  assert.deepEqual(
    quotes('Le sondage est paru. Il est toujours considéré comme le «président des riches» par les sondés.'),
    [],
  );
});

test('no reported speech in cross-reference links, after "alors que", or from an impersonal "on" that thinks', () => {
  const text =
    'La tension monte.\nLire aussi : un policier confirme avoir tiré au LBD\n' +
    'Un porte-parole, Paul Nadal, espère mille spectateurs, alors que deux cents policiers seront déployés. ' +
    'Pour autant, on a le sentiment qu’un accord est proche.';
  assert.deepEqual(quotes(text), []);
});

test('an infinitive of purpose does not end the reported clause', () => {
  const got = quotes(
    'La grève continue. Beaucoup annoncent qu’ils se rendront à Paris pour exprimer leur colère.',
  );
  assert.equal(got[0]!.text, 'ils se rendront à Paris pour exprimer leur colère');
});

test('a verb after a relative clause or a name in apposition has its subject before, not after', () => {
  const text =
    'Le verdict est tombé. Dans un communiqué, Animalia, qui avait porté plainte en 2017, salue la décision du parquet. ' +
    'En septembre, la Belgique, par la voix de son Premier ministre, Charles Dumont, a salué la décision du tribunal.';
  assert.deepEqual(quotes(text), []);
});

test('an incise with an auxiliary inversion (a-t-il ajouté) also cuts the passage', () => {
  const got = quotes(
    'Paul Morin a parlé. « Nous sommes un des rares pays à les utiliser, a-t-il ajouté. Il faut que cela cesse très vite. »',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker, q.cue]),
    [
      ['Nous sommes un des rares pays à les utiliser', 'Paul Morin', 'a-t-il ajouté'],
      ['Il faut que cela cesse très vite', 'Paul Morin', 'a-t-il ajouté'],
    ],
  );
});

test('a subject followed by a relative clause is still the source of a quote in its sentence', () => {
  const got = quotes(
    '«Nous tiendrons», a déclaré Luc Perrin. Le premier ministre, qui a rappelé les violences de samedi, est revenu longuement sur son «dégoût en découvrant les images du saccage de la place».',
  );
  assert.equal(got[1]!.mention, 'Le premier ministre');
});

test('an organisation in a complement is not what the next pronoun refers to', () => {
  const got = quotes(
    'Le débat sera libre, a assuré vendredi Claire Jouan, la présidente de la Commission du débat public. «Nous ne sommes aux ordres de personne», a-t-elle prévenu.',
  );
  assert.equal(got.at(-1)!.speaker, 'Claire Jouan');
});

test('a participle after a clause takes no subject after it: its object is not a source', () => {
  assert.deepEqual(
    quotes(
      'Le débat continue. Paul Verne a rencontré des manifestants depuis le début du mouvement, critiquant au passage Jean Morel qui fut son ministre.',
    ),
    [],
  );
});

test('the imperfect of a reporting verb is a cue, not a participle (écrivait, disait)', () => {
  const got = quotes(
    'La ville soutient ses commerces. «Il n’y a que des preuves d’amour», écrivait le poète Pierre Reverdy. Le maire a approuvé.',
  );
  assert.deepEqual(got, [
    {
      text: 'Il n’y a que des preuves d’amour',
      speaker: 'Pierre Reverdy',
      mention: 'le poète Pierre Reverdy',
      cue: 'écrivait',
    },
  ]);
});

test('"écrit" after a quote is the present tense cue, and a participle after it shares its source', () => {
  const got = quotes(
    'Le mouvement se lance. «Ils ont oublié le principal», écrit encore le nouveau mouvement, affirmant que ses élus seront des porte-parole.',
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.mention, q.cue]),
    [
      ['Ils ont oublié le principal', 'le nouveau mouvement', 'écrit'],
      ['ses élus seront des porte-parole', 'le nouveau mouvement', 'affirmant'],
    ],
  );
});

test('two named sources joined by "et" are one joint source; a complement after "et" is not', () => {
  const got = quotes(
    'La route est dangereuse. «La fatigue tue», dénonce la CSC Transcom et le syndicat European Transport Federation. ' +
      '«Nous tiendrons», a déclaré le ministre de l’Économie et des Finances Bruno Lemaire.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['CSC Transcom et European Transport Federation', 'Bruno Lemaire'],
  );
});

test('an organisation named short is named in full: spelled-out acronyms, capitalised heads', () => {
  const got = quotes(
    'L’Association des chrétiens contre la torture (Acat) publie un rapport. ' +
      '«Il faut l’interdire», estime l’Acat. La Fondation pour la mémoire de la Shoah a rendu hommage. ' +
      '«Il nous a quittés», a annoncé la Fondation. Le mouvement s’appelle le «ralliement d’initiative citoyenne» (RIC). ' +
      '«Nous serons là», assure le RIC.',
  );
  assert.deepEqual(
    got.filter((q) => q.cue !== null).map((q) => q.speaker),
    [
      'Association des chrétiens contre la torture',
      'Fondation pour la mémoire de la Shoah',
      'ralliement d’initiative citoyenne',
    ],
  );
});

test('a title naming an office by another word finds its holder: le chef de l’État is the président', () => {
  const got = quotes(
    'Le président Paul Armand a reçu les syndicats lundi. Le ministre Luc Bastien était présent. ' +
      '«Nous avancerons ensemble», a déclaré le chef de l’État.',
  );
  assert.equal(got[0]!.speaker, 'Paul Armand');
});

test('how a source was reached is not part of it: un témoin joint par téléphone', () => {
  const got = quotes(
    'La fusillade a duré dix minutes. «On a entendu plusieurs coups de feu», raconte un témoin joint par téléphone. ' +
      'Des enquêteurs présents sur place ont constaté que la porte était forcée.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['un témoin', 'Des enquêteurs'],
  );
});

test('a pull quote takes its source from the caption line under it', () => {
  const got = quotes(
    'Les commerçants souffrent depuis trois mois.\n«L’enjeu est à la fois économique et citoyen»\nDominique Restin, le président de la chambre de commerce\nLa fréquentation baisse encore.',
  );
  assert.deepEqual(got, [
    {
      text: 'L’enjeu est à la fois économique et citoyen',
      speaker: 'Dominique Restin',
      mention: 'Dominique Restin',
      cue: null,
    },
  ]);
});

test('speech relayed by a second speaker stays with the inner, named speaker', () => {
  const got = quotes(
    'Lors du conseil, Hélène Garnier a estimé que la réforme était «sur la bonne voie», a relaté le porte-parole, Marc Lenoir.',
  );
  assert.equal(got.length, 1);
  assert.equal(got[0]!.speaker, 'Hélène Garnier');
  assert.equal(got[0]!.cue, 'a estimé');
  assert.ok(got[0]!.text.startsWith('la réforme'));
});

test('an infinitive clause relayed by a newspaper stays the newspaper’s', () => {
  const got = quotes(
    "De son côté, la mairie de Lyon n'a pas souhaité commenter ces nouvelles révélations, indique Le Progrès.",
  );
  assert.equal(got.length, 1);
  assert.match(got[0]!.speaker ?? '', /Progrès$/);
  assert.equal(got[0]!.cue, 'indique');
});

test('a quote after a participle opening the sentence takes the main subject', () => {
  const got = quotes('Appelant à «la patience», Hélène Garnier a rappelé les efforts déjà consentis.');
  assert.equal(got[0]!.text, 'la patience');
  assert.equal(got[0]!.speaker, 'Hélène Garnier');
});

test('a role description opening the article is the person named right after it', () => {
  const got = quotes(
    "Le président américain a affirmé mercredi qu'il ne céderait pas aux pressions. «Je ne suis pas élu par les Européens», a déclaré Marc Vidal devant la presse.",
  );
  assert.equal(got[0]!.speaker, 'Marc Vidal');
});

test('a role word across a full stop does not make a name the role holder', () => {
  const got = quotes(
    "«Je resterai», a déclaré Marc Vidal. «Nous verrons», a lancé le président républicain. Paul Girard estime qu'il n'a pas la stature d'un président. M. Girard a quitté la salle.",
  );
  assert.equal(got[1]!.speaker, 'Marc Vidal');
});

test('a masculine role description is not a woman holding the feminine title', () => {
  const got = quotes(
    "Paul Girard a reçu les maires lundi. Le chef de l'État a demandé à son ministre de le représenter à l'investiture de la nouvelle présidente Anne Morel.",
  );
  assert.equal(got[0]!.speaker, 'Paul Girard');
});

test('a bare "le président" is not the president of another body', () => {
  const got = quotes(
    'Emmanuel Roux est arrivé lundi à Lille. «Nous ne sommes pas au rendez-vous», a lancé le président devant les élus. Plus tard, le président du département, Luc Besson, a répondu aux journalistes.',
  );
  assert.equal(got[0]!.speaker, 'Emmanuel Roux');
});

test('an inverted incise with a complement inside the marks still cuts the passage', () => {
  const got = quotes(
    "Marc Vidal a parlé longuement. «Je ne renonce pas au projet, rappelle-t-il à propos de son départ du conseil. J'ai seulement besoin de temps.»",
  );
  assert.deepEqual(
    got.map((q) => [q.text, q.speaker]),
    [
      ['Je ne renonce pas au projet', 'Marc Vidal'],
      ["J'ai seulement besoin de temps", 'Marc Vidal'],
    ],
  );
});

test('a hyphenated word that only starts with a given name does not open a person name', () => {
  const got = quotes(
    "«Nous ne reculerons pas», a indiqué à l'Agence France-Presse Paul Girard, porte-parole du syndicat.",
  );
  assert.equal(got[0]!.speaker, 'Paul Girard');
});

test('a subordinate clause (lorsque, quand) has its own subject', () => {
  const got = quotes(
    'Une vingtaine de riverains attendaient encore devant la mairie lorsque la police leur a demandé de quitter les lieux.',
  );
  assert.equal(got[0]!.mention, 'la police');
});

test('a reporting verb coordinated with other verbs takes the sentence subject', () => {
  const got = quotes(
    'Environ 80 «gilets jaunes» occupent un carrefour, arrêtent les camions et demandent aux chauffeurs de klaxonner pour passer.',
  );
  assert.equal(got[0]!.mention, 'Environ 80 «gilets jaunes»');
});

test('a name in apposition closing an inverted description is the source', () => {
  const got = quotes(
    '«Les travaux vont gêner tout le quartier», prévient le président de la communauté Cœur de Loire, Patrick Lambert.',
  );
  assert.equal(got[0]!.speaker, 'Patrick Lambert');
  assert.equal(got[0]!.mention, 'Patrick Lambert');
});

test('an office keeps its holder through the article, whatever synonym names it', () => {
  const got = quotes(
    'Marc Delorme a pris la parole lundi. «Nous tiendrons le cap», a assuré le chef du gouvernement. Louis Berthier, élu de la Creuse, a quitté la salle. «Le débat aura lieu», a promis le premier ministre. «Nous ne craignons rien», a ajouté l’hôte de Matignon.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['Marc Delorme', 'Marc Delorme', 'Marc Delorme'],
  );
});

test('a person noun of one gender for both sexes (cette figure) may designate a man', () => {
  const got = quotes(
    'Julien Mercier a été blessé samedi. Soigné à Lyon, cette figure du mouvement affirme avoir été visée par un tir.',
  );
  assert.equal(got[0]!.speaker, 'Julien Mercier');
});

test('"qui" after a name and a description with a capitalised complement refers to the name', () => {
  const got = quotes(
    'La décision est critiquée par Karim Benali, l’un des porte-parole des Stylos rouges, qui affirme que les enseignants ne céderont pas.',
  );
  assert.equal(got[0]!.speaker, 'Karim Benali');
});

test('a name opening the sentence before a description left without its closing comma is the subject', () => {
  const got = quotes(
    'Le cortège est reparti vers midi. Yanis, l’un des voisins du blessé a raconté à la presse : «Il saignait beaucoup.»',
  );
  assert.equal(got[0]!.speaker, 'Yanis');
  assert.equal(got[0]!.mention, 'Yanis');
});

test('a kind description of organisation is the company the article names with that kind', () => {
  const got = quotes(
    'Le constructeur japonais Kanto a annoncé des pertes. Le groupe Valmont a publié ses comptes mardi. «Nous tiendrons nos objectifs», a indiqué le constructeur automobile français dans un communiqué. «Les ventes reculent», a expliqué un porte-parole du groupe.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['Valmont', 'un porte-parole du groupe Valmont'],
  );
});

test('a presidency is an institution, not the person named before it', () => {
  const got = quotes(
    'Le dessinateur de Charlie Hebdo a été entendu. Selon la présidence malienne, le suspect était arrivé par la mer.',
  );
  assert.equal(got[0]!.speaker, 'présidence malienne');
});

test('a description after "par X," opening the sentence is the subject, not X', () => {
  const got = quotes(
    'Reçu lundi par Paul Mercadier, l’humoriste a expliqué que les insultes l’avaient blessé. Marc Olivier avait publié une vidéo la semaine dernière.',
  );
  assert.equal(got[0]!.speaker, 'Marc Olivier');
});

test('an office opening the article is the next name in subject position, not one behind "par"', () => {
  const got = quotes(
    'Alors que la crise s’aggrave, le chef de l’État a demandé à l’opposition de «lancer un appel au calme» mercredi. Une demande relayée par Paul Mercadier devant les députés. Mercredi, Marc Olivier a appelé à la «responsabilité» de tous.',
  );
  assert.equal(got[0]!.speaker, 'Marc Olivier');
});

test('a surname said alone as a subject is what a later pronoun refers to', () => {
  const got = quotes(
    'Juan Morales a quitté Caracas lundi. Le président brésilien Pedro Alvarez l’a reçu à Brasilia. Cela fait un mois que Morales s’est proclamé président. Il a affirmé que l’aide entrerait.',
  );
  assert.equal(got[0]!.speaker, 'Juan Morales');
});

test('"du côté des X" designates X: a group, which "il" does not refer to', () => {
  const got = quotes(
    'Paul Morel a regardé les vidéos. Les images sont muettes, mais lui les a visionnées, et il a entendu ceci du côté des Gilets jaunes s’adressant aux gendarmes : « Laissez-nous passer, il y a des blessés ». « Ces images sont claires », dit-il.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['des Gilets jaunes', 'Paul Morel'],
  );
});

test('a role word in a complement after a name (défenseur du boxeur) is someone else’s role', () => {
  const got = quotes(
    'Le boxeur Marc Olivier comparaissait lundi. Maître Paul Morel, défenseur du boxeur, a plaidé la clémence. «Je regrette tout», a dit le boxeur.',
  );
  assert.equal(got[0]!.speaker, 'Marc Olivier');
});

test('a name inside the clause an inverted pronoun reports is not the pronoun', () => {
  const got = quotes(
    '«Nous verrons le moment venu», a déclaré l’avocat Paul Morel. C’est Marc Olivier qui a choisi un nouvel avocat, et non l’inverse, a-t-il assuré.',
  );
  assert.deepEqual(
    got.map((q) => q.speaker),
    ['Paul Morel', 'Paul Morel'],
  );
});

test('a name inside the clause an inverted description reports is not the description', () => {
  const got = quotes(
    'Le procureur Franck Morel a requis une forte amende. Le capitaine Paul Girard «savait tout du fioul», a souligné le magistrat.',
  );
  assert.equal(got[0]!.speaker, 'Franck Morel');
});

test('an elided noun in -e (l’universitaire) may designate a woman', () => {
  const got = quotes(
    'Pour l’historienne Claire Vasseur, cette analogie n’est «pas pertinente». Le mouvement n’a pas de chef, estime l’universitaire.',
  );
  assert.equal(got[1]!.speaker, 'Claire Vasseur');
});

test('a pronoun opening its sentence continues the pronoun subject of the sentence before', () => {
  const got = quotes(
    'Marc Olivier est entré dans la salle sans un mot. À Lyon, il avait menacé M. Girard avec un couteau. Il aurait alors dit «La prochaine fois, je ne vous raterai pas».',
  );
  assert.equal(got[0]!.speaker, 'Marc Olivier');
});

test('"celui qui ..." after a cue designates the person said before', () => {
  const got = quotes(
    '«Il faut sauver le climat, mais qui va payer ?», se demande Paul Girard. «Le mouvement doit s’expliquer», ajoute celui qui refuse que l’on qualifie son parti de climatosceptique.',
  );
  assert.equal(got[1]!.speaker, 'Paul Girard');
  assert.equal(got[1]!.mention, 'celui');
});

test('a pronoun opening its sentence continues a person description subject of the sentence before', () => {
  const got = quotes(
    'Paul Girard a été blessé samedi. Un policier a confirmé l’usage de son arme samedi soir. Il conteste néanmoins avoir blessé Paul Girard.',
  );
  assert.equal(got[0]!.speaker, 'Un policier');
});

test('Ben inside an Arabic name links it and starts no new name', () => {
  const got = quotes(
    'Zoubeiri Ben Yedder, le père d’un adolescent parti en Syrie, s’est félicité mardi de cette mesure, qu’il a qualifiée de «mesure de bon sens».',
  );
  assert.equal(got[0]!.speaker, 'Zoubeiri Ben Yedder');
});
