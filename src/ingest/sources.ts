// Reading the files of an ingest into articles: the formats of `verbatim analyze` (seed/plain
// text, JSONL, JSON) plus HTML pages and RSS/Atom feeds, each file decoded by ingest/decode.ts
// (UTF-8, windows-1252, UTF-16 with BOM). One item per article or per problem; a problem never
// stops the reading. JSONL is streamed line by line (memory stays flat on big files; a line
// longer than the limit is skipped without being held).
//
// Identity: a record's own id (JSON `id`, feed guid / Atom id / link) is its id; without one, the
// article is identified by the hash of its normalised text and gets a derived id
// (normalize.ts), so that a second ingest recognises it.
//
// The record rules (what a JSON article is, its fields, its errors), the limits and the JSONL line
// splitter are those of `verbatim analyze`, shared with io/read-articles.ts. What differs is
// explicit here: every file goes through decodeBytes (windows-1252 and UTF-16 besides UTF-8; a
// JSONL line is decoded on its own, so one windows-1252 line does not spoil the file), a blank
// JSONL line is one of ASCII blanks (seen before decoding), and identity (above).

import { createReadStream } from 'node:fs';

import {
  DEFAULT_MAX_TEXT_CHARS,
  JSON_FILE_MIN_CAP,
  READ_CHUNK_BYTES,
  hasUtf16Bom,
  jsonDocumentRecords,
  jsonlLineBody,
  maxBytesOf,
  nulOffset,
  parseJsonRecord,
  parseSeedText,
  readAll,
  splitLines,
  type ArticleRecord,
} from '../io/read-articles.js';
import type { Article } from '../types.js';
import { decodeBytes, type Encoding } from './decode.js';
import { ingestError, type IngestError, type IngestErrorCode } from './errors.js';
import { parseFeed } from './feed.js';
import { articleOfHtml } from './html.js';
import { derivedId, textHash } from './normalize.js';
import type { InputFile } from './paths.js';

export interface SourceArticle {
  ok: true;
  article: Article;
  idGiven: boolean;
  /** The normalised-text hash when the reader computed it (articles without id); else null. */
  hash: string | null;
  file: string;
  /** JSONL line, or JSON array / feed item number. */
  line?: number;
  encoding: Encoding;
}

export type SourceItem = SourceArticle | { ok: false; error: IngestError };

export interface SourceOptions {
  maxTextChars?: number;
  /** Called with the number of bytes of input consumed since the last call (progress). */
  onBytes?: (bytes: number) => void;
}

interface Ctx {
  maxTextChars: number;
  maxBytes: number;
  onBytes: (n: number) => void;
}

export async function* readSources(
  files: readonly InputFile[],
  options: SourceOptions = {},
): AsyncGenerator<SourceItem> {
  const maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const ctx: Ctx = {
    maxTextChars,
    maxBytes: maxBytesOf(maxTextChars),
    onBytes: options.onBytes ?? (() => {}),
  };
  for (const f of files) {
    try {
      if (f.format === 'jsonl') yield* readJsonl(f, ctx);
      else yield* readWhole(f, ctx);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') yield fail('E_NOT_FOUND', f.path);
      else if (code === 'EISDIR') yield fail('E_NOT_FILE', f.path, 'it is a directory');
      else if (code === 'EACCES' || code === 'EPERM') yield fail('E_READ', f.path, 'permission denied');
      else if (code !== undefined) yield fail('E_READ', f.path, (e as Error).message);
      else throw e;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Whole files: text, JSON, HTML, feeds

async function* readWhole(f: InputFile, ctx: Ctx): AsyncGenerator<SourceItem> {
  const cap = f.format === 'text' ? ctx.maxBytes : Math.max(ctx.maxBytes, JSON_FILE_MIN_CAP);
  if (f.size > cap) {
    ctx.onBytes(f.size);
    yield fail('E_TOO_LARGE', f.path, `${f.size} bytes; the limit is ${cap} bytes`);
    return;
  }
  const bytes = await readCapped(f.path, cap);
  ctx.onBytes(f.size);
  if (bytes === null) {
    yield fail('E_TOO_LARGE', f.path, `more than ${cap} bytes`);
    return;
  }
  if (bytes.length === 0) {
    yield fail('E_EMPTY', f.path);
    return;
  }
  const d = decodeBytes(bytes);
  if (!d.ok) {
    yield fail(d.code, f.path, d.detail);
    return;
  }
  if (!/\S/.test(d.text)) {
    yield fail('E_EMPTY', f.path);
    return;
  }
  if (f.format === 'json') {
    yield* jsonDocument(d.text, f.path, d.encoding, ctx);
  } else if (f.format === 'html') {
    const page = articleOfHtml(d.text);
    if (!page) {
      yield fail('E_NO_ARTICLE', f.path, 'Readability found no article text');
      return;
    }
    yield textArticle(
      { text: page.text, title: page.title, date: page.date, source: page.source, url: page.url },
      null,
      f.path,
      d.encoding,
      ctx,
    );
  } else if (f.format === 'feed') {
    const feed = parseFeed(d.text);
    if (!feed.ok) {
      yield fail('E_FEED', f.path, feed.detail);
      return;
    }
    for (const it of feed.items) {
      if (!/\S/.test(it.text)) {
        yield fail('E_NO_TEXT', f.path, 'item without description or content', it.item);
        continue;
      }
      yield textArticle(
        { text: it.text, title: it.title, date: it.date, source: it.source, url: it.url },
        it.id,
        f.path,
        d.encoding,
        ctx,
        it.item,
      );
    }
  } else {
    const seed = parseSeedText(d.text, '');
    if (!/\S/.test(seed.text)) {
      yield fail('E_EMPTY', f.path, 'nothing after the date header');
      return;
    }
    yield textArticle(
      { text: seed.text, title: null, date: seed.date, source: null, url: null },
      null,
      f.path,
      d.encoding,
      ctx,
    );
  }
}

function textArticle(
  fields: Omit<Article, 'id'>,
  id: string | null,
  file: string,
  encoding: Encoding,
  ctx: Ctx,
  line?: number,
): SourceItem {
  if (fields.text.length > ctx.maxTextChars) {
    return fail('E_TOO_LARGE', file, tooManyChars(fields.text.length, ctx), line);
  }
  const hash = id === null ? textHash(fields.text) : null;
  const article: Article = { id: id ?? derivedId(file, hash!), ...fields };
  const item: SourceArticle = { ok: true, article, idGiven: id !== null, hash, file, encoding };
  if (line !== undefined) item.line = line;
  return item;
}

function* jsonDocument(s: string, file: string, encoding: Encoding, ctx: Ctx): Generator<SourceItem> {
  for (const { record, item } of jsonDocumentRecords(s)) yield recordItem(record, file, encoding, ctx, item);
}

// ---------------------------------------------------------------------------------------------
// JSONL

async function* readJsonl(f: InputFile, ctx: Ctx): AsyncGenerator<SourceItem> {
  const stream = createReadStream(f.path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    let first = true;
    let records = 0;
    const chunks = async function* (): AsyncGenerator<Buffer> {
      for await (const c of stream as AsyncIterable<Buffer>) {
        ctx.onBytes(c.length);
        yield c;
      }
    };
    const it = chunks();
    // Sniff the first chunk: binary data and UTF-16 are whole-file matters.
    const head = await it.next();
    if (head.done) {
      yield fail('E_EMPTY', f.path);
      return;
    }
    const h = head.value;
    const utf16 = hasUtf16Bom(h);
    const nul = utf16 ? -1 : nulOffset(h);
    if (nul !== -1) {
      yield fail('E_BINARY', f.path, `NUL byte at offset ${nul}`);
      return;
    }
    if (utf16) {
      // UTF-16 cannot be split on 0x0A bytes: decode the file whole (within the JSON cap).
      const parts = [h];
      let size = h.length;
      for await (const c of it) {
        size += c.length;
        if (size > JSON_FILE_MIN_CAP) {
          yield fail('E_TOO_LARGE', f.path, `UTF-16 file over ${JSON_FILE_MIN_CAP} bytes`);
          return;
        }
        parts.push(c);
      }
      const d = decodeBytes(Buffer.concat(parts, size));
      if (!d.ok) {
        yield fail(d.code, f.path, d.detail);
        return;
      }
      let n = 0;
      for (const l of d.text.split('\n')) {
        n++;
        const s = l.endsWith('\r') ? l.slice(0, -1) : l;
        if (!/\S/.test(s)) continue;
        records++;
        yield recordItem(parseJsonRecord(s), f.path, d.encoding, ctx, n);
      }
    } else {
      const rest = async function* (): AsyncGenerator<Buffer> {
        yield h;
        yield* it;
      };
      for await (const l of splitLines(rest(), ctx.maxBytes)) {
        if (l.bytes === null) {
          records++;
          yield fail(
            'E_TOO_LARGE',
            f.path,
            `line of ${l.length} bytes; the limit is ${ctx.maxBytes} bytes`,
            l.line,
          );
          continue;
        }
        // A byte order mark is looked for on the first line kept (a too-long one does not count).
        const bytes = jsonlLineBody(l.bytes, first);
        first = false;
        if (isBlank(bytes)) continue;
        records++;
        const d = decodeBytes(bytes, { line: true });
        if (!d.ok) {
          yield fail(d.code, f.path, d.detail, l.line);
          continue;
        }
        yield recordItem(parseJsonRecord(d.text), f.path, d.encoding, ctx, l.line);
      }
    }
    if (records === 0) yield fail('E_EMPTY', f.path);
  } finally {
    stream.destroy();
  }
}

function recordItem(
  record: ArticleRecord,
  file: string,
  encoding: Encoding,
  ctx: Ctx,
  line?: number,
): SourceItem {
  if (!record.ok) return fail(record.code, file, record.detail, line);
  return textArticle(record.fields, record.id, file, encoding, ctx, line);
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function readCapped(file: string, cap: number): Promise<Buffer | null> {
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    return await readAll(stream as AsyncIterable<Buffer>, cap);
  } finally {
    stream.destroy();
  }
}

function isBlank(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

function tooManyChars(n: number, ctx: Ctx): string {
  return `text has ${n} characters; the limit is ${ctx.maxTextChars}`;
}

function fail(code: IngestErrorCode, file: string, detail?: string, line?: number): SourceItem {
  return { ok: false, error: ingestError(code, file, detail, line) };
}
