// A small archive for the server's tests: 40 synthetic articles (known speakers: Claire Dubois,
// a woman, Jean Martin, a man...), articles spread over the dev corpus (read from ../shared, never
// copied here), and one hostile article whose title, source, URL and text carry markup and a
// javascript: link, to check that no data is ever rendered as HTML.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { Output } from '../cli/format.js';
import { runIngestCommand } from '../cli/commands/ingest.js';
import { syntheticJsonl } from '../ingest/synthetic.js';

export const DEV_CORPUS = fileURLToPath(
  new URL('../../../shared/corpus/dev/articles.jsonl', import.meta.url),
);

export const HOSTILE = {
  id: 'evil-1',
  date: '2019-01-15',
  source: 'Le <b>Piège</b>',
  url: 'javascript:alert(1)',
  title: '<script>alert("title")</script> Un titre piégé',
  text:
    '« Nous refusons <img src=x onerror=alert(1)> et <script>alert(2)</script> », a déclaré Claire Dubois. ' +
    'Selon la préfecture, 300 personnes ont défilé le 12 janvier 2019 & « tout s’est bien passé ».',
};

export interface TestArchive {
  dir: string;
  db: string;
  /** Ids of the dev corpus articles ingested. */
  devIds: string[];
  remove(): void;
}

/** Builds the archive in a fresh temporary folder (ingest in-process, no worker). */
export async function buildTestArchive(devArticles = 30): Promise<TestArchive> {
  const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-server-'));
  const db = path.join(dir, 'archive.db');
  const corpus = path.join(dir, 'corpus.jsonl');
  const devIds: string[] = [];
  let lines = syntheticJsonl(40) + JSON.stringify(HOSTILE) + '\n';
  if (devArticles > 0 && existsSync(DEV_CORPUS)) {
    // Spread over the corpus: several sources and months.
    const all = readFileSync(DEV_CORPUS, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const stride = Math.max(1, Math.floor(all.length / devArticles));
    const dev = all.filter((_, i) => i % stride === 0).slice(0, devArticles);
    for (const l of dev) devIds.push((JSON.parse(l) as { id: string }).id);
    lines += dev.join('\n') + '\n';
  }
  writeFileSync(corpus, lines);
  const out = new PassThrough();
  out.resume();
  const err: string[] = [];
  const code = await runIngestCommand([corpus, '--db', db, '--workers', '0'], {
    stdin: new PassThrough(),
    out: new Output(out),
    err: (l) => err.push(l),
  });
  if (code !== 0) throw new Error(`test archive: ingest failed (${code}): ${err.join('\n')}`);
  return { dir, db, devIds, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
