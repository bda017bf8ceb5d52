import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DURATION_UNITS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  PERIOD_MODIFIERS,
  PERIOD_NOUNS,
  RELATIVE_DAYS,
  SET_UNITS,
  WEEKDAY_NAMES_EN,
  WEEKDAYS,
} from './calendar.js';

test('every month and weekday is named, keys are lower case', () => {
  assert.deepEqual(
    [...new Set(MONTHS.values())].sort((a, b) => a - b),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  );
  assert.deepEqual([...new Set(WEEKDAYS.values())].sort(), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(WEEKDAY_NAMES_EN.length, 8);
  for (const table of [
    MONTHS,
    WEEKDAYS,
    RELATIVE_DAYS,
    PERIOD_NOUNS,
    PERIOD_MODIFIERS,
    DURATION_UNITS,
    SET_UNITS,
  ])
    for (const k of table.keys()) assert.equal(k, k.toLowerCase(), k);
  for (const a of MONTH_ABBREVIATIONS) assert.ok(MONTHS.has(a), a);
});

test('the French names map to the right numbers', () => {
  assert.equal(MONTHS.get('juin'), 6);
  assert.equal(MONTHS.get('août'), 8);
  assert.equal(MONTHS.get('décembre'), 12);
  assert.equal(WEEKDAYS.get('mardi'), 2);
  assert.equal(WEEKDAYS.get('samedis'), 6);
  assert.equal(WEEKDAYS.get('dimanche'), 7);
  assert.equal(RELATIVE_DAYS.get('hier'), -1);
  assert.equal(RELATIVE_DAYS.get('aujourd’hui'), 0);
  assert.equal(PERIOD_MODIFIERS.get('dernière'), -1);
  assert.deepEqual(DURATION_UNITS.get('trimestres'), { unit: 'M', times: 3 });
});
