// An HTML page to an article: Readability (Firefox's reader view) over linkedom's DOM finds the
// article; its text is the text of its blocks (paragraphs, headings, list items, quotes) joined by
// a blank line; lines that point elsewhere ("Lire aussi : ...") and ad labels are dropped.
// Metadata from the page: <meta> published time, Open Graph site name and URL, canonical link.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import { parseArticleDate } from '../io/read-articles.js';
import type { ArticleDate } from '../types.js';

export interface PageArticle {
  title: string | null;
  text: string;
  date: ArticleDate | null;
  source: string | null;
  url: string | null;
}

/** Fewer characters than this after cleaning: the page has no article. */
export const MIN_ARTICLE_CHARS = 140;

/**
 * Lines that are not the article's: cross-links, ad labels, newsletter and share prompts. Matched
 * on a whole block, at its start.
 */
const NOT_ARTICLE = new RegExp(
  '^\\s*(?:' +
    [
      '(?:à |a )?lire (?:aussi|également|egalement|encore|la suite)',
      '(?:à |a )?voir (?:aussi|également|egalement)',
      '(?:à |a )?(?:découvrir|decouvrir) (?:aussi|également)',
      'sur le même sujet',
      'dans la même rubrique',
      'notre dossier',
      'retrouvez (?:tous|toute|nos|notre)',
      'abonnez-vous',
      'inscrivez-vous',
      'newsletter',
      'publicité',
      'publicite',
      'partager (?:sur|cet article)',
      'cet article est réservé',
      'vous avez aimé cet article',
    ].join('|') +
    ')\\b',
  'i',
);

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'DT',
  'DD',
  'TD',
  'TH',
]);

/** Readability's article of a page, or null when the page has none. */
export function articleOfHtml(html: string): PageArticle | null {
  const { document } = parseHTML(html);
  const meta = pageMeta(document);
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch {
    return null;
  }
  if (!parsed || !parsed.content) return null;
  const title = clean(parsed.title ?? '') || meta.title;
  const text = blocksText(parsed.content, title);
  if (text.length < MIN_ARTICLE_CHARS) return null;
  return {
    title: title || null,
    text,
    date: meta.date ?? parseArticleDate(parsed.publishedTime ?? null),
    source: clean(parsed.siteName ?? '') || meta.source,
    url: meta.url,
  };
}

/** Plain text of an HTML fragment (a feed item's description): its blocks joined by blank lines. */
export function textOfHtmlFragment(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return blocksText(`<div>${html}</div>`, null);
}

function blocksText(contentHtml: string, title: string | null): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${contentHtml}</body></html>`);
  const parts: string[] = [];
  const visit = (el: Element): void => {
    for (const child of Array.from(el.children)) {
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE' || child.tagName === 'NOSCRIPT') continue;
      if (BLOCKS.has(child.tagName) && !hasBlockChild(child)) {
        push(child.textContent ?? '');
      } else if (child.children.length === 0) {
        // An inline element or a bare div holding text directly.
        push(child.textContent ?? '');
      } else {
        // Text directly inside a container, beside its blocks.
        const own = Array.from(child.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join(' ');
        if (own.trim()) push(own);
        visit(child);
      }
    }
  };
  const push = (raw: string): void => {
    const t = clean(raw);
    if (t === '' || NOT_ARTICLE.test(t)) return;
    parts.push(t);
  };
  visit(document.body as unknown as Element);
  // The title repeated as the first heading.
  if (title && parts.length > 0 && fold(parts[0]!) === fold(title)) parts.shift();
  return parts.join('\n\n');
}

function hasBlockChild(el: Element): boolean {
  for (const c of Array.from(el.children)) if (BLOCKS.has(c.tagName) || c.tagName === 'DIV') return true;
  return false;
}

/** Whitespace runs (not no-break spaces, which French typography needs) to one space. */
function clean(s: string): string {
  return s.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
}

function fold(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface Meta {
  title: string | null;
  date: ArticleDate | null;
  source: string | null;
  url: string | null;
}

function pageMeta(document: Document): Meta {
  const metaContent = (...names: string[]): string | null => {
    for (const n of names) {
      const el =
        document.querySelector(`meta[property="${n}"]`) ?? document.querySelector(`meta[name="${n}"]`);
      const v = el?.getAttribute('content');
      if (v && v.trim()) return v.trim();
    }
    return null;
  };
  const timeEl = document.querySelector('time[datetime]');
  const dateRaw =
    metaContent('article:published_time', 'og:article:published_time', 'datePublished', 'date', 'DC.date') ??
    timeEl?.getAttribute('datetime') ??
    null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title: metaContent('og:title') ?? (clean(document.querySelector('title')?.textContent ?? '') || null),
    date: dateRaw ? parseArticleDate(dateRaw) : null,
    source: metaContent('og:site_name'),
    url: metaContent('og:url') ?? canonical,
  };
}
