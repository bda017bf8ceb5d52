// The identity of an article without an id: a hash of its normalised text, so that the same
// article read again (from another file, re-encoded, re-wrapped) is recognised. The normalised
// text is only hashed: the stored text stays exactly as decoded.

import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Unicode NFC, lowercase, typographic apostrophes and quotes as ASCII, no-break and other spaces
 * as one space, line ends and runs of whitespace collapsed, trimmed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[\s\u00a0\u202f\u2007\u2060\ufeff]+/g, ' ')
    .trim();
}

/** 32 hex characters of SHA-256 over the normalised text. */
export function textHash(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex').slice(0, 32);
}

/**
 * The id of an article the input gave none: its file's base name and the first 12 characters of
 * its hash (`lettre-ouverte-3f2a9c1b04de`), stable whatever the line or file it comes from.
 */
export function derivedId(file: string, hash: string): string {
  const base = path.basename(file, path.extname(file)).replace(/\s+/g, '-') || 'article';
  return `${base}-${hash.slice(0, 12)}`;
}
