// Text and JSON reports of evaluation scores.

import type { ArticleDetails, EntityScores, PairDetail, PRF, QuoteRef, QuoteScores, Ratio } from './score.js';
import { ENTITY_TYPES, KINDS, LENIENT_THRESHOLD } from './score.js';

const pct = (v: number): string => (100 * v).toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function ratioText(r: Ratio): string {
  return `${pct(r.value)}%  (${r.correct}/${r.total})`;
}

function prfCells(s: PRF): string[] {
  return [pct(s.precision), pct(s.recall), pct(s.f1)];
}

export function formatQuoteReport(q: QuoteScores): string {
  const header = ['quotes', 'gold', 'pred'];
  for (const t of q.thresholds) header.push(`P@${t.threshold}`, `R@${t.threshold}`, `F1@${t.threshold}`);
  const first = q.thresholds[0];
  const rows: string[][] = [];
  const overallRow = ['overall', String(q.goldQuotes), String(q.predictedQuotes)];
  for (const t of q.thresholds) overallRow.push(...prfCells(t.overall));
  rows.push(overallRow);
  for (const k of KINDS) {
    const row = [k, String(first?.byKind[k].gold ?? 0), String(first?.byKind[k].predicted ?? 0)];
    for (const t of q.thresholds) row.push(...prfCells(t.byKind[k]));
    rows.push(row);
  }
  const lines = [
    `Quotations: ${q.articles} articles, ${q.goldQuotes} gold, ${q.predictedQuotes} predicted`,
    '(overlap = |gold ∩ pred| / |gold|; greedy one-to-one; by kind: recall by gold kind, precision by predicted kind)',
    '',
    table(header, rows),
    '',
  ];
  const acc: Array<[string, string]> = [];
  for (const t of q.thresholds) {
    acc.push([`matched @${t.threshold}`, String(t.overall.matchedGold)]);
  }
  for (const t of q.thresholds) acc.push([`kind accuracy @${t.threshold}`, ratioText(t.kindAccuracy)]);
  acc.push(
    [`speaker accuracy @${LENIENT_THRESHOLD}`, ratioText(q.speaker)],
    [`speaker accuracy, person @${LENIENT_THRESHOLD}`, ratioText(q.speakerPerson)],
    [`cue accuracy @${LENIENT_THRESHOLD}`, ratioText(q.cue)],
    [`mention accuracy @${LENIENT_THRESHOLD}`, ratioText(q.mention)],
  );
  if (q.invalidPredictedSpans > 0) acc.push(['INVALID predicted spans', String(q.invalidPredictedSpans)]);
  const w = Math.max(...acc.map(([k]) => k.length));
  lines.push(...acc.map(([k, v]) => `${k.padEnd(w)}  ${v}`));
  return lines.join('\n');
}

export function formatEntityReport(e: EntityScores): string {
  const rows = ENTITY_TYPES.map((t) => {
    const s = e.byType[t];
    return [t, String(s.gold), String(s.predicted), String(s.matchedGold), ...prfCells(s)];
  });
  rows.push([
    'overall',
    String(e.overall.gold),
    String(e.overall.predicted),
    String(e.overall.matchedGold),
    ...prfCells(e.overall),
  ]);
  return [
    `Entities: ${e.articles} articles (document-level sets of normalised names)`,
    '',
    table(['entities', 'gold', 'pred', 'matched', 'P', 'R', 'F1'], rows),
    '',
    `gender accuracy (people matched by name, gold unknown excluded)  ${ratioText(e.gender)}`,
  ].join('\n');
}

/** The readable report: quote table and accuracies, then entities when given. */
export function formatReport(q: QuoteScores, e?: EntityScores): string {
  const parts = [formatQuoteReport(q)];
  if (e) parts.push(formatEntityReport(e));
  return parts.join('\n\n') + '\n';
}

/** A JSON document of the scores (and details when given), pretty-printed. */
export function formatJsonReport(q: QuoteScores, e?: EntityScores, details?: ArticleDetails[]): string {
  return JSON.stringify({ quotes: q, entities: e ?? null, ...(details ? { details } : {}) }, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Details

/** The first `max` characters of a span on one line, quoted. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > max ? `“${flat.slice(0, max)}…”` : `“${flat}”`;
}

const spk = (s: string | null): string => (s === null ? '∅' : `"${s}"`);
const span = (r: QuoteRef): string => `[${r.start},${r.end})`;

function pairLine(label: string, d: PairDetail, extra: string): string {
  return (
    `  ${label.padEnd(8)} gold ${span(d.gold)} pred ${span(d.pred)} overlap ${d.overlap.toFixed(2)}  ${extra}\n` +
    `           ${excerpt(d.gold.text)}`
  );
}

/** Misses per article, for developers improving the extractor. Articles with nothing to report are skipped. */
export function formatDetails(details: readonly ArticleDetails[]): string {
  const out: string[] = [];
  for (const a of details) {
    const n = a.missed.length + a.spurious.length + a.speakerMismatches.length + a.kindMismatches.length;
    if (n === 0 && a.partial.length === 0) continue;
    out.push(`== ${a.id}  gold ${a.gold}, predicted ${a.predicted}, matched ${a.matched}`);
    // Entries in text order, so that a miss and a nearby spurious prediction read side by side.
    const entries: Array<{ at: number; order: number; line: string }> = [];
    for (const g of a.missed) {
      const line = `  MISSED   ${span(g)} ${g.kind.padEnd(8)} speaker ${spk(g.speaker)}\n           ${excerpt(g.text)}`;
      entries.push({ at: g.start, order: 0, line });
    }
    for (const p of a.spurious) {
      const line = `  SPURIOUS ${span(p)} ${p.kind.padEnd(8)} speaker ${spk(p.speaker)}\n           ${excerpt(p.text)}`;
      entries.push({ at: p.start, order: 1, line });
    }
    for (const d of a.speakerMismatches) {
      const line = pairLine('SPEAKER', d, `gold ${spk(d.gold.speaker)} vs predicted ${spk(d.pred.speaker)}`);
      entries.push({ at: d.gold.start, order: 2, line });
    }
    for (const d of a.kindMismatches) {
      entries.push({
        at: d.gold.start,
        order: 3,
        line: pairLine('KIND', d, `gold ${d.gold.kind} vs predicted ${d.pred.kind}`),
      });
    }
    for (const d of a.partial) {
      entries.push({
        at: d.gold.start,
        order: 4,
        line: pairLine('PARTIAL', d, `predicted ${excerpt(d.pred.text, 60)}`),
      });
    }
    entries.sort((x, y) => x.at - y.at || x.order - y.order);
    out.push(...entries.map((e) => e.line));
  }
  if (out.length === 0) return 'No misses.\n';
  const totals = details.reduce(
    (t, a) => ({
      missed: t.missed + a.missed.length,
      spurious: t.spurious + a.spurious.length,
      speaker: t.speaker + a.speakerMismatches.length,
      kind: t.kind + a.kindMismatches.length,
      partial: t.partial + a.partial.length,
    }),
    { missed: 0, spurious: 0, speaker: 0, kind: 0, partial: 0 },
  );
  out.push(
    `Totals (at ${LENIENT_THRESHOLD}): ${totals.missed} missed, ${totals.spurious} spurious, ` +
      `${totals.speaker} speaker mismatches, ${totals.kind} kind mismatches, ${totals.partial} partial matches`,
  );
  return out.join('\n') + '\n';
}
