// The entity stage: every person, organisation and place an article names, with all its mentions,
// its roles and (for persons) its gender. Rules and gazetteers, no model:
//   1. candidates (candidates.ts): runs of capitalised words with their particles (Charles de
//      Gaulle, Conseil d'État), gazetteer names (countries, cities, known organisations),
//      institution phrases (ministère de l'Intérieur, préfecture du Var), acronyms with their
//      expansion (Secrétariat général ... (SGDSN); not Produit intérieur brut (PIB));
//   2. evidence (evidence.ts) for each type from the gazetteers and the context of every
//      occurrence (M./Mme, role nouns, l'ONG X, à X, X (Hérault)), summed over the article for
//      each name; the persons the speaker stage resolved (seeds) count as persons;
//   3. unification: surnames and titled forms join the fullest name, aliases and acronyms their
//      organisation (l'Otan = OTAN = Alliance atlantique), the seeds' mentions their person;
//   4. roles from appositions, titles and the seeds' descriptions (roles.ts), gender from the
//      grammar, then from the given name (gender.ts).
import type { Doc } from '../doc/document.js';
import { firstNameGender } from '../lang/fr/first-names.js';
import { KNOWN_ORGANIZATIONS } from '../lang/fr/organizations.js';
import { FEMALE_TITLES, MALE_TITLES } from '../lang/fr/words.js';
import type { Entity, EntityType, Gender, Span } from '../types.js';
import { candidates, makeCtx, type Ctx, type KeyGroup, type Occurrence } from './candidates.js';
import { scoreContext } from './evidence.js';
import { genderOf, type GenderVotes } from './gender.js';
import { KNOWN_SURNAMES } from './lexicon.js';
import { foldKey } from './names.js';
import { roleFromDescription, rolesAround } from './roles.js';

/** A person the speaker stage resolved: its name, gender and every mention it found. */
export interface PersonSeed {
  key: string;
  name: string;
  gender: Gender;
  mentions: Span[];
}

export interface EntityResult {
  entities: Entity[];
  /** Entity id of each seed, by seed key. */
  seedIds: Map<string, string>;
}

/** A name needs this much evidence, summed over the article, to become an entity. */
const THRESHOLD = 2;
/** What a seed (a resolved quote speaker) weighs for its name being a person. */
const SEED_WEIGHT = 6;

/** All entities of the article, ids e1, e2... in order of first mention. */
export function findEntities(doc: Doc, persons: readonly PersonSeed[] = []): Entity[] {
  return findEntitiesWithSeeds(doc, persons).entities;
}

interface Form {
  key: string;
  text: string;
  count: number;
  tokens: number;
  acronym: boolean;
}

interface Cluster {
  type: EntityType;
  /** Its written forms by key (few: an array). */
  forms: Form[];
  /** Its mentions, one per start offset, in the order found. */
  mentions: Span[];
  /** The mentions' starts once there are many (null: search the array). */
  starts: Set<number> | null;
  occs: Occurrence[];
  seeds: number[];
  /** An organisation's expansion given in the text (Mécanisme européen de stabilité (MES)). */
  definedName?: string;
  knownOrg?: number;
}

function formOf(cl: Cluster, key: string): Form | undefined {
  for (const f of cl.forms) if (f.key === key) return f;
  return undefined;
}

/** The cluster has a mention starting at `start` (a set once there are many, else a search). */
function hasMention(cl: Cluster, start: number): boolean {
  if (cl.starts !== null) return cl.starts.has(start);
  for (const m of cl.mentions) if (m.start === start) return true;
  return false;
}

function addMention(cl: Cluster, m: Span): void {
  cl.mentions.push(m);
  if (cl.starts !== null) cl.starts.add(m.start);
  else if (cl.mentions.length > 8) cl.starts = new Set(cl.mentions.map((x) => x.start));
}

/** key.split(' ').length without the array. */
function wordCount(key: string): number {
  let n = 1;
  for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) n++;
  return n;
}
/** Last word of a name key. */
function lastWord(key: string): string {
  const space = key.lastIndexOf(' ');
  return space < 0 ? key : key.slice(space + 1);
}

/**
 * A name of the article under one type (or a known organisation): a node of the union-find that
 * joins aliases, acronyms and their expansions. Per article, so no ids are built as strings.
 */
interface NameNode {
  parent: NameNode | null;
}

/** The article's name nodes by type and key, and the known organisations' by entry. */
class NameNodes {
  private readonly byType: Record<EntityType, Map<string, NameNode>> = {
    person: new Map(),
    organization: new Map(),
    place: new Map(),
  };
  private readonly known = new Map<number, NameNode>();

  of(type: EntityType, key: string): NameNode {
    const m = this.byType[type];
    let x = m.get(key);
    if (x === undefined) m.set(key, (x = { parent: null }));
    return x;
  }

  knownOrg(org: number): NameNode {
    let x = this.known.get(org);
    if (x === undefined) this.known.set(org, (x = { parent: null }));
    return x;
  }
}

/** All capitals (digits, & and - allowed), two of them at least; an ASCII lowercase letter rules it out first. */
const isAcronymText = (t: string): boolean =>
  !hasAsciiLower(t) && /^[\p{Lu}\d&-]+$/u.test(t) && /\p{Lu}.*\p{Lu}/u.test(t);

function hasAsciiLower(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 97 && ch <= 122) return true;
  }
  return false;
}

/** ' -> ’ (no regex run when there is none). */
const curly = (t: string): string => (t.includes("'") ? t.replace(/'/g, '’') : t);

/** The names of a known organisation with ’ for ', computed once per organisation. */
function curlyNames(org: number): readonly string[] {
  return (CURLY_NAMES[org] ??= KNOWN_ORGANIZATIONS[org]!.names.map(curly));
}
const CURLY_NAMES: string[][] = [];

/** The spans are in text order already (most are): a stable sort would leave them as they are. */
function startsAscending(spans: readonly Span[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k]!.start < spans[k - 1]!.start) return false;
  return true;
}

/** Union-find over the name nodes: aliases, acronyms and their expansions. */
function findRoot(x: NameNode): NameNode {
  let r = x;
  while (r.parent !== null) r = r.parent;
  // Path compression; a root has no parent.
  if (r !== x) x.parent = r;
  return r;
}

function union(a: NameNode, b: NameNode): void {
  const ra = findRoot(a);
  const rb = findRoot(b);
  if (ra !== rb) rb.parent = ra;
}

/**
 * Per name key: its evidence summed over the article and the type that gives it, or null; each
 * occurrence keeps its key's record (o.group), so the type of an occurrence is not looked up again.
 */
function decideTypes(occs: Occurrence[], seedKeys: ReadonlySet<string>): Map<string, KeyGroup> {
  const sums = new Map<string, KeyGroup>();
  for (const o of occs) {
    let s = sums.get(o.key);
    if (!s) {
      s = { person: seedKeys.has(o.key) ? SEED_WEIGHT : 0, organization: 0, place: 0, type: null };
      sums.set(o.key, s);
    }
    s.person += o.scores.person;
    s.organization += o.scores.organization;
    s.place += o.scores.place;
    o.group = s;
  }
  for (const s of sums.values()) {
    // In the order person, organisation, place: the first type with the highest score over the threshold.
    let best: EntityType | null = null;
    let score = THRESHOLD - 0.01;
    if (s.person > score) {
      best = 'person';
      score = s.person;
    }
    if (s.organization > score) {
      best = 'organization';
      score = s.organization;
    }
    if (s.place > score) best = 'place';
    s.type = best;
  }
  return sums;
}

/** Builds the entities from the typed occurrences and the seeds; also says which entity each seed is. */
export function findEntitiesWithSeeds(doc: Doc, persons: readonly PersonSeed[] = []): EntityResult {
  const c = makeCtx(doc);
  const occs = candidates(c);
  scoreContext(c, occs);
  const seedKeyList = persons.map((p) => foldKey(p.name));
  const seedKeys = new Set(seedKeyList);
  const types = decideTypes(occs, seedKeys);

  // Persons: the fullest name of each surname, and given names that point to one person.
  const fullBySurname = new Map<string, string>();
  const addFull = (key: string): void => {
    const s = lastWord(key);
    const prev = fullBySurname.get(s);
    if (prev === undefined || wordCount(key) > wordCount(prev)) fullBySurname.set(s, key);
  };
  for (const o of occs) if (o.group!.type === 'person') addFull(o.key);
  // Surnames of persons named in full here: a bare Hollande after François Hollande is him.
  const namedInFull = new Set<string>();
  for (const full of fullBySurname.values()) if (full.includes(' ')) namedInFull.add(lastWord(full));
  for (const key of seedKeyList) {
    const t = types.get(key)?.type;
    if (t !== 'organization' && t !== 'place') addFull(key);
  }
  const byGivenName = new Map<string, string | null>();
  // The values are distinct: each full name is kept under its own last word.
  for (const full of fullBySurname.values()) {
    const space = full.indexOf(' ');
    if (space < 0) continue;
    const f = full.slice(0, space);
    byGivenName.set(f, byGivenName.has(f) && byGivenName.get(f) !== full ? null : full);
  }
  /** The surname that stands for the person a name key designates, or null when it names no person of the article. */
  const personId = (key: string, tokens: number): string | null => {
    const full = fullBySurname.get(lastWord(key));
    if (full !== undefined && (tokens === 1 || full.endsWith(key) || key.endsWith(full) || full === key))
      return lastWord(full);
    if (tokens === 1 && byGivenName.get(key)) return lastWord(byGivenName.get(key)!);
    return null;
  };

  const nodes = new NameNodes();
  const clusters = new Map<NameNode, Cluster>();
  const assigned: Array<{ o: Occurrence; id: NameNode; type: EntityType }> = [];
  for (const o of occs) {
    let type = o.group!.type;
    const tokens = o.last - o.first + 1;
    let id: NameNode | null = null;
    // A surname or given name of a person named in full is that person, unless a gazetteer insists.
    const strongOther =
      o.known !== undefined &&
      !o.known.ambiguous &&
      o.known.place !== 'town' &&
      o.title < 0 &&
      !(o.known.type === 'place' && tokens === 1 && namedInFull.has(o.key));
    const pid = type === 'organization' && o.known ? null : personId(o.key, tokens);
    if (pid !== null && (type === 'person' || type === null || !strongOther)) {
      type = 'person';
      id = nodes.of('person', pid);
    } else if (type === null && tokens === 1 && KNOWN_SURNAMES.has(o.key) && !o.initial) {
      type = 'person';
    }
    if (type === null) continue;
    if (id === null) {
      if (type === 'person') id = nodes.of('person', lastWord(o.key));
      else if (type === 'organization' && o.known?.org !== undefined) id = nodes.knownOrg(o.known.org);
      else id = nodes.of(type, o.key);
    }
    if (type === 'organization' && o.acronymOf !== undefined)
      union(id, nodes.of('organization', o.acronymOf));
    assigned.push({ o, id, type });
  }
  // Acronyms that are known aliases of an expansion also known: one organisation.
  for (const { o, id, type } of assigned) {
    if (type === 'organization' && o.known?.org !== undefined) union(nodes.knownOrg(o.known.org), id);
  }

  const cluster = (id: NameNode, type: EntityType): Cluster => {
    const root = findRoot(id);
    let cl = clusters.get(root);
    if (!cl) {
      cl = { type, forms: [], mentions: [], starts: null, occs: [], seeds: [] };
      clusters.set(root, cl);
    }
    return cl;
  };
  for (const { o, id, type } of assigned) {
    const cl = cluster(id, type);
    const form = formOf(cl, o.key);
    if (form) form.count++;
    else
      cl.forms.push({
        key: o.key,
        text: o.text,
        count: 1,
        tokens: o.last - o.first + 1,
        acronym: isAcronymText(o.text),
      });
    if (o.acronymOf !== undefined) cl.definedName = o.text;
    if (o.known?.org !== undefined) cl.knownOrg = o.known.org;
    cl.occs.push(o);
    const from = o.title >= 0 ? o.title : o.first;
    const s = doc.tokens.start[from]!;
    const e = doc.tokens.end[o.last]!;
    if (!hasMention(cl, s)) addMention(cl, { start: s, end: e, text: doc.text.slice(s, e) });
  }

  // Seeds: each joins the entity its name was given, or the person of its surname, or its own.
  const seedCluster = new Map<number, Cluster>();
  persons.forEach((p, k) => {
    const key = seedKeyList[k]!;
    const t = types.get(key)?.type;
    let cl: Cluster | undefined;
    if (t === 'organization' || t === 'place') {
      const a = assigned.find((x) => x.o.key === key);
      if (a) cl = cluster(a.id, a.type);
    }
    if (!cl) {
      const pid = personId(key, wordCount(key));
      cl = cluster(nodes.of('person', pid ?? lastWord(key)), 'person');
    }
    if (cl.type === 'person') cl.seeds.push(k);
    seedCluster.set(k, cl);
    for (const m of p.mentions) if (!hasMention(cl, m.start)) addMention(cl, m);
  });

  const built: Array<{ e: Entity; first: number; cl: Cluster }> = [];
  for (const cl of clusters.values()) {
    if (cl.mentions.length === 0) continue;
    const mentions = cl.mentions;
    if (!startsAscending(mentions)) mentions.sort((a, b) => a.start - b.start);
    const name = clusterName(cl, persons);
    if (name === '') continue;
    const e: Entity = { id: '', type: cl.type, name, mentions };
    if (cl.type === 'person') describePerson(c, cl, e, persons);
    else {
      // The other spellings, in order, without repeats (few: a linear search).
      const nameText = curly(name);
      const uniq: string[] = [];
      for (const f of cl.forms) {
        const t = curly(f.text);
        if (t !== nameText && !uniq.includes(t)) uniq.push(t);
      }
      if (cl.knownOrg !== undefined)
        for (const t of curlyNames(cl.knownOrg)) if (t !== nameText && !uniq.includes(t)) uniq.push(t);
      if (uniq.length > 0) e.aliases = uniq;
    }
    built.push({ e, first: mentions[0]!.start, cl });
  }
  built.sort((a, b) => a.first - b.first);
  const seedIds = new Map<string, string>();
  const idOf = new Map<Cluster, string>();
  built.forEach((b, k) => {
    b.e.id = `e${k + 1}`;
    idOf.set(b.cl, b.e.id);
  });
  for (const [k, cl] of seedCluster) {
    const id = idOf.get(cl);
    if (id) seedIds.set(persons[k]!.key, id);
  }
  return { entities: built.map((b) => b.e), seedIds };
}

/** Roles and gender of a person entity. */
function describePerson(c: Ctx, cl: Cluster, e: Entity, persons: readonly PersonSeed[]): void {
  const roles: string[] = [];
  const votes: GenderVotes = { male: 0, female: 0, given: 'unknown' };
  for (const o of cl.occs) {
    rolesAround(c, o.title >= 0 ? o.title : o.first, o.last, votes, roles);
    if (o.title >= 0) {
      const t = c.low(o.title);
      if (FEMALE_TITLES.has(t)) votes.female += 5;
      else if (MALE_TITLES.has(t)) votes.male += 5;
    }
  }
  const own =
    cl.seeds.length === 0
      ? null
      : new Set(cl.occs.map((o) => c.doc.tokens.start[o.title >= 0 ? o.title : o.first]!));
  for (const k of cl.seeds) {
    for (const m of persons[k]!.mentions) {
      if (own!.has(m.start)) continue;
      const r = roleFromDescription(c, m, votes);
      if (r) roles.push(r);
    }
  }
  // The first word of the name (split at whitespace), without the array.
  const space = e.name.search(/\s/);
  const g = firstNameGender(space < 0 ? e.name : e.name.slice(0, space));
  if (g === 'male' || g === 'female') votes.given = g;
  else if (space < 0) {
    const known = KNOWN_SURNAMES.get(foldKey(e.name));
    if (known) votes.given = known;
  }
  e.gender = genderOf(votes);
  const list = pruneRoles(roles);
  if (list.length > 0) e.roles = list;
}

/**
 * The entity's name. Persons: a seed's name, else the form with most words (the fullest).
 * Organisations: the expansion of an acronym defined in the text; else a written form that is not
 * an acronym when there is one (Union européenne over UE); the most frequent, then the longest.
 * Places: the most frequent form, then the longest.
 */
function clusterName(cl: Cluster, persons: readonly PersonSeed[]): string {
  if (cl.type === 'person' && cl.seeds.length > 0) {
    // The seed name with most words (the first of them).
    let seedBest = persons[cl.seeds[0]!]!.name;
    for (let k = 1; k < cl.seeds.length; k++) {
      const b = persons[cl.seeds[k]!]!.name;
      if (wordCount(b) > wordCount(seedBest)) seedBest = b;
    }
    const formsBest = bestForm(cl);
    return formsBest && formsBest.tokens > wordCount(seedBest) ? formsBest.text : seedBest;
  }
  if (cl.definedName) return cl.definedName;
  return bestForm(cl)?.text ?? '';
}

function bestForm(cl: Cluster): Form | null {
  if (cl.forms.length === 0) return null;
  // Organisations: the forms that are not acronyms, when there are some.
  let skipAcronyms = false;
  if (cl.type === 'organization') for (const f of cl.forms) if (!f.acronym) skipAcronyms = true;
  let best: Form | null = null;
  for (const f of cl.forms) {
    if (skipAcronyms && f.acronym) continue;
    if (best === null) {
      best = f;
      continue;
    }
    const better =
      cl.type === 'person'
        ? f.tokens > best.tokens || (f.tokens === best.tokens && f.text.length > best.text.length)
        : f.count > best.count || (f.count === best.count && f.text.length > best.text.length);
    if (better) best = f;
  }
  return best;
}

/** Drops roles contained in a longer one (secrétaire général < secrétaire général de l’Otan), keeps text order. */
function pruneRoles(roles: string[]): string[] {
  // One role starting with a letter or digit (its key is not empty): nothing to compare.
  if (roles.length === 0) return roles;
  if (roles.length === 1 && /^[\p{L}\p{N}]/u.test(roles[0]!)) return roles;
  const keys = roles.map((r) => foldKey(r));
  const out: string[] = [];
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    const k = keys[i]!;
    if (seen.has(k) || k === '') return;
    if (
      keys.some(
        (o) =>
          o.length > k.length && (o.startsWith(k + ' ') || o.includes(' ' + k + ' ') || o.endsWith(' ' + k)),
      )
    )
      return;
    seen.add(k);
    out.push(r);
  });
  return out;
}

export type { Ctx, Occurrence };
