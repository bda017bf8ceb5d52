// The SQLite store on hand-built analyses (independent of the analysis rules): schema and
// migrations, atomic and idempotent writes, the round trip of an analysis, the questions.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import Database from 'better-sqlite3';

import { indexTexts } from '../ingest/prepare.js';
import { textHash } from '../ingest/normalize.js';
import { parseSearch } from '../query/french.js';
import { archiveStats, findQuotes, topEntities, topSpeakers } from '../query/questions.js';
import { search } from '../query/search.js';
import type { Analysis, Article, Entity, Quote, QuoteKind, SpeakerType } from '../types.js';
import { LATEST_VERSION, MIGRATIONS, SchemaTooNewError, migrate } from './migrations.js';
import { dayRange, openSqliteStore, type SqliteStore } from './sqlite.js';
import type { ArticleRecord } from './store.js';

interface QuoteSpec {
  text: string;
  kind?: QuoteKind;
  speaker?: string;
  type?: SpeakerType;
  gender?: 'male' | 'female' | 'unknown';
}

/** A record whose quotes are the given phrases, found in the text. */
function record(
  id: string | null,
  text: string,
  quotes: QuoteSpec[],
  meta: Partial<Omit<Article, 'id' | 'text'>> = {},
): ArticleRecord {
  const hash = textHash(text);
  const article: Article = {
    id: id ?? `derived-${hash.slice(0, 12)}`,
    text,
    date: meta.date ?? null,
    title: meta.title ?? null,
    source: meta.source ?? null,
    url: meta.url ?? null,
  };
  const entities: Entity[] = [];
  const qs: Quote[] = quotes.map((q, i) => {
    const start = text.indexOf(q.text);
    assert.ok(start >= 0, `quote text in the article: ${q.text}`);
    let entityId: string | undefined;
    if (q.speaker && (q.type ?? 'person') === 'person') {
      let e = entities.find((x) => x.name === q.speaker);
      if (!e) {
        const m = text.indexOf(q.speaker);
        e = {
          id: `e${entities.length + 1}`,
          type: 'person',
          name: q.speaker,
          gender: q.gender ?? 'unknown',
          mentions: m >= 0 ? [{ start: m, end: m + q.speaker.length, text: q.speaker }] : [],
        };
        entities.push(e);
      }
      entityId = e.id;
    }
    const quote: Quote = {
      id: `q${i + 1}`,
      start,
      end: start + q.text.length,
      text: q.text,
      kind: q.kind ?? 'direct',
      cue: null,
      speaker: q.speaker
        ? {
            name: q.speaker,
            type: q.type ?? 'person',
            mention: null,
            ...(entityId !== undefined ? { entityId } : {}),
          }
        : null,
      dateIds: [],
      figureIds: [],
    };
    return quote;
  });
  const analysis: Analysis = {
    schema: 1,
    id: article.id,
    date: article.date,
    title: article.title,
    source: article.source,
    url: article.url,
    quotes: qs,
    entities,
    dates: [],
    figures: [],
  };
  return {
    article,
    idGiven: id !== null,
    hash,
    origin: { file: 'test.jsonl', line: 1 },
    analysis,
    index: indexTexts(article, qs),
  };
}

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'verbatim-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function freshStore(name: string): SqliteStore {
  return openSqliteStore(path.join(dir, `${name}.db`));
}

describe('schema and migrations', () => {
  test('a new archive is at the latest version, with the migration log and WAL', () => {
    const s = freshStore('schema');
    assert.equal(s.db.pragma('user_version', { simple: true }), LATEST_VERSION);
    const log = s.db.prepare('SELECT version, name FROM schema_migrations').all() as { version: number }[];
    assert.deepEqual(
      log.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
    s.close();
    // Reopening applies nothing twice.
    const again = openSqliteStore(path.join(dir, 'schema.db'));
    assert.equal(
      (again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n,
      MIGRATIONS.length,
    );
    again.close();
  });

  test('a later migration applies once, in order; a newer file is refused', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (y)' },
    ];
    assert.deepEqual(migrate(db, steps.slice(0, 1)), { from: 0, to: 1 });
    assert.deepEqual(migrate(db, steps), { from: 1, to: 2 });
    assert.deepEqual(migrate(db, steps), { from: 2, to: 2 });
    assert.throws(() => migrate(db, steps.slice(0, 1)), SchemaTooNewError);
    db.close();
  });

  test('a failing migration leaves the previous version intact', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x)' }]);
    assert.throws(() =>
      migrate(db, [
        { version: 1, name: 'one', sql: 'CREATE TABLE a (x)' },
        { version: 2, name: 'bad', sql: 'CREATE TABLE b (y); CREATE TABLE a (x)' },
      ]),
    );
    assert.equal(db.pragma('user_version', { simple: true }), 1);
    assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").pluck().get(), 0);
    db.close();
  });

  test('query commands do not create an archive', () => {
    assert.throws(() => openSqliteStore(path.join(dir, 'missing.db'), { mustExist: true }), /no archive/);
  });
});

describe('writing', () => {
  const text1 = 'La ministre Claire Dubois a parlé. « Nous financerons les hôpitaux », a-t-elle dit.';
  const text2 = 'Le maire Jean Martin a répondu. « La défense de l’Otan passe avant tout », a-t-il dit.';

  test('round trip: the stored analysis is the analysis', () => {
    const s = freshStore('roundtrip');
    const r = record(
      'a1',
      text1,
      [{ text: 'Nous financerons les hôpitaux', speaker: 'Claire Dubois', gender: 'female' }],
      {
        date: { value: '2019-03', precision: 'month' },
        title: 'Santé',
        source: 'Le Quotidien',
        url: 'https://example.org/a1',
      },
    );
    assert.deepEqual(s.putArticles([r], { replace: false }), ['inserted']);
    const got = s.article('a1');
    assert.ok(got);
    assert.deepEqual(got.article, r.article);
    assert.deepEqual(got.analysis, r.analysis);
    assert.equal(got.hash, r.hash);
    assert.deepEqual(got.origin, { file: 'test.jsonl', line: 1 });
    s.close();
  });

  test('idempotent: the same id, or the same text without id, is kept, not duplicated', () => {
    const s = freshStore('idem');
    const a = record('a1', text1, [{ text: 'Nous financerons les hôpitaux', speaker: 'Claire Dubois' }]);
    const b = record(null, text2, [
      { text: 'La défense de l’Otan passe avant tout', speaker: 'Jean Martin' },
    ]);
    assert.deepEqual(s.putArticles([a, b], { replace: false }), ['inserted', 'inserted']);
    const before = s.counts();
    // Same id with another text; same text (re-spaced, other apostrophe) without id.
    const a2 = record('a1', text2, []);
    const b2 = record(null, text2.replace('l’Otan', "l'Otan").replace(/ /g, '  '), []);
    assert.equal(b2.hash, b.hash);
    assert.deepEqual(s.putArticles([a2, b2, a], { replace: false }), ['kept', 'kept', 'kept']);
    assert.deepEqual(s.counts(), before);
    assert.equal(s.findArticle('a1', '')?.id, 'a1');
    assert.equal(s.findArticle(null, b.hash)?.id, b.article.id);
    s.close();
  });

  test('replace: the analysis is replaced, index rows too', () => {
    const s = freshStore('replace');
    s.putArticles(
      [record('a1', text1, [{ text: 'Nous financerons les hôpitaux', speaker: 'Claire Dubois' }])],
      {
        replace: false,
      },
    );
    const r2 = record('a1', text2, [
      { text: 'La défense de l’Otan passe avant tout', speaker: 'Jean Martin' },
    ]);
    assert.deepEqual(s.putArticles([r2], { replace: true }), ['replaced']);
    assert.deepEqual(s.article('a1')?.analysis, r2.analysis);
    assert.equal(s.counts().articles, 1);
    assert.equal(s.counts().quotes, 1);
    // The old words are gone from both indexes, the new ones are there.
    assert.equal(search(s, { text: 'hôpitaux' }).articles.total, 0);
    assert.equal(search(s, { text: 'hôpitaux' }).quotes.total, 0);
    assert.equal(search(s, { text: 'otan' }).articles.total, 1);
    assert.equal(search(s, { text: 'otan' }).quotes.total, 1);
    s.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
    s.db.prepare("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')").run();
    s.close();
  });

  test('atomic batch: a failing record leaves nothing of its batch', () => {
    const s = freshStore('atomic');
    const good = record('g1', text1, [{ text: 'Nous financerons les hôpitaux', speaker: 'Claire Dubois' }]);
    const bad = record('b1', text2, [
      { text: 'La défense de l’Otan passe avant tout', speaker: 'Jean Martin' },
    ]);
    // Two quotes with the same id break a unique constraint, after `good` was written.
    bad.analysis.quotes.push({ ...bad.analysis.quotes[0]! });
    bad.index.quotes.push('x');
    bad.index.speakers.push('');
    assert.throws(() => s.putArticles([good, bad], { replace: false }), /UNIQUE/);
    assert.deepEqual(s.counts(), { articles: 0, quotes: 0, entities: 0, mentions: 0, dates: 0, figures: 0 });
    assert.equal(search(s, { text: 'hôpitaux' }).articles.total, 0);
    s.close();
  });

  test('article date periods', () => {
    assert.deepEqual(dayRange('2019-02', 'month'), ['2019-02-01', '2019-02-28']);
    assert.deepEqual(dayRange('2020-02', 'month'), ['2020-02-01', '2020-02-29']);
    assert.deepEqual(dayRange('2019', 'year'), ['2019-01-01', '2019-12-31']);
    assert.deepEqual(dayRange('2019-05-18', 'day'), ['2019-05-18', '2019-05-18']);
    assert.deepEqual(dayRange(null, null), [null, null]);
  });
});

describe('questions', () => {
  let s: SqliteStore;
  before(() => {
    s = freshStore('questions');
    s.putArticles(
      [
        record(
          'a1',
          'Les financements communs de la défense européenne. « Il faut des financements communs », a dit Claire Dubois. Jean Martin a estimé que la défense coûtait cher.',
          [
            { text: 'Il faut des financements communs', speaker: 'Claire Dubois', gender: 'female' },
            { text: 'la défense coûtait cher', kind: 'indirect', speaker: 'Jean Martin', gender: 'male' },
          ],
          {
            date: { value: '2019-01-15', precision: 'day' },
            source: 'Le Quotidien',
            title: 'Défense européenne',
          },
        ),
        record(
          'a2',
          'L’Otan et les gilets jaunes. « Les violences doivent cesser », a dit Claire Dubois. Selon la préfecture, 300 personnes ont défilé.',
          [
            { text: 'Les violences doivent cesser', speaker: 'Claire Dubois', gender: 'female' },
            {
              text: '300 personnes ont défilé',
              kind: 'indirect',
              speaker: 'la préfecture',
              type: 'organization',
            },
          ],
          { date: { value: '2019-02', precision: 'month' }, source: 'La Gazette' },
        ),
        record(
          'a3',
          "Un texte sans date sur le pouvoir d'achat. « Nous verrons », a dit Paul Girard. « Rien », a lâché quelqu'un.",
          [
            { text: 'Nous verrons', speaker: 'Paul Girard', gender: 'unknown' },
            { text: 'Rien', kind: 'direct' },
          ],
          { source: 'Le Quotidien' },
        ),
      ],
      { replace: false },
    );
  });
  after(() => s.close());

  test('search: stems, accents, elisions, ranked, with highlighted snippets', () => {
    const r = search(s, { text: 'financement' });
    assert.deepEqual(
      r.articles.hits.map((h) => h.id),
      ['a1'],
    );
    const snip = r.articles.hits[0]!.snippet;
    assert.ok(snip.highlights.length >= 2);
    for (const h of snip.highlights)
      assert.match(snip.text.slice(h.start - snip.start, h.end - snip.start), /financements/);
    assert.deepEqual(
      search(s, { text: 'defense' }).articles.hits.map((h) => h.id),
      ['a1'],
    );
    assert.deepEqual(
      search(s, { text: 'otan' }).articles.hits.map((h) => h.id),
      ['a2'],
    );
    assert.deepEqual(
      search(s, { text: "d'achat" }).articles.hits.map((h) => h.id),
      ['a3'],
    );
    // Quotes: by their words and by their speaker's name.
    const q = search(s, { text: 'violence' }).quotes;
    assert.equal(q.total, 1);
    assert.equal(q.hits[0]!.speaker, 'Claire Dubois');
    assert.equal(search(s, { text: 'dubois' }).quotes.total, 2);
    // A phrase needs its words together.
    assert.equal(search(s, { text: '"financements communs"' }).articles.total, 1);
    assert.equal(search(s, { text: '"communs financements"' }).articles.total, 0);
  });

  test('search ranks the more relevant article first', () => {
    const r = search(s, { text: 'défense' });
    assert.equal(r.articles.hits[0]!.id, 'a1');
    assert.ok(r.articles.hits.every((h, i, all) => i === 0 || all[i - 1]!.score <= h.score));
  });

  test('quotes: by speaker (words, any case and accent), about, dates, source, kind', () => {
    const ids = (p: Parameters<typeof findQuotes>[1]): string[] =>
      findQuotes(s, p).hits.map((q) => `${q.articleId}:${q.quoteId}`);
    assert.deepEqual(ids({ speaker: 'dubois' }), ['a2:q1', 'a1:q1']);
    assert.deepEqual(ids({ speaker: 'CLAIRE dubois' }), ['a2:q1', 'a1:q1']);
    assert.deepEqual(ids({ speaker: 'prefecture' }), ['a2:q2']);
    assert.deepEqual(ids({ speaker: 'Dub' }), ['a2:q1', 'a1:q1']);
    assert.deepEqual(ids({ speaker: 'ubois' }), []);
    assert.deepEqual(ids({ speaker: 'Dubois', about: 'financement' }), ['a1:q1']);
    assert.deepEqual(ids({ from: '2019-02', to: '2019-02' }), ['a2:q1', 'a2:q2']);
    assert.deepEqual(ids({ from: '2019-01-16' }), ['a2:q1', 'a2:q2']);
    assert.deepEqual(ids({ to: '2019-01' }), ['a1:q1', 'a1:q2']);
    assert.deepEqual(ids({ source: 'gazette' }), ['a2:q1', 'a2:q2']);
    assert.deepEqual(ids({ kind: 'indirect' }), ['a2:q2', 'a1:q2']);
    assert.deepEqual(ids({ speaker: 'Dubois', limit: 1 }), ['a2:q1']);
    assert.equal(findQuotes(s, { speaker: 'Dubois', limit: 1 }).total, 2);
    // Undated articles come last.
    assert.deepEqual(ids({}).slice(-2), ['a3:q1', 'a3:q2']);
    assert.throws(() => findQuotes(s, { kind: 'loud' }), /kind must be one of/);
    assert.throws(() => findQuotes(s, { from: '2019-13' }), /no month/);
  });

  test('speakers: counts and gender', () => {
    const rows = topSpeakers(s, {});
    assert.equal(rows[0]!.name, 'Claire Dubois');
    assert.equal(rows[0]!.quotes, 2);
    assert.equal(rows[0]!.articles, 2);
    assert.equal(rows[0]!.gender, 'female');
    assert.equal(rows.find((r) => r.name === 'Jean Martin')?.gender, 'male');
    assert.equal(rows.find((r) => r.name === 'la préfecture')?.type, 'organization');
    assert.deepEqual(
      topSpeakers(s, { from: '2019-02' }).map((r) => r.name),
      ['Claire Dubois', 'la préfecture'],
    );
  });

  test('entities: grouped across articles', () => {
    const rows = topEntities(s, { type: 'person' });
    const dubois = rows.find((r) => r.name === 'Claire Dubois');
    assert.deepEqual(dubois && { articles: dubois.articles, quotes: dubois.quotes, gender: dubois.gender }, {
      articles: 2,
      quotes: 2,
      gender: 'female',
    });
  });

  test('stats: kinds, and gender shares by month', () => {
    const st = archiveStats(s, {});
    assert.equal(st.articles, 3);
    assert.equal(st.quotes, 6);
    assert.deepEqual(st.byKind, { direct: 4, indirect: 2, mixed: 0 });
    assert.deepEqual(st.byGender, { female: 2, male: 1, unknown: 1, other: 2 });
    assert.deepEqual(
      st.months.map((m) => [m.month, m.articles, m.quotes, m.byGender.female]),
      [
        ['2019-01', 1, 2, 1],
        ['2019-02', 1, 2, 1],
        ['undated', 1, 2, 0],
      ],
    );
    assert.equal(st.shares.female, 2 / 6);
    const jan = archiveStats(s, { to: '2019-01' });
    assert.equal(jan.articles, 1);
    assert.deepEqual(jan.byGender, { female: 1, male: 1, unknown: 0, other: 0 });
  });

  test('export streams every quote, oldest first', () => {
    const all = [...s.iterateQuotes({})].map((q) => `${q.articleId}:${q.quoteId}`);
    assert.deepEqual(all, ['a1:q1', 'a1:q2', 'a2:q1', 'a2:q2', 'a3:q1', 'a3:q2']);
  });

  test('searching with FTS5 syntax in the text is safe', () => {
    for (const t of ["d'euros", 'a OR b', 'NEAR(x y)', '"', 'x*', '-violence', 'col:violence', '^x']) {
      assert.doesNotThrow(() => search(s, { text: `${t} violence` }), t);
    }
    assert.equal(parseSearch('').groups.length, 0);
    assert.throws(() => search(s, { text: '!!!' }), /nothing to search/);
  });
});

describe('recent indexes and kept counts', () => {
  /** An article of day `day` (2019-01-01 + day) about `word`, with two quotes. */
  const dated = (id: string, day: number, word: string, source = 'Le Quotidien'): ArticleRecord => {
    const date = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
    return record(
      id,
      `Un article sur ${word}. « Le ${word} avance », a dit Claire Dubois. « Rien sur ${word} », a dit Paul Girard.`,
      [
        { text: `Le ${word} avance`, speaker: 'Claire Dubois' },
        { text: `Rien sur ${word}`, speaker: 'Paul Girard' },
      ],
      { date: { value: date, precision: 'day' }, source, title: `Sur ${word}` },
    );
  };
  const keys = (s: SqliteStore, table: string): number[] =>
    s.db.prepare(`SELECT id FROM ${table}_docsize ORDER BY id`).pluck().all() as number[];
  const cut = (s: SqliteStore, name: string): number =>
    s.db.prepare('SELECT cut FROM fts_recent WHERE name = ?').pluck().get(name) as number;
  /** The recent index of each kind holds exactly the rows of the whole index above its cut. */
  const checkRecent = (s: SqliteStore, size: { articles: number; quotes: number }, full = true): void => {
    for (const kind of ['articles', 'quotes'] as const) {
      const all = keys(s, `${kind}_fts`);
      const recent = keys(s, `${kind}_recent_fts`);
      const filled = s.db.prepare('SELECT filled FROM fts_recent WHERE name = ?').pluck().get(kind);
      if (filled === 0) {
        // Not built while the whole index holds at most twice the size.
        assert.equal(recent.length, 0);
        assert.ok(all.length <= 2 * size[kind], `${kind}: built once larger`);
        continue;
      }
      const c = cut(s, kind);
      assert.deepEqual(
        recent,
        all.filter((k) => k >= c),
        `${kind}: the rows above the cut`,
      );
      assert.ok(recent.length <= 2 * size[kind], `${kind}: at most twice the size`);
      // (A reanalysis that dates an article back takes its rows out: then it may hold fewer.)
      if (full) assert.ok(recent.length >= Math.min(all.length, size[kind]), `${kind}: at least the size`);
    }
  };

  test('a small archive has none: every search is ranked on the whole index', () => {
    const s = openSqliteStore(path.join(dir, 'recent-small.db'));
    s.putArticles([dated('small1', 1, 'budget'), dated('small2', 2, 'budget')], { replace: false });
    assert.deepEqual(s.db.prepare('SELECT filled FROM fts_recent').pluck().all(), [0, 0]);
    assert.deepEqual(keys(s, 'articles_recent_fts'), []);
    assert.equal(search(s, { text: 'budget' }).articles.total, 2);
    s.close();
  });

  test('they hold the most recent rows, pruned after a batch, in step with reanalysis', () => {
    const size = { articles: 3, quotes: 4 };
    const s = openSqliteStore(path.join(dir, 'recent.db'), { recent: size });
    for (let b = 0; b < 4; b++) {
      s.putArticles(
        [0, 1, 2].map((i) => dated(`r${b}-${i}`, b * 3 + i, i % 2 === 0 ? 'budget' : 'retraite')),
        { replace: false },
      );
      checkRecent(s, size);
    }
    assert.ok(cut(s, 'articles') > 0 && cut(s, 'quotes') > 0, 'the cuts moved up');
    // An article out of date order (older than the cut) stays out of the recent index.
    s.putArticles([dated('old', -30, 'budget')], { replace: false });
    checkRecent(s, size);
    // A reanalysis that moves the most recent article back in time: its rows leave the recent index.
    s.putArticles([dated('r3-2', -10, 'budget')], { replace: true });
    checkRecent(s, size, false);
    s.close();
  });

  test('a search whose window lies above the cut is ranked on the recent rows; counts stay exact', () => {
    const s = openSqliteStore(path.join(dir, 'recent-search.db'), { recent: { articles: 4, quotes: 8 } });
    const batch: ArticleRecord[] = [];
    for (let i = 0; i < 12; i++) batch.push(dated(`s${i}`, i, 'budget'));
    s.putArticles(batch, { replace: false });
    s.putArticles([dated('s12', 12, 'budget')], { replace: false }); // the prune runs after a batch
    const ranked: string[] = [];
    const prepare = s.db.prepare.bind(s.db);
    s.db.prepare = ((sql: string) => {
      const m = /bm25\((\w+)/.exec(sql);
      if (m) ranked.push(m[1]!);
      return prepare(sql);
    }) as typeof s.db.prepare;
    const r = search(s, { text: 'budget', window: 2, limit: 2 });
    assert.equal(r.articles.total, 13);
    assert.equal(r.articles.ranked, 2);
    assert.deepEqual(r.articles.hits.map((h) => h.id).sort(), ['s11', 's12']);
    assert.equal(r.quotes.total, 26);
    assert.deepEqual(ranked, ['articles_recent_fts', 'quotes_recent_fts']);
    // All matches (below the cut too): the whole index.
    ranked.length = 0;
    const all = search(s, { text: 'budget', window: null, limit: 20 });
    assert.equal(all.articles.hits.length, 13);
    assert.deepEqual(ranked, ['articles_fts', 'quotes_fts']);
    s.close();
  });

  test('an archive without its recent indexes (schema 1) gets them on opening; searches unchanged', () => {
    const file = path.join(dir, 'recent-upgrade.db');
    const size = { articles: 2, quotes: 3 };
    let s = openSqliteStore(file, { recent: size });
    const batch: ArticleRecord[] = [];
    for (let i = 0; i < 8; i++) batch.push(dated(`u${i}`, i, i % 3 === 0 ? 'budget' : 'retraite'));
    s.putArticles(batch, { replace: false });
    // The same matches, counted and ranked alike (the scores follow the recent rows' statistics).
    const before = (q: string) => {
      const r = search(s, { text: q, window: 2, limit: 2 });
      const ids = (hits: { articleId?: string; id?: string; quoteId?: string }[]) =>
        hits.map((h) => `${h.id ?? h.articleId} ${h.quoteId ?? ''}`).sort();
      return [r.articles.total, r.articles.ranked, ids(r.articles.hits), r.quotes.total, ids(r.quotes.hits)];
    };
    const expected = [before('budget'), before('retraite'), before('dubois')];
    // As an archive of schema 1 just migrated: empty recent indexes, not filled.
    s.db.exec(`INSERT INTO articles_recent_fts (articles_recent_fts) VALUES ('delete-all');
      INSERT INTO quotes_recent_fts (quotes_recent_fts) VALUES ('delete-all');
      UPDATE fts_recent SET cut = 0, filled = 0;`);
    s.close();
    s = openSqliteStore(file, { recent: size });
    assert.deepEqual(s.db.prepare('SELECT filled FROM fts_recent').pluck().all(), [1, 1]);
    checkRecent(s, size);
    assert.ok(keys(s, 'articles_recent_fts').length > 0);
    assert.deepEqual([before('budget'), before('retraite'), before('dubois')], expected);
    s.close();
  });

  test('a rare word in a large source is ranked by joining the source: same matches, same scores', () => {
    const s = openSqliteStore(path.join(dir, 'by-source.db'));
    const batch: ArticleRecord[] = [];
    for (let i = 0; i < 320; i++) batch.push(dated(`big${i}`, i % 50, 'budget', 'Le Grand Journal'));
    batch.push(dated('zebu-big', 3, 'zébu', 'Le Grand Journal'));
    batch.push(dated('zebu-small', 4, 'zébu', 'La Petite Gazette'));
    s.putArticles(batch, { replace: false });
    const sqls: string[] = [];
    const prepare = s.db.prepare.bind(s.db);
    s.db.prepare = ((sql: string) => {
      sqls.push(sql);
      return prepare(sql);
    }) as typeof s.db.prepare;
    const all = search(s, { text: 'zébu' });
    const big = search(s, { text: 'zébu', source: 'grand journal' });
    assert.ok(
      sqls.some((q) => q.includes('a.source_pk IN')),
      'ranked through the join',
    );
    assert.deepEqual(
      big.articles.hits.map((h) => h.id),
      ['zebu-big'],
    );
    assert.equal(big.articles.total, 1);
    assert.equal(big.articles.hits[0]!.score, all.articles.hits.find((h) => h.id === 'zebu-big')!.score);
    assert.equal(big.quotes.total, 2);
    assert.deepEqual(
      big.quotes.hits.map((h) => h.articleId),
      ['zebu-big', 'zebu-big'],
    );
    assert.deepEqual(
      search(s, { text: 'zébu', source: 'gazette' }).articles.hits.map((h) => h.id),
      ['zebu-small'],
    );
    s.close();
  });

  test('a kept count is dropped when the archive changes, here or in another process', () => {
    const file = path.join(dir, 'counts.db');
    const s = openSqliteStore(file);
    s.putArticles([dated('c1', 1, 'budget')], { replace: false });
    assert.equal(search(s, { text: 'budget' }).articles.total, 1);
    s.putArticles([dated('c2', 2, 'budget')], { replace: false });
    assert.equal(search(s, { text: 'budget' }).articles.total, 2);
    const other = openSqliteStore(file);
    other.putArticles([dated('c3', 3, 'budget')], { replace: false });
    other.close();
    assert.equal(search(s, { text: 'budget' }).articles.total, 3);
    assert.equal(search(s, { text: 'budget' }).quotes.total, 6);
    s.close();
  });
});
