// The JSON API, POST /analyze and the OpenAPI document, through app.inject (no socket), on a
// small archive of synthetic articles, a few dev corpus articles and one hostile article.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { compileErrors, validate } from '@readme/openapi-parser';
import type { FastifyInstance } from 'fastify';

import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { ANALYZE_BODY_LIMIT, buildApp } from './app.js';
import { buildTestArchive, DEV_CORPUS, type TestArchive } from './test-archive.js';

let archive: TestArchive;
let store: Store;
let app: FastifyInstance;

before(async () => {
  archive = await buildTestArchive();
  store = openStore(archive.db, { mustExist: true });
  app = buildApp({ store, version: '9.9.9' });
  await app.ready();
});
after(async () => {
  await app.close();
  store.close();
  archive.remove();
});

async function getJson<T>(url: string, status = 200): Promise<T> {
  const r = await app.inject({ method: 'GET', url });
  assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 300)}`);
  assert.match(String(r.headers['content-type']), /^application\/json/);
  return r.json<T>();
}

interface ErrorBody {
  status: number;
  error: string;
  message: string;
}

function assertError(body: ErrorBody, status: number, message?: RegExp): void {
  assert.equal(body.status, status);
  assert.equal(typeof body.error, 'string');
  assert.ok(body.message.length > 0);
  if (message) assert.match(body.message, message);
}

interface QuoteHit {
  articleId: string;
  quoteId: string;
  date: string | null;
  kind: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  gender: string | null;
  highlights?: { start: number; end: number }[];
}

describe('GET /api/search', () => {
  test('articles and quotes, counted, ranked, with highlighted snippets', async () => {
    const r = await getJson<{
      terms: string[][];
      limit: number;
      articles: {
        total: number;
        hits: {
          id: string;
          snippet: { start: number; text: string; highlights: { start: number; end: number }[] };
        }[];
      };
      quotes: { total: number; hits: QuoteHit[] };
    }>('/api/search?q=financements%20communs&limit=3');
    assert.ok(r.articles.total >= r.articles.hits.length && r.articles.total > 3);
    assert.equal(r.articles.hits.length, 3);
    assert.equal(r.limit, 3);
    for (const h of r.articles.hits) {
      assert.ok(h.snippet.highlights.length > 0);
      for (const x of h.snippet.highlights) {
        assert.match(
          h.snippet.text.slice(x.start - h.snippet.start, x.end - h.snippet.start),
          /^(financements|communs)$/i,
        );
      }
    }
    assert.ok(r.quotes.total > 0);
    for (const q of r.quotes.hits) assert.ok(q.highlights!.length > 0);
  });

  test('pagination: offset 1 limit 1 is the second hit of limit 2', async () => {
    type R = { articles: { hits: { id: string }[] }; quotes: { hits: QuoteHit[] } };
    const two = await getJson<R>('/api/search?q=otan&limit=2');
    const second = await getJson<R>('/api/search?q=otan&limit=1&offset=1');
    assert.equal(second.articles.hits[0]!.id, two.articles.hits[1]!.id);
    assert.equal(
      second.quotes.hits[0]!.quoteId + second.quotes.hits[0]!.articleId,
      two.quotes.hits[1]!.quoteId + two.quotes.hits[1]!.articleId,
    );
  });

  test('filters: in=quotes leaves articles out; source and dates restrict', async () => {
    const q = await getJson<{ articles: { total: number }; quotes: { total: number } }>(
      '/api/search?q=agir&in=quotes',
    );
    assert.equal(q.articles.total, 0);
    assert.ok(q.quotes.total > 0);
    const all = await getJson<{ articles: { total: number } }>('/api/search?q=agir&in=articles');
    const gazette = await getJson<{ articles: { total: number; hits: { source: string }[] } }>(
      '/api/search?q=agir&in=articles&source=gazette&limit=50',
    );
    assert.ok(gazette.articles.total > 0 && gazette.articles.total < all.articles.total);
    assert.ok(gazette.articles.hits.every((h) => h.source === 'La Gazette'));
    const y2019 = await getJson<{ articles: { hits: { date: string }[] } }>(
      '/api/search?q=agir&in=articles&from=2019&to=2019&limit=50',
    );
    assert.ok(y2019.articles.hits.length > 0);
    assert.ok(y2019.articles.hits.every((h) => h.date.startsWith('2019')));
  });

  test('errors: JSON with a status and a message', async () => {
    assertError(await getJson<ErrorBody>('/api/search', 400), 400, /q/);
    assertError(await getJson<ErrorBody>('/api/search?q=!!', 400), 400, /nothing to search/);
    assertError(await getJson<ErrorBody>('/api/search?q=x&limit=0', 400), 400, /limit/);
    assertError(await getJson<ErrorBody>('/api/search?q=x&from=2019-13', 400), 400, /month/);
    assertError(await getJson<ErrorBody>('/api/search?q=x&bogus=1', 400), 400, /additional/);
  });
});

describe('GET /api/quotes', () => {
  test('by speaker and kind, newest first, counted and paged', async () => {
    const r = await getJson<{ total: number; limit: number; offset: number; hits: QuoteHit[] }>(
      '/api/quotes?speaker=dubois&kind=direct&limit=5',
    );
    assert.ok(r.total > 5);
    assert.equal(r.hits.length, 5);
    for (const q of r.hits)
      assert.deepEqual([q.speaker, q.kind, q.gender], ['Claire Dubois', 'direct', 'female']);
    const dates = r.hits.map((q) => q.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    const next = await getJson<{ offset: number; hits: QuoteHit[] }>(
      '/api/quotes?speaker=dubois&kind=direct&limit=5&offset=5',
    );
    assert.equal(next.offset, 5);
    const seen = new Set(r.hits.map((q) => `${q.articleId}/${q.quoteId}`));
    assert.ok(next.hits.every((q) => !seen.has(`${q.articleId}/${q.quoteId}`)));
  });

  test('about, dates, source, article', async () => {
    const about = await getJson<{ hits: QuoteHit[] }>('/api/quotes?about=priorit%C3%A9&limit=50');
    assert.ok(about.hits.length > 0);
    assert.ok(about.hits.every((q) => /priorité/i.test(q.text)));
    const dated = await getJson<{ hits: QuoteHit[] }>('/api/quotes?from=2020-03&to=2020-03&limit=100');
    assert.ok(dated.hits.length > 0 && dated.hits.every((q) => q.date!.startsWith('2020-03')));
    const one = await getJson<{ total: number; hits: QuoteHit[] }>('/api/quotes?article=syn-3&limit=100');
    assert.ok(one.total > 0 && one.hits.every((q) => q.articleId === 'syn-3'));
  });

  test('bad parameters: 400', async () => {
    assertError(await getJson<ErrorBody>('/api/quotes?kind=shouted', 400), 400, /kind/);
    assertError(await getJson<ErrorBody>('/api/quotes?from=2019-02-30', 400), 400, /no day 30/);
    assertError(await getJson<ErrorBody>('/api/quotes?limit=1000', 400), 400, /limit/);
  });
});

describe('GET /api/speakers, /api/speakers/{name}', () => {
  test('top speakers by quotes, with gender', async () => {
    const r = await getJson<{ speakers: { name: string; quotes: number; gender: string; type: string }[] }>(
      '/api/speakers?top=8',
    );
    assert.equal(r.speakers.length, 8);
    const counts = r.speakers.map((s) => s.quotes);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    const persons = await getJson<{ speakers: { name: string; gender: string; type: string }[] }>(
      '/api/speakers?top=50&type=person&name=martin',
    );
    assert.ok(persons.speakers.some((s) => s.name === 'Jean Martin' && s.gender === 'male'));
    assert.ok(persons.speakers.every((s) => /martin/i.test(s.name)));
  });

  test('a profile: gender, roles, quotes per month adding up, the quotes of that speaker only', async () => {
    const r = await getJson<{
      speaker: {
        name: string;
        gender: string;
        quotes: number;
        months: { month: string; quotes: number }[];
        roles: { role: string; count: number }[];
      };
      quotes: { total: number; hits: QuoteHit[] };
    }>('/api/speakers/claire%20dubois?limit=3');
    assert.equal(r.speaker.name, 'Claire Dubois');
    assert.equal(r.speaker.gender, 'female');
    assert.equal(
      r.speaker.months.reduce((n, m) => n + m.quotes, 0),
      r.speaker.quotes,
    );
    assert.deepEqual(
      r.speaker.months.map((m) => m.month),
      [...r.speaker.months.map((m) => m.month)].sort(),
    );
    assert.equal(r.quotes.total, r.speaker.quotes);
    assert.equal(r.quotes.hits.length, 3);
    assert.ok(r.quotes.hits.every((q) => q.speaker === 'Claire Dubois'));
    assert.ok(
      r.speaker.roles.some((x) => /ministre/.test(x.role)),
      JSON.stringify(r.speaker.roles),
    );
    assertError(await getJson<ErrorBody>('/api/speakers/Personne%20Inconnue', 404), 404, /no speaker/);
  });
});

test('GET /api/entities: by type', async () => {
  const r = await getJson<{ entities: { name: string; type: string; gender: string }[] }>(
    '/api/entities?type=person&top=50',
  );
  assert.ok(r.entities.length > 0);
  assert.ok(r.entities.every((e) => e.type === 'person'));
  assert.ok(r.entities.some((e) => e.name === 'Claire Dubois' && e.gender === 'female'));
  assertError(await getJson<ErrorBody>('/api/entities?type=animal', 400), 400);
});

describe('GET /api/articles', () => {
  test('newest first, counted, paged', async () => {
    const r = await getJson<{ total: number; hits: { id: string; date: string | null; quotes: number }[] }>(
      '/api/articles?limit=100',
    );
    assert.equal(r.total, store.counts().articles);
    const dated = r.hits.filter((h) => h.date !== null).map((h) => h.date!.slice(0, 10));
    assert.deepEqual(dated, [...dated].sort().reverse());
    const page2 = await getJson<{ hits: { id: string }[] }>('/api/articles?limit=2&offset=2');
    assert.deepEqual(
      page2.hits.map((h) => h.id),
      r.hits.slice(2, 4).map((h) => h.id),
    );
    const src = await getJson<{ total: number; hits: { source: string }[] }>(
      '/api/articles?source=quotidien',
    );
    assert.ok(src.total > 0 && src.total < r.total);
  });

  test('one article with its analysis; 404 for an unknown id', async () => {
    const r = await getJson<{
      article: { id: string; text: string };
      analysis: { quotes: { start: number; end: number; text: string }[] };
    }>('/api/articles/syn-3');
    assert.equal(r.article.id, 'syn-3');
    assert.ok(r.analysis.quotes.length > 0);
    for (const q of r.analysis.quotes) assert.equal(r.article.text.slice(q.start, q.end), q.text);
    assertError(await getJson<ErrorBody>('/api/articles/nope', 404), 404, /nope/);
  });
});

test('GET /api/stats and /api/overview: counts, months, women share', async () => {
  const s = await getJson<{
    articles: number;
    quotes: number;
    months: { month: string; quotes: number; byGender: Record<string, number> }[];
  }>('/api/stats');
  assert.equal(s.articles, store.counts().articles);
  assert.equal(
    s.months.reduce((n, m) => n + m.quotes, 0),
    s.quotes,
  );
  const y = await getJson<{ articles: number; months: { month: string }[] }>('/api/stats?from=2019&to=2019');
  assert.ok(y.articles > 0 && y.articles < s.articles);
  assert.ok(y.months.every((m) => m.month.startsWith('2019')));
  const o = await getJson<{
    topSpeakers: { name: string }[];
    womenShare: { month: string; female: number; male: number; share: number | null }[];
  }>('/api/overview?top=5');
  assert.equal(o.topSpeakers.length, 5);
  assert.ok(o.womenShare.length > 0);
  for (const m of o.womenShare) {
    const byMonth = s.months.find((x) => x.month === m.month)!;
    assert.equal(m.female, byMonth.byGender['female']);
    if (m.share !== null) assert.equal(m.share, m.female / (m.female + m.male));
  }
});

describe('POST /analyze', () => {
  test('article JSON in, analysis out (offsets into the text)', async () => {
    const text =
      '« Nous devons agir vite », a déclaré mardi Claire Dubois, ministre de la Santé. Selon la préfecture, 300 personnes ont défilé.';
    const r = await app.inject({
      method: 'POST',
      url: '/analyze',
      payload: { id: 'p1', text, date: '2021-05-18', title: 'Essai' },
    });
    assert.equal(r.statusCode, 200, r.body);
    const a = r.json<{
      id: string;
      date: { value: string };
      title: string;
      quotes: { start: number; end: number; text: string; speaker: { name: string } | null }[];
      entities: { name: string }[];
      figures: { value: number }[];
    }>();
    assert.equal(a.id, 'p1');
    assert.equal(a.date.value, '2021-05-18');
    assert.equal(a.title, 'Essai');
    assert.ok(
      a.quotes.some((q) => q.text === 'Nous devons agir vite' && q.speaker?.name === 'Claire Dubois'),
    );
    for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(a.figures.some((f) => f.value === 300));
  });

  test('plain text in', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/analyze',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: '« C’est une mesure de justice », a affirmé Jean Martin.',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json<{ quotes: unknown[] }>().quotes.length, 1);
  });

  test('bad input: 400 (no text, bad JSON), 415 (form data), JSON errors', async () => {
    const noText = await app.inject({ method: 'POST', url: '/analyze', payload: { title: 'x' } });
    assertError(noText.json<ErrorBody>(), 400, /text/);
    const badJson = await app.inject({
      method: 'POST',
      url: '/analyze',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    assertError(badJson.json<ErrorBody>(), 400);
    const form = await app.inject({
      method: 'POST',
      url: '/analyze',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'text=bonjour',
    });
    assertError(form.json<ErrorBody>(), 415);
  });

  test('a 1 MB article is answered; a 20 MB body is refused with 413', async () => {
    // 1 MB of real French news (the dev corpus) when it is there, else synthetic sentences.
    let text = '';
    if (existsSync(DEV_CORPUS)) {
      for (const line of readFileSync(DEV_CORPUS, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        text += (JSON.parse(line) as { text: string }).text + '\n\n';
        if (Buffer.byteLength(text) > 1_000_000) break;
      }
    }
    while (Buffer.byteLength(text) < 1_000_000) text += '« Nous devons agir », a déclaré Claire Dubois. ';
    const body = JSON.stringify({ id: 'big', text });
    assert.ok(Buffer.byteLength(body) > 1_000_000 && Buffer.byteLength(body) < ANALYZE_BODY_LIMIT);
    const big = await app.inject({
      method: 'POST',
      url: '/analyze',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    assert.equal(big.statusCode, 200);
    const a = big.json<{ quotes: { start: number; end: number; text: string }[] }>();
    assert.ok(a.quotes.length > 100);
    for (const q of a.quotes) assert.equal(text.slice(q.start, q.end), q.text);

    const huge = await app.inject({
      method: 'POST',
      url: '/analyze',
      headers: { 'content-type': 'text/plain' },
      payload: Buffer.alloc(20 * 1024 * 1024, 0x61),
    });
    assert.equal(huge.statusCode, 413);
    assert.match(String(huge.headers['content-type']), /^application\/json/);
    assertError(huge.json<ErrorBody>(), 413, /too large/i);
  });
});

describe('OpenAPI', () => {
  test('/openapi.json is a valid OpenAPI 3.1 document', async () => {
    const doc = await getJson<Record<string, unknown>>('/openapi.json');
    assert.equal(doc['openapi'], '3.1.0');
    const result = await validate(structuredClone(doc) as never);
    assert.ok(result.valid, result.valid ? '' : compileErrors(result));
  });

  test('documents every API route, and every documented route answers', async () => {
    const doc = await getJson<{
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>;
    }>('/openapi.json');
    const paths = Object.keys(doc.paths).sort();
    assert.deepEqual(paths, [
      '/analyze',
      '/api/articles',
      '/api/articles/{id}',
      '/api/entities',
      '/api/overview',
      '/api/quotes',
      '/api/search',
      '/api/speakers',
      '/api/speakers/{name}',
      '/api/stats',
    ]);
    const sample: Record<string, string> = { id: 'syn-1', name: 'Jean Martin' };
    for (const p of paths) {
      if (p === '/analyze') continue;
      const url =
        p.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(sample[k]!)) +
        (p === '/api/search' ? '?q=agir' : '');
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 200)}`);
    }
    // The documented query parameters are the ones the route validates: an undocumented one is refused.
    const search = doc.paths['/api/search']!['get']!.parameters.map((x) => x.name).sort();
    assert.deepEqual(search, ['from', 'in', 'limit', 'offset', 'q', 'source', 'to']);
  });

  test('unknown API path: 404 as JSON', async () => {
    assertError(await getJson<ErrorBody>('/api/nothing', 404), 404);
  });
});

describe('work on worker threads', () => {
  test('POST /analyze on a worker: the same analysis, and searches answer while a long text is analysed', async () => {
    const pooled = buildApp({ store, analyzeWorkers: 1 });
    try {
      const article = {
        id: 'w1',
        text: '« Nous devons agir », a déclaré mardi Claire Dubois. Selon la préfecture, 300 personnes ont défilé.',
        date: '2021-05-18',
      };
      const here = await app.inject({ method: 'POST', url: '/analyze', payload: article });
      const there = await pooled.inject({ method: 'POST', url: '/analyze', payload: article });
      assert.equal(there.statusCode, 200);
      assert.deepEqual(there.json(), here.json());
      let text = '';
      while (text.length < 600_000)
        text +=
          '« Nous devons agir vite sur les financements communs », a déclaré Claire Dubois devant la presse. ';
      let analysed = 0;
      const long = pooled.inject({ method: 'POST', url: '/analyze', payload: { text } }).then((r) => {
        analysed = performance.now();
        return r;
      });
      const searched = await pooled.inject({ url: '/api/search?q=agir' });
      const searchedAt = performance.now();
      assert.equal(searched.statusCode, 200);
      assert.equal((await long).statusCode, 200);
      assert.ok(searchedAt < analysed, 'the search was answered before the analysis ended');
    } finally {
      await pooled.close();
    }
  });

  test('same answers as in the request thread; a bad query is still a 400', async () => {
    const pooled = buildApp({ store, searchWorkers: 2 });
    try {
      for (const url of [
        '/api/search?q=financements%20communs&limit=5',
        '/api/search?q=otan&in=quotes&offset=2',
      ]) {
        const a = (await app.inject({ url })).json<Record<string, unknown>>();
        const r = await pooled.inject({ url });
        assert.equal(r.statusCode, 200);
        const b = r.json<Record<string, unknown>>();
        delete a['ms'];
        delete b['ms'];
        assert.deepEqual(b, a);
      }
      const bad = await pooled.inject({ url: '/api/search?q=!!' });
      assert.equal(bad.statusCode, 400);
      assertError(bad.json<ErrorBody>(), 400, /nothing to search/);
      // Concurrent searches spread over the workers all come back.
      const many = await Promise.all(
        ['agir', 'otan', 'retraites', 'carburant', 'priorité', 'hôpitaux'].map((w) =>
          pooled.inject({ url: `/api/search?q=${encodeURIComponent(w)}` }),
        ),
      );
      assert.ok(
        many.every(
          (r) => r.statusCode === 200 && r.json<{ articles: { total: number } }>().articles.total > 0,
        ),
      );
    } finally {
      await pooled.close();
    }
  });
});
