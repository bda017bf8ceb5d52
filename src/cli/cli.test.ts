// The `verbatim` bin, run as a child process on the compiled dist/cli/main.js, plus the analyze
// command in-process where a failure has to be injected.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { analyze } from '../analyze.js';
import type { Analysis, Article, Span } from '../types.js';
import { runAnalyze } from './commands/analyze.js';
import { Output, clean, truncate, type CliContext } from './format.js';

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = path.join(ROOT, 'examples/exemple.txt');
const SEED = path.join(ROOT, '../shared/seed/nato-2021-05.txt');
const SEED_EXPECTED = path.join(ROOT, '../shared/seed/expected.json');
const noSeed =
  existsSync(SEED) && existsSync(SEED_EXPECTED) ? false : 'the seed (../shared/seed) is not available';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function verbatim(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function jsonLines(stdout: string): Analysis[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Analysis);
}

/** Every span of an analysis: quotes, cues, speaker mentions, entity mentions. */
function spansOf(a: Analysis): Span[] {
  const spans: Span[] = [];
  for (const q of a.quotes) {
    spans.push(q);
    if (q.cue) spans.push(q.cue);
    if (q.speaker?.mention) spans.push(q.speaker.mention);
  }
  for (const e of a.entities) spans.push(...e.mentions);
  return spans;
}

function assertSpansIn(a: Analysis, text: string): void {
  for (const s of spansOf(a)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `integer offsets: ${JSON.stringify(s)}`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `in range: ${JSON.stringify(s)}`);
    assert.equal(text.slice(s.start, s.end), s.text, `span [${s.start}, ${s.end})`);
  }
}

/** A JSONL record for an article; the text is built so that it has a clear direct quote. */
function record(id: string, speaker: string): string {
  const text = `« Nous continuerons le travail », a déclaré ${speaker} lundi. Le vote aura lieu en juin.`;
  return JSON.stringify({ id, date: '2024-03-11', text });
}

let tmp: string;
before(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'verbatim-cli-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});
function tmpFile(name: string, content: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

describe('verbatim analyze', () => {
  test('examples/exemple.txt --json: one analysis whose spans are slices of the article text', async () => {
    const raw = readFileSync(EXAMPLE, 'utf8');
    const header = /^ date 2024-03 /.exec(raw);
    assert.ok(header, 'the example starts with the seed header');
    const text = raw.slice(header[0].length);

    const r = await verbatim(['analyze', 'examples/exemple.txt', '--json']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, 'one line per article');
    const a = JSON.parse(lines[0]!) as Analysis;

    assert.equal(a.id, 'exemple');
    assert.deepEqual(a.date, { value: '2024-03', precision: 'month' });
    assert.ok(a.quotes.length >= 5, `at least 5 quotes, got ${a.quotes.length}`);
    assertSpansIn(a, text);
    // The output is exactly analyze() of the same article.
    assert.deepEqual(a, analyze({ id: 'exemple', text, date: { value: '2024-03', precision: 'month' } }));

    const first = a.quotes[0]!;
    assert.equal(first.kind, 'direct');
    assert.equal(first.text, 'C’est une mesure de justice sociale et une mesure pour le climat');
    assert.equal(first.cue?.text, 'a déclaré');
    const inverted = a.quotes.find((q) => q.cue?.text === 'a-t-elle ajouté');
    assert.ok(inverted, 'the a-t-elle inversion is a cue');
    assert.equal(inverted.speaker?.name, 'Hélène Dumas');
    // A scare-quoted term is not a quotation.
    assert.ok(!a.quotes.some((q) => q.text.includes('gilets jaunes')), 'les «gilets jaunes» is not a quote');
  });

  test('human-readable output: a header per article and one line per quote', async () => {
    const r = await verbatim(['analyze', 'examples/exemple.txt', 'examples/exemples.jsonl']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    const headers = lines.filter((l) => l !== '' && !l.startsWith('  '));
    assert.equal(headers.length, 4, 'one header per article');
    assert.match(headers[0]!, /^exemple {2}2024-03 {2}\d+ quotes \(.*direct.*\), \d+ entit/);
    assert.match(headers[1]!, /^valmont-greve-2024-03-12 {2}2024-03-12 {2}/);
    const quoteLines = lines.filter((l) => l.startsWith('  '));
    assert.ok(quoteLines.length >= 10);
    for (const l of quoteLines) {
      assert.match(
        l,
        /^ {2}\[(direct|indirect|mixed)\] (\? |.+ \((person|organization|group|anonymous|document)\)): «/,
      );
      assert.ok(l.length < 300, `a quote line is truncated: ${l}`);
    }
    assert.ok(quoteLines.some((l) => l.includes('— cue "a déclaré"')));
  });

  test('human-readable output truncates long quotes', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
    const text = `« ${long}, ${long} », a déclaré la ministre.`;
    const r = await verbatim(['analyze', '-'], JSON.stringify({ id: 'long', text }) + '\n');
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.split('\n').find((l) => l.startsWith('  ['));
    assert.ok(line, r.stdout);
    assert.match(line, /…» — cue "a déclaré"$/);
    assert.ok(line.length < 260, line);
  });

  test('the seed: date and at least 6 quotes of Jens Stoltenberg', { skip: noSeed }, async () => {
    const r = await verbatim(['analyze', SEED, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const [a, ...more] = jsonLines(r.stdout);
    assert.ok(a);
    assert.equal(more.length, 0);
    assert.deepEqual(a.date, { value: '2021-05', precision: 'month' });
    const text = readFileSync(SEED, 'utf8').replace(/^ date 2021-05 /, '');
    assertSpansIn(a, text);
    const stoltenberg = a.quotes.filter((q) => q.speaker?.name === 'Jens Stoltenberg');
    assert.ok(stoltenberg.length >= 6, `quotes of Jens Stoltenberg: ${stoltenberg.length}`);
  });

  test(
    'the seed: the 7 quotes of expected.json, with their kinds and speakers',
    { skip: noSeed },
    async () => {
      const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as {
        quotes: { kind: string; speaker: string }[];
      };
      const r = await verbatim(['analyze', SEED, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const a = jsonLines(r.stdout)[0]!;
      assert.deepEqual(
        a.quotes.map((q) => ({ kind: q.kind, speaker: q.speaker?.name ?? null })),
        expected.quotes.map((q) => ({ kind: q.kind, speaker: q.speaker })),
      );
    },
  );

  test('JSONL with an invalid line: the other articles are analysed, the line is named, exit 1', async () => {
    const file = tmpFile(
      'mixed.jsonl',
      `${record('a', 'Anne Martin')}\n{"id": "b", "text": \n${record('c', 'Paul Durand')}\n`,
    );
    const r = await verbatim(['analyze', '--json', file]);
    assert.equal(r.code, 1);
    const out = jsonLines(r.stdout);
    assert.deepEqual(
      out.map((a) => a.id),
      ['a', 'c'],
    );
    assert.equal(out[0]!.quotes[0]?.speaker?.name, 'Anne Martin');
    assert.match(r.stderr, /^verbatim: .*mixed\.jsonl:2: invalid JSON/m);
    assert.match(r.stderr, /^verbatim: 1 error; 2 articles analysed$/m);
  });

  test('an empty file and a good file: exit 1, the good file is still analysed', async () => {
    const empty = tmpFile('empty.txt', '');
    const r = await verbatim(['analyze', '--json', empty, 'examples/exemple.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual(
      jsonLines(r.stdout).map((a) => a.id),
      ['exemple'],
    );
    assert.match(r.stderr, /^verbatim: .*empty\.txt: empty file$/m);
  });

  test('a nonexistent file: a clear message, exit 1', async () => {
    const r = await verbatim(['analyze', 'no/such/article.txt']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^verbatim: no\/such\/article\.txt: no such file$/m);
    assert.doesNotMatch(r.stderr, /ENOENT|at .*\.js/);
  });

  test('"-" reads standard input (text with a seed header)', async () => {
    const r = await verbatim(
      ['analyze', '--json', '-'],
      ' date 2024-03-05 « Nous ne céderons pas », a affirmé le porte-parole du gouvernement.',
    );
    assert.equal(r.code, 0, r.stderr);
    const [a] = jsonLines(r.stdout);
    assert.ok(a);
    assert.equal(a.id, 'stdin');
    assert.deepEqual(a.date, { value: '2024-03-05', precision: 'day' });
    assert.equal(a.quotes[0]?.text, 'Nous ne céderons pas');
  });

  test('"-" reads JSONL from standard input', async () => {
    const r = await verbatim(
      ['analyze', '--json', '-'],
      `${record('x', 'Anne Martin')}\n${record('y', 'Paul Durand')}\n`,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      jsonLines(r.stdout).map((a) => a.id),
      ['x', 'y'],
    );
  });

  test('--max-chars rejects longer articles; a bad value is a usage error', async () => {
    const r = await verbatim(['analyze', '--max-chars', '20', 'examples/exemple.txt']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /exemple\.txt: too large/);
    const bad = await verbatim(['analyze', '--max-chars', 'lots', 'examples/exemple.txt']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-chars/);
  });

  test('usage errors: no file, unknown option -> exit 2', async () => {
    const none = await verbatim(['analyze']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Usage: verbatim analyze/);
    const unknown = await verbatim(['analyze', '--frobnicate', 'examples/exemple.txt']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--frobnicate/);
    assert.equal(unknown.stdout, '');
  });

  test('a closed stdout (| head) ends the command quietly', async () => {
    const line = record('r', 'Anne Martin');
    const file = tmpFile('many.jsonl', `${line}\n`.repeat(5000));
    const child = spawn(process.execPath, [MAIN, 'analyze', '--json', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  test('an analyze() exception is reported with the article id and does not stop the others', async () => {
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
    const errors: string[] = [];
    const ctx: CliContext = {
      stdin: new PassThrough(),
      out: new Output(stdout),
      err: (l) => errors.push(l),
    };
    const file = tmpFile('three.jsonl', ['a', 'boom', 'c'].map((id) => record(id, 'Anne Martin')).join('\n'));
    const failing = (article: Article): Analysis => {
      if (article.id === 'boom') throw new Error('kaboom');
      return analyze(article);
    };
    const code = await runAnalyze(['--json', file], ctx, failing);
    assert.equal(code, 1);
    assert.deepEqual(
      jsonLines(chunks.join('')).map((a) => a.id),
      ['a', 'c'],
    );
    assert.equal(errors.length, 2);
    assert.match(errors[0]!, /^verbatim: .*three\.jsonl:2: analysis of article "boom" failed: kaboom$/);
    assert.equal(errors[1], 'verbatim: 1 error; 2 articles analysed');
  });
});

describe('verbatim help and dispatch', () => {
  test('--help: exit 0, lists analyze and eval', async () => {
    const r = await verbatim(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: verbatim <command>/);
    assert.match(r.stdout, /^ {2}analyze /m);
    assert.match(r.stdout, /^ {2}eval /m);
    assert.match(r.stdout, /Examples:/);
  });

  test('help CMD and CMD --help print the command usage with examples', async () => {
    for (const args of [
      ['help', 'analyze'],
      ['analyze', '--help'],
      ['analyze', 'x.txt', '-h'],
    ]) {
      const r = await verbatim(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: verbatim analyze FILE\.\.\./, args.join(' '));
      assert.match(r.stdout, /Examples:\n {2}verbatim analyze/);
    }
    const r = await verbatim(['eval', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: verbatim eval --gold/);
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await verbatim(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  test('an unknown command: message and usage on stderr, exit 2', async () => {
    const r = await verbatim(['analyse', 'examples/exemple.txt']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /unknown command "analyse"/);
    assert.match(r.stderr, /Usage: verbatim <command>/);
    const help = await verbatim(['help', 'nope']);
    assert.equal(help.code, 2);
  });

  test('no arguments: usage, exit 2', async () => {
    const r = await verbatim([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: verbatim <command>/);
  });
});

describe('verbatim eval', () => {
  test('without --gold: usage error, exit 2', async () => {
    const r = await verbatim(['eval', '--articles', 'articles.jsonl']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing --gold/);
    assert.match(r.stderr, /Usage: verbatim eval/);
  });

  test('a missing file: message, exit 1', async () => {
    const articles = tmpFile('eval-articles.jsonl', '');
    const r = await verbatim(['eval', '--gold', 'no/such/gold.jsonl', '--articles', articles]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^verbatim eval: no\/such\/gold\.jsonl: no such file$/m);
  });

  test('scores a small gold corpus and prints the report', async () => {
    const text = '« Nous continuerons le travail », a déclaré Anne Martin lundi.';
    const articles = tmpFile('eval-ok-articles.jsonl', JSON.stringify({ id: 'g1', text, date: null }) + '\n');
    const start = text.indexOf('Nous');
    const end = text.indexOf(' »');
    const gold = {
      id: 'g1',
      quotes: [
        {
          start,
          end,
          kind: 'direct',
          speaker: 'Anne Martin',
          speaker_type: 'person',
          mention: { start: text.indexOf('Anne'), end: text.indexOf(' lundi') },
          cue: { start: text.indexOf('a déclaré'), end: text.indexOf(' Anne') },
        },
      ],
      people: [{ name: 'Anne Martin', gender: 'female' }],
    };
    const goldFile = tmpFile('eval-ok-gold.jsonl', JSON.stringify(gold) + '\n');
    const r = await verbatim(['eval', '--gold', goldFile, '--articles', articles]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Quotations: 1 articles?, 1 gold/);
    const json = await verbatim(['eval', '--gold', goldFile, '--articles', articles, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { quotes: unknown };
    assert.ok(report.quotes);
  });

  test('a gold article without text in --articles: message, exit 1', async () => {
    const articles = tmpFile('eval-other.jsonl', JSON.stringify({ id: 'other', text: 'Rien.' }) + '\n');
    const goldFile = tmpFile('eval-gold2.jsonl', JSON.stringify({ id: 'g9', quotes: [] }) + '\n');
    const r = await verbatim(['eval', '--gold', goldFile, '--articles', articles]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^verbatim eval: .*g9/m);
  });
});

describe('format helpers', () => {
  test('truncate: short strings unchanged, long ones cut with an ellipsis, surrogate pairs kept whole', () => {
    assert.equal(truncate('court', 10), 'court');
    const cut = truncate('a'.repeat(200), 160);
    assert.equal(cut.length, 160);
    assert.ok(cut.endsWith('…'));
    const emoji = truncate('x'.repeat(158) + '😀'.repeat(10), 160);
    assert.ok(!/[\uD800-\uDBFF]…$/.test(emoji), 'no lone high surrogate before the ellipsis');
    assert.ok(emoji.length <= 160);
  });

  test('clean: whitespace runs and control characters become one space', () => {
    assert.equal(clean('  un\n\ndeux\tthree\u001b[31m  '), 'un deux three [31m');
  });
});
