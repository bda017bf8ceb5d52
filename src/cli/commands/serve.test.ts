// `verbatim serve` as a child process: listens on a free port, answers, stops cleanly on SIGTERM;
// usage and archive errors.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { buildTestArchive, type TestArchive } from '../../server/test-archive.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

let archive: TestArchive;
before(async () => {
  archive = await buildTestArchive(0);
});
after(() => archive.remove());

test('serve: listens on 127.0.0.1, answers the API and the pages, exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, [MAIN, 'serve', '--db', archive.db, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const first = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited early (${code})`)));
    });
    const info = JSON.parse(first) as { url: string; articles: number };
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(info.articles, 41);
    const stats = (await (await fetch(`${info.url}api/stats`)).json()) as { articles: number };
    assert.equal(stats.articles, 41);
    const page = await fetch(`${info.url}overview`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<svg class="chart"/);
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('serve: usage errors exit 2, a missing archive 1', () => {
  const bad = spawnSync(process.execPath, [MAIN, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--port/);
  const none = spawnSync(process.execPath, [MAIN, 'serve', '--db', `${archive.dir}/none.db`, '--port', '0'], {
    encoding: 'utf8',
  });
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no archive/);
  const help = spawnSync(process.execPath, [MAIN, 'help', 'serve'], { encoding: 'utf8' });
  assert.match(help.stdout, /^Usage: verbatim serve/);
});
