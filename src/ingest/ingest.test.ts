// The ingest pipeline in-process: idempotence, reanalysis, the formats (HTML, RSS, Atom, folders,
// globs) and a corpus of bad inputs (every good record stored, every bad one reported).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { analyze } from '../analyze.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite.js';
import type { IngestError } from './errors.js';
import { runIngest, type IngestOptions, type IngestSummary } from './ingest.js';
import { expandGlob, expandInputs, segmentRegex } from './paths.js';
import { syntheticArticle, syntheticJsonl } from './synthetic.js';

const FIXTURES = fileURLToPath(new URL('../../test-fixtures/ingest/', import.meta.url));

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'verbatim-ingest-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let dbs = 0;
function store(): SqliteStore {
  return openSqliteStore(path.join(dir, `t${++dbs}.db`));
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function ingest(
  s: SqliteStore,
  paths: string[],
  opts: Partial<IngestOptions> = {},
): Promise<{ summary: IngestSummary; errors: IngestError[] }> {
  const errors: IngestError[] = [];
  const summary = await runIngest({ paths, store: s, workers: 0, onError: (e) => errors.push(e), ...opts });
  return { summary, errors };
}

function ids(s: SqliteStore): string[] {
  return (s.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[]).sort();
}

describe('idempotent and resumable ingest', () => {
  test('ingesting twice stores once (worker threads)', async () => {
    const corpus = file('twice.jsonl', syntheticJsonl(60));
    const s = store();
    const first = await ingest(s, [corpus], { workers: 2, chunkSize: 4, batchSize: 16 });
    assert.equal(first.summary.inserted, 60);
    assert.equal(first.summary.failed, 0);
    const counts = s.counts();
    const expectedQuotes = Array.from(
      { length: 60 },
      (_, i) => analyze(syntheticArticle(i).text).quotes.length,
    ).reduce((a, b) => a + b);
    assert.equal(counts.quotes, expectedQuotes);
    const second = await ingest(s, [corpus], { workers: 2 });
    assert.deepEqual([second.summary.inserted, second.summary.kept], [0, 60]);
    assert.deepEqual(s.counts(), counts);
    // The stored analysis is analyze()'s, offsets and all.
    const a7 = syntheticArticle(7);
    assert.deepEqual(
      s.article('syn-7')?.analysis,
      analyze({ ...a7, date: { value: a7.date, precision: 'day' } }),
    );
    s.close();
  });

  test('duplicates inside one run are stored once', async () => {
    const one = syntheticJsonl(5);
    const s = store();
    const { summary } = await ingest(s, [file('dup-a.jsonl', one), file('dup-b.jsonl', one)], { workers: 1 });
    assert.equal(summary.inserted, 5);
    assert.equal(summary.kept, 5);
    assert.equal(s.counts().articles, 5);
    s.close();
  });

  test('articles without id are recognised by their normalised text', async () => {
    const text = syntheticArticle(3).text;
    const s = store();
    await ingest(s, [file('noid.txt', text)]);
    // Same text, other file name, other line ends and apostrophes, in JSONL without id.
    const variant = text.replace(/\n/g, '\r\n').replace(/’/g, "'");
    const { summary } = await ingest(s, [
      file('noid-2.jsonl', JSON.stringify({ text: variant }) + '\n'),
      file('other.txt', text),
    ]);
    assert.equal(summary.kept, 2);
    assert.equal(s.counts().articles, 1);
    assert.match(ids(s)[0]!, /^noid-[0-9a-f]{12}$/);
    s.close();
  });

  test('--reanalyze replaces the stored analysis', async () => {
    const corpus = file('re.jsonl', syntheticJsonl(10));
    const s = store();
    await ingest(s, [corpus]);
    const before = s.counts();
    // Simulate an older analysis: drop a quote of every article.
    s.db.exec("DELETE FROM quotes_fts WHERE rowid IN (SELECT pk FROM quotes WHERE qid = 'q1')");
    s.db.exec("DELETE FROM quotes WHERE qid = 'q1'");
    assert.equal(s.counts().quotes, before.quotes - 10);
    const { summary } = await ingest(s, [corpus], { reanalyze: true, workers: 1 });
    assert.deepEqual([summary.replaced, summary.inserted, summary.kept], [10, 0, 0]);
    assert.deepEqual(s.counts(), before);
    s.close();
  });
});

describe('formats', () => {
  test('HTML page, RSS and Atom feeds', async () => {
    const s = store();
    const { summary, errors } = await ingest(s, [FIXTURES]);
    // article.html + 2 RSS items with text + 1 Atom entry; no-article.html and the empty item fail.
    assert.equal(summary.inserted, 4);
    assert.deepEqual(errors.map((e) => [path.basename(e.file), e.line, e.code]).sort(), [
      ['feed.rss', 3, 'E_NO_TEXT'],
      ['no-article.html', undefined, 'E_NO_ARTICLE'],
    ]);
    const page = s.article(ids(s).find((id) => id.startsWith('article-'))!);
    assert.ok(page);
    assert.equal(page.article.title, 'Hôpitaux : la ministre promet des financements communs');
    assert.deepEqual(page.article.date, { value: '2019-03-14', precision: 'day' });
    assert.equal(page.article.source, 'Le Quotidien');
    assert.equal(page.article.url, 'https://example.org/sante/hopitaux-financements');
    assert.doesNotMatch(page.article.text, /Lire aussi|Accueil|Publicité|Mentions légales/);
    assert.match(page.article.text, /réunis à Lyon\.\n\nSelon le syndicat/);
    assert.ok(page.analysis.quotes.some((q) => q.text.startsWith('Nous devons garantir')));
    const rss = s.article('gazette-1001');
    assert.deepEqual(rss?.article.date, { value: '2021-05-18', precision: 'day' });
    assert.equal(rss?.article.source, 'La Gazette - Politique');
    assert.match(rss?.article.text ?? '', /^Le secrétaire général de l’Otan/);
    assert.equal(s.article('https://example.org/retraites')?.article.title, 'Retraites : le débat reprend');
    assert.equal(s.article('urn:example:courrier:42')?.article.url, 'https://example.org/carburant');
    s.close();
  });

  test('folders recursively, globs expanded here', () => {
    file('tree/a/one.jsonl', syntheticJsonl(1));
    file('tree/a/b/two.txt', 'texte');
    file('tree/a/b/skip.pdf', 'x');
    file('tree/.hidden/three.txt', 'texte');
    file('tree/c/four.html', '<p>x</p>');
    const walk = expandInputs([path.join(dir, 'tree')]);
    assert.deepEqual(
      walk.files.map((f) => path.relative(dir, f.path)),
      ['tree/a/b/two.txt', 'tree/a/one.jsonl', 'tree/c/four.html'],
    );
    assert.equal(walk.ignored, 1);
    assert.deepEqual(
      expandGlob(path.join(dir, 'tree/**/*.{txt,jsonl}')).map((f) => path.relative(dir, f.path)),
      ['tree/a/b/two.txt', 'tree/a/one.jsonl'],
    );
    assert.deepEqual(
      expandGlob(path.join(dir, 'tree/?/*.html')).map((f) => path.relative(dir, f.path)),
      ['tree/c/four.html'],
    );
    const none = expandInputs([path.join(dir, 'tree/*.nothing'), path.join(dir, 'absent.jsonl')]);
    assert.deepEqual(
      none.errors.map((e) => e.code),
      ['E_NO_MATCH', 'E_NOT_FOUND'],
    );
    assert.ok(segmentRegex('[!a]*.x').test('b1.x'));
    assert.ok(!segmentRegex('[!a]*.x').test('a1.x'));
  });
});

describe('bad inputs', () => {
  test('every good record stored, every bad one reported with its reason', async () => {
    const bad = path.join(dir, 'bad');
    const good = (n: number): string => JSON.stringify(syntheticArticle(n));
    // A windows-1252 file: é è are latin-1 bytes, ’ is 0x92.
    const cp = Buffer.from(
      'date 2019-03-01\nLe maire a déclaré : « Nous réparerons l\x92église. » Fin.',
      'latin1',
    );
    const utf8Line = Buffer.from(`{"id":"trunc","text":"Il a dit « oui »"}`, 'utf8');
    // A JSONL line cut inside a multi-byte character (then the line end).
    const truncatedLine = utf8Line.subarray(0, utf8Line.indexOf(Buffer.from('«', 'utf8')) + 1);
    const jsonl = Buffer.concat([
      Buffer.from(
        [good(100), '{"id": "broken", "text": ', good(101), '[1, 2]', '{"id":"notext"}', '', good(102)].join(
          '\n',
        ) + '\n',
      ),
      truncatedLine,
      Buffer.from('\n'),
      // A windows-1252 line among UTF-8 ones.
      Buffer.from(
        `{"id":"latin-line","text":"Le pr\xe9fet a d\xe9clar\xe9 que la route serait ferm\xe9e."}\n`,
        'latin1',
      ),
      Buffer.from(good(103) + '\n'),
    ]);
    file('bad/mixed.jsonl', jsonl);
    file(
      'bad/binary.txt',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
    );
    file('bad/image.jsonl', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const truncated = Buffer.from('date 2019-01\nLe ministre a dit « non » à la réforme', 'utf8');
    file('bad/truncated.txt', Buffer.concat([truncated, Buffer.from('é', 'utf8').subarray(0, 1)]));
    file('bad/latin1.txt', cp);
    file('bad/empty.txt', '');
    file('bad/blank.jsonl', '\n  \n');
    file(
      'bad/bom.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(syntheticArticle(104).text)]),
    );
    // A 20 MB line between two good ones: skipped without being held.
    const huge = `{"id":"huge","text":"${'x'.repeat(20 * 1024 * 1024)}"}`;
    file('bad/huge.jsonl', [good(105), huge, good(106)].join('\n') + '\n');
    file(
      'bad/page.html',
      '<html><head><title>Accueil</title></head><body><nav><a href="/">Accueil</a></nav></body></html>',
    );
    file('bad/notafeed.xml', '<?xml version="1.0"?><catalog><book>Un livre</book></catalog>');

    const s = store();
    const { summary, errors } = await ingest(s, [bad], { workers: 1 });
    const rel = (e: IngestError): string =>
      `${path.basename(e.file)}${e.line !== undefined ? `:${e.line}` : ''} ${e.code}`;
    assert.deepEqual(errors.map(rel).sort(), [
      'binary.txt E_BINARY',
      'blank.jsonl E_EMPTY',
      'empty.txt E_EMPTY',
      'huge.jsonl:2 E_TOO_LARGE',
      'image.jsonl E_BINARY',
      'mixed.jsonl:2 E_JSON',
      'mixed.jsonl:4 E_NOT_OBJECT',
      'mixed.jsonl:5 E_NO_TEXT',
      'mixed.jsonl:8 E_ENCODING',
      'notafeed.xml E_FEED',
      'page.html E_NO_ARTICLE',
      'truncated.txt E_ENCODING',
    ]);
    for (const e of errors) assert.ok(e.message.length > 5, `a reason: ${JSON.stringify(e)}`);
    assert.match(errors.find((e) => e.code === 'E_ENCODING' && e.line === 8)!.message, /truncated UTF-8/);
    assert.match(errors.find((e) => e.file.endsWith('truncated.txt'))!.message, /truncated UTF-8/);
    assert.equal(summary.failed, 12);
    // The good ones: 4 JSONL articles and a windows-1252 line among them, the windows-1252 file,
    // the BOM file, the 2 around the huge line.
    assert.equal(summary.inserted, 9);
    const stored = ids(s);
    for (const id of ['syn-100', 'syn-101', 'syn-102', 'syn-103', 'syn-105', 'syn-106', 'latin-line']) {
      assert.ok(stored.includes(id), id);
    }
    assert.equal(s.article('latin-line')?.article.text, 'Le préfet a déclaré que la route serait fermée.');
    const latin = s.article(stored.find((id) => id.startsWith('latin1-'))!);
    assert.equal(latin?.article.text, 'Le maire a déclaré : « Nous réparerons l’église. » Fin.');
    assert.deepEqual(latin?.article.date, { value: '2019-03-01', precision: 'day' });
    const bom = s.article(stored.find((id) => id.startsWith('bom-'))!);
    assert.equal(bom?.article.text, syntheticArticle(104).text);
    s.close();
  });
});
