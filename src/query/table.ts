// Plain-text rendering shared by the archive's CLI commands: aligned tables, numbers, percentages,
// highlighted words. No terminal escape codes unless asked (`style`).

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  /** Longest cell, in characters; longer values end with "…". */
  max?: number;
}

/** Header, rule and rows, columns separated by two spaces; trailing spaces trimmed. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = rows.map((r) => columns.map((c) => fit(oneLine(c.value(r)), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(cell)));
        return columns[i]!.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

/** Display width: code points (surrogate pairs count once). */
export function width(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

export function oneLine(s: string): string {
  return s.replace(/[\s\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** At most `max` characters, ending with "…" when cut. */
export function fit(s: string, max?: number): string {
  if (max === undefined || width(s) <= max) return s;
  const chars = [...s];
  return (
    chars
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd() + '…'
  );
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Markers around highlighted words: bold on a terminal, ** otherwise. */
export interface HighlightStyle {
  open: string;
  close: string;
}

export const ANSI_HIGHLIGHT: HighlightStyle = { open: '\x1b[1;33m', close: '\x1b[0m' };
export const PLAIN_HIGHLIGHT: HighlightStyle = { open: '**', close: '**' };
