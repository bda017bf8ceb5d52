// The search cache: a repeated search is answered from it, and an ingest by another process
// (another connection) empties it, so that no answer is ever stale.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';

import { runIngestCommand } from '../cli/commands/ingest.js';
import { Output } from '../cli/format.js';
import { syntheticJsonl } from '../ingest/synthetic.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import { buildTestArchive, type TestArchive } from './test-archive.js';

let archive: TestArchive;
let store: Store;
before(async () => {
  archive = await buildTestArchive(0);
  store = openStore(archive.db, { mustExist: true });
});
after(() => {
  store.close();
  archive.remove();
});

test('repeated searches come from the cache until the archive changes', async () => {
  const app = buildApp({ store, searchCache: 2 });
  try {
    const get = (q: string) => app.inject({ url: `/api/search?q=${q}&in=articles` });
    const a1 = await get('agir');
    assert.equal(a1.headers['x-cache'], 'miss');
    const a2 = await get('agir');
    assert.equal(a2.headers['x-cache'], 'hit');
    assert.equal(a2.body, a1.body);
    // Least recently used out: capacity 2.
    await get('otan');
    await get('agir');
    await get('retraites');
    assert.equal((await get('agir')).headers['x-cache'], 'hit');
    assert.equal((await get('otan')).headers['x-cache'], 'miss');
    // Another connection adds articles: the next answer is computed again and counts them.
    const before = a1.json<{ articles: { total: number } }>().articles.total;
    const file = path.join(archive.dir, 'more.jsonl');
    writeFileSync(file, syntheticJsonl(10, 1000));
    const sink = new PassThrough();
    sink.resume();
    const code = await runIngestCommand([file, '--db', archive.db, '--workers', '0'], {
      stdin: new PassThrough(),
      out: new Output(sink),
      err: () => undefined,
    });
    assert.equal(code, 0);
    const a3 = await get('agir');
    assert.equal(a3.headers['x-cache'], 'miss');
    assert.ok(a3.json<{ articles: { total: number } }>().articles.total > before);
  } finally {
    await app.close();
  }
});

test('no cache by default: every search is computed, no header', async () => {
  const app = buildApp({ store });
  try {
    const r = await app.inject({ url: '/api/search?q=agir' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['x-cache'], undefined);
  } finally {
    await app.close();
  }
});
