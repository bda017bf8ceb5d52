// The inputs of `verbatim ingest PATH...` expanded to files: a file as is (any extension), a
// directory recursively (files with a known extension only, hidden entries skipped), a glob
// (`corpus/**/*.jsonl`, `2019-0?/*.html`, `{a,b}/*.xml`: *, **, ?, [...], {...}) expanded here
// since Node 20 has no fs.glob. The order is stable: arguments in order, each one's files sorted.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

import { ingestError, type IngestError } from './errors.js';

/** Extensions read from directories and globs, by format. */
export const EXTENSIONS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

export type InputFormat = 'jsonl' | 'json' | 'text' | 'html' | 'feed';

export interface InputFile {
  path: string;
  size: number;
  format: InputFormat;
}

export interface Expansion {
  files: InputFile[];
  errors: IngestError[];
  /** Files found under directories with an extension ingest does not read. */
  ignored: number;
}

export function formatOfPath(file: string): InputFormat {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

const GLOB_CHARS = /[*?[{]/;

/** Expands the PATH arguments; a file reached twice is read once. */
export function expandInputs(args: readonly string[]): Expansion {
  const files: InputFile[] = [];
  const errors: IngestError[] = [];
  const seen = new Set<string>();
  let ignored = 0;
  const add = (file: string, size: number): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: file, size, format: formatOfPath(file) });
  };
  for (const arg of args) {
    if (arg === '-') {
      errors.push(
        ingestError('E_NOT_FILE', arg, 'ingest reads files, folders and globs, not standard input'),
      );
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (GLOB_CHARS.test(arg)) {
        const matched = expandGlob(arg);
        if (matched.length === 0) errors.push(ingestError('E_NO_MATCH', arg, 'glob'));
        for (const m of matched) add(m.path, m.size);
        continue;
      }
      if (code === 'EACCES' || code === 'EPERM') errors.push(ingestError('E_READ', arg, 'permission denied'));
      else errors.push(ingestError('E_NOT_FOUND', arg));
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      ignored += walk(arg, (f, size) => add(f, size), errors);
      if (files.length === before)
        errors.push(ingestError('E_NO_MATCH', arg, 'directory without readable files'));
    } else {
      add(arg, st.isFile() ? st.size : 0);
    }
  }
  return { files, errors, ignored };
}

/** Adds the files under `dir` with a known extension; returns how many others were skipped. */
function walk(dir: string, add: (file: string, size: number) => void, errors: IngestError[]): number {
  let ignored = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(ingestError('E_READ', dir, (e as Error).message));
    return 0;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      ignored += walk(p, add, errors);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (!(path.extname(e.name).toLowerCase() in EXTENSIONS)) {
        ignored++;
        continue;
      }
      try {
        const st = statSync(p);
        if (st.isFile()) add(p, st.size);
      } catch {
        // A dangling link: nothing to read.
      }
    }
  }
  return ignored;
}

/** Files matching a glob pattern, sorted. */
export function expandGlob(pattern: string): { path: string; size: number }[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = path.isAbsolute(pattern);
  // The static prefix: the directories before the first segment with a glob character.
  let i = 0;
  const base: string[] = [];
  while (i < parts.length - 1 && !GLOB_CHARS.test(parts[i]!)) base.push(parts[i++]!);
  const segments = parts.slice(i).filter((s) => s !== '');
  let root = base.join('/');
  if (absolute && root === '') root = '/';
  const out: { path: string; size: number }[] = [];
  match(root, segments, 0, out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function match(dir: string, segments: string[], k: number, out: { path: string; size: number }[]): void {
  const seg = segments[k];
  if (seg === undefined) return;
  const last = k === segments.length - 1;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
  } catch {
    return;
  }
  const join = (name: string): string => (dir === '' ? name : path.join(dir, name));
  if (seg === '**') {
    // Zero directories...
    match(dir, segments, k + 1, out);
    // ... or one more, then ** again.
    for (const e of entries) {
      if (e.name.startsWith('.') || !isDir(join(e.name), e)) continue;
      match(join(e.name), segments, k, out);
    }
    return;
  }
  const re = segmentRegex(seg);
  for (const e of entries) {
    if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
    if (!re.test(e.name)) continue;
    const p = join(e.name);
    if (last) {
      try {
        const st = statSync(p);
        if (st.isFile()) out.push({ path: p, size: st.size });
      } catch {
        // Dangling link.
      }
    } else if (isDir(p, e)) {
      match(p, segments, k + 1, out);
    }
  }
}

function isDir(p: string, e: Dirent): boolean {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** One path segment of a glob as a regex: * ? [...] [!...] {a,b}. */
export function segmentRegex(seg: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close === -1) re += '\\[';
      else {
        let body = seg.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  while (braces-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}
