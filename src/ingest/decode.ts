// Bytes to text for ingest: UTF-8 with or without a byte order mark, UTF-16 with one, and
// windows-1252 / latin-1 (common in French archives) when the bytes are not UTF-8 but read as
// Latin text. Anything else is reported, never guessed.
//
// Windows-1252 is chosen only when all of these hold:
// - the bytes are not valid UTF-8, and the problem is not a UTF-8 sequence cut at the very end
//   (a truncated UTF-8 file, reported as such);
// - (almost) no valid multi-byte UTF-8 sequence: a UTF-8 text with a few bad bytes is broken
//   UTF-8, not windows-1252;
// - no byte undefined in windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D), few control characters;
// - bytes >= 0x80 are a small share (Latin text is mostly ASCII) and mostly letters (é, à, ç,
//   œ…) or French punctuation (’ « » – …, no-break space).
// latin-1 (ISO-8859-1) is read as windows-1252, as browsers do (WHATWG): the two agree on every
// printable character.

import { findInvalidUtf8, hasUtf8Bom, looksBinary, nulOffset } from '../io/read-articles.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; code: 'E_BINARY' | 'E_ENCODING'; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** windows-1252 bytes >= 0x80 that French text uses: punctuation and letters. */
const LATIN_PUNCTUATION = new Set([
  0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xab, 0xbb, 0xb0, 0xa7, 0xb2, 0xb7, 0xa9, 0xae, 0xa3,
  0xba, 0xaa, 0x95, 0x99,
]);

/**
 * Decodes a whole input (a file, or one JSONL line when `line` is true: then NUL bytes and
 * byte order marks are not looked for, the file was sniffed already).
 */
export function decodeBytes(bytes: Uint8Array, options: { line?: boolean } = {}): Decoded {
  if (!options.line) {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
    const nul = nulOffset(bytes);
    if (nul !== -1) return { ok: false, code: 'E_BINARY', detail: `NUL byte at offset ${nul}` };
  }
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    // Not UTF-8: below.
  }
  if (looksBinary(body)) return { ok: false, code: 'E_BINARY', detail: 'undecodable bytes' };
  const bad = findInvalidUtf8(body);
  const truncatedAtEnd = bad !== null && bad.truncated && utf8Prefix(body, bad.offset);
  if (!bom && !truncatedAtEnd && looksWindows1252(body)) {
    return { ok: true, text: decodeWindows1252(body), encoding: 'windows-1252', bom: false };
  }
  let detail: string;
  if (!bad) detail = 'undecodable bytes';
  else if (bad.truncated) detail = `truncated UTF-8 sequence at byte ${bad.offset + (bom ? 3 : 0)}`;
  else {
    detail = `invalid byte 0x${body[bad.offset]!.toString(16).toUpperCase()} at byte ${bad.offset + (bom ? 3 : 0)}, and the text does not read as windows-1252 either`;
  }
  return { ok: false, code: 'E_ENCODING', detail };
}

/**
 * Characters of bytes 0x80-0x9F in windows-1252 (the others are latin-1's). Written out because
 * Node 20's TextDecoder('windows-1252') decodes as latin-1 (C1 controls for these bytes).
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) never reach here (looksWindows1252).
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(b: Uint8Array): string {
  const latin1 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    if (text.includes('\0'))
      return { ok: false, code: 'E_BINARY', detail: `NUL character in ${encoding} text` };
    return { ok: true, text, encoding, bom: true };
  } catch {
    return {
      ok: false,
      code: 'E_ENCODING',
      detail: `invalid ${encoding.toUpperCase()} despite its byte order mark`,
    };
  }
}

/** True when everything before `offset` is valid UTF-8 (the bad sequence is the last thing). */
function utf8Prefix(b: Uint8Array, offset: number): boolean {
  return findInvalidUtf8(b.subarray(0, offset)) === null;
}

/** The heuristic of the header comment. */
export function looksWindows1252(b: Uint8Array): boolean {
  let high = 0;
  let latin = 0;
  let validMulti = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    if (UNDEFINED_1252.has(c)) return false;
    high++;
    if ((c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0x8c || c === 0x9c || LATIN_PUNCTUATION.has(c))
      latin++;
    // A valid two- or three-byte UTF-8 sequence starting here.
    if (c >= 0xc2 && c <= 0xdf && isCont(b[i + 1])) validMulti++;
    else if (c >= 0xe0 && c <= 0xef && isCont(b[i + 1]) && isCont(b[i + 2])) validMulti++;
  }
  if (high === 0) return false;
  return validMulti * 10 <= high && high <= b.length * 0.3 && latin >= high * 0.8;
}

function isCont(c: number | undefined): boolean {
  return c !== undefined && c >= 0x80 && c <= 0xbf;
}
