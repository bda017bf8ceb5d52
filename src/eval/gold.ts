// Gold annotations and corpus articles for evaluation (see ../shared/corpus/README.md and GUIDELINES.md).
// Gold offsets are [start, end) JavaScript string indices into the `text` of the article with the same id.

import { readFileSync } from 'node:fs';

import type { Article, ArticleDate, Gender, QuoteKind, SpeakerType } from '../types.js';

export interface GoldOffsets {
  start: number;
  end: number;
}

export interface GoldQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: string | null;
  speaker_type: SpeakerType | null;
  mention: GoldOffsets | null;
  cue: GoldOffsets | null;
}

export interface GoldPerson {
  name: string;
  gender: Gender;
}

export interface GoldArticle {
  id: string;
  quotes: GoldQuote[];
  people: GoldPerson[];
  organizations: string[];
  places: string[];
}

/** One line of a corpus `articles.jsonl`. */
export interface CorpusArticle {
  id: string;
  text: string;
  date: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
}

const KINDS: ReadonlySet<string> = new Set<QuoteKind>(['direct', 'indirect', 'mixed']);
const SPEAKER_TYPES: ReadonlySet<string> = new Set<SpeakerType>([
  'person',
  'organization',
  'group',
  'anonymous',
  'document',
]);
const GENDERS: ReadonlySet<string> = new Set<Gender>(['male', 'female', 'unknown']);

class GoldFormatError extends Error {}

function fail(where: string, message: string): never {
  throw new GoldFormatError(`${where}: ${message}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function offsets(v: unknown, where: string): GoldOffsets {
  if (!isRecord(v)) fail(where, 'expected {start, end}');
  const { start, end } = v;
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(where, 'start and end must be integers');
  const s = start as number;
  const e = end as number;
  if (s < 0 || e < s) fail(where, `invalid span [${s}, ${e})`);
  return { start: s, end: e };
}

function nullableOffsets(v: unknown, where: string): GoldOffsets | null {
  return v === null || v === undefined ? null : offsets(v, where);
}

function stringArray(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    fail(where, 'expected an array of strings');
  return v as string[];
}

/** Validates one parsed gold object; `where` prefixes error messages. */
export function parseGoldArticle(raw: unknown, where = 'gold'): GoldArticle {
  if (!isRecord(raw)) fail(where, 'expected an object');
  if (typeof raw.id !== 'string' || raw.id === '') fail(where, 'missing id');
  const at = `${where} (${raw.id})`;
  if (!Array.isArray(raw.quotes)) fail(at, 'quotes must be an array');
  const quotes = raw.quotes.map((q: unknown, i: number): GoldQuote => {
    const qw = `${at} quotes[${i}]`;
    if (!isRecord(q)) fail(qw, 'expected an object');
    const span = offsets(q, qw);
    if (typeof q.kind !== 'string' || !KINDS.has(q.kind)) fail(qw, `invalid kind ${JSON.stringify(q.kind)}`);
    if (q.speaker !== null && q.speaker !== undefined && typeof q.speaker !== 'string') {
      fail(qw, 'speaker must be a string or null');
    }
    const st = q.speaker_type;
    if (st !== null && st !== undefined && (typeof st !== 'string' || !SPEAKER_TYPES.has(st))) {
      fail(qw, `invalid speaker_type ${JSON.stringify(st)}`);
    }
    return {
      start: span.start,
      end: span.end,
      kind: q.kind as QuoteKind,
      speaker: (q.speaker as string | null | undefined) ?? null,
      speaker_type: (st as SpeakerType | null | undefined) ?? null,
      mention: nullableOffsets(q.mention, `${qw}.mention`),
      cue: nullableOffsets(q.cue, `${qw}.cue`),
    };
  });
  const rawPeople = raw.people ?? [];
  if (!Array.isArray(rawPeople)) fail(at, 'people must be an array');
  const people = rawPeople.map((p: unknown, i: number): GoldPerson => {
    const pw = `${at} people[${i}]`;
    if (!isRecord(p) || typeof p.name !== 'string') fail(pw, 'expected {name, gender}');
    const gender = p.gender ?? 'unknown';
    if (typeof gender !== 'string' || !GENDERS.has(gender))
      fail(pw, `invalid gender ${JSON.stringify(gender)}`);
    return { name: p.name, gender: gender as Gender };
  });
  return {
    id: raw.id,
    quotes,
    people,
    organizations: stringArray(raw.organizations, `${at} organizations`),
    places: stringArray(raw.places, `${at} places`),
  };
}

/** Parses gold JSONL text (blank lines ignored). */
export function parseGold(jsonl: string, source = 'gold'): GoldArticle[] {
  const out: GoldArticle[] = [];
  const lines = jsonl.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      fail(`${source}:${i + 1}`, `invalid JSON (${(err as Error).message})`);
    }
    out.push(parseGoldArticle(raw, `${source}:${i + 1}`));
  }
  return out;
}

export function loadGold(path: string): GoldArticle[] {
  return parseGold(readFileSync(path, 'utf8'), path);
}

function nullableString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Reads a corpus `articles.jsonl` into a map by id. With `ids`, keeps only those articles
 * (other lines are skipped before JSON parsing when their id cannot match).
 */
export function loadArticlesById(path: string, ids?: Set<string>): Map<string, CorpusArticle> {
  const out = new Map<string, CorpusArticle>();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    if (ids && !mayContainId(line, ids)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      fail(`${path}:${i + 1}`, `invalid JSON (${(err as Error).message})`);
    }
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.text !== 'string') {
      fail(`${path}:${i + 1}`, 'expected {id, text, ...}');
    }
    if (ids && !ids.has(raw.id)) continue;
    out.set(raw.id, {
      id: raw.id,
      text: raw.text,
      date: nullableString(raw.date),
      title: nullableString(raw.title),
      source: nullableString(raw.source),
      url: nullableString(raw.url),
    });
  }
  return out;
}

/** Cheap pre-filter: the line's "id" value, when it is the first key as in the corpus, must be wanted. */
function mayContainId(line: string, ids: Set<string>): boolean {
  const m = /^\{\s*"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
  if (!m) return true; // unusual layout: decide after parsing
  const id = m[1] ?? '';
  return id.includes('\\') || ids.has(id);
}

/** 'YYYY-MM-DD' -> day precision ('YYYY-MM' and 'YYYY' are accepted too); anything else -> null. */
export function parseArticleDate(value: string | null | undefined): ArticleDate | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)) return { value: v, precision: 'day' };
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return { value: v, precision: 'month' };
  if (/^\d{4}$/.test(v)) return { value: v, precision: 'year' };
  return null;
}

/** The Article handed to the analyser for a corpus line. */
export function toArticle(a: CorpusArticle): Article {
  return {
    id: a.id,
    text: a.text,
    date: parseArticleDate(a.date),
    title: a.title,
    source: a.source,
    url: a.url,
  };
}
