// The article text with its quotes highlighted (by kind), each quote's cue and speaker mention
// marked, and a tag after each quote linking to its speaker. Spans may nest or overlap (a mixed
// quote around a direct one, a mention inside a quote): the text is cut at every boundary and each
// piece is wrapped in the marks active over it, so the markup is always well nested.
// public/paste.js does the same in the browser for the paste box, with DOM nodes.

import type { Analysis } from '../types.js';
import { markup, seg, type SafeHtml } from './html.js';

interface Layer {
  start: number;
  end: number;
  kind: 'quote' | 'cue' | 'mention';
  quote: number;
}

/** Link to a speaker's page. */
export function speakerHref(name: string): string {
  return `/speakers/${seg(name)}`;
}

/** The text as HTML (pre-wrap), quotes highlighted and tagged with their speaker. */
export function annotatedText(text: string, analysis: Pick<Analysis, 'quotes'>): SafeHtml {
  const layers: Layer[] = [];
  analysis.quotes.forEach((q, i) => {
    layers.push({ start: q.start, end: q.end, kind: 'quote', quote: i });
    if (q.cue) layers.push({ start: q.cue.start, end: q.cue.end, kind: 'cue', quote: i });
    const m = q.speaker?.mention;
    if (m) layers.push({ start: m.start, end: m.end, kind: 'mention', quote: i });
  });
  const cuts = new Set<number>([0, text.length]);
  for (const l of layers) {
    if (l.start < l.end && l.start >= 0 && l.end <= text.length) {
      cuts.add(l.start);
      cuts.add(l.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const opened = new Set<number>();
  const parts: SafeHtml[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    // Tags of the quotes that end here, before the next piece.
    analysis.quotes.forEach((q, i) => {
      if (q.end === from && from > 0) parts.push(quoteTag(analysis, i));
    });
    const active = layers.filter((l) => l.start <= from && l.end >= to && l.start < l.end);
    let piece: SafeHtml = markup`${text.slice(from, to)}`;
    for (const l of active.filter((x) => x.kind !== 'quote')) {
      const q = analysis.quotes[l.quote]!;
      if (l.kind === 'cue') piece = markup`<span class="cue" title="cue of ${q.id}">${piece}</span>`;
      else if (q.speaker) {
        const href = speakerHref(q.speaker.name);
        piece = markup`<a class="mention" href="${href}" title="${q.speaker.name}">${piece}</a>`;
      }
    }
    // Quotes, inner (shortest) innermost.
    const quotes = active
      .filter((x) => x.kind === 'quote')
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    for (const l of quotes) {
      const q = analysis.quotes[l.quote]!;
      const first = !opened.has(l.quote);
      opened.add(l.quote);
      const who = q.speaker ? q.speaker.name : 'speaker unknown';
      const id = first ? markup` id="${q.id}"` : '';
      const title = `${q.id} · ${q.kind} · ${who}`;
      piece = markup`<mark class="q k-${q.kind}"${id} data-q="${q.id}" title="${title}">${piece}</mark>`;
    }
    parts.push(piece);
  }
  analysis.quotes.forEach((q, i) => {
    if (q.end === text.length) parts.push(quoteTag(analysis, i));
  });
  return markup`${parts}`;
}

function quoteTag(analysis: Pick<Analysis, 'quotes'>, i: number): SafeHtml {
  const q = analysis.quotes[i]!;
  if (!q.speaker) return markup`<span class="qtag none" title="no speaker found">${q.id} · ?</span>`;
  const href = speakerHref(q.speaker.name);
  const title = `${q.id}: ${q.speaker.name} (${q.speaker.type})`;
  return markup`<a class="qtag" href="${href}" title="${title}">${q.id} · ${q.speaker.name}</a>`;
}
