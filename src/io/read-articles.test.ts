import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  findInvalidUtf8,
  formatInputError,
  parseArticleDate,
  parseSeedText,
  readInputs,
  type InputItem,
  type ReadOptions,
} from './read-articles.js';
import type { Article } from '../types.js';
import type { InputError } from './errors.js';

// dist/io/read-articles.test.js -> repository root
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIX = path.join(ROOT, 'test-fixtures', 'input');
const SHARED = path.join(ROOT, '..', 'shared');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-io-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const fixture = (name: string): string => path.join(FIX, name);

function tmpFile(name: string, content: string | Uint8Array): string {
  const p = path.join(TMP, name);
  fs.writeFileSync(p, content);
  return p;
}

async function collect(paths: string[], options?: ReadOptions): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths, options)) items.push(item);
  return items;
}

function only(items: InputItem[]): Article {
  assert.equal(items.length, 1, JSON.stringify(items));
  const item = items[0]!;
  assert.ok(item.ok, JSON.stringify(item));
  return item.article;
}

function onlyError(items: InputItem[]): InputError {
  assert.equal(items.length, 1, JSON.stringify(items));
  const item = items[0]!;
  assert.ok(!item.ok, `expected an error, got ${JSON.stringify(item)}`);
  return item.error;
}

/** A compact trace: "id@line" for articles, "CODE@line" for errors. */
function trace(items: InputItem[]): string[] {
  return items.map((i) =>
    i.ok ? `${i.article.id}@${i.line ?? '-'}` : `${i.error.code}@${i.error.line ?? '-'}`,
  );
}

describe('seed format', () => {
  test('month header: date, body after " date 2021-05 " exactly', async () => {
    const file = fixture('seed-month.txt');
    const raw = fs.readFileSync(file, 'utf8');
    const a = only(await collect([file]));
    assert.equal(a.id, 'seed-month');
    assert.deepEqual(a.date, { value: '2021-05', precision: 'month' });
    assert.ok(a.text.startsWith('Les ministres'), a.text.slice(0, 30));
    assert.equal(a.text, raw.slice(' date 2021-05 '.length));
    assert.equal(a.title, null);
    assert.equal(a.source, null);
    assert.equal(a.url, null);
  });

  test('the shared seed article', { skip: !fs.existsSync(path.join(SHARED, 'seed')) }, async () => {
    const file = path.join(SHARED, 'seed', 'nato-2021-05.txt');
    const a = only(await collect([file]));
    assert.equal(a.id, 'nato-2021-05');
    assert.deepEqual(a.date, { value: '2021-05', precision: 'month' });
    assert.ok(a.text.startsWith('Les ministres des Affaires étrangères'));
    assert.equal(a.text, fs.readFileSync(file, 'utf8').slice(' date 2021-05 '.length));
  });

  test('day header on its own line; the trailing newline is kept', async () => {
    const file = fixture('seed-day.txt');
    const a = only(await collect([file]));
    assert.deepEqual(a.date, { value: '2023-11-07', precision: 'day' });
    assert.ok(a.text.startsWith('Le maire de Quimper'));
    assert.ok(a.text.endsWith('assuré.\n'));
    assert.equal(a.text, fs.readFileSync(file, 'utf8').slice('date 2023-11-07\n'.length));
  });

  const cases: [string, string, string, [string, string] | null][] = [
    ['year', 'date 2021 Texte', 'Texte', ['2021', 'year']],
    ['CRLF consumed whole', 'date 2021-05\r\nTexte', 'Texte', ['2021-05', 'month']],
    ['LF', 'date 2021-05\nTexte\n', 'Texte\n', ['2021-05', 'month']],
    ['exactly one separator consumed', 'date 2021-05  Texte', ' Texte', ['2021-05', 'month']],
    ['second newline kept', 'date 2021-05\n\nTexte', '\nTexte', ['2021-05', 'month']],
    ['leading whitespace', '\n\t date 2021-05-18 Texte', 'Texte', ['2021-05-18', 'day']],
    ['BOM before header', '\uFEFFdate 2021 Texte', 'Texte', ['2021', 'year']],
    ['impossible date: header removed, date null', 'date 2021-13 Texte', 'Texte', null],
    ['February 30th', 'date 2021-02-30 Texte', 'Texte', null],
    ['not a header: partial day', 'date 2021-05-1 Texte', 'date 2021-05-1 Texte', null],
    ['not a header: capitalised', 'Date 2021 Texte', 'Date 2021 Texte', null],
    ['no header', 'Le 3 mai 2021, il a dit', 'Le 3 mai 2021, il a dit', null],
    ['header only', 'date 2021-05', '', ['2021-05', 'month']],
  ];
  for (const [name, raw, text, date] of cases) {
    test(`parseSeedText: ${name}`, () => {
      const a = parseSeedText(raw, 'x');
      assert.equal(a.text, text);
      assert.deepEqual(a.date, date && { value: date[0], precision: date[1] });
      assert.equal(a.id, 'x');
    });
  }
});

describe('plain text', () => {
  test('whole file is the body, no date', async () => {
    const file = fixture('plain.txt');
    const a = only(await collect([file]));
    assert.equal(a.id, 'plain');
    assert.equal(a.date, null);
    assert.equal(a.text, fs.readFileSync(file, 'utf8'));
  });

  test('UTF-8 BOM is removed', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const a = only(
      await collect([tmpFile('bom.txt', Buffer.concat([bom, Buffer.from('Élysée : « non ».')]))]),
    );
    assert.equal(a.text, 'Élysée : « non ».');
    const b = only(
      await collect([tmpFile('bom-seed.txt', Buffer.concat([bom, Buffer.from('date 2020 Été')]))]),
    );
    assert.deepEqual(b.date, { value: '2020', precision: 'year' });
    assert.equal(b.text, 'Été');
  });

  test('any other extension is text; id is the basename without extension', async () => {
    const a = only(await collect([tmpFile('dépêche.2024.md', 'date 2024-01 Bonjour.')]));
    assert.equal(a.id, 'dépêche.2024');
    assert.equal(a.text, 'Bonjour.');
  });

  test('over maxTextChars characters', async () => {
    const e = onlyError(await collect([tmpFile('long.txt', 'abcdefghijk')], { maxTextChars: 10 }));
    assert.equal(e.code, 'E_TOO_LARGE');
    assert.match(e.message, /11 characters/);
    only(await collect([tmpFile('ok.txt', 'date 2021 abcdefghij')], { maxTextChars: 10 }));
  });

  test('over the byte limit: refused before reading', async () => {
    const e = onlyError(await collect([tmpFile('huge.txt', 'a'.repeat(70_000))], { maxTextChars: 10 }));
    assert.equal(e.code, 'E_TOO_LARGE');
    assert.match(e.message, /70000 bytes/);
  });
});

describe('problems with files', () => {
  test('empty and whitespace-only files', async () => {
    assert.equal(onlyError(await collect([fixture('empty.txt')])).code, 'E_EMPTY');
    assert.equal(onlyError(await collect([tmpFile('blank.txt', ' \n\t\r\n')])).code, 'E_EMPTY');
    assert.equal(onlyError(await collect([tmpFile('blank.jsonl', '\n\n  \n')])).code, 'E_EMPTY');
    assert.equal(onlyError(await collect([tmpFile('blank.json', '  ')])).code, 'E_EMPTY');
    const e = onlyError(await collect([tmpFile('header-only.txt', 'date 2021-05\n\n')]));
    assert.equal(e.code, 'E_EMPTY');
    assert.equal(
      formatInputError(e),
      `${path.join(TMP, 'header-only.txt')}: empty file (nothing after the date header)`,
    );
  });

  test('binary file (generated)', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const e = onlyError(await collect([tmpFile('image.txt', png)]));
    assert.equal(e.code, 'E_BINARY');
    assert.match(e.message, /^binary or undecodable file/);
    assert.equal(onlyError(await collect([tmpFile('image.jsonl', png)])).code, 'E_BINARY');
    // Control characters and invalid UTF-8, but no NUL byte.
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 151 + 7) % 255 || 1;
    assert.equal(onlyError(await collect([tmpFile('noise.txt', noise)])).code, 'E_BINARY');
  });

  test('UTF-16 file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bonjour', 'utf16le')]);
    const e = onlyError(await collect([tmpFile('utf16.txt', utf16)]));
    assert.equal(e.code, 'E_ENCODING');
    assert.match(e.message, /UTF-16/);
  });

  test('truncated UTF-8 (generated)', async () => {
    const bytes = Buffer.from('Le café');
    const e = onlyError(await collect([tmpFile('truncated.txt', bytes.subarray(0, bytes.length - 1))]));
    assert.equal(e.code, 'E_ENCODING');
    assert.match(e.message, /^not valid UTF-8 \(truncated UTF-8 sequence at byte 6\)/);
    assert.equal(e.file, path.join(TMP, 'truncated.txt'));
  });

  test('Latin-1 file', async () => {
    const e = onlyError(
      await collect([tmpFile('latin1.txt', Buffer.from('Le caf\xe9 est froid.', 'latin1'))]),
    );
    assert.equal(e.code, 'E_ENCODING');
    assert.match(e.message, /invalid byte 0xE9 at byte 6/);
  });

  test('nonexistent file and directory: reported, the other files still read', async () => {
    const missing = path.join(TMP, 'absent.txt');
    const items = await collect([missing, TMP, fixture('plain.txt')]);
    assert.deepEqual(trace(items), ['E_NOT_FOUND@-', 'E_NOT_FILE@-', 'plain@-']);
    const e = items[0]!;
    assert.ok(!e.ok);
    assert.equal(formatInputError(e.error), `${missing}: no such file`);
  });

  test('several files in order', async () => {
    const items = await collect([fixture('seed-day.txt'), fixture('plain.txt'), fixture('seed-month.txt')]);
    assert.deepEqual(trace(items), ['seed-day@-', 'plain@-', 'seed-month@-']);
  });
});

describe('JSONL', () => {
  test('good lines in order, bad lines reported with their line numbers', async () => {
    const items = await collect([fixture('articles.jsonl')]);
    assert.deepEqual(trace(items), [
      'a1@1',
      'E_JSON@2',
      'E_NO_TEXT@3',
      'articles:4@4',
      'E_NO_TEXT@6',
      '6@7',
      'E_NO_TEXT@8',
      'E_NOT_OBJECT@9',
    ]);
    const [a1, badJson, missing, noId, nonString, numericId] = items;
    assert.ok(a1?.ok && noId?.ok && numericId?.ok);
    assert.deepEqual(a1.article, {
      id: 'a1',
      text: 'Le syndicat a prévenu : « Nous ne reculerons pas. »',
      date: { value: '2022-03-14', precision: 'day' },
      title: 'Grève à la SNCF',
      source: 'Le Quotidien',
      url: 'https://example.org/a1',
    });
    assert.equal(a1.file, fixture('articles.jsonl'));
    assert.deepEqual(noId.article.date, { value: '2022-03-15', precision: 'day' });
    assert.equal(noId.article.title, null);
    assert.equal(numericId.article.date, null, 'an unparseable date is dropped, not an error');
    assert.ok(badJson && !badJson.ok && missing && !missing.ok && nonString && !nonString.ok);
    assert.match(formatInputError(badJson.error), /articles\.jsonl:2: invalid JSON \(.+\)$/);
    assert.match(missing.error.message, /missing "text"/);
    assert.match(nonString.error.message, /"text" is a number, not a string/);
  });

  test('BOM, CRLF, last line without newline, .ndjson', async () => {
    const file = tmpFile('crlf.ndjson', '\uFEFF{"text":"un"}\r\n{"text":"deux"}\r\n\r\n{"text":"trois"}');
    const items = await collect([file]);
    assert.deepEqual(trace(items), ['crlf:1@1', 'crlf:2@2', 'crlf:4@4']);
    assert.deepEqual(
      items.map((i) => i.ok && i.article.text),
      ['un', 'deux', 'trois'],
    );
  });

  test('invalid UTF-8 on one line does not stop the file', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"text":"été"}\n{"text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"text":"hiver"}\n'),
    ]);
    const items = await collect([tmpFile('mixed.jsonl', bytes)]);
    assert.deepEqual(trace(items), ['mixed:1@1', 'E_ENCODING@2', 'mixed:3@3']);
    const bad = items[1]!;
    assert.ok(!bad.ok);
    assert.match(
      formatInputError(bad.error),
      /mixed\.jsonl:2: not valid UTF-8 \(invalid byte 0xE9 at byte 12/,
    );
  });

  test('a 20 MB line between two good lines is refused unparsed, its neighbours read', async () => {
    const file = path.join(TMP, 'huge-line.jsonl');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"id":"avant","text":"Premier article."}\n{"id":"énorme","text":"');
    const block = 'x'.repeat(1 << 20);
    for (let i = 0; i < 20; i++) fs.writeSync(fd, block);
    fs.writeSync(fd, '"}\n{"id":"après","text":"Dernier article."}\n');
    fs.closeSync(fd);
    const items = await collect([file]);
    assert.deepEqual(trace(items), ['avant@1', 'E_TOO_LARGE@2', 'après@3']);
    const e = items[1]!;
    assert.ok(!e.ok);
    assert.match(e.error.message, /^too large \(line of 209715\d\d bytes; the limit is 4065536 bytes/);
  });

  test('maxTextChars applies to the text of a record', async () => {
    const file = tmpFile('limit.jsonl', '{"text":"0123456789"}\n{"text":"0123456789A"}\n');
    const items = await collect([file], { maxTextChars: 10 });
    assert.deepEqual(trace(items), ['limit:1@1', 'E_TOO_LARGE@2']);
    assert.throws(() => readInputs([file], { maxTextChars: 0 }), RangeError);
  });

  test(
    'the dev corpus reads without errors',
    { skip: !fs.existsSync(path.join(SHARED, 'corpus')) },
    async () => {
      const items = await collect([path.join(SHARED, 'corpus', 'dev', 'articles.jsonl')]);
      assert.equal(items.length, 3924);
      assert.ok(items.every((i) => i.ok));
    },
  );
});

describe('JSON', () => {
  test('an array of articles', async () => {
    const items = await collect([fixture('articles.json')]);
    assert.deepEqual(trace(items), ['j1@-', 'articles:2@-']);
    const [a, b] = items;
    assert.ok(a?.ok && b?.ok);
    assert.deepEqual(a.article.date, { value: '2020', precision: 'year' });
    assert.deepEqual(b.article.date, { value: '2020-02', precision: 'month' });
    assert.equal(b.article.source, 'Ouest Matin');
    assert.ok(a.article.text.startsWith('Le porte-parole'));
  });

  test('a single object; bad documents', async () => {
    const a = only(await collect([tmpFile('seul.json', '{"text": "Il a dit non.", "url": ""}')]));
    assert.equal(a.id, 'seul');
    assert.equal(a.url, null);
    assert.equal(onlyError(await collect([tmpFile('broken.json', '{"text": ')])).code, 'E_JSON');
    assert.equal(onlyError(await collect([tmpFile('vide.json', '[]')])).code, 'E_EMPTY');
    assert.equal(onlyError(await collect([tmpFile('nombre.json', '12')])).code, 'E_NOT_OBJECT');
    const items = await collect([tmpFile('mixte.json', '[{"text":"a"}, {"texte":"b"}, {"text":"c"}]')]);
    assert.deepEqual(trace(items), ['mixte:1@-', 'E_NO_TEXT@-', 'mixte:3@-']);
    assert.ok(!items[1]!.ok);
    assert.match(items[1]!.error.message, /array item 2/);
  });
});

describe('standard input', () => {
  const stdin = (chunks: (string | Buffer)[]): Readable => Readable.from(chunks, { objectMode: false });

  test('JSONL, sniffed from "{", with chunks split inside characters', async () => {
    const bytes = Buffer.from('{"text":"été"}\n{"id":"b","text":"noël"}\n');
    const chunks = [bytes.subarray(0, 11), bytes.subarray(11, 33), bytes.subarray(33)];
    const items = await collect(['-'], { stdin: stdin(chunks) });
    assert.deepEqual(trace(items), ['stdin:1@1', 'b@2']);
    assert.deepEqual(
      items.map((i) => i.ok && i.article.text),
      ['été', 'noël'],
    );
    assert.ok(items[0]!.ok && items[0]!.file === '<stdin>');
  });

  test('seed format, plain text, JSON array', async () => {
    const seed = only(await collect(['-'], { stdin: stdin([' date 2021-05 Les ministres ont dit non.']) }));
    assert.equal(seed.id, 'stdin');
    assert.deepEqual(seed.date, { value: '2021-05', precision: 'month' });
    assert.equal(seed.text, 'Les ministres ont dit non.');
    const plain = only(await collect(['-'], { stdin: stdin(['  Texte libre.\n']) }));
    assert.equal(plain.text, '  Texte libre.\n');
    assert.equal(plain.date, null);
    const items = await collect(['-'], { stdin: stdin(['\n [{"text":"a"},', '{"text":"b"}]']) });
    assert.deepEqual(trace(items), ['stdin:1@-', 'stdin:2@-']);
    assert.equal(onlyError(await collect(['-'], { stdin: stdin([]) })).code, 'E_EMPTY');
  });

  test('"-" twice: the second is an error', async () => {
    const items = await collect(['-', '-'], { stdin: stdin(['{"text":"a"}\n']) });
    assert.deepEqual(trace(items), ['stdin:1@1', 'E_STDIN_REUSED@-']);
  });

  test('streams: the first article comes before the input ends', async () => {
    const input = new Readable({ read() {} });
    input.push('{"text":"premier"}\n');
    const gen = readInputs(['-'], { stdin: input });
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([
      gen.next(),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 2000))),
    ]);
    clearTimeout(timer);
    assert.notEqual(first, 'timeout', 'the reader waited for the end of the input');
    assert.ok(first !== 'timeout' && !first.done && first.value.ok && first.value.article.text === 'premier');
    input.push('{"text":"second"}\n');
    input.push(null);
    const rest: InputItem[] = [];
    for await (const item of gen) rest.push(item);
    assert.deepEqual(trace(rest), ['stdin:2@2']);
  });
});

describe('dates and bytes', () => {
  const dates: [unknown, string | null, string?][] = [
    ['2021-05-18', '2021-05-18', 'day'],
    ['2021-05', '2021-05', 'month'],
    ['2021', '2021', 'year'],
    [2021, '2021', 'year'],
    ['2021-05-18T23:30:00-05:00', '2021-05-18', 'day'],
    ['2021-05-18T09:30:00.123Z', '2021-05-18', 'day'],
    ['2021-05-18 09:30', '2021-05-18', 'day'],
    ['2024-02-29', '2024-02-29', 'day'],
    ['2023-02-29', null],
    ['2021-00', null],
    ['18/05/2021', null],
    ['hier', null],
    ['', null],
    [null, null],
    [{}, null],
  ];
  for (const [input, value, precision] of dates) {
    test(`parseArticleDate(${JSON.stringify(input)})`, () => {
      assert.deepEqual(parseArticleDate(input), value === null ? null : { value, precision });
    });
  }

  test('findInvalidUtf8 agrees with the fatal TextDecoder', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pool = [
      0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xa9, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xff,
    ];
    let invalid = 0;
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: 1 + rand(6) }, () => pool[rand(pool.length)]!);
      let ok = true;
      try {
        decoder.decode(bytes);
      } catch {
        ok = false;
      }
      if (!ok) invalid++;
      assert.equal(findInvalidUtf8(bytes) === null, ok, `bytes ${Buffer.from(bytes).toString('hex')}`);
    }
    assert.ok(invalid > 100 && invalid < 4900, 'the sample mixes valid and invalid sequences');
    assert.deepEqual(findInvalidUtf8(Buffer.from([0x41, 0xc3])), { offset: 1, truncated: true });
    assert.deepEqual(findInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80])), { offset: 1, truncated: false });
  });

  test('formatInputError', () => {
    assert.equal(
      formatInputError({ code: 'E_JSON', file: 'data.jsonl', line: 12, message: 'invalid JSON (x)' }),
      'data.jsonl:12: invalid JSON (x)',
    );
    assert.equal(
      formatInputError({ code: 'E_EMPTY', file: 'a.txt', message: 'empty file' }),
      'a.txt: empty file',
    );
  });
});
