// The web pages through app.inject: what each shows, links between them, and safety: no string of
// the data (a hostile article's title, source, URL and text) ever comes out as markup.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { foldedStem } from '../query/french.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { annotatedText } from './annotate.js';
import { buildApp, CONTENT_SECURITY_POLICY } from './app.js';
import { esc, markup, raw } from './html.js';
import { buildTestArchive, HOSTILE, type TestArchive } from './test-archive.js';

let archive: TestArchive;
let store: Store;
let app: FastifyInstance;

before(async () => {
  archive = await buildTestArchive();
  store = openStore(archive.db, { mustExist: true });
  app = buildApp({ store });
  await app.ready();
});
after(async () => {
  await app.close();
  store.close();
  archive.remove();
});

async function page(url: string, status = 200): Promise<string> {
  const r = await app.inject({ method: 'GET', url });
  assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 300)}`);
  assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
  assert.equal(r.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  return r.body;
}

/** Text content of markup: tags removed, entities decoded. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Throws unless every opened element is closed in order (void elements aside). */
function assertWellNested(markup: string): void {
  const stack: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose || ['br', 'img', 'input', 'meta', 'link'].includes(name!)) continue;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes <${stack.at(-1) ?? ''}>`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
}

describe('html', () => {
  test('esc escapes the five characters; html escapes values, not its own output', () => {
    assert.equal(
      esc(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const inner = markup`<b>${'<i>'}</b>`;
    assert.equal(
      markup`<p>${inner}${['<', raw('<br>')]}${null}${2}</p>`.value,
      '<p><b>&lt;i&gt;</b>&lt;<br>2</p>',
    );
  });

  test('annotatedText keeps the text exactly and nests its marks, on every stored article', () => {
    const ids = [...archive.devIds, 'syn-1', 'syn-2', HOSTILE.id];
    for (const id of ids) {
      const s = store.article(id)!;
      const markup = annotatedText(s.article.text, s.analysis).value;
      assertWellNested(markup);
      const withoutTags = markup.replace(
        /<a class="qtag"[^>]*>.*?<\/a>|<span class="qtag[^"]*"[^>]*>.*?<\/span>/g,
        '',
      );
      assert.equal(textOf(withoutTags), s.article.text, id);
      for (const q of s.analysis.quotes) {
        assert.ok(markup.includes(` id="${q.id}"`), `${id} ${q.id} anchored`);
      }
    }
  });
});

describe('pages', () => {
  test('search: form, counts, highlighted snippets, links to articles and speakers', async () => {
    const body = await page('/search?q=financements+communs');
    assert.match(body, /<form class="search"/);
    assert.match(body, /value="financements communs"/);
    const counts = [...body.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(counts.length, 2);
    assert.ok(counts.every((n) => n > 0));
    const stems = new Set(['financements', 'communs'].map(foldedStem));
    const marks = [...body.matchAll(/<mark class="hl">([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase());
    assert.ok(marks.length > 0);
    assert.ok(
      marks.every((w) => stems.has(foldedStem(w))),
      marks.join(','),
    );
    assert.match(body, /href="\/articles\/syn-\d+"/);
    assert.match(body, /href="\/speakers\/[^"]+"/);
    const quotesOnly = await page('/search?q=financements+communs&in=quotes');
    assert.doesNotMatch(quotesOnly, /id="articles"/);
    assert.match(quotesOnly, /id="quotes"/);
  });

  test('search: a bad query is shown as an error on the page (400), the empty one as the start page', async () => {
    assert.match(await page('/search?q=x&from=2019-13', 400), /class="error"[^>]*>[^<]*month/);
    assert.match(await page('/'), /The archive holds 71 articles/);
  });

  test('article: the text with every quote marked and tagged with its speaker; entities, dates, figures', async () => {
    const s = store.article('syn-3')!;
    const body = await page('/articles/syn-3');
    for (const q of s.analysis.quotes) {
      assert.match(body, new RegExp(`<mark class="q k-${q.kind}" id="${q.id}"`));
      if (q.speaker) {
        assert.ok(body.includes(`href="/speakers/${encodeURIComponent(q.speaker.name)}"`), q.speaker.name);
      }
      if (q.cue) assert.ok(body.includes(`<span class="cue" title="cue of ${q.id}">`));
    }
    assert.match(body, /<a class="qtag" href="\/speakers\/[^"]+"[^>]*>q1 · /);
    assert.match(body, /id="entities"/);
    for (const e of s.analysis.entities) assert.ok(body.includes(esc(e.name)), e.name);
    assert.match(body, /id="dates"/);
    assert.match(body, /id="figures"/);
    await page('/articles/nope', 404);
  });

  test('speaker: name, gender, roles, timeline with a bar per month, quotes linked to their articles', async () => {
    const body = await page('/speakers/Claire%20Dubois');
    assert.match(body, /<h1 class="speaker-name">Claire Dubois<\/h1>/);
    assert.match(body, /<dd class="gender">woman<\/dd>/);
    assert.match(body, /<dd class="roles">[^]*ministre/);
    const p = store.speakerProfile('Claire Dubois')!;
    assert.match(body, new RegExp(`<dd class="quote-count">\\s*${p.quotes}\\s`));
    const dated = p.months.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).map((m) => m.month);
    const [y0, m0] = dated[0]!.split('-').map(Number) as [number, number];
    const [y1, m1] = dated.at(-1)!.split('-').map(Number) as [number, number];
    const bars = [...body.matchAll(/<rect\s+class="bar"/g)].length;
    assert.equal(bars, (y1 - y0) * 12 + (m1 - m0) + 1);
    assert.match(body, /class="article-link" href="\/articles\/syn-\d+#q\d+"/);
    await page('/speakers/Personne%20Inconnue', 404);
  });

  test('overview: counts, top speakers, women share chart, articles by source', async () => {
    const body = await page('/overview');
    assert.match(body, /<b>71<\/b> articles/);
    assert.match(body, /Share of women among quoted persons, by month/);
    assert.match(body, /<polyline class="line"/);
    assert.match(body, /id="top-speakers"[^]*href="\/speakers\//);
    assert.match(body, /Articles by source[^]*La Gazette/);
  });

  test('articles list, paste page, static files, 404 page', async () => {
    assert.match(await page('/articles'), /<span class="count">71<\/span> articles/);
    const paste = await page('/paste');
    assert.match(paste, /<script src="\/static\/paste.js" defer><\/script>/);
    assert.match(paste, /<textarea\s+id="paste-text"/);
    const js = await app.inject({ url: '/static/paste.js' });
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.match(js.body, /fetch\('\/analyze'/);
    assert.doesNotMatch(js.body, /innerHTML|insertAdjacentHTML|outerHTML|document\.write|eval\(/);
    const css = await app.inject({ url: '/static/style.css' });
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(await page('/no/such/page', 404), /Not found/);
  });
});

describe('no data is rendered as markup', () => {
  const hostileMarkup = [/<script>alert/, /<img src=x/, /<b>Piège/, /href="javascript:/i];

  test('the CSP forbids inline scripts and foreign origins', () => {
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
  });

  for (const url of [
    `/articles/${HOSTILE.id}`,
    '/search?q=pi%C3%A9g%C3%A9',
    '/search?q=refusons&in=quotes',
    '/speakers/Claire%20Dubois',
    '/articles?from=2019-01&to=2019-01',
    '/overview',
    '/search?q=%3Cscript%3Ealert(9)%3C%2Fscript%3E',
  ]) {
    test(url, async () => {
      const body = await page(url);
      for (const re of hostileMarkup) assert.doesNotMatch(body, re, `${url} ${re}`);
      assert.doesNotMatch(body, /<script>alert\(9\)/);
      // Only the one script of the app, never an inline one.
      for (const m of body.matchAll(/<script[^>]*>/g))
        assert.match(m[0], /^<script src="\/static\/paste\.js"/);
    });
  }

  test('the hostile article is shown as text', async () => {
    const body = await page(`/articles/${HOSTILE.id}`);
    assert.ok(body.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Un titre piégé'));
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(body.includes('Le &lt;b&gt;Piège&lt;/b&gt;'));
    assert.doesNotMatch(body, /href="javascript/);
  });
});
