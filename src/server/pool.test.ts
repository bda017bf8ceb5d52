import assert from 'node:assert/strict';
import { test } from 'node:test';

import { WorkerPool } from './pool.js';

const worker = new URL('./pool-test-worker.js', import.meta.url);

test('a slow job holds up at most the one job sent ahead to its worker', async () => {
  const pool = new WorkerPool<{ ms: number; tag: string }, string>(worker, null, 2);
  try {
    const done: string[] = [];
    const run = (ms: number, tag: string): Promise<void> =>
      pool.run({ ms, tag }).then((t) => void done.push(t));
    // One slow job, then quick ones: assigned on arrival, half of them would wait behind it.
    const jobs = [run(600, 'slow')];
    for (let i = 0; i < 10; i++) jobs.push(run(15, `quick${i}`));
    assert.equal(pool.queued, 7, 'four sent, two per worker (one running, one ahead); the others wait');
    await Promise.all(jobs);
    const late = done.slice(done.indexOf('slow') + 1);
    assert.ok(late.length <= 1, `only the job sent ahead behind the slow one finishes after it: ${late}`);
    assert.equal(done.length, 11);
  } finally {
    await pool.close();
  }
});

test('jobs of one key go to one worker, when it is free; different keys use both', async () => {
  const pool = new WorkerPool<{ ms: number; tag: string; who?: boolean }, string>(worker, null, 2);
  try {
    const who = (key: string): Promise<string> => pool.run({ ms: 0, tag: '', who: true }, key);
    const threads = async (key: string): Promise<Set<string>> => {
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) seen.add(await who(key));
      return seen;
    };
    const keys = ['gilets jaunes', 'retraites', 'Otan', 'carburant', 'Macron', 'climat'];
    const homes: Set<string>[] = [];
    for (const k of keys) homes.push(await threads(k));
    for (const h of homes) assert.equal(h.size, 1, 'each key always on the same worker');
    assert.equal(new Set(homes.map((h) => [...h][0])).size, 2, 'the keys spread over both workers');
    // Without a key, the first free worker: the first, when both are free.
    assert.equal((await threads('')).size, 1);
  } finally {
    await pool.close();
  }
});

test('closing the pool fails its jobs, running or queued, instead of leaving them pending', async () => {
  const pool = new WorkerPool<{ ms: number; tag: string }, string>(worker, null, 1);
  const outcome = (p: Promise<string>): Promise<string> =>
    p.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
  const running = outcome(pool.run({ ms: 200, tag: 'a' }));
  const queued = outcome(pool.run({ ms: 50, tag: 'b' }));
  await pool.close();
  assert.deepEqual(await Promise.all([running, queued]), ['worker pool closed', 'worker pool closed']);
});
