import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnchor, resolvePeriod, yearFor, yearForMonth } from './resolve.js';

const a = (value: string) =>
  parseAnchor({ value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year' })!;

test('the article date is read at the finer of its shown and stated precision', () => {
  assert.deepEqual(parseAnchor({ value: '2021-05', precision: 'month' }), {
    year: 2021,
    month: 5,
    day: 15,
    precision: 'month',
    value: '2021-05',
  });
  assert.equal(parseAnchor({ value: '2021-05-18', precision: 'month' })!.value, '2021-05');
  assert.equal(parseAnchor({ value: '2021-13', precision: 'month' }), null);
  assert.equal(parseAnchor({ value: 'mai 2021', precision: 'month' }), null);
  assert.equal(parseAnchor(null), null);
});

test('weekends: ce week-end is the nearest, dernier the one before, prochain the one after', () => {
  // 2018-11-19 Monday ... 2018-11-25 Sunday
  const cases: Array<[string, -1 | 0 | 1, string]> = [
    ['2018-11-19', 0, '2018-11-17/2018-11-18'],
    ['2018-11-20', 0, '2018-11-17/2018-11-18'],
    ['2018-11-21', 0, '2018-11-24/2018-11-25'],
    ['2018-11-24', 0, '2018-11-24/2018-11-25'],
    ['2018-11-25', 0, '2018-11-24/2018-11-25'],
    ['2018-11-25', -1, '2018-11-17/2018-11-18'],
    ['2018-11-24', -1, '2018-11-17/2018-11-18'],
    ['2018-11-19', -1, '2018-11-17/2018-11-18'],
    ['2018-11-24', 1, '2018-12-01/2018-12-02'],
    ['2018-11-22', 1, '2018-11-24/2018-11-25'],
  ];
  for (const [d, mod, want] of cases)
    assert.equal(resolvePeriod('weekend', mod, a(d)).value, want, `${d} ${mod}`);
});

test('weeks run Monday to Sunday; months and years shift across year ends', () => {
  assert.equal(resolvePeriod('week', -1, a('2019-01-02')).value, '2018-12-24/2018-12-30');
  assert.equal(resolvePeriod('month', 1, a('2018-12')).value, '2019-01');
  assert.equal(resolvePeriod('month', -1, a('2019-01-05')).value, '2018-12');
  assert.equal(resolvePeriod('year', -1, a('2019')).value, '2018');
  assert.deepEqual(resolvePeriod('month', -1, a('2019')), {
    value: 'the month before the article date (2019)',
    precision: 'unknown',
    kind: 'point',
  });
});

test('the year of a day or month without one', () => {
  assert.equal(yearFor(6, 14, a('2021-05')), 2021);
  assert.equal(yearFor(12, 28, a('2021-01-10')), 2020);
  assert.equal(yearFor(1, 7, a('2018-12-11')), 2019);
  assert.equal(yearFor(6, 5, a('2021-06-10'), 1), 2022);
  assert.equal(yearFor(6, 20, a('2021-06-10'), -1), 2020);
  assert.equal(yearFor(12, 28, a('2021')), 2021);
  assert.equal(yearForMonth(12, a('2019-01-28')), 2018);
  assert.equal(yearForMonth(1, a('2018-12-25')), 2019);
  assert.equal(yearForMonth(11, a('2019-02-15'), -1), 2018);
  assert.equal(yearForMonth(5, a('2021-05'), -1), 2020);
});
