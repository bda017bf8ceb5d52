// Date bounds of the questions (--from, --to): YYYY, YYYY-MM or YYYY-MM-DD, inclusive; a bound at
// month or year precision covers its whole period (--to 2019-03 ends on 2019-03-31).

import { lastDay } from '../store/sqlite.js';
import { QueryError } from './errors.js';

const BOUND = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first (`from`) or last (`to`) day of the period `value` names. */
export function dayBound(value: string, side: 'from' | 'to'): string {
  const m = BOUND.exec(value.trim());
  if (!m)
    throw new QueryError(`--${side}: expected YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo === undefined ? (side === 'from' ? 1 : 12) : Number(mo);
  if (month < 1 || month > 12) throw new QueryError(`--${side}: no month ${mo} in ${JSON.stringify(value)}`);
  const last = lastDay(year, month);
  const day = d === undefined ? (side === 'from' ? 1 : last) : Number(d);
  if (day < 1 || day > last) throw new QueryError(`--${side}: no day ${d} in ${JSON.stringify(value)}`);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Both bounds, checked to be in order. */
export function dayRangeOf(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (from !== undefined) out.from = dayBound(from, 'from');
  if (to !== undefined) out.to = dayBound(to, 'to');
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    throw new QueryError(`--from ${from} is after --to ${to}`);
  }
  return out;
}
