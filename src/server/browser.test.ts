// The web app in a real browser: Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) driven
// by playwright-core, against `buildApp` listening on an ephemeral loopback port. Search, open an
// article, follow a quote to its speaker, the overview, paste-and-analyse, and a hostile article;
// a screenshot of each page goes to artifacts/screenshots/ (git-ignored).
// Without Chromium the tests fail when $CI is set (CI installs it: .ci/run), and are skipped
// otherwise, saying why.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import { buildTestArchive, DEV_CORPUS, HOSTILE, type TestArchive } from './test-archive.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const missing = !existsSync(CHROMIUM);
const inCi = /^(1|true|yes)$/i.test(process.env['CI'] ?? '');
const skip =
  missing && !inCi ? `no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)` : false;

describe('web app in Chromium', { skip }, () => {
  let archive: TestArchive;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    if (missing) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    archive = await buildTestArchive(30);
    store = openStore(archive.db, { mustExist: true });
    app = buildApp({ store });
    base = (await app.listen({ port: 0, host: '127.0.0.1' })) + '/';
    profile = mkdtempSync(path.join(tmpdir(), 'verbatim-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    page = context.pages()[0] ?? (await context.newPage());
    // Any script error, console error (a CSP violation is one) or dialog (alert) fails the run.
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.close();
    store?.close();
    archive?.remove();
  });

  beforeEach(() => {
    problems.length = 0;
  });

  const shot = (name: string, fullPage = false): Promise<Buffer> =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });

  test('search: type words, get counts and highlighted results', async () => {
    await page.goto(base);
    await page.fill('input[name=q]', 'gilets jaunes');
    await Promise.all([page.waitForURL(/\/search\?q=gilets\+jaunes/), page.press('input[name=q]', 'Enter')]);
    const counts = await page.$$eval('.count[data-count]', (els) =>
      els.map((e) => Number(e.getAttribute('data-count'))),
    );
    assert.equal(counts.length, 2);
    assert.ok(counts[0]! > 0, 'articles found');
    const marked = await page.$$eval('#articles mark.hl', (els) =>
      els.map((e) => e.textContent!.toLowerCase()),
    );
    assert.ok(marked.length > 0);
    assert.ok(
      marked.every((w) => /^(gilets?|jaunes?)$/.test(w)),
      marked.join(','),
    );
    await shot('search');
    assert.deepEqual(problems, []);
  });

  test('open an article: every quote highlighted, with its speaker tag', async () => {
    const first = page.locator('#articles li.hit a.title').first();
    const href = (await first.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`**${href}`), first.click()]);
    const id = decodeURIComponent(href.replace('/articles/', ''));
    const stored = store.article(id)!;
    const ids = await page.$$eval('#text mark.q[id]', (els) => els.map((e) => e.id));
    assert.deepEqual(ids.sort(), stored.analysis.quotes.map((q) => q.id).sort());
    // The text is shown exactly (speaker tags aside).
    const shown = await page.$eval('#text', (el) => {
      const c = el.cloneNode(true) as HTMLElement;
      c.querySelectorAll('.qtag').forEach((t) => t.remove());
      return c.textContent;
    });
    assert.equal(shown, stored.article.text);
    await shot('article');
    assert.deepEqual(problems, []);
  });

  test('follow a quote to its speaker, and back to the quote', async () => {
    // A dated article with a quote by a person; of those, the person quoted most in the archive.
    let target: { id: string; quote: string; name: string; quotes: number } | null = null;
    for (const x of archive.devIds) {
      const art = store.article(x)!;
      if (art.article.date === null) continue;
      for (const q of art.analysis.quotes) {
        if (q.speaker?.type !== 'person') continue;
        const quotes = store.speakerProfile(q.speaker.name)!.quotes;
        if (!target || quotes > target.quotes) target = { id: x, quote: q.id, name: q.speaker.name, quotes };
      }
    }
    assert.ok(target, 'a dated article with a quote by a person');
    await page.goto(`${base}articles/${encodeURIComponent(target.id)}`);
    const tag = page.locator(`#text a.qtag[title^="${target.quote}:"]`);
    const name = target.name;
    await Promise.all([page.waitForURL(/\/speakers\//), tag.click()]);
    assert.equal(await page.textContent('h1.speaker-name'), name);
    assert.ok((await page.locator('svg.chart rect.bar').count()) > 0, 'timeline bars');
    const quotes = await page.locator('ol.hits li.hit').count();
    assert.ok(quotes > 0);
    await shot('speaker');
    const link = page.locator('a.article-link').first();
    const back = (await link.getAttribute('href'))!;
    await Promise.all([page.waitForURL(`**${back}`), link.click()]);
    const hash = back.split('#')[1]!;
    assert.ok(await page.locator(`#text mark.q[id="${hash}"]`).isVisible(), 'the quote is on the page');
    assert.deepEqual(problems, []);
  });

  test('overview: charts and tables', async () => {
    await page.goto(`${base}overview`);
    assert.ok((await page.locator('svg.chart polyline.line').count()) > 0);
    assert.ok((await page.locator('#top-speakers tbody tr').count()) > 0);
    await shot('overview', true);
    assert.deepEqual(problems, []);
  });

  test('paste box: a French article analysed at once through POST /analyze', async () => {
    let text = '« Nous devons agir vite », a déclaré mardi Claire Dubois, ministre de la Santé.';
    if (existsSync(DEV_CORPUS)) {
      // A dev corpus article that is not in the test archive.
      const line = readFileSync(DEV_CORPUS, 'utf8').split('\n')[200]!;
      text = (JSON.parse(line) as { text: string }).text;
    }
    text += '\n<img src=x onerror="alert(1)"> <script>alert(2)</script>';
    await page.goto(`${base}paste`);
    await page.fill('#paste-text', text);
    await page.fill('#paste-date', '2019-01-15');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/analyze') && r.request().method() === 'POST'),
      page.click('#paste-go'),
    ]);
    assert.equal(response.status(), 200);
    const analysis = (await response.json()) as { quotes: { id: string }[] };
    await page.waitForSelector('#paste-result:not([hidden])');
    const ids = await page.$$eval('#paste-output mark.q[id]', (els) => els.map((e) => e.id));
    assert.deepEqual(ids.sort(), analysis.quotes.map((q) => `p-${q.id}`).sort());
    assert.ok(analysis.quotes.length > 0);
    assert.equal(await page.locator('#paste-output img, #paste-output script').count(), 0);
    assert.match((await page.textContent('#paste-status'))!, /^Done in \d+ ms\.$/);
    await shot('paste', true);
    assert.deepEqual(problems, []);
  });

  test('a hostile article is shown as text: no element, no script, no dialog', async () => {
    await page.goto(`${base}articles/${HOSTILE.id}`);
    assert.equal(await page.textContent('h1'), HOSTILE.title);
    assert.equal(await page.locator('main img, main script, main b').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    await shot('hostile-article');
    assert.deepEqual(problems, []);
  });
});
