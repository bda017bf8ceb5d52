// Closed-class words and noun classes the quote and speaker stages read. Hand-curated from French
// grammar (determiners, pronouns, prepositions) and journalistic usage (source nouns); lowercase.

export const DETERMINERS = new Set([
  'le',
  'la',
  'les',
  'l’',
  "l'",
  'un',
  'une',
  'des',
  'du',
  'ce',
  'cet',
  'cette',
  'ces',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'plusieurs',
  'certains',
  'certaines',
  'quelques',
  'nombre',
  'de',
  'd’',
  "d'",
  'nombreux',
  'nombreuses',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'dix',
  'tous',
  'toutes',
  'aucun',
  'aucune',
  'chaque',
  'notre',
  'nos',
  'votre',
  'vos',
  'mon',
  'ma',
  'mes',
]);

export const PLURAL_DETERMINERS = new Set([
  'les',
  'des',
  'ces',
  'leurs',
  'plusieurs',
  'certains',
  'certaines',
  'quelques',
  'nombreux',
  'nombreuses',
  'tous',
  'toutes',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'dix',
  'nos',
  'vos',
  'ses',
  'mes',
]);

export const INDEFINITE_DETERMINERS = new Set(['un', 'une']);

export const SUBJECT_PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'on']);
/** Stressed pronouns after selon / d'après / pour: selon lui. */
export const STRESSED_PRONOUNS = new Set(['lui', 'elle', 'eux', 'elles']);

/** Titles that precede a person's name. */
export const NAME_TITLES = new Set(['monsieur', 'madame', 'mademoiselle', 'm.', 'mme', 'mme.', 'mlle', 'mlle.', 'me', 'me.', 'dr', 'dr.', 'pr', 'pr.', 'mgr', 'mgr.']);
export const FEMALE_TITLES = new Set(['madame', 'mademoiselle', 'mme', 'mme.', 'mlle', 'mlle.']);
export const MALE_TITLES = new Set(['m.', 'monsieur']);

/** Lower-case words allowed inside a proper name: Charles de Gaulle, Ursula von der Leyen. */
export const NAME_PARTICLES = new Set(['de', 'd’', "d'", 'du', 'des', 'von', 'van', 'der', 'den', 'la', 'le', 'di', 'da', 'del', 'ben', 'bin', 'al', 'el']);

/**
 * Capitalised words that start sentences or headings and are not names. A name never starts with
 * them, so "Selon Jean Dupont" gives "Jean Dupont".
 */
export const NOT_NAME_WORDS = new Set([
  'le', 'la', 'les', 'l’', "l'", 'un', 'une', 'des', 'du', 'de', 'd’', "d'", 'ce', 'cet', 'cette', 'ces',
  'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'j’', "j'", 'tu',
  'selon', 'pour', 'mais', 'et', 'ou', 'donc', 'or', 'ni', 'car', 'en', 'dans', 'sur', 'sous', 'avec',
  'sans', 'après', 'avant', 'depuis', 'pendant', 'lors', 'par', 'à', 'a', 'au', 'aux', 'si', 'quand',
  'comme', 'qui', 'que', 'qu’', "qu'", 'quoi', 'où', 'dont', 'ainsi', 'alors', 'aussi', 'enfin', 'puis',
  'pourtant', 'cependant', 'toutefois', 'néanmoins', 'certes', 'outre', 'parmi', 'vers', 'chez', 'contre',
  'entre', 'malgré', 'face', 'sa', 'son', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon',
  'ma', 'mes', 'tout', 'tous', 'toute', 'toutes', 'plusieurs', 'certains', 'certaines', 'quelques',
  'c’', "c'", 'ça', 'cela', 'ceci', 'celui', 'celle', 'ceux', 'celles', 'oui', 'non', 'lundi', 'mardi',
  'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'février', 'mars', 'avril', 'mai',
  'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'hier', 'aujourd’hui',
  "aujourd'hui", 'demain', 'ici', 'là', 'voilà', 'voici', 'merci', 'bref', 'ensuite', 'désormais',
  'pas', 'plus', 'moins', 'très', 'bien', 'encore', 'déjà', 'jamais', 'toujours', 'lire', 'voir', 'photo',
  'vidéo', 'mise', 'à', 'même', 'seulement', 'soupçonné', 'soupçonnée', 'interrogé', 'interrogée',
]);

/** Nouns for a person by role, for speaker typing and gender. Masculine and feminine forms. */
export const PERSON_NOUNS = new Set([
  'ministre', 'président', 'présidente', 'secrétaire', 'porte-parole', 'député', 'députée', 'maire',
  'avocat', 'avocate', 'chef', 'cheffe', 'directeur', 'directrice', 'responsable', 'patron', 'patronne',
  'dirigeant', 'dirigeante', 'leader', 'fondateur', 'fondatrice', 'candidat', 'candidate', 'sénateur',
  'sénatrice', 'élu', 'élue', 'militant', 'militante', 'manifestant', 'manifestante', 'retraité',
  'retraitée', 'syndicaliste', 'commerçant', 'commerçante', 'habitant', 'habitante', 'expert', 'experte',
  'spécialiste', 'professeur', 'professeure', 'chercheur', 'chercheuse', 'économiste', 'politologue',
  'sociologue', 'historien', 'historienne', 'juge', 'procureur', 'procureure', 'policier', 'policière',
  'gendarme', 'médecin', 'entraîneur', 'entraîneuse', 'joueur', 'joueuse', 'coach', 'capitaine',
  'diplomate', 'conseiller', 'conseillère', 'collaborateur', 'collaboratrice', 'proche', 'témoin',
  'étudiant', 'étudiante', 'lycéen', 'lycéenne', 'salarié', 'salariée', 'ouvrier', 'ouvrière',
  'agriculteur', 'agricultrice', 'chauffeur', 'infirmier', 'infirmière', 'enseignant', 'enseignante',
  'journaliste', 'auteur', 'autrice', 'écrivain', 'écrivaine', 'artiste', 'chanteur', 'chanteuse',
  'acteur', 'actrice', 'réalisateur', 'réalisatrice', 'homme', 'femme', 'mère', 'père', 'fils', 'fille',
  'frère', 'sœur', 'épouse', 'mari', 'veuve', 'veuf', 'ami', 'amie', 'voisin', 'voisine', 'victime',
  'suspect', 'suspecte', 'prévenu', 'prévenue', 'accusé', 'accusée', 'délégué', 'déléguée', 'vice-président',
  'vice-présidente', 'premier', 'première', 'commissaire', 'préfet', 'préfète', 'trentenaire',
  'quadragénaire', 'quinquagénaire', 'sexagénaire', 'septuagénaire', 'octogénaire', 'jeune', 'gilet',
  'ancien', 'ancienne', 'chef', 'patron', 'coordinateur', 'coordinatrice', 'organisateur', 'organisatrice',
  'animateur', 'animatrice', 'fonctionnaire', 'agent', 'officier', 'commandant', 'général', 'colonel',
  'lieutenant', 'sergent', 'soldat', 'pompier', 'secouriste', 'urgentiste', 'psychiatre', 'psychologue',
  'analyste', 'observateur', 'observatrice', 'consultant', 'consultante', 'négociateur', 'négociatrice',
  'opposant', 'opposante', 'rapporteur', 'rapporteure', 'trésorier', 'trésorière', 'éditorialiste',
  'chroniqueur', 'chroniqueuse', 'ambassadeur', 'ambassadrice', 'émissaire', 'envoyé', 'envoyée',
  'pape', 'évêque', 'imam', 'rabbin', 'prêtre', 'roi', 'reine', 'prince', 'princesse', 'chancelière',
  'chancelier', 'gouverneur', 'gouverneure', 'sélectionneur', 'attaquant', 'défenseur', 'milieu',
  'gardien', 'gardienne', 'pilote', 'cycliste', 'coureur', 'coureuse', 'athlète', 'champion',
  'championne', 'producteur', 'productrice', 'propriétaire', 'gérant', 'gérante', 'cadre', 'employé',
  'employée', 'mannequin', 'interlocuteur', 'interlocutrice', 'auditeur', 'internaute', 'participant',
  'participante', 'représentant', 'représentante', 'membre', 'figure', 'initiateur', 'initiatrice',
  'ex-ministre', 'ex-président', 'ex-présidente', 'eurodéputé', 'eurodéputée', 'conseiller', 'bâtonnier',
  'notaire', 'architecte', 'ingénieur', 'ingénieure', 'directeur', 'président-directeur', 'pdg', 'dg',
]);

/** Nouns that head an organisation. */
export const ORGANIZATION_NOUNS = new Set([
  'préfecture', 'sous-préfecture', 'ministère', 'gouvernement', 'police', 'gendarmerie', 'parquet',
  'mairie', 'ville', 'municipalité', 'conseil', 'commission', 'syndicat', 'parti', 'association',
  'collectif', 'entreprise', 'société', 'banque', 'institut', 'agence', 'fédération', 'union',
  'assemblée', 'sénat', 'tribunal', 'cour', 'justice', 'armée', 'état-major', 'élysée', 'matignon',
  'exécutif', 'administration', 'direction', 'organisation', 'ong', 'fondation', 'club', 'équipe',
  'groupe', 'compagnie', 'office', 'observatoire', 'autorité', 'autorités', 'caisse', 'chambre',
  'cabinet', 'secrétariat', 'région', 'département', 'état', 'insee',
  'opposition', 'majorité', 'intersyndicale', 'confédération', 'mouvement', 'centrale', 'service',
  'services', 'hôpital', 'clinique', 'université', 'école', 'lycée', 'journal', 'quotidien',
  'hebdomadaire', 'hôtel', 'radio', 'chaîne', 'télévision', 'site', 'média', 'médias', 'rédaction', 'ambassade',
  'consulat', 'kremlin', 'maison-blanche', 'pentagone', 'secours', 'parlement', 'sncf', 'ratp', 'edf',
]);

/** Nouns for a document or other non-human source. */
export const DOCUMENT_NOUNS = new Set([
  'communiqué', 'rapport', 'étude', 'enquête', 'sondage', 'document', 'texte', 'lettre', 'courrier',
  'message', 'tweet', 'tweets', 'note', 'décret', 'arrêté', 'projet', 'banderole', 'banderoles',
  'pancarte', 'pancartes', 'affiche', 'affiches', 'pétition', 'tract', 'tracts', 'slogan', 'bilan',
  'chiffres', 'statistiques', 'page', 'publication', 'post', 'vidéo', 'déclaration', 'jugement',
  'arrêt', 'ordonnance', 'avis', 'circulaire', 'motion', 'résolution', 'pancartes', 'graffiti', 'tag',
  'tags', 'inscription', 'inscriptions', 'livre', 'ouvrage', 'tribune', 'éditorial', 'plainte',
  'mail', 'courriel', 'sms', 'compte', 'estimation', 'estimations', 'données', 'calcul', 'calculs',
  'recensement', 'comptage', 'baromètre', 'analyse', 'synthèse', 'dossier', 'procès-verbal', 'relevé',
]);

/** Female forms of person nouns, for gender of descriptions (la ministre is marked by the determiner). */
export const FEMALE_NOUN_ENDINGS = ['trice', 'euse', 'ienne', 'enne', 'ère', 'ée', 'ante', 'ente', 'onne'];

/** Words that end a noun phrase when reading a speaker description after a verb. */
export const NP_STOP_WORDS = new Set([
  'qui', 'que', 'qu’', "qu'", 'dont', 'où', 'dans', 'devant', 'lors', 'après', 'avant', 'depuis', 'pendant',
  'à', 'au', 'aux', 'en', 'sur', 'sous', 'pour', 'avec', 'sans', 'par', 'mais', 'et', 'ou', 'car', 'lundi',
  'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', 'aujourd’hui', "aujourd'hui",
  'ce', 'cette', 'jusqu’', "jusqu'", 'face', 'auprès', 'chez', 'contre', 'vers', 'lorsqu’', "lorsqu'",
  'quand', 'alors', 'si', 'comme', 'tandis', 'puis', 'ensuite', 'aussi', 'également', 'encore', 'ainsi',
  'notamment', 'sur', 'le', 'la', 'les', 'un', 'une', 'il', 'elle', 'ils', 'elles', 'n’', "n'",
  'ne', 'se', 's’', "s'", 'y', 'entre', 'parmi', 'selon', 'malgré', 'tout', 'toute', 'dès', 'fin', 'début',
]);

/** Adverbs and time words that may stand between a verb and its inverted subject: », a déclaré mardi X. */
export const SKIPPABLE_AFTER_VERB = new Set([
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', 'soir', 'matin',
  'midi', 'après-midi', 'aujourd’hui', "aujourd'hui", 'encore', 'aussi', 'également', 'alors', 'ensuite',
  'notamment', 'enfin', 'pourtant', 'cependant', 'toutefois', 'donc', 'ainsi', 'déjà', 'récemment',
  'dernièrement', 'plus', 'tard', 'tôt', 'cette', 'semaine', 'ce', 'week-end', 'jour', 'là', 'ici',
  'dernier', 'dernière', 'prochain', 'soirée', 'matinée', 'journée', 'même', 'simplement', 'sobrement',
  'fermement', 'clairement', 'lui', 'leur', 'nous', 'vous', 'me', 'm’', "m'", 't’', "t'", 'te',
]);

/** "de son côté", "pour sa part": multiword fillers after a verb, as token sequences. */
export const SKIPPABLE_PHRASES: readonly string[][] = [
  ['de', 'son', 'côté'],
  ['de', 'leur', 'côté'],
  ['pour', 'sa', 'part'],
  ['pour', 'leur', 'part'],
  ['quant', 'à', 'lui'],
  ['quant', 'à', 'elle'],
  ['à', 'l’', 'afp'],
  ['à', "l'", 'afp'],
  ['à', 'la', 'presse'],
  ['au', 'figaro'],
  ['au', 'parisien'],
  ['sur', 'twitter'],
  ['sur', 'facebook'],
  ['dans', 'un', 'communiqué'],
  ['en', 'conférence', 'de', 'presse'],
  ['lors', 'd’', 'une', 'conférence', 'de', 'presse'],
  ["lors", "d'", 'une', 'conférence', 'de', 'presse'],
  ['sur', 'franceinfo'],
  ['sur', 'bfmtv'],
  ['sur', 'rtl'],
  ['sur', 'europe', '1'],
  ['sur', 'france', 'inter'],
  ['sur', 'cnews'],
  ['sur', 'lci'],
];

/** Singular nouns for a collective source: la foule a scandé. */
export const GROUP_NOUNS = new Set([
  'foule', 'cortège', 'assistance', 'public', 'population', 'salle', 'peuple', 'famille', 'manifestation',
  'délégation', 'majorité', 'base', 'riverains', 'jury',
]);
