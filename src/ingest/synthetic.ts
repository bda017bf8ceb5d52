// Synthetic French articles for tests and benchmarks of the archive: deterministic (seeded),
// each with direct and indirect quotes by named speakers of known gender, a date and a source.
// No real news text: the sentences are written here.

export interface SyntheticArticle {
  id: string;
  date: string;
  source: string;
  title: string;
  text: string;
}

const PEOPLE = [
  { name: 'Claire Dubois', title: 'Mme', role: 'la ministre de la Santé' },
  { name: 'Jean Martin', title: 'M.', role: 'le maire de Lyon' },
  { name: 'Sophie Lefèvre', title: 'Mme', role: 'la présidente de la région' },
  { name: 'Paul Girard', title: 'M.', role: 'le député de la Somme' },
  { name: 'Hélène Roux', title: 'Mme', role: 'la porte-parole du syndicat' },
  { name: 'Marc Fontaine', title: 'M.', role: 'le secrétaire général de l’Otan' },
];

const TOPICS = [
  ['le financement des hôpitaux', 'les financements communs', 'des millions d’euros'],
  ['la défense européenne', 'l’Otan', 'les dépenses militaires'],
  ['les violences lors des manifestations', 'les gilets jaunes', 'la sécurité des policiers'],
  ['la réforme des retraites', 'le pouvoir d’achat', 'les salariés'],
  ['le prix du carburant', 'la transition écologique', 'les automobilistes'],
];

const SOURCES = ['Le Quotidien', 'La Gazette', 'Le Courrier du Soir'];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `n`-th synthetic article (same n, same article). `paragraphs` sets its length. */
export function syntheticArticle(n: number, paragraphs = 3): SyntheticArticle {
  const r = rng(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const p = PEOPLE[n % PEOPLE.length]!;
  const other = PEOPLE[(n + 1 + Math.floor(r() * (PEOPLE.length - 1))) % PEOPLE.length]!;
  const topic = TOPICS[n % TOPICS.length]!;
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const year = 2018 + (n % 3);
  const body: string[] = [
    `${cap(p.role)}, ${p.title} ${p.name}, s’est exprimé${p.title === 'Mme' ? 'e' : ''} lundi sur ${topic[0]}. ` +
      `« Nous devons agir vite sur ${topic[1]} », a déclaré ${p.name} devant la presse.`,
    `${p.title === 'Mme' ? 'Elle' : 'Il'} a ajouté que ${topic[2]} ne pouvaient plus attendre. ` +
      `Selon ${other.name}, ${topic[1]} restent « une priorité absolue pour le pays ».`,
  ];
  for (let i = 2; i < paragraphs; i++) {
    body.push(
      `Le débat sur ${pick(topic)} se poursuit (article ${n}, paragraphe ${i}). ` +
        `« Il faudra trouver ${pick(['un accord', 'une solution', 'des moyens'])} d’ici ${year + 1} », a estimé ${other.title} ${other.name}.`,
    );
  }
  return {
    id: `syn-${n}`,
    date: `${year}-${month}-${day}`,
    source: SOURCES[n % SOURCES.length]!,
    title: `${cap(topic[0]!)} : ${p.name} appelle à agir (${n})`,
    text: body.join('\n'),
  };
}

/** `count` synthetic articles as JSONL lines, from `first`. */
export function syntheticJsonl(count: number, first = 0, paragraphs = 3): string {
  const lines: string[] = [];
  for (let i = first; i < first + count; i++) lines.push(JSON.stringify(syntheticArticle(i, paragraphs)));
  return lines.join('\n') + '\n';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
