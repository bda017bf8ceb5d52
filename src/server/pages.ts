// The pages of the web app, rendered on the server: plain functions from query results to HTML.
// Every data string goes through the html template (html.ts); charts are inline SVG (charts.ts);
// the only script is /static/paste.js, for the paste box.

import type { ArticleList, Overview, SpeakerPage } from '../query/profiles.js';
import type { SearchResult } from '../query/search.js';
import type { Highlight } from '../query/snippet.js';
import { int } from '../query/table.js';
import type { StoredArticle } from '../store/store.js';
import { annotatedText, speakerHref } from './annotate.js';
import { barChart, rankChart, shareChart, type Point } from './charts.js';
import { markup, qs, seg, type SafeHtml } from './html.js';

const NAV: readonly [string, string][] = [
  ['/', 'Search'],
  ['/articles', 'Articles'],
  ['/overview', 'Overview'],
  ['/paste', 'Analyse a text'],
];

export function layout(
  title: string,
  body: SafeHtml,
  options: { current?: string; scripts?: string[] } = {},
): string {
  return markup`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · verbatim</title>
        <link rel="stylesheet" href="/static/style.css" />
        ${(options.scripts ?? []).map((s) => markup`<script src="${s}" defer></script>`)}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">verbatim</a>
          <nav>
            ${NAV.map(
              ([href, label]) =>
                markup`<a href="${href}" ${options.current === href ? markup` aria-current="page"` : ''}
                  >${label}</a
                >`,
            )}
          </nav>
        </header>
        <main>${body}</main>
        <footer>verbatim · who said what in French news · <a href="/openapi.json">API</a></footer>
      </body>
    </html> `.value;
}

export function errorPage(status: number, message: string): string {
  return layout(
    `Error ${status}`,
    markup`<h1>${status === 404 ? 'Not found' : `Error ${status}`}</h1>
      <p class="error">${message}</p>
      <p><a href="/">Back to search</a></p>`,
  );
}

/** `text` with the highlighted ranges (offsets relative to `base`) marked. */
function marked(text: string, base: number, highlights: readonly Highlight[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let pos = 0;
  for (const h of highlights) {
    const s = h.start - base;
    const e = h.end - base;
    if (s < pos || e > text.length) continue;
    parts.push(markup`${text.slice(pos, s)}<mark class="hl">${text.slice(s, e)}</mark>`);
    pos = e;
  }
  parts.push(markup`${text.slice(pos)}`);
  return markup`${parts}`;
}

function dateSource(date: string | null, source: string | null): SafeHtml {
  return markup`<span class="meta">${[date ?? 'undated', source].filter(Boolean).join(' · ')}</span>`;
}

function articleHref(id: string, quote?: string): string {
  return `/articles/${seg(id)}${quote ? `#${seg(quote)}` : ''}`;
}

/** Only http(s) links from the data become links (never javascript: and the like). */
function safeUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function genderLabel(g: string | null): string {
  return g === 'female' ? 'woman' : g === 'male' ? 'man' : g === 'unknown' ? 'unknown' : '—';
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchForm {
  q: string;
  from?: string;
  to?: string;
  source?: string;
  in?: string;
  offset?: number;
}

function searchForm(f: SearchForm): SafeHtml {
  const sel = (v: string): SafeHtml => ((f.in ?? 'all') === v ? markup` selected` : markup``);
  return markup`<form class="search" action="/search" method="get" role="search">
    <div class="row">
      <input
        type="search"
        name="q"
        value="${f.q}"
        placeholder="Search articles and quotes: gilets jaunes, « prix du carburant », Macron…"
        aria-label="Search"
        autofocus
      />
      <button type="submit">Search</button>
    </div>
    <div class="filters">
      <label>From <input name="from" value="${f.from ?? ''}" placeholder="YYYY-MM" size="10" /></label>
      <label>To <input name="to" value="${f.to ?? ''}" placeholder="YYYY-MM" size="10" /></label>
      <label>Source <input name="source" value="${f.source ?? ''}" placeholder="figaro" size="14" /></label>
      <label
        >Show
        <select name="in">
          <option value="all" ${sel('all')}>articles and quotes</option>
          <option value="articles" ${sel('articles')}>articles</option>
          <option value="quotes" ${sel('quotes')}>quotes</option>
        </select></label
      >
    </div>
  </form>`;
}

export function searchPage(
  f: SearchForm,
  result: SearchResult | null,
  limit: number,
  error: string | null,
  archive?: { articles: number; quotes: number },
): string {
  const parts: SafeHtml[] = [searchForm(f)];
  if (error !== null) parts.push(markup`<p class="error" role="alert">${error}</p>`);
  if (result === null && error === null && archive) {
    parts.push(
      markup`<p class="muted">
        The archive holds ${int(archive.articles)} articles and ${int(archive.quotes)} quotes. Words are
        matched French-aware (accents, elisions, plurals); put words in "quotes" for a phrase.
      </p>`,
    );
  }
  if (result !== null) {
    const offset = f.offset ?? 0;
    const showA = (f.in ?? 'all') !== 'quotes';
    const showQ = (f.in ?? 'all') !== 'articles';
    const ranked = (r: { total: number; ranked: number }): SafeHtml =>
      r.ranked < r.total
        ? markup` <span class="muted">(the ${int(r.ranked)} most recent ranked)</span>`
        : markup``;
    if (showA) {
      const a = result.articles;
      parts.push(
        markup`<section class="results" id="articles">
          <h2>
            <span class="count" data-count="${a.total}">${int(a.total)}</span>
            article${a.total === 1 ? '' : 's'}${ranked(a)}
          </h2>
          <ol class="hits" start="${offset + 1}">
            ${a.hits.map(
              (h) =>
                markup`<li class="hit">
                  <a class="title" href="${articleHref(h.id)}"
                    >${h.title ? marked(h.title, 0, h.titleHighlights) : h.id}</a
                  >
                  <div>${dateSource(h.date, h.source)} · ${h.quotes} quote${h.quotes === 1 ? '' : 's'}</div>
                  <p class="snippet">
                    ${h.snippet.cutStart ? '… ' : ''}${marked(h.snippet.text, h.snippet.start, h.snippet.highlights)}${h.snippet.cutEnd ? ' …' : ''}
                  </p>
                </li>`,
            )}
          </ol>
        </section>`,
      );
    }
    if (showQ) {
      const q = result.quotes;
      parts.push(
        markup`<section class="results" id="quotes">
          <h2>
            <span class="count" data-count="${q.total}">${int(q.total)}</span>
            quote${q.total === 1 ? '' : 's'}${ranked(q)}
          </h2>
          <ol class="hits" start="${offset + 1}">
            ${q.hits.map(
              (h) =>
                markup`<li class="hit quote">
                  <blockquote class="k-${h.kind}">${marked(h.text, h.start, h.highlights)}</blockquote>
                  <div>
                    ${h.speaker ? markup`<a class="speaker" href="${speakerHref(h.speaker)}">${h.speaker}</a>` : markup`<span class="muted">no speaker found</span>`}
                    <span class="kind">${h.kind}</span
                    >${h.cue ? markup` <span class="muted">(${h.cue})</span>` : ''}
                  </div>
                  <div>
                    ${dateSource(h.date, h.source)} ·
                    <a href="${articleHref(h.articleId, h.quoteId)}">${h.title ?? h.articleId}</a>
                  </div>
                </li>`,
            )}
          </ol>
        </section>`,
      );
    }
    const more =
      (showA && result.articles.total > offset + limit) || (showQ && result.quotes.total > offset + limit);
    const link = (o: number): string =>
      `/search${qs({ q: f.q, from: f.from, to: f.to, source: f.source, in: f.in, offset: o || undefined })}`;
    parts.push(
      markup`<nav class="pager">
        ${offset > 0 ? markup`<a rel="prev" href="${link(Math.max(0, offset - limit))}">← previous</a>` : ''}${more ? markup`<a rel="next" href="${link(offset + limit)}">next →</a>` : ''}
      </nav>`,
    );
  }
  return layout(f.q ? `${f.q} – search` : 'Search', markup`${parts}`, { current: '/' });
}

// ---------------------------------------------------------------------------------------------
// Articles

export function articlesPage(list: ArticleList, f: { from?: string; to?: string; source?: string }): string {
  const link = (o: number): string => `/articles${qs({ ...f, offset: o || undefined })}`;
  return layout(
    'Articles',
    markup`<h1>Articles</h1>
      <form class="filters" action="/articles" method="get">
        <label>From <input name="from" value="${f.from ?? ''}" placeholder="YYYY-MM" size="10" /></label>
        <label>To <input name="to" value="${f.to ?? ''}" placeholder="YYYY-MM" size="10" /></label>
        <label>Source <input name="source" value="${f.source ?? ''}" size="14" /></label>
        <button type="submit">Filter</button>
      </form>
      <p class="muted"><span class="count">${int(list.total)}</span> articles, newest first.</p>
      <table class="list">
        <thead>
          <tr>
            <th>Date</th>
            <th>Title</th>
            <th>Source</th>
            <th class="num">Quotes</th>
          </tr>
        </thead>
        <tbody>
          ${list.hits.map(
            (a) =>
              markup`<tr>
                <td class="nowrap">${a.date ?? 'undated'}</td>
                <td><a href="${articleHref(a.id)}">${a.title ?? a.id}</a></td>
                <td>${a.source ?? ''}</td>
                <td class="num">${a.quotes}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <nav class="pager">
        ${list.offset > 0 ? markup`<a rel="prev" href="${link(Math.max(0, list.offset - list.limit))}">← newer</a>` : ''}${list.total > list.offset + list.limit ? markup`<a rel="next" href="${link(list.offset + list.limit)}">older →</a>` : ''}
      </nav>`,
    { current: '/articles' },
  );
}

/** The quotes, entities, dates and figures of an analysis, beside its text. */
export function analysisPanels(a: StoredArticle['analysis']): SafeHtml {
  const persons = new Set(a.quotes.map((q) => q.speaker?.name).filter((n): n is string => n !== undefined));
  return markup`<section class="panel" id="quote-list">
      <h2>Quotes <span class="muted">${a.quotes.length}</span></h2>
      <ol class="qlist">
        ${a.quotes.map(
          (q) =>
            markup`<li>
              <a class="qid" href="#${q.id}">${q.id}</a>
              <span class="kind k-${q.kind}">${q.kind}</span>
              ${q.speaker ? markup`<a class="speaker" href="${speakerHref(q.speaker.name)}">${q.speaker.name}</a> <span class="muted">${q.speaker.type}</span>` : markup`<span class="muted">no speaker found</span>`}
              ${q.cue ? markup`<div class="muted">cue: <span class="cue">${q.cue.text}</span>${q.speaker?.mention ? markup` · mention: <span class="mention-text">${q.speaker.mention.text}</span>` : ''}</div>` : ''}
            </li>`,
        )}
      </ol>
    </section>
    <section class="panel" id="entities">
      <h2>Entities <span class="muted">${a.entities.length}</span></h2>
      <ul class="elist">
        ${a.entities.map(
          (e) =>
            markup`<li>
              <span class="etype t-${e.type}">${e.type}</span>
              ${persons.has(e.name) ? markup`<a href="${speakerHref(e.name)}">${e.name}</a>` : e.name}${e.type === 'person' && e.gender ? markup` <span class="muted">${genderLabel(e.gender)}</span>` : ''}${e.roles && e.roles.length > 0 ? markup`<div class="roles">${e.roles.join(' · ')}</div>` : ''}<span
                class="muted"
              >
                ×${e.mentions.length}</span
              >
            </li>`,
        )}
      </ul>
    </section>
    <section class="panel" id="dates">
      <h2>Dates <span class="muted">${a.dates.length}</span></h2>
      <ul class="flist">
        ${a.dates.map((d) => markup`<li><q>${d.text}</q> → <code>${d.value}</code> <span class="muted">${d.kind}</span></li>`)}
      </ul>
    </section>
    <section class="panel" id="figures">
      <h2>Figures <span class="muted">${a.figures.length}</span></h2>
      <ul class="flist">
        ${a.figures.map(
          (f) =>
            markup`<li>
              <q>${f.text}</q> →
              <code>${f.value.toLocaleString('fr-FR')}${f.unit ? ` ${f.unit}` : ''}</code
              >${f.of ? markup` <span class="muted">of ${f.of}</span>` : ''}
            </li>`,
        )}
      </ul>
    </section>`;
}

export function legend(): SafeHtml {
  return markup`<p class="legend">
    <mark class="q k-direct">direct quote</mark> <mark class="q k-indirect">indirect</mark>
    <mark class="q k-mixed">mixed</mark> <span class="cue">cue</span> <a class="mention">speaker mention</a>
    <span class="qtag">q1 · speaker</span>
  </p>`;
}

export function articlePage(s: StoredArticle): string {
  const a = s.article;
  const url = safeUrl(a.url);
  return layout(
    a.title ?? a.id,
    markup`<article class="doc">
      <h1>${a.title ?? a.id}</h1>
      <p class="meta">
        ${a.date?.value ?? 'undated'}${a.source ? ` · ${a.source}` : ''} · id
        <code>${a.id}</code
        >${url ? markup` · <a href="${url}" rel="noopener noreferrer nofollow">original</a>` : ''}
      </p>
      ${legend()}
      <div class="layout">
        <div class="text" id="text">${annotatedText(a.text, s.analysis)}</div>
        <aside>${analysisPanels(s.analysis)}</aside>
      </div>
    </article>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Speakers

/** Every month from the first to the last YYYY-MM month, zero where nothing was said. */
export function monthSeries(months: readonly { month: string; quotes: number }[]): Point[] {
  const dated = months.filter((m) => /^\d{4}-\d{2}$/.test(m.month));
  if (dated.length === 0) return [];
  const by = new Map(dated.map((m) => [m.month, m.quotes]));
  const [y0, m0] = dated[0]!.month.split('-').map(Number) as [number, number];
  const [y1, m1] = dated[dated.length - 1]!.month.split('-').map(Number) as [number, number];
  const out: Point[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const n = by.get(key) ?? 0;
    out.push({ label: key, value: n, note: `${key}: ${n} quote${n === 1 ? '' : 's'}` });
  }
  return out;
}

export function speakerPageHtml(p: SpeakerPage): string {
  const s = p.speaker;
  const q = p.quotes;
  const series = monthSeries(s.months);
  const otherMonths = s.months.filter((m) => !/^\d{4}-\d{2}$/.test(m.month));
  const link = (o: number): string => `${speakerHref(s.name)}${qs({ offset: o || undefined })}`;
  return layout(
    s.name,
    markup`<h1 class="speaker-name">${s.name}</h1>
      <dl class="facts">
        <dt>Type</dt>
        <dd>${s.type}</dd>
        <dt>Gender</dt>
        <dd class="gender">${genderLabel(s.type === 'person' ? s.gender : null)}</dd>
        <dt>Quotes</dt>
        <dd class="quote-count">
          ${int(s.quotes)}
          <span class="muted"
            >(${s.direct} direct, ${s.indirect} indirect, ${s.mixed} mixed) in ${int(s.articles)}
            article${s.articles === 1 ? '' : 's'}</span
          >
        </dd>
        <dt>Period</dt>
        <dd>${s.firstDate ?? '?'} – ${s.lastDate ?? '?'}</dd>
        <dt>Roles</dt>
        <dd class="roles">
          ${s.roles.length > 0 ? s.roles.slice(0, 8).map((r, i) => markup`${i > 0 ? ' · ' : ''}${r.role}${r.count > 1 ? markup` <span class="muted">×${r.count}</span>` : ''}`) : markup`<span class="muted">none found</span>`}
        </dd>
      </dl>
      <section>
        <h2>Quotes per month</h2>
        ${barChart(series, `Quotes of ${s.name} per month`)}${otherMonths.length > 0 ? markup`<p class="muted">${otherMonths.map((m) => `${m.month}: ${m.quotes}`).join(', ')} (not dated to a month)</p>` : ''}
      </section>
      <section>
        <h2>
          Quotes <span class="muted">${q.offset + 1}–${q.offset + q.hits.length} of ${int(q.total)}</span>
        </h2>
        <ol class="hits" start="${q.offset + 1}">
          ${q.hits.map(
            (h) =>
              markup`<li class="hit quote">
                <blockquote class="k-${h.kind}">${h.text}</blockquote>
                <div>
                  <span class="kind">${h.kind}</span
                  >${h.cue ? markup` <span class="muted">(${h.cue})</span>` : ''} ·
                  ${dateSource(h.date, h.source)} ·
                  <a class="article-link" href="${articleHref(h.articleId, h.quoteId)}"
                    >${h.title ?? h.articleId}</a
                  >
                </div>
              </li>`,
          )}
        </ol>
        <nav class="pager">
          ${q.offset > 0 ? markup`<a rel="prev" href="${link(Math.max(0, q.offset - q.limit))}">← newer</a>` : ''}${q.total > q.offset + q.limit ? markup`<a rel="next" href="${link(q.offset + q.limit)}">older →</a>` : ''}
        </nav>
      </section>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Overview

export function overviewPage(o: Overview): string {
  const s = o.stats;
  const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  const share: Point[] = o.womenShare.map((m) => ({
    label: m.month,
    value: m.share,
    note: `${m.month}: ${pct(m.share)} women (${m.female} of ${m.female + m.male} quotes by persons of known gender)`,
  }));
  return layout(
    'Overview',
    markup`<h1>Overview</h1>
      <p class="stats">
        <b>${int(s.articles)}</b> articles · <b>${int(s.quotes)}</b> quotes ·
        <b>${int(s.speakers)}</b> speakers · <b>${int(s.entities)}</b> entities · <b>${int(s.dates)}</b> dates
        · <b>${int(s.figures)}</b> figures
      </p>
      <section>
        <h2>Women among quoted sources, by month</h2>
        <p class="muted">
          Share of quotes by women among quotes by persons of known gender: ${pct(o.womenShareAll)} overall.
          Quotes by women ${int(s.byGender.female)}, men ${int(s.byGender.male)}, persons of unknown gender
          ${int(s.byGender.unknown)}, other sources ${int(s.byGender.other)}.
        </p>
        ${shareChart(share, 'Share of women among quoted persons, by month')}
      </section>
      <div class="cols">
        <section>
          <h2>Top speakers</h2>
          <table class="list" id="top-speakers">
            <thead>
              <tr>
                <th>Speaker</th>
                <th>Type</th>
                <th>Gender</th>
                <th class="num">Quotes</th>
                <th class="num">Articles</th>
              </tr>
            </thead>
            <tbody>
              ${o.topSpeakers.map(
                (r) =>
                  markup`<tr>
                    <td><a href="${speakerHref(r.name)}">${r.name}</a></td>
                    <td>${r.type}</td>
                    <td>${genderLabel(r.type === 'person' ? r.gender : null)}</td>
                    <td class="num">${int(r.quotes)}</td>
                    <td class="num">${int(r.articles)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Articles by source</h2>
          ${rankChart(
            s.sources.slice(0, 15).map((x) => ({ label: x.source, value: x.articles })),
            'Articles by source',
          )}${s.sources.length > 15 ? markup`<p class="muted">${s.sources.length} sources in all.</p>` : ''}
        </section>
      </div>`,
    { current: '/overview' },
  );
}

// ---------------------------------------------------------------------------------------------
// Paste box

export function pastePage(): string {
  return layout(
    'Analyse a text',
    markup`<h1>Analyse a text</h1>
      <p class="muted">
        Paste a French news article: its quotes, speakers, entities, dates and figures are found at once (POST
        /analyze; nothing is stored).
      </p>
      <form id="paste-form" class="paste" action="/analyze" method="post">
        <textarea
          id="paste-text"
          name="text"
          rows="12"
          placeholder="« Nous devons agir », a déclaré mardi la ministre…"
          required
        ></textarea>
        <div class="filters">
          <label>Date <input id="paste-date" name="date" placeholder="YYYY-MM-DD" size="12" /></label>
          <label>Title <input id="paste-title" name="title" size="40" /></label>
          <button type="submit" id="paste-go">Analyse</button>
          <span id="paste-status" class="muted" role="status"></span>
        </div>
      </form>
      <div id="paste-result" hidden>
        <p id="paste-summary" class="meta"></p>
        ${legend()}
        <div class="layout">
          <div class="text" id="paste-output"></div>
          <aside id="paste-panels"></aside>
        </div>
      </div>
      <noscript><p class="error">The paste box needs JavaScript; the API is POST /analyze.</p></noscript>`,
    { current: '/paste', scripts: ['/static/paste.js'] },
  );
}
