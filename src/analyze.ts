// The analysis: a pure function from an article to its facts. The pipeline is the ordered list
// of stages below; each reads the document and what earlier stages added:
//   createDoc (tokens, sentences, paragraphs) -> extractQuotes (cues, content, mentions)
//   -> attribute (speaker resolution, quoted persons) -> findEntities (persons, organisations,
//   places, seeded by the quoted persons) -> findDates -> findFigures
//   -> quote.dateIds / figureIds.
import { findDateMentions } from './dates/find-dates.js';
import { createDoc, tokenAtOrAfter, type Doc } from './doc/document.js';
import { findEntitiesWithSeeds } from './entities/find-entities.js';
import { TokenKind } from './doc/tokens.js';
import { findFigures } from './figures/find-figures.js';
import { extractQuotes, type RawQuote } from './quotes/extract.js';
import { clauseSubject } from './quotes/mentions.js';
import { SpeakerResolver, type ResolvedSpeaker } from './quotes/resolve.js';
import {
  SCHEMA_VERSION,
  type Analysis,
  type Article,
  type Entity,
  type Quote,
  type Span,
  type Speaker,
} from './types.js';

export type ArticleInput = Partial<Article> & { text: string };

/** Optional stages, on by default; turning them off saves their time when they are not needed. */
export interface AnalyzeOptions {
  /** All persons, organisations and places (off: only the persons quoted). */
  entities?: boolean;
  dates?: boolean;
  figures?: boolean;
}

export function analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const article = toArticle(input);
  const doc = createDoc(article.text);
  const raw = extractQuotes(doc);
  const attributed = attribute(doc, raw);
  const quotes = attributed.quotes;
  // All persons, organisations and places; the quoted persons seed it with their resolved mentions.
  const seeds = attributed.entities.map((e) => ({
    key: e.name,
    name: e.name,
    gender: e.gender ?? 'unknown',
    mentions: e.mentions,
  }));
  const { entities, seedIds } =
    options.entities === false
      ? { entities: attributed.entities, seedIds: null }
      : findEntitiesWithSeeds(doc, seeds);
  if (seedIds) {
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const q of quotes) {
      if (q.speaker?.type !== 'person') continue;
      const id = seedIds.get(q.speaker.name);
      const entity = id ? byId.get(id) : undefined;
      if (!entity) {
        delete q.speaker.entityId;
        continue;
      }
      q.speaker.entityId = entity.id;
      // The entity stage knows better what a name designates: "France Inter" is an organisation.
      if (entity.type === 'organization') {
        q.speaker.type = 'organization';
        q.speaker.name = entity.name;
      }
    }
  }
  const { dates, repeats } =
    options.dates === false ? { dates: [], repeats: [] } : findDateMentions(doc, article.date);
  const dateById = new Map(dates.map((d) => [d.id, d]));
  for (const r of repeats) {
    const d = dateById.get(r.id);
    if (d) (d.repeats ??= []).push({ start: r.start, end: r.end, text: doc.text.slice(r.start, r.end) });
  }
  // Figures skip the spans of dates, repeated mentions included; without the dates stage they find
  // them themselves.
  const figures =
    options.figures === false
      ? []
      : findFigures(doc, options.dates === false ? undefined : [...dates, ...repeats]);
  // Plain loops: this runs for every quote of every article (a few dates and figures each).
  const dateNumber = (id: string): number => Number(id.slice(1));
  for (const q of quotes) {
    if (dates.length === 0 && figures.length === 0) break;
    // A date named again inside the quote (le sommet du 14 juin) is one the quote speaks of too.
    const dateIds: string[] = [];
    for (const list of [dates, repeats]) {
      for (const d of list) {
        if (d.start >= q.start && d.end <= q.end && !dateIds.includes(d.id)) dateIds.push(d.id);
      }
    }
    if (dateIds.length > 1) dateIds.sort((a, b) => dateNumber(a) - dateNumber(b));
    q.dateIds = dateIds;
    const figureIds: string[] = [];
    for (const f of figures) if (f.start >= q.start && f.end <= q.end) figureIds.push(f.id);
    q.figureIds = figureIds;
  }
  return {
    schema: SCHEMA_VERSION,
    id: article.id,
    date: article.date,
    title: article.title,
    source: article.source,
    url: article.url,
    quotes,
    entities,
    dates,
    figures,
  };
}

function toArticle(input: string | ArticleInput): Article {
  if (typeof input === 'string')
    return { id: 'article', text: input, date: null, title: null, source: null, url: null };
  if (typeof input.text !== 'string') throw new TypeError('analyze: article.text must be a string');
  return {
    id: input.id ?? 'article',
    text: input.text,
    date: input.date ?? null,
    title: input.title ?? null,
    source: input.source ?? null,
    url: input.url ?? null,
  };
}

function span(doc: Doc, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}

/** Resolves each quote's source in text order, then gathers the persons quoted as entities. */
function attribute(doc: Doc, raw: RawQuote[]): { quotes: Quote[]; entities: Entity[] } {
  const resolver = new SpeakerResolver(doc);
  const quotes: Quote[] = [];
  const persons = new Map<string, { entity: Entity; seen: Set<number> }>();
  let previous: Speaker | null = null;
  let previousResolved: ResolvedSpeaker | null = null;
  let previousEnd = -1;
  raw.forEach((q, n) => {
    let speaker: Speaker | null = null;
    let resolved: ResolvedSpeaker | null = null;
    if (q.mention) {
      resolved = resolver.resolve(q.mention);
      const m = span(doc, doc.tokens.start[q.mention.first]!, doc.tokens.end[q.mention.last]!);
      if (resolved.name) speaker = { name: resolved.name, type: resolved.type, mention: m };
    } else if (q.interviewee) {
      resolved = resolver.mostMentionedPerson();
      if (resolved?.name) speaker = { name: resolved.name, type: 'person', mention: null };
    } else if (q.followOn && previous) {
      // A sentence between the previous quote and this one whose subject is another named person
      // has moved on to that person: "Marie Dupont, elle, a un autre avis. «...»".
      const moved = neighbourSubject(doc, resolver, q, false, previousEnd);
      if (moved && moved.resolved.type === 'person' && moved.resolved.name !== previous.name) {
        resolved = moved.resolved;
        speaker = { name: moved.resolved.name!, type: 'person', mention: null };
      } else {
        resolved = previousResolved;
        speaker = { ...previous, mention: null };
      }
    }
    if (!speaker && !q.interviewee) {
      // No source found near the quote: the named subject of the sentence before it, or for a
      // quote that opens the article (or its paragraph) with nobody before, of the sentence after.
      const around = neighbourSubject(doc, resolver, q, previous === null);
      if (around) {
        resolved = around.resolved;
        speaker = { name: around.resolved.name!, type: around.resolved.type, mention: null };
      }
    }
    if (resolved && speaker) {
      resolver.remember(q.start, resolved, resolved.type === 'group');
      if (resolved.type === 'person' && resolved.personKey) {
        const e = personEntity(persons, resolved);
        speaker.entityId = e.entity.id;
        if (speaker.mention) addMention(e, speaker.mention);
      }
    }
    quotes.push({
      id: `q${n + 1}`,
      start: q.start,
      end: q.end,
      text: doc.text.slice(q.start, q.end),
      kind: q.kind,
      cue: q.cue ? { ...span(doc, q.cue.start, q.cue.end), lemma: q.cue.lemma } : null,
      speaker,
      dateIds: [],
      figureIds: [],
    });
    if (speaker) {
      previous = speaker;
      previousResolved = resolved;
    }
    previousEnd = q.end;
  });
  // Every occurrence of a quoted person's name forms is a mention of them.
  for (const p of resolver.personNames) {
    const full = resolver.fullName(p.name);
    const e = persons.get(full);
    if (e) addMention(e, span(doc, p.start, p.end));
  }
  const entities = [...persons.values()].map((e) => {
    e.entity.mentions.sort((a, b) => a.start - b.start);
    if (e.entity.gender === 'unknown') e.entity.gender = resolver.genderOf(e.entity.name);
    return e.entity;
  });
  return { quotes, entities };
}

/**
 * The source a quote with no mention most likely has: the named subject of its paragraph's text
 * before it (the words of its own sentence before the opening mark, then the sentence before);
 * when nothing precedes it in the paragraph, or `after` holds (no source yet in the article), of
 * the sentence right after it. Only a named person or organisation counts, and with `notBefore`
 * only text that starts after that offset and nothing after the quote.
 */
function neighbourSubject(
  doc: Doc,
  resolver: SpeakerResolver,
  q: RawQuote,
  after: boolean,
  notBefore = -1,
): { resolved: ResolvedSpeaker } | null {
  const inside = tokenAtOrAfter(doc, q.start);
  if (inside >= doc.tokens.count) return null;
  // The opening mark, when there is one, and the sentence and paragraph it stands in.
  const open = inside > 0 && doc.tokens.kind[inside - 1] === TokenKind.Quote ? inside - 1 : inside;
  const s = doc.sentenceOfToken[open]!;
  const paragraph = paragraphAt(doc, open);
  const candidates: Array<[number, number]> = [];
  const own = doc.sentences[s]!;
  // With `notBefore`, only a quote that opens its sentence: a fragment inside one stays with the
  // previous source.
  if (notBefore >= 0 && open > own.first) return null;
  if (open > own.first) candidates.push([own.first, open - 1]);
  const prev = doc.sentences[s - 1];
  const prevInParagraph = prev !== undefined && paragraph !== undefined && prev.first >= paragraph.first;
  if (prevInParagraph) candidates.push([prev.first, prev.last]);
  if (notBefore < 0 && (after || (open === own.first && !prevInParagraph))) {
    const last = tokenAtOrAfter(doc, q.end);
    const t = last < doc.tokens.count ? doc.sentenceOfToken[last]! + 1 : -1;
    const next = t > 0 ? doc.sentences[t] : undefined;
    if (next && (!paragraph || next.first <= paragraph.last || after))
      candidates.push([next.first, next.last]);
  }
  const word = (i: number): string => doc.text.slice(doc.tokens.start[i]!, doc.tokens.end[i]!);
  for (const [from, to] of candidates) {
    if (doc.tokens.start[from]! < notBefore) continue;
    // A question (an interviewer's) names nobody who speaks next.
    if (word(to) === '?') continue;
    const np = clauseSubject(doc, from, to);
    if (!np) continue;
    const w = word(np.first).toLowerCase();
    if (/^(il|elle|ils|elles|on|je|nous|vous|tu|ce|c’|c'|cela|ça|quel|quelle|quels|quelles)$/.test(w))
      continue;
    const r = resolver.resolve(np);
    if (!r.name) continue;
    if (r.type === 'person') return { resolved: r };
    // An organisation only by its name: la SNCB, L'Obs, Greenpeace; not l'avenir du parti, nor a
    // capitalised word that only opens the sentence.
    const det = /^(l['’]|le|la|les)$/iu.test(w);
    const head = det ? np.first + 1 : np.first;
    const cap = (i: number): boolean => i <= np.last && /^\p{Lu}/u.test(word(i));
    const opening = head === doc.sentences[doc.sentenceOfToken[head]!]!.first;
    const named = cap(head) && (det || !opening || cap(head + 1) || /^\p{Lu}+$/u.test(word(head)));
    if (r.type === 'organization' && named) return { resolved: r };
  }
  return null;
}

/** The paragraph holding token i (binary search: paragraphs are in text order). */
function paragraphAt(doc: Doc, i: number): { first: number; last: number } | undefined {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = doc.paragraphs[mid]!;
    if (i < p.first) hi = mid - 1;
    else if (i > p.last) lo = mid + 1;
    else return p;
  }
  return undefined;
}

function personEntity(
  persons: Map<string, { entity: Entity; seen: Set<number> }>,
  r: ResolvedSpeaker,
): { entity: Entity; seen: Set<number> } {
  const key = r.personKey!;
  let e = persons.get(key);
  if (!e) {
    e = {
      entity: { id: `e${persons.size + 1}`, type: 'person', name: key, gender: r.gender, mentions: [] },
      seen: new Set(),
    };
    persons.set(key, e);
  } else if (e.entity.gender === 'unknown' && r.gender !== 'unknown') {
    e.entity.gender = r.gender;
  }
  return e;
}

function addMention(e: { entity: Entity; seen: Set<number> }, m: Span): void {
  if (e.seen.has(m.start)) return;
  e.seen.add(m.start);
  e.entity.mentions.push(m);
}
