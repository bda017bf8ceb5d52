// Reading articles from the inputs of `verbatim analyze FILE...`: files in the seed format
// (`date YYYY-MM` header), plain text, JSONL, JSON, or standard input ("-").
//
// Decisions:
// - The article text is kept exactly as decoded: nothing is trimmed, not even a trailing newline
//   at the end of a text file, and line ends are not normalised. Every offset refers to it.
//   Only a leading UTF-8 byte order mark is removed (it is an encoding mark, not text).
// - Seed header: optional leading whitespace, `date YYYY`, `date YYYY-MM` or `date YYYY-MM-DD`,
//   then exactly one separator (a space, a tab, \n, \r or \r\n) which is consumed; the body is
//   everything after it. A header whose date is impossible (`date 2021-13`) is still removed,
//   and the article gets date null.
// - An unparseable `date` field in JSON/JSONL does not reject the record: the article is kept
//   with date null and no error is emitted (a date is metadata; losing the article for it would
//   be worse). Timestamps keep the calendar day as written, whatever their time zone.
// - `title`, `source`, `url`: strings; absent, null, blank or non-string values become null.
//   `id`: a non-blank string, or a number (converted to a string); else a default id.
// - Default ids: a single-article file is named by its basename without extension
//   (`nato-2021-05`); a JSONL record by `${basename}:${lineNumber}`; a .json array item by
//   `${basename}:${itemNumber}` (1-based); standard input by `stdin`.
// - Format by extension: .jsonl/.ndjson -> JSONL, .json -> JSON, anything else -> text (with an
//   optional seed header). Standard input is sniffed: first non-whitespace character `{` ->
//   JSONL, `[` -> JSON array, otherwise text. A pretty-printed single object on stdin is
//   therefore read as JSONL and fails; give it as a .json file.
// - Limits: `maxTextChars` (default 1,000,000) characters of article text. Byte limit for a text
//   file or a JSONL line: maxTextChars * 4 + 64 KiB; longer JSONL lines are skipped without being
//   parsed or held in memory (E_TOO_LARGE), and reading goes on with the next line. A .json
//   file is parsed whole, up to max(that limit, 128 MiB).
// - Encoding: UTF-8 only. NUL bytes in the first 8 KiB -> E_BINARY; a UTF-16 byte order mark or
//   invalid UTF-8 -> E_ENCODING with the byte offset (E_BINARY when the undecodable bytes look
//   like binary data). JSONL lines are decoded one by one, so a bad line does not stop the file.
// - `verbatim ingest` (ingest/sources.ts) reads the same formats with the same rules and limits,
//   and shares with this file the line splitter, the record parser and the byte sniffing; it
//   decodes more encodings (windows-1252 per line, UTF-16) and identifies records differently.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ArticleDate } from '../types.js';
import { formatInputError, inputError, type InputError, type InputErrorCode } from './errors.js';

export type { InputError } from './errors.js';
export { formatInputError };

export type InputItem =
  { ok: true; article: Article; file: string; line?: number } | { ok: false; error: InputError };

export interface ReadOptions {
  /** Longest accepted article text, in characters (UTF-16 code units). Default 1,000,000. */
  maxTextChars?: number;
  /** The stream read for the path "-". Default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_TEXT_CHARS = 1_000_000;
/** Name used in errors and items for standard input. */
export const STDIN_NAME = '<stdin>';
const STDIN_ID = 'stdin';
const LINE_SLACK_BYTES = 64 * 1024;
const SNIFF_BYTES = 8 * 1024;
/** The byte limit of a .json file is at least this. */
export const JSON_FILE_MIN_CAP = 128 * 1024 * 1024;
/** The chunk size of file reads. */
export const READ_CHUNK_BYTES = 1024 * 1024;

type Format = 'jsonl' | 'json' | 'text';

interface Limits {
  maxTextChars: number;
  /** Byte limit of a text file or a JSONL line. */
  maxBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads every path in order ("-" is standard input) and yields one item per article or per
 * problem. Problems never stop the reading: the next record, or the next file, follows.
 */
export function readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  // Checked here rather than in the generator, so that a bad option throws at the call.
  const maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  if (!Number.isSafeInteger(maxTextChars) || maxTextChars < 1) {
    throw new RangeError(`maxTextChars must be a positive integer, got ${String(maxTextChars)}`);
  }
  const limits: Limits = { maxTextChars, maxBytes: maxBytesOf(maxTextChars) };
  return readAllInputs([...paths], options.stdin, limits);
}

/** The byte limit of a text file or a JSONL line, for `maxTextChars` characters of text. */
export function maxBytesOf(maxTextChars: number): number {
  return maxTextChars * 4 + LINE_SLACK_BYTES;
}

async function* readAllInputs(
  paths: string[],
  stdin: NodeJS.ReadableStream | undefined,
  limits: Limits,
): AsyncGenerator<InputItem> {
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) {
        yield fail('E_STDIN_REUSED', STDIN_NAME, '"-" was given more than once');
        continue;
      }
      stdinRead = true;
      yield* readStdin(stdin ?? process.stdin, limits);
    } else {
      yield* readPath(p, limits);
    }
  }
}

/**
 * Parses text in the seed format: optional leading whitespace, `date YYYY[-MM[-DD]]`, one
 * separator, then the body. Without a header the whole text is the body and the date is null.
 * A leading byte order mark is removed.
 */
export function parseSeedText(raw: string, id: string): Article {
  const s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const m = SEED_HEADER.exec(s);
  const text = m ? s.slice(m[0].length) : s;
  const date = m ? parseArticleDate(m[1]) : null;
  return { id, text, date, title: null, source: null, url: null };
}

const SEED_HEADER = /^\s*date (\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\r\n|[ \t\n\r]|$)/;
const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/**
 * "2021", "2021-05", "2021-05-18" or an ISO timestamp ("2021-05-18T09:30:00+02:00", whose
 * day is kept as written) -> an ArticleDate; anything else, including impossible dates, -> null.
 */
export function parseArticleDate(value: unknown): ArticleDate | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999
      ? { value: String(value), precision: 'year' }
      : null;
  }
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi] = m;
  const year = Number(y);
  if (year === 0) return null;
  if (mo === undefined) return { value: y!, precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return { value: `${y}-${mo}`, precision: 'month' };
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hh !== undefined && (Number(hh) > 24 || Number(mi) > 59)) return null;
  return { value: `${y}-${mo}-${d}`, precision: 'day' };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Sources

async function* readPath(file: string, limits: Limits): AsyncGenerator<InputItem> {
  let size: number | null;
  try {
    const st = await stat(file);
    if (st.isDirectory()) {
      yield fail('E_NOT_FILE', file, 'it is a directory');
      return;
    }
    // FIFOs and devices (`<(cmd)`, /dev/stdin) have no meaningful size: the read limit applies.
    size = st.isFile() ? st.size : null;
  } catch (e) {
    yield fsFailure(file, e);
    return;
  }
  const format = formatOf(file);
  const id = idOf(file);
  const cap = byteCap(format, limits);
  if (size === 0) {
    yield fail('E_EMPTY', file);
    return;
  }
  if (format !== 'jsonl' && size !== null && size > cap) {
    yield fail(
      'E_TOO_LARGE',
      file,
      `${size} bytes; the limit is ${cap} bytes, from maxTextChars ${limits.maxTextChars}`,
    );
    return;
  }
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    yield* readSource(stream as AsyncIterable<Buffer>, format, file, id, limits);
  } catch (e) {
    if (!isErrno(e)) throw e;
    yield fsFailure(file, e);
  } finally {
    stream.destroy();
  }
}

async function* readStdin(stdin: NodeJS.ReadableStream, limits: Limits): AsyncGenerator<InputItem> {
  try {
    // Wait only until the first non-blank byte: a slow pipe must not hold back the first article.
    const { head, chunks } = await peek(stdin, (h) => h.length >= 3 && firstNonBlank(h) < h.length);
    yield* readSource(chunks, sniffFormat(head), STDIN_NAME, STDIN_ID, limits);
  } catch (e) {
    if (!isErrno(e)) throw e;
    yield fsFailure(STDIN_NAME, e);
  }
}

async function* readSource(
  chunks: AsyncIterable<Buffer | string>,
  format: Format,
  file: string,
  id: string,
  limits: Limits,
): AsyncGenerator<InputItem> {
  if (format === 'jsonl') {
    yield* readJsonl(chunks, file, id, limits);
    return;
  }
  const cap = byteCap(format, limits);
  const bytes = await readAll(chunks, cap);
  if (bytes === null) {
    yield fail('E_TOO_LARGE', file, `more than ${cap} bytes, from maxTextChars ${limits.maxTextChars}`);
    return;
  }
  const decoded = decodeFile(bytes, file);
  if (typeof decoded !== 'string') {
    yield { ok: false, error: decoded };
    return;
  }
  if (!/\S/.test(decoded)) {
    yield fail('E_EMPTY', file);
    return;
  }
  if (format === 'json') {
    yield* readJsonDocument(decoded, file, id, limits);
    return;
  }
  const article = parseSeedText(decoded, id);
  if (!/\S/.test(article.text)) {
    yield fail('E_EMPTY', file, 'nothing after the date header');
  } else if (article.text.length > limits.maxTextChars) {
    yield fail('E_TOO_LARGE', file, tooManyChars(article.text.length, limits));
  } else {
    yield { ok: true, article, file };
  }
}

// ---------------------------------------------------------------------------------------------
// JSONL and JSON

async function* readJsonl(
  source: AsyncIterable<Buffer | string>,
  file: string,
  baseId: string,
  limits: Limits,
): AsyncGenerator<InputItem> {
  // The first chunk: 1 MiB (or the whole file) for files, whatever has arrived for a pipe.
  const { head, chunks } = await peek(source, (h) => h.length > 0);
  const binary = sniffBinary(head, file);
  if (binary) {
    yield { ok: false, error: binary };
    return;
  }
  let records = 0;
  for await (const l of splitLines(chunks, limits.maxBytes)) {
    if (l.bytes === null) {
      records++;
      yield fail(
        'E_TOO_LARGE',
        file,
        `line of ${l.length} bytes; the limit is ${limits.maxBytes} bytes, from maxTextChars ${limits.maxTextChars}`,
        l.line,
      );
      continue;
    }
    const item = parseJsonlLine(l.bytes, l.line, file, baseId, limits);
    if (item === null) continue;
    records++;
    yield item;
  }
  if (records === 0) yield fail('E_EMPTY', file);
}

/** One JSONL line -> an item, or null for a blank line. */
function parseJsonlLine(
  raw: Buffer,
  line: number,
  file: string,
  baseId: string,
  limits: Limits,
): InputItem | null {
  const bytes = jsonlLineBody(raw, line === 1);
  let s: string;
  try {
    s = utf8.decode(bytes);
  } catch {
    return { ok: false, error: encodingError(bytes, file, line) };
  }
  if (!/\S/.test(s)) return null;
  return recordToItem(parseJsonRecord(s), file, `${baseId}:${line}`, limits, line);
}

function* readJsonDocument(s: string, file: string, baseId: string, limits: Limits): Generator<InputItem> {
  for (const { record, item } of jsonDocumentRecords(s)) {
    if (item === undefined) yield recordToItem(record, file, baseId, limits);
    else yield recordToItem(record, file, `${baseId}:${item}`, limits, undefined, `array item ${item}`);
  }
}

function recordToItem(
  record: ArticleRecord,
  file: string,
  defaultId: string,
  limits: Limits,
  line?: number,
  where?: string,
): InputItem {
  const bad = (code: InputErrorCode, detail: string): InputItem =>
    fail(code, file, where ? `${where}: ${detail}` : detail, line);
  if (!record.ok) return bad(record.code, record.detail);
  const { id, fields } = record;
  if (fields.text.length > limits.maxTextChars)
    return bad('E_TOO_LARGE', tooManyChars(fields.text.length, limits));
  const article: Article = { id: id ?? defaultId, ...fields };
  return line === undefined ? { ok: true, article, file } : { ok: true, article, file, line };
}

// ---------------------------------------------------------------------------------------------
// Records (shared with ingest/sources.ts)

/** An article record as JSON gives it: its fields and its own id (or null), or why it is none. */
export type ArticleRecord =
  | { ok: true; id: string | null; fields: Omit<Article, 'id'> }
  | { ok: false; code: 'E_JSON' | 'E_EMPTY' | 'E_NOT_OBJECT' | 'E_NO_TEXT'; detail: string };

/** A JSON value as an article record: an object with a non-blank "text" string. */
export function articleRecord(value: unknown): ArticleRecord {
  const bad = (code: 'E_NOT_OBJECT' | 'E_NO_TEXT', detail: string): ArticleRecord => ({
    ok: false,
    code,
    detail,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return bad('E_NOT_OBJECT', `got ${describe(value)}`);
  }
  const r = value as Record<string, unknown>;
  const text = r['text'];
  if (text === undefined) return bad('E_NO_TEXT', 'missing "text" field');
  if (typeof text !== 'string') return bad('E_NO_TEXT', `"text" is ${describe(text)}, not a string`);
  if (!/\S/.test(text)) return bad('E_NO_TEXT', '"text" is empty');
  return {
    ok: true,
    id: idField(r['id']),
    fields: {
      text,
      date: parseArticleDate(r['date']),
      title: stringField(r['title']),
      source: stringField(r['source']),
      url: stringField(r['url']),
    },
  };
}

/** One JSONL line (decoded, not blank) as an article record. */
export function parseJsonRecord(s: string): ArticleRecord {
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (e) {
    return { ok: false, code: 'E_JSON', detail: jsonMessage(e) };
  }
  return articleRecord(value);
}

/**
 * The records of a .json document: the document itself when it is not an array, else each item
 * with its 1-based number. A document that is not JSON, or an empty array, is one failed record.
 */
export function* jsonDocumentRecords(s: string): Generator<{ record: ArticleRecord; item?: number }> {
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch (e) {
    yield { record: { ok: false, code: 'E_JSON', detail: jsonMessage(e) } };
    return;
  }
  if (!Array.isArray(value)) {
    yield { record: articleRecord(value) };
    return;
  }
  if (value.length === 0) {
    yield { record: { ok: false, code: 'E_EMPTY', detail: 'empty array' } };
    return;
  }
  for (let i = 0; i < value.length; i++) yield { record: articleRecord(value[i]), item: i + 1 };
}

function idField(v: unknown): string | null {
  if (typeof v === 'string' && /\S/.test(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function stringField(v: unknown): string | null {
  return typeof v === 'string' && /\S/.test(v) ? v : null;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : `a ${t}`;
}

function jsonMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}

// ---------------------------------------------------------------------------------------------
// Bytes (the exported helpers are shared with ingest)

export type Line =
  { line: number; bytes: Buffer; length: number } | { line: number; bytes: null; length: number };

/**
 * Splits a byte stream on \n (never inside a UTF-8 sequence). A line longer than maxLineBytes is
 * not kept: its bytes are counted and dropped, and it comes out with bytes null.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Line> {
  let line = 0;
  let parts: Buffer[] = [];
  let partLen = 0;
  let skipping = false;
  const take = (): Line => {
    line++;
    const l: Line = skipping
      ? { line, bytes: null, length: partLen }
      : { line, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, partLen), length: partLen };
    parts = [];
    partLen = 0;
    skipping = false;
    return l;
  };
  for await (const chunk of chunks) {
    let pos = 0;
    while (pos <= chunk.length) {
      const nl = chunk.indexOf(0x0a, pos);
      const end = nl === -1 ? chunk.length : nl;
      if (end > pos) {
        partLen += end - pos;
        if (!skipping && partLen > maxLineBytes) {
          skipping = true;
          parts = [];
        }
        if (!skipping) parts.push(chunk.subarray(pos, end));
      }
      if (nl === -1) break;
      yield take();
      pos = nl + 1;
    }
  }
  if (partLen > 0) yield take();
}

/**
 * Reads chunks until `enough(head)` (or the end) and gives back a stream that still starts with
 * them. Only the iterator's next() is called: the caller keeps ownership of the stream.
 */
async function peek(
  source: AsyncIterable<Buffer | string>,
  enough: (head: Buffer) => boolean,
): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  let head: Buffer = Buffer.alloc(0);
  while (!enough(head)) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = toBuffer(r.value);
    parts.push(b);
    size += b.length;
    head = parts.length === 1 ? b : Buffer.concat(parts, size);
  }
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    while (!done) {
      const r = await it.next();
      if (r.done) return;
      yield toBuffer(r.value);
    }
  }
  return { head, chunks: rest() };
}

/** The whole stream, or null as soon as it exceeds `cap` bytes. */
export async function readAll(chunks: AsyncIterable<Buffer | string>, cap: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    const b = toBuffer(c);
    size += b.length;
    if (size > cap) return null;
    parts.push(b);
  }
  return Buffer.concat(parts, size);
}

function toBuffer(c: Buffer | string | Uint8Array): Buffer {
  if (typeof c === 'string') return Buffer.from(c, 'utf8');
  return Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/**
 * A JSONL line without its line end's \r and, when `first` (the file's first line), without a
 * UTF-8 byte order mark.
 */
export function jsonlLineBody(bytes: Buffer, first: boolean): Buffer {
  let b = bytes;
  if (first && hasUtf8Bom(b)) b = b.subarray(3);
  if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
  return b;
}

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

export function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

/** The offset of the first NUL byte in the first 8 KiB (a binary file), or -1. */
export function nulOffset(head: Uint8Array): number {
  return head.subarray(0, SNIFF_BYTES).indexOf(0);
}

/** UTF-16 byte order marks and NUL bytes in the first 8 KiB. */
function sniffBinary(head: Uint8Array, file: string): InputError | null {
  if (hasUtf16Bom(head)) {
    return inputError('E_ENCODING', file, 'UTF-16 byte order mark; convert the file to UTF-8');
  }
  const nul = nulOffset(head);
  return nul === -1 ? null : inputError('E_BINARY', file, `NUL byte at offset ${nul}`);
}

/** Decodes a whole file (BOM removed), or explains why it cannot be. */
function decodeFile(bytes: Buffer, file: string): string | InputError {
  const binary = sniffBinary(bytes, file);
  if (binary) return binary;
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    return encodingError(body, file);
  }
}

function encodingError(bytes: Uint8Array, file: string, line?: number): InputError {
  if (looksBinary(bytes)) return inputError('E_BINARY', file, 'undecodable bytes', line);
  const bad = findInvalidUtf8(bytes);
  let detail: string;
  if (!bad) detail = 'undecodable bytes';
  else if (bad.truncated) detail = `truncated UTF-8 sequence at byte ${bad.offset}`;
  else {
    detail = `invalid byte 0x${bytes[bad.offset]!.toString(16).toUpperCase()} at byte ${bad.offset}`;
    detail += '; if the file is Latin-1 or Windows-1252, convert it: iconv -f windows-1252 -t utf-8';
  }
  return inputError('E_ENCODING', file, detail, line);
}

/** More than 2% of C0 control characters (other than tab, newlines, form feed) in the first 8 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** The first invalid UTF-8 sequence (WHATWG rules: no overlongs, surrogates or > U+10FFFF). */
export function findInvalidUtf8(b: Uint8Array): { offset: number; truncated: boolean } | null {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return { offset: i, truncated: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, truncated: true };
      const d = b[i + k]!;
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return { offset: i, truncated: false };
    }
    i += need + 1;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function formatOf(file: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  return 'text';
}

/** Standard input: `{` -> JSONL, `[` -> JSON, anything else -> text (seed header optional). */
function sniffFormat(head: Uint8Array): Format {
  const i = firstNonBlank(head);
  if (head[i] === 0x7b) return 'jsonl';
  if (head[i] === 0x5b) return 'json';
  return 'text';
}

/** Index of the first byte that is not a BOM byte or ASCII whitespace (head.length if none). */
function firstNonBlank(head: Uint8Array): number {
  let i = hasUtf8Bom(head) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
    i++;
  return i;
}

function idOf(file: string): string {
  return path.basename(file, path.extname(file));
}

function byteCap(format: Format, limits: Limits): number {
  return format === 'json' ? Math.max(limits.maxBytes, JSON_FILE_MIN_CAP) : limits.maxBytes;
}

function tooManyChars(n: number, limits: Limits): string {
  return `text has ${n} characters; the limit is maxTextChars ${limits.maxTextChars}`;
}

function fail(code: InputErrorCode, file: string, detail?: string, line?: number): InputItem {
  return { ok: false, error: inputError(code, file, detail, line) };
}

function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

function fsFailure(file: string, e: unknown): InputItem {
  const code = isErrno(e) ? e.code : undefined;
  if (code === 'ENOENT') return fail('E_NOT_FOUND', file);
  if (code === 'EISDIR') return fail('E_NOT_FILE', file, 'it is a directory');
  if (code === 'EACCES' || code === 'EPERM') return fail('E_READ', file, 'permission denied');
  if (code === 'ENOTDIR') return fail('E_NOT_FOUND', file, 'a parent is not a directory');
  return fail('E_READ', file, e instanceof Error ? e.message : String(e));
}
