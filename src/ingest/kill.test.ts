// Resumability: an ingest child process is killed with SIGKILL mid-run (after a commit, and at an
// arbitrary moment, possibly inside a transaction), then run again to the end. The archive must
// hold exactly the expected rows: every article once, each with exactly its analysis.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

import { analyze } from '../analyze.js';
import { parseArticleDate } from '../io/read-articles.js';
import { stem } from '../query/french.js';
import { syntheticArticle, syntheticJsonl } from './synthetic.js';

const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const N = 2500;

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'verbatim-kill-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function start(
  corpus: string,
  db: string,
): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string }> } {
  const child = spawn(process.execPath, [MAIN, 'ingest', corpus, '--db', db, '--workers', '1', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout }));
    },
  );
  return { child, done };
}

/** Articles committed so far, read through a separate connection (WAL: never blocks the writer). */
function committed(db: string): number {
  if (!existsSync(db)) return 0;
  let conn: Database.Database | null = null;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
    return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0; // Not created yet (schema in progress).
  } finally {
    conn?.close();
  }
}

async function killWhen(run: ReturnType<typeof start>, db: string, ready: () => boolean): Promise<number> {
  while (!ready()) {
    if (run.child.exitCode !== null) break;
    await sleep(10);
  }
  run.child.kill('SIGKILL');
  const r = await run.done;
  assert.equal(r.signal, 'SIGKILL', 'the run was killed before it ended (make the corpus bigger if not)');
  return committed(db);
}

test(
  'an ingest killed with SIGKILL resumes to exactly the expected rows',
  { timeout: 120_000 },
  async (t) => {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeFileSync(corpus, syntheticJsonl(N, 0, 5));
    const db = path.join(dir, 'archive.db');

    // 1. Killed just after its first commit.
    const r1 = start(corpus, db);
    const after1 = await killWhen(r1, db, () => committed(db) > 0);
    assert.ok(after1 > 0 && after1 < N, `first kill mid-run: ${after1} committed`);

    // 2. Killed at an arbitrary moment: a fixed delay after start, whatever it is doing.
    const r2 = start(corpus, db);
    const t0 = Date.now();
    const after2 = await killWhen(r2, db, () => Date.now() - t0 > 900);
    assert.ok(after2 >= after1 && after2 < N, `second kill mid-run: ${after2} committed`);

    t.diagnostic(`killed after ${after1} and ${after2} of ${N} articles committed`);

    // 3. Run to the end.
    const r3 = start(corpus, db);
    const last = await r3.done;
    assert.equal(last.code, 0);
    const summary = JSON.parse(last.stdout) as { inserted: number; kept: number; failed: number };
    assert.equal(summary.kept, after2);
    assert.equal(summary.inserted, N - after2);
    assert.equal(summary.failed, 0);

    // Exactly the expected rows.
    const conn = new Database(db, { readonly: true });
    try {
      const ids = conn.prepare('SELECT id FROM articles').pluck().all() as string[];
      assert.equal(ids.length, N);
      assert.deepEqual(new Set(ids), new Set(Array.from({ length: N }, (_, i) => `syn-${i}`)));
      const perArticle = new Map(
        (
          conn
            .prepare(
              'SELECT a.id AS id, count(q.pk) AS n FROM articles a LEFT JOIN quotes q ON q.article = a.pk GROUP BY a.pk',
            )
            .all() as {
            id: string;
            n: number;
          }[]
        ).map((r) => [r.id, r.n]),
      );
      let expectedQuotes = 0;
      let expectedEntities = 0;
      for (let i = 0; i < N; i++) {
        const a = syntheticArticle(i, 5);
        const r = analyze({ ...a, date: parseArticleDate(a.date) });
        assert.equal(perArticle.get(a.id), r.quotes.length, `quotes of ${a.id}`);
        expectedQuotes += r.quotes.length;
        expectedEntities += r.entities.length;
      }
      const count = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
      assert.equal(count('SELECT count(*) AS n FROM quotes'), expectedQuotes);
      assert.equal(count('SELECT count(*) AS n FROM entities'), expectedEntities);
      // No orphans, and the full-text indexes hold each row once.
      assert.equal(
        count('SELECT count(*) AS n FROM quotes WHERE article NOT IN (SELECT pk FROM articles)'),
        0,
      );
      assert.equal(
        count('SELECT count(*) AS n FROM entities WHERE article NOT IN (SELECT pk FROM articles)'),
        0,
      );
      assert.equal(
        count('SELECT count(*) AS n FROM mentions WHERE entity NOT IN (SELECT pk FROM entities)'),
        0,
      );
      assert.equal(count('SELECT count(*) AS n FROM articles_fts'), N);
      assert.equal(count('SELECT count(*) AS n FROM quotes_fts'), expectedQuotes);
      // Every synthetic article says "devant la presse" once: one index hit each, no more.
      assert.equal(
        count(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH '"${stem('presse')}"'`),
        N,
      );
    } finally {
      conn.close();
    }
    const rw = new Database(db);
    try {
      rw.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
      rw.prepare("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')").run();
    } finally {
      rw.close();
    }
  },
);
