// Pure scoring functions: quotations the way the Gender Gap Tracker scores them (character overlap
// relative to the GOLD span, greedy one-to-one matching per article), plus document-level entities.

import type { Analysis, EntityType, Quote, QuoteKind } from '../types.js';
import type { GoldArticle, GoldOffsets, GoldQuote } from './gold.js';

export const THRESHOLDS = [0.3, 0.8] as const;
/** Threshold at which speaker, cue, mention accuracy and the per-article details are computed. */
export const LENIENT_THRESHOLD = 0.3;
export const KINDS: readonly QuoteKind[] = ['direct', 'indirect', 'mixed'];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export interface EvalPair {
  gold: GoldArticle;
  predicted: Analysis;
  /** The article text the offsets refer to. */
  text: string;
}

/** A fraction with its counts; `value` is 0 when `total` is 0. */
export interface Ratio {
  correct: number;
  total: number;
  value: number;
}

/**
 * Precision, recall and F1 with their counts. Precision = matchedPredicted / predicted,
 * recall = matchedGold / gold (the two matched counts differ only in the by-kind rows).
 * A ratio with a zero denominator is 0.
 */
export interface PRF {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ThresholdScores {
  threshold: number;
  overall: PRF;
  /** Recall by gold kind, precision by predicted kind. */
  byKind: Record<QuoteKind, PRF>;
  /** Among matched pairs: predicted kind === gold kind. */
  kindAccuracy: Ratio;
}

export interface QuoteScores {
  articles: number;
  goldQuotes: number;
  predictedQuotes: number;
  /** One entry per value of THRESHOLDS, in that order. */
  thresholds: ThresholdScores[];
  /** Quote pairs matched at LENIENT_THRESHOLD: the denominator of the accuracies below. */
  matched: number;
  /** Normalised predicted speaker name === normalised gold speaker name (null only equals null). */
  speaker: Ratio;
  /** The same, restricted to pairs whose gold speaker_type is person. */
  speakerPerson: Ratio;
  /** Both cues null, or both present and overlapping. */
  cue: Ratio;
  /** Both mentions null, or both present and overlapping. */
  mention: Ratio;
  /** Predicted quotes whose offsets are out of range or whose `text` differs from the article slice. */
  invalidPredictedSpans: number;
}

export interface EntityTypeScores extends PRF {
  type: EntityType;
}

export interface EntityScores {
  articles: number;
  /** Document-level sets of normalised names, micro-averaged over articles. */
  byType: Record<EntityType, EntityTypeScores>;
  overall: PRF;
  /** People matched by name whose gold gender is not unknown: predicted gender equal (missing counts wrong). */
  gender: Ratio;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const QUOTE_CHARS = /["«»“”„‟‹›]/g;
const APOSTROPHES = /[’‘ʼ`´]/g;
const LEADING_DETERMINER = /^(?:(?:le|la|les|un|une|des)\s+|l'\s*)/;

/**
 * Canonical form of a speaker or entity name for comparison: lowercase, accents folded,
 * typographic apostrophes -> ', double quotation marks removed, whitespace collapsed, one
 * leading determiner (le, la, les, l', un, une, des) removed. « l’Otan » and "Otan" -> "otan".
 */
export function normaliseName(s: string): string {
  let n = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(QUOTE_CHARS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // Surrounding single quotes ('Otan') are quotation marks too; an inner apostrophe is kept.
  if (n.length >= 2 && n.startsWith("'") && n.endsWith("'")) n = n.slice(1, -1).trim();
  n = n.replace(LEADING_DETERMINER, '');
  return n.trim();
}

// ---------------------------------------------------------------------------------------------
// Spans and matching

interface Interval {
  start: number;
  end: number;
}

export function intersectionLength(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** |G ∩ P| / |G|, in characters, relative to the gold span (0 for an empty gold span). */
export function overlap(gold: Interval, pred: Interval): number {
  const len = gold.end - gold.start;
  return len <= 0 ? 0 : intersectionLength(gold, pred) / len;
}

export function spansOverlap(a: Interval | null | undefined, b: Interval | null | undefined): boolean {
  return !!a && !!b && intersectionLength(a, b) > 0;
}

export interface SpanMatch {
  gold: number;
  pred: number;
  overlap: number;
}

/**
 * Greedy one-to-one matching: all (gold, pred) pairs with overlap >= threshold (and > 0), sorted
 * by overlap descending, ties broken by earlier gold (start, then index), then earlier prediction;
 * a pair is taken when neither side is used yet. Returned in gold order.
 */
export function matchSpans(
  gold: readonly Interval[],
  pred: readonly Interval[],
  threshold: number,
): SpanMatch[] {
  const candidates: SpanMatch[] = [];
  for (let g = 0; g < gold.length; g++) {
    const gs = gold[g]!;
    for (let p = 0; p < pred.length; p++) {
      const o = overlap(gs, pred[p]!);
      if (o > 0 && o >= threshold) candidates.push({ gold: g, pred: p, overlap: o });
    }
  }
  candidates.sort(
    (a, b) =>
      b.overlap - a.overlap ||
      gold[a.gold]!.start - gold[b.gold]!.start ||
      a.gold - b.gold ||
      pred[a.pred]!.start - pred[b.pred]!.start ||
      a.pred - b.pred,
  );
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const out: SpanMatch[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.pred)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.pred);
    out.push(c);
  }
  return out.sort((a, b) => a.gold - b.gold);
}

/** The matching of one article at each threshold of THRESHOLDS (same order). */
export interface ArticleMatch {
  id: string;
  gold: readonly GoldQuote[];
  predicted: readonly Quote[];
  byThreshold: SpanMatch[][];
}

export function matchArticle(gold: GoldArticle, predicted: Analysis): ArticleMatch {
  return {
    id: gold.id,
    gold: gold.quotes,
    predicted: predicted.quotes,
    byThreshold: THRESHOLDS.map((t) => matchSpans(gold.quotes, predicted.quotes, t)),
  };
}

export function speakerMatches(gold: GoldQuote, pred: Quote): boolean {
  const p = pred.speaker?.name ?? null;
  if (gold.speaker === null || p === null) return gold.speaker === null && p === null;
  return normaliseName(gold.speaker) === normaliseName(p);
}

function nullOrOverlap(g: GoldOffsets | null, p: Interval | null | undefined): boolean {
  if (!g || !p) return !g && !p;
  return spansOverlap(g, p);
}

export function cueMatches(gold: GoldQuote, pred: Quote): boolean {
  return nullOrOverlap(gold.cue, pred.cue);
}

export function mentionMatches(gold: GoldQuote, pred: Quote): boolean {
  return nullOrOverlap(gold.mention, pred.speaker?.mention);
}

// ---------------------------------------------------------------------------------------------
// Aggregation

export function ratio(correct: number, total: number): Ratio {
  return { correct, total, value: total === 0 ? 0 : correct / total };
}

export function prf(
  gold: number,
  predicted: number,
  matchedGold: number,
  matchedPredicted = matchedGold,
): PRF {
  const precision = predicted === 0 ? 0 : matchedPredicted / predicted;
  const recall = gold === 0 ? 0 : matchedGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, matchedGold, matchedPredicted, precision, recall, f1 };
}

type KindCounts = Record<QuoteKind, number>;
const zeroKinds = (): KindCounts => ({ direct: 0, indirect: 0, mixed: 0 });

function isValidSpan(q: Quote, text: string): boolean {
  return (
    Number.isInteger(q.start) &&
    Number.isInteger(q.end) &&
    q.start >= 0 &&
    q.end >= q.start &&
    q.end <= text.length &&
    (q.text === undefined || q.text === text.slice(q.start, q.end))
  );
}

export function scoreQuotes(pairs: readonly EvalPair[]): QuoteScores {
  const lenientIndex = THRESHOLDS.indexOf(LENIENT_THRESHOLD);
  const acc = THRESHOLDS.map(() => ({
    matched: 0,
    kindCorrect: 0,
    goldMatched: zeroKinds(),
    predMatched: zeroKinds(),
  }));
  const goldByKind = zeroKinds();
  const predByKind = zeroKinds();
  let goldQuotes = 0;
  let predictedQuotes = 0;
  let invalid = 0;
  let speaker = 0;
  let personTotal = 0;
  let personCorrect = 0;
  let cue = 0;
  let mention = 0;

  for (const { gold, predicted, text } of pairs) {
    const m = matchArticle(gold, predicted);
    goldQuotes += gold.quotes.length;
    predictedQuotes += predicted.quotes.length;
    for (const q of gold.quotes) goldByKind[q.kind]++;
    for (const q of predicted.quotes) {
      if (KINDS.includes(q.kind)) predByKind[q.kind]++;
      if (!isValidSpan(q, text)) invalid++;
    }
    m.byThreshold.forEach((matches, ti) => {
      const a = acc[ti]!;
      for (const { gold: gi, pred: pi } of matches) {
        const g = gold.quotes[gi]!;
        const p = predicted.quotes[pi]!;
        a.matched++;
        a.goldMatched[g.kind]++;
        if (KINDS.includes(p.kind)) a.predMatched[p.kind]++;
        if (g.kind === p.kind) a.kindCorrect++;
        if (ti !== lenientIndex) continue;
        const ok = speakerMatches(g, p);
        if (ok) speaker++;
        if (g.speaker_type === 'person') {
          personTotal++;
          if (ok) personCorrect++;
        }
        if (cueMatches(g, p)) cue++;
        if (mentionMatches(g, p)) mention++;
      }
    });
  }

  const thresholds = THRESHOLDS.map((threshold, ti): ThresholdScores => {
    const a = acc[ti]!;
    const byKind = {} as Record<QuoteKind, PRF>;
    for (const k of KINDS) byKind[k] = prf(goldByKind[k], predByKind[k], a.goldMatched[k], a.predMatched[k]);
    return {
      threshold,
      overall: prf(goldQuotes, predictedQuotes, a.matched),
      byKind,
      kindAccuracy: ratio(a.kindCorrect, a.matched),
    };
  });
  const matched = acc[lenientIndex]?.matched ?? 0;
  return {
    articles: pairs.length,
    goldQuotes,
    predictedQuotes,
    thresholds,
    matched,
    speaker: ratio(speaker, matched),
    speakerPerson: ratio(personCorrect, personTotal),
    cue: ratio(cue, matched),
    mention: ratio(mention, matched),
    invalidPredictedSpans: invalid,
  };
}

function goldNames(gold: GoldArticle, type: EntityType): string[] {
  if (type === 'person') return gold.people.map((p) => p.name);
  return type === 'organization' ? gold.organizations : gold.places;
}

function nameSet(names: Iterable<string>): Set<string> {
  const s = new Set<string>();
  for (const n of names) {
    const k = normaliseName(n);
    if (k !== '') s.add(k);
  }
  return s;
}

export function scoreEntities(pairs: readonly EvalPair[]): EntityScores {
  const counts = {} as Record<EntityType, { gold: number; predicted: number; matched: number }>;
  for (const t of ENTITY_TYPES) counts[t] = { gold: 0, predicted: 0, matched: 0 };
  let genderTotal = 0;
  let genderCorrect = 0;

  for (const { gold, predicted } of pairs) {
    for (const type of ENTITY_TYPES) {
      const g = nameSet(goldNames(gold, type));
      const p = nameSet(predicted.entities.filter((e) => e.type === type).map((e) => e.name));
      const c = counts[type];
      c.gold += g.size;
      c.predicted += p.size;
      for (const n of p) if (g.has(n)) c.matched++;
    }
    // Gender: gold people with a known gender, matched by normalised name to a predicted person.
    const predGender = new Map<string, string | undefined>();
    for (const e of predicted.entities) {
      if (e.type !== 'person') continue;
      const k = normaliseName(e.name);
      // Several predicted entities with one name: keep a known gender if any has one.
      if (!predGender.has(k) || predGender.get(k) === undefined || predGender.get(k) === 'unknown') {
        predGender.set(k, e.gender);
      }
    }
    const seen = new Set<string>();
    for (const person of gold.people) {
      const k = normaliseName(person.name);
      if (person.gender === 'unknown' || seen.has(k) || !predGender.has(k)) continue;
      seen.add(k);
      genderTotal++;
      if (predGender.get(k) === person.gender) genderCorrect++;
    }
  }

  const byType = {} as Record<EntityType, EntityTypeScores>;
  let g = 0;
  let p = 0;
  let m = 0;
  for (const type of ENTITY_TYPES) {
    const c = counts[type];
    byType[type] = { type, ...prf(c.gold, c.predicted, c.matched) };
    g += c.gold;
    p += c.predicted;
    m += c.matched;
  }
  return { articles: pairs.length, byType, overall: prf(g, p, m), gender: ratio(genderCorrect, genderTotal) };
}

// ---------------------------------------------------------------------------------------------
// Per-article details for developers (at LENIENT_THRESHOLD)

export interface QuoteRef {
  index: number;
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: string | null;
  /** The span's text (full; reports truncate it). */
  text: string;
}

export interface PairDetail {
  gold: QuoteRef;
  pred: QuoteRef;
  overlap: number;
}

export interface ArticleDetails {
  id: string;
  gold: number;
  predicted: number;
  matched: number;
  /** Gold quotes no prediction matched. */
  missed: QuoteRef[];
  /** Predicted quotes matching no gold quote. */
  spurious: QuoteRef[];
  /** Matched pairs whose speakers differ after normalisation. */
  speakerMismatches: PairDetail[];
  /** Matched pairs whose kinds differ. */
  kindMismatches: PairDetail[];
  /** Matched at 0.3 but with an overlap below the strict threshold. */
  partial: PairDetail[];
}

function goldRef(q: GoldQuote, index: number, text: string): QuoteRef {
  return {
    index,
    start: q.start,
    end: q.end,
    kind: q.kind,
    speaker: q.speaker,
    text: text.slice(q.start, q.end),
  };
}

function predRef(q: Quote, index: number, text: string): QuoteRef {
  return {
    index,
    start: q.start,
    end: q.end,
    kind: q.kind,
    speaker: q.speaker?.name ?? null,
    text: text.slice(q.start, q.end),
  };
}

export function articleDetails(pair: EvalPair): ArticleDetails {
  const { gold, predicted, text } = pair;
  const strict = Math.max(...THRESHOLDS);
  const matches = matchSpans(gold.quotes, predicted.quotes, LENIENT_THRESHOLD);
  const usedGold = new Set(matches.map((m) => m.gold));
  const usedPred = new Set(matches.map((m) => m.pred));
  const out: ArticleDetails = {
    id: gold.id,
    gold: gold.quotes.length,
    predicted: predicted.quotes.length,
    matched: matches.length,
    missed: gold.quotes.flatMap((q, i) => (usedGold.has(i) ? [] : [goldRef(q, i, text)])),
    spurious: predicted.quotes.flatMap((q, i) => (usedPred.has(i) ? [] : [predRef(q, i, text)])),
    speakerMismatches: [],
    kindMismatches: [],
    partial: [],
  };
  for (const m of matches) {
    const g = gold.quotes[m.gold]!;
    const p = predicted.quotes[m.pred]!;
    const d: PairDetail = {
      gold: goldRef(g, m.gold, text),
      pred: predRef(p, m.pred, text),
      overlap: m.overlap,
    };
    if (!speakerMatches(g, p)) out.speakerMismatches.push(d);
    if (g.kind !== p.kind) out.kindMismatches.push(d);
    if (m.overlap < strict) out.partial.push(d);
  }
  return out;
}

export function collectDetails(pairs: readonly EvalPair[]): ArticleDetails[] {
  return pairs.map(articleDetails);
}
