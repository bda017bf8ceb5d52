// RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds to articles, parsed as XML with linkedom: one article
// per <item> / <entry>: title, link, date (pubDate, dc:date, published, updated), text (the
// richest of content:encoded, content, description, summary, as plain text), source (the
// channel's title), id (guid / Atom id, else the link).

import { DOMParser } from 'linkedom';

import { parseArticleDate } from '../io/read-articles.js';
import type { ArticleDate } from '../types.js';
import { textOfHtmlFragment } from './html.js';

export interface FeedItem {
  /** 1-based position in the feed. */
  item: number;
  id: string | null;
  title: string | null;
  url: string | null;
  date: ArticleDate | null;
  source: string | null;
  text: string;
}

export type Feed = { ok: true; items: FeedItem[] } | { ok: false; detail: string };

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

export function parseFeed(xml: string): Feed {
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (e) {
    return { ok: false, detail: `XML: ${(e as Error).message}` };
  }
  const root = doc.documentElement;
  const rootName = localName(root?.tagName ?? '');
  if (!root || !['rss', 'feed', 'rdf', 'channel'].includes(rootName)) {
    return { ok: false, detail: root ? `root element <${root.tagName}>` : 'no root element' };
  }
  const atom = rootName === 'feed';
  const channel = atom ? root : (firstChild(root, 'channel') ?? root);
  const source = childText(channel, 'title');
  const nodes = elementsByLocalName(root, atom ? 'entry' : 'item');
  if (nodes.length === 0) return { ok: false, detail: 'no item' };
  const items = nodes.map((el, i): FeedItem => {
    const link = atom ? atomLink(el) : (childText(el, 'link') ?? el.getAttribute('rdf:about'));
    const id = childText(el, atom ? 'id' : 'guid') ?? link;
    const dateRaw =
      childText(el, 'pubDate') ??
      childText(el, 'date') ??
      childText(el, 'published') ??
      childText(el, 'updated');
    const bodies = ['encoded', 'content', 'description', 'summary']
      .map((n) => childText(el, n, true))
      .filter((t): t is string => t !== null)
      .map(textOfHtmlFragment);
    const text = bodies.reduce((best, t) => (t.length > best.length ? t : best), '');
    const title = childText(el, 'title');
    return {
      item: i + 1,
      id,
      title: title === null ? null : textOfHtmlFragment(title) || null,
      url: link,
      date: dateRaw === null ? null : feedDate(dateRaw),
      source,
      text,
    };
  });
  return { ok: true, items };
}

/** RFC 822 (`Tue, 18 May 2021 09:30:00 +0200`) or ISO 8601; the calendar day as written. */
export function feedDate(raw: string): ArticleDate | null {
  const s = raw.trim();
  const m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return null;
    return parseArticleDate(`${m[3]}-${month}-${m[1]!.padStart(2, '0')}`);
  }
  return parseArticleDate(s);
}

function localName(tag: string): string {
  const i = tag.indexOf(':');
  return (i === -1 ? tag : tag.slice(i + 1)).toLowerCase();
}

function elementsByLocalName(root: Element, tag: string): Element[] {
  const name = tag.toLowerCase();
  const out: Element[] = [];
  const visit = (el: Element): void => {
    for (const c of Array.from(el.children)) {
      if (localName(c.tagName) === name) out.push(c);
      else visit(c);
    }
  };
  visit(root);
  return out;
}

function firstChild(el: Element, tag: string): Element | null {
  const name = tag.toLowerCase();
  for (const c of Array.from(el.children)) if (localName(c.tagName) === name) return c;
  return null;
}

/** The text of the first child named `name` (any namespace prefix), trimmed; null if absent or blank. */
function childText(el: Element, name: string, raw = false): string | null {
  const c = firstChild(el, name);
  if (!c) return null;
  // Atom content of type xhtml holds markup as children: take it as HTML.
  const t = raw && c.children.length > 0 ? c.innerHTML : (c.textContent ?? '');
  const v = t.trim();
  return v === '' ? null : v;
}

function atomLink(entry: Element): string | null {
  let fallback: string | null = null;
  for (const c of Array.from(entry.children)) {
    if (localName(c.tagName) !== 'link') continue;
    const href = c.getAttribute('href');
    if (!href) continue;
    const rel = c.getAttribute('rel');
    if (rel === null || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}
