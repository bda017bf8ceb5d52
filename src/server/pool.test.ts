import assert from 'node:assert/strict';
import { test } from 'node:test';

import { WorkerPool } from './pool.js';

const worker = new URL('./pool-test-worker.js', import.meta.url);

test('a slow job holds up no other: queued jobs go to whichever worker is free', async () => {
  const pool = new WorkerPool<{ ms: number; tag: string }, string>(worker, null, 2);
  try {
    const done: string[] = [];
    const run = (ms: number, tag: string): Promise<void> =>
      pool.run({ ms, tag }).then((t) => void done.push(t));
    // One slow job, then quick ones: assigned on arrival, half of them would wait behind it.
    const jobs = [run(600, 'slow')];
    for (let i = 0; i < 8; i++) jobs.push(run(15, `quick${i}`));
    assert.equal(pool.queued, 7, 'two sent, one per worker; the others wait in the queue');
    await Promise.all(jobs);
    assert.equal(done.at(-1), 'slow');
    assert.deepEqual(
      done.slice(0, 8),
      Array.from({ length: 8 }, (_, i) => `quick${i}`),
      'the quick jobs finish in their order, all on the free worker',
    );
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
