// Table-driven: real phrases of the dev corpus (test-fixtures/dates/phrases.json, each with its
// article id and date), the dates and figures they must give, and what must not be a figure.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../doc/document.js';
import { findFigures } from '../figures/find-figures.js';
import type { ArticleDate, DateFact, Figure } from '../types.js';
import { findDates } from './find-dates.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = `${ROOT}../shared/corpus/dev/articles.jsonl`;

interface Expect {
  stage: 'date' | 'figure';
  text: string;
  none?: boolean;
  value?: string | number;
  precision?: string;
  kind?: string;
  unit?: string;
  of?: string;
}

interface Row {
  id: string;
  date: string | null;
  phrase: string;
  expect: Expect[];
}

const rows = (
  JSON.parse(readFileSync(`${ROOT}test-fixtures/dates/phrases.json`, 'utf8')) as { phrases: Row[] }
).phrases;

function articleDate(value: string | null): ArticleDate | null {
  if (!value) return null;
  return { value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year' };
}

test('the table holds at least 60 real phrases and covers every kind and unit asked for', () => {
  assert.ok(rows.length >= 60, `${rows.length} phrases`);
  const all = rows.flatMap((r) => r.expect);
  for (const kind of ['point', 'interval', 'duration', 'set'])
    assert.ok(
      all.some((e) => e.stage === 'date' && e.kind === kind && !e.none),
      kind,
    );
  for (const p of ['day', 'month', 'year', 'weekday-relative', 'unknown'])
    assert.ok(
      all.some((e) => e.stage === 'date' && e.precision === p),
      p,
    );
  for (const u of ['%', 'EUR', 'USD'])
    assert.ok(
      all.some((e) => e.stage === 'figure' && e.unit === u),
      u,
    );
  assert.ok(all.some((e) => e.stage === 'figure' && e.of));
  assert.ok(all.some((e) => e.stage === 'figure' && e.none));
});

for (const row of rows) {
  test(`${row.id} (${row.date ?? 'no date'}): ${row.phrase}`, () => {
    const doc = createDoc(row.phrase);
    const dates = findDates(doc, articleDate(row.date));
    const figures = findFigures(doc, dates);
    for (const s of [...dates, ...figures]) assert.equal(s.text, row.phrase.slice(s.start, s.end));
    for (const e of row.expect) {
      const start = row.phrase.indexOf(e.text);
      const end = start + e.text.length;
      const found: Array<DateFact | Figure> = e.stage === 'date' ? dates : figures;
      if (e.none) {
        const hit = found.find((x) => x.start < end && start < x.end);
        assert.equal(hit, undefined, `no ${e.stage} on «${e.text}», got «${hit?.text}»`);
        continue;
      }
      const got = found.find((x) => x.start === start && x.end === end);
      assert.ok(got, `${e.stage} «${e.text}» among ${JSON.stringify(found.map((x) => x.text))}`);
      assert.deepEqual(
        Object.fromEntries(
          Object.keys(e)
            .filter((k) => k !== 'stage')
            .map((k) => [k, (got as unknown as Record<string, unknown>)[k]]),
        ),
        Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'stage')),
      );
    }
  });
}

test(
  'every phrase occurs in its article of the dev corpus',
  { skip: !existsSync(CORPUS) && 'corpus absent' },
  () => {
    const wanted = new Set(rows.map((r) => r.id));
    const texts = new Map<string, { text: string; date: string | null }>();
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line) continue;
      const a = JSON.parse(line) as { id: string; text: string; date: string | null };
      if (wanted.has(a.id)) texts.set(a.id, a);
    }
    for (const r of rows) {
      const a = texts.get(r.id);
      assert.ok(a, r.id);
      assert.ok(a.text.includes(r.phrase), `${r.id}: ${r.phrase}`);
      // A row gives the article's own date, or tests a coarser one (its prefix), or none.
      if (r.date) assert.ok(a.date?.startsWith(r.date), `${r.id}: ${r.date} vs ${a.date}`);
    }
  },
);
