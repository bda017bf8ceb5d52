// The archive commands in-process (ingest, search, quotes, speakers, entities, article, stats,
// export) on a small generated corpus and the ingest fixtures, plus the bin for exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { syntheticJsonl } from '../../ingest/synthetic.js';
import { Output, type CliContext, type Command } from '../format.js';
import { articleCommand, runArticle } from './article.js';
import { entitiesCommand, runEntities } from './entities.js';
import { exportCommand, runExport } from './export.js';
import { ingestCommand, runIngestCommand } from './ingest.js';
import { quotesCommand, runQuotes } from './quotes.js';
import { runSearch, searchCommand } from './search.js';
import { runSpeakers, speakersCommand } from './speakers.js';
import { runStats, statsCommand } from './stats.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test-fixtures/ingest/', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string[];
}

async function run(fn: (argv: string[], ctx: CliContext) => Promise<number>, argv: string[]): Promise<Run> {
  const stdout = new PassThrough();
  let out = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const err: string[] = [];
  const code = await fn(argv, { stdin: new PassThrough(), out: new Output(stdout), err: (l) => err.push(l) });
  return { code, out, err };
}

let dir: string;
let db: string;
let corpus: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'verbatim-archive-cli-'));
  db = path.join(dir, 'archive.db');
  corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, syntheticJsonl(40));
  const r = await run(runIngestCommand, [corpus, '--db', db, '--workers', '1']);
  assert.equal(r.code, 0, r.err.join('\n'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('verbatim ingest', () => {
  test('twice: same counts, nothing new the second time', async () => {
    const db2 = path.join(dir, 'twice.db');
    const a = await run(runIngestCommand, [corpus, '--db', db2, '--workers', '0', '--json']);
    const b = await run(runIngestCommand, [corpus, '--db', db2, '--workers', '0', '--json']);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    const sa = JSON.parse(a.out) as { inserted: number; kept: number; archive: Record<string, number> };
    const sb = JSON.parse(b.out) as { inserted: number; kept: number; archive: Record<string, number> };
    assert.deepEqual([sa.inserted, sa.kept, sb.inserted, sb.kept], [40, 0, 0, 40]);
    assert.deepEqual(sb.archive, sa.archive);
  });

  test('bad records: reported on stderr and in --errors, exit code 1, the rest stored', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, `${syntheticJsonl(2, 500).trim()}\n{oops\n[1]\n`);
    const errors = path.join(dir, 'errors.jsonl');
    const db3 = path.join(dir, 'bad.db');
    const r = await run(runIngestCommand, [bad, FIXTURES, '--db', db3, '--workers', '0', '--errors', errors]);
    assert.equal(r.code, 1);
    const listed = readFileSync(errors, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; file: string; line?: number; message: string });
    assert.deepEqual(listed.map((e) => `${path.basename(e.file)}:${e.line ?? ''}:${e.code}`).sort(), [
      'bad.jsonl:3:E_JSON',
      'bad.jsonl:4:E_NOT_OBJECT',
      'feed.rss:3:E_NO_TEXT',
      'no-article.html::E_NO_ARTICLE',
    ]);
    for (const e of listed)
      assert.ok(
        r.err.some((l) => l.includes(e.message)),
        `on stderr: ${e.message}`,
      );
    assert.match(r.out, /new 6, replaced 0, already stored 0, errors 4/);
  });

  test('usage errors', async () => {
    assert.equal((await run(runIngestCommand, [])).code, 2);
    assert.equal((await run(runIngestCommand, [corpus, '--workers', 'many'])).code, 2);
  });
});

describe('questions', () => {
  test('search: ranked articles and quotes, highlighted; JSON with offsets', async () => {
    const r = await run(runSearch, ['financements', 'communs', '--db', db]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out, /^Articles: \d+ match/m);
    assert.match(r.out, /\*\*financements\*\* \*\*communs\*\*/);
    assert.match(r.out, /^Quotes: \d+ match/m);
    const j = await run(runSearch, ["l'OTAN", '--db', db, '--json', '--limit', '3']);
    const res = JSON.parse(j.out) as {
      articles: {
        total: number;
        hits: { snippet: { text: string; start: number; highlights: { start: number; end: number }[] } }[];
      };
    };
    assert.ok(res.articles.total > 0);
    const s = res.articles.hits[0]!.snippet;
    assert.ok(s.highlights.every((h) => /^otan$/i.test(s.text.slice(h.start - s.start, h.end - s.start))));
    assert.equal((await run(runSearch, ['--db', db, '!!'])).code, 2);
    assert.equal((await run(runSearch, ['x', '--db', path.join(dir, 'none.db')])).code, 1);
  });

  test('quotes: by speaker, with filters; JSON lines', async () => {
    const r = await run(runQuotes, ['--speaker', 'dubois', '--db', db]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out, /Claire Dubois/);
    assert.match(r.out, /\d+ of \d+ quotes?$/m);
    const j = await run(runQuotes, [
      '--speaker',
      'Dubois',
      '--kind',
      'direct',
      '--limit',
      '5',
      '--json',
      '--db',
      db,
    ]);
    const rows = j.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { speaker: string; kind: string; gender: string });
    assert.ok(rows.length > 0 && rows.length <= 5);
    for (const q of rows)
      assert.deepEqual([q.speaker, q.kind, q.gender], ['Claire Dubois', 'direct', 'female']);
    assert.equal((await run(runQuotes, ['--kind', 'shouted', '--db', db])).code, 2);
    assert.equal((await run(runQuotes, ['--from', '2019-02-30', '--db', db])).code, 2);
  });

  test('speakers, entities, stats', async () => {
    const sp = await run(runSpeakers, ['--top', '5', '--db', db]);
    assert.equal(sp.code, 0);
    assert.match(sp.out, /speaker\s+type\s+gender\s+quotes/);
    const spj = (await run(runSpeakers, ['--json', '--db', db])).out.trim().split('\n');
    assert.ok(
      spj
        .map((l) => JSON.parse(l) as { name: string; gender: string })
        .some((r) => r.name === 'Jean Martin' && r.gender === 'male'),
    );
    const en = await run(runEntities, ['--type', 'person', '--db', db]);
    assert.match(en.out, /Claire Dubois\s+person\s+female/);
    const st = await run(runStats, ['--db', db]);
    assert.match(st.out, /^articles 40 · quotes \d+/);
    assert.match(st.out, /month\s+articles\s+quotes\s+women\s+men\s+unknown\s+other/);
    const stj = JSON.parse((await run(runStats, ['--json', '--db', db, '--from', '2019'])).out) as {
      articles: number;
      months: { month: string }[];
    };
    assert.ok(stj.articles > 0 && stj.articles < 40);
    assert.ok(stj.months.every((m) => m.month.startsWith('2019') || m.month.startsWith('2020')));
  });

  test('article: text with quotes marked; unknown id', async () => {
    const r = await run(runArticle, ['syn-3', '--db', db]);
    assert.equal(r.code, 0);
    assert.match(r.out, /⟦q1 .+ ⟧/);
    assert.match(r.out, /^Quotes:$/m);
    const j = JSON.parse((await run(runArticle, ['syn-3', '--json', '--db', db])).out) as {
      article: { text: string };
      analysis: { quotes: { start: number; end: number; text: string }[] };
    };
    for (const q of j.analysis.quotes) assert.equal(j.article.text.slice(q.start, q.end), q.text);
    assert.equal((await run(runArticle, ['nope', '--db', db])).code, 1);
  });

  test('export: CSV and JSONL, every quote', async () => {
    const csv = await run(runExport, ['--format', 'csv', '--db', db]);
    assert.equal(csv.code, 0);
    const lines = csv.out.trim().split('\n');
    assert.equal(
      lines[0],
      'articleId,quoteId,date,source,title,url,kind,speaker,speakerType,gender,cue,cueLemma,start,end,text',
    );
    const jsonl = (await run(runExport, ['--db', db])).out.trim().split('\n');
    const stats = JSON.parse((await run(runStats, ['--json', '--db', db])).out) as { quotes: number };
    assert.equal(jsonl.length, stats.quotes);
    // CSV rows may span lines only inside quoted fields; count records by parsing.
    assert.equal(csvRecords(csv.out) - 1, stats.quotes);
    const out = path.join(dir, 'out.csv');
    const f = await run(runExport, ['--format', 'csv', '--out', out, '--speaker', 'martin', '--db', db]);
    assert.equal(f.code, 0);
    assert.match(readFileSync(out, 'utf8'), /Jean Martin/);
    assert.equal((await run(runExport, ['--format', 'xml', '--db', db])).code, 2);
  });
});

describe('help', () => {
  const commands: Command[] = [
    ingestCommand,
    searchCommand,
    quotesCommand,
    speakersCommand,
    entitiesCommand,
    articleCommand,
    statsCommand,
    exportCommand,
  ];
  test('every command has a synopsis, options and examples, and is registered in the bin', () => {
    for (const c of commands) {
      assert.match(c.usage, new RegExp(`^Usage: verbatim ${c.name}`), c.name);
      assert.match(c.usage, /\nOptions:\n[\s\S]*--json/, c.name);
      assert.match(c.usage, /\nExamples:\n {2}verbatim /, c.name);
    }
    const help = spawnSync(process.execPath, [MAIN, 'help', 'quotes'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: verbatim quotes/);
    const global = spawnSync(process.execPath, [MAIN, '--help'], { encoding: 'utf8' });
    for (const c of commands) assert.match(global.stdout, new RegExp(`\\n {2}${c.name} `), c.name);
  });
});

function csvRecords(s: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) n++;
  }
  return n;
}
