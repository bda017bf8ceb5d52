import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../doc/document.js';
import type { ArticleDate, DateFact } from '../types.js';
import { findDateMentions, findDates } from './find-dates.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = `${ROOT}../shared/seed/nato-2021-05.txt`;
const SEED_EXPECTED = `${ROOT}../shared/seed/expected.json`;
const noSeed =
  existsSync(SEED) && existsSync(SEED_EXPECTED) ? false : 'the seed (../shared/seed) is not available';

const day = (value: string): ArticleDate => ({ value, precision: 'day' });
const month = (value: string): ArticleDate => ({ value, precision: 'month' });
const dates = (text: string, d: ArticleDate | null = null): DateFact[] => findDates(createDoc(text), d);
const brief = (text: string, d: ArticleDate | null = null): Array<[string, string, string, string]> =>
  dates(text, d).map((x) => [x.text, x.value, x.precision, x.kind]);

test(
  'the seed: mardi and lundi not pinned, le 14 juin in 2021, 2030 and 2024 as years',
  { skip: noSeed },
  () => {
    const text = readFileSync(SEED, 'utf8').replace(/^\s*date \d{4}-\d{2} /, '');
    const expected = (
      JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as { dates: Array<{ text: string; value: string }> }
    ).dates;
    const found = dates(text, month('2021-05'));
    for (const e of expected) {
      const d = found.find((x) => x.text === e.text);
      assert.ok(d, `date «${e.text}»`);
      if (/^\d/.test(e.value)) assert.equal(d.value, e.value, e.text);
      else {
        // "a Tuesday in or next to 2021-05 (exact day unknown: ...)": ours is the part before the brackets.
        assert.equal(d.precision, 'weekday-relative');
        assert.ok(e.value.startsWith(d.value), `${d.value} / ${e.value}`);
      }
    }
    // Exactly the expected dates: the quote's "sommet du 14 juin" names the same date again and is a
    // repeat of d2, not a date of its own; nothing else is a date (not "maintenant", not "la veille
    // de la double ministérielle").
    assert.deepEqual(
      found.map((d) => [d.text, d.value]),
      [
        ['mardi', 'a Tuesday in or next to 2021-05'],
        ['le 14 juin', '2021-06-14'],
        ['2030', '2030'],
        ['2024', '2024'],
        ['lundi', 'a Monday in or next to 2021-05'],
      ],
    );
    assert.equal(found.length, expected.length);
    assert.deepEqual(
      found.map((d) => d.id),
      ['d1', 'd2', 'd3', 'd4', 'd5'],
    );
    const { repeats } = findDateMentions(createDoc(text), month('2021-05'));
    assert.deepEqual(
      repeats.map((r) => [text.slice(r.start, r.end), r.id]),
      [['14 juin', 'd2']],
    );
    for (const d of found) assert.equal(d.text, text.slice(d.start, d.end));
  },
);

test('a weekday resolves to the nearest such day of a day-precision date; prochain and dernier point forward and back', () => {
  // 2018-12-04 is a Tuesday.
  assert.deepEqual(brief('réunis mardi, jeudi, samedi et dimanche', day('2018-12-04')), [
    ['mardi', '2018-12-04', 'day', 'point'],
    ['jeudi', '2018-12-06', 'day', 'point'],
    ['samedi', '2018-12-01', 'day', 'point'],
    ['dimanche', '2018-12-02', 'day', 'point'],
  ]);
  assert.deepEqual(brief('samedi prochain et mardi dernier, mardi prochain', day('2018-12-04')), [
    ['samedi prochain', '2018-12-08', 'day', 'point'],
    ['mardi dernier', '2018-11-27', 'day', 'point'],
    ['mardi prochain', '2018-12-11', 'day', 'point'],
  ]);
});

test('without a day, a weekday says what is known', () => {
  assert.deepEqual(brief('mardi', month('2021-05')), [
    ['mardi', 'a Tuesday in or next to 2021-05', 'weekday-relative', 'point'],
  ]);
  assert.deepEqual(brief('mardi', { value: '2021', precision: 'year' }), [
    ['mardi', 'a Tuesday in or next to 2021', 'weekday-relative', 'point'],
  ]);
  assert.deepEqual(brief('mardi'), [
    ['mardi', 'a Tuesday near the article date (unknown)', 'weekday-relative', 'point'],
  ]);
  assert.deepEqual(brief('dans la nuit de vendredi à samedi', month('2019-01')), [
    ['vendredi à samedi', 'a Friday to a Saturday in or next to 2019-01', 'weekday-relative', 'interval'],
  ]);
});

test('day and month: the year nearest the article date, dernier / prochain, or --MM-DD without a date', () => {
  assert.deepEqual(brief('le 14 juin', month('2021-05')), [['le 14 juin', '2021-06-14', 'day', 'point']]);
  assert.deepEqual(brief('le 28 décembre', month('2021-01')), [
    ['le 28 décembre', '2020-12-28', 'day', 'point'],
  ]);
  assert.deepEqual(brief('le 5 juin prochain', day('2021-06-10')), [
    ['le 5 juin prochain', '2022-06-05', 'day', 'point'],
  ]);
  assert.deepEqual(brief('le 20 juin dernier', day('2021-06-10')), [
    ['le 20 juin dernier', '2020-06-20', 'day', 'point'],
  ]);
  assert.deepEqual(brief('le 14 juin'), [['le 14 juin', '--06-14', 'day', 'point']]);
  assert.deepEqual(brief('du 28 décembre au 3 janvier', day('2018-12-20')), [
    ['du 28 décembre au 3 janvier', '2018-12-28/2019-01-03', 'day', 'interval'],
  ]);
  assert.deepEqual(brief('Le sommet du 14 juin.', month('2021-05')), [
    ['14 juin', '2021-06-14', 'day', 'point'],
  ]);
});

test('relative days and periods are exact with a day, described with a coarser date', () => {
  const d = day('2018-11-24'); // a Saturday
  assert.deepEqual(brief('hier, avant-hier, aujourd’hui, demain, après-demain', d), [
    ['hier', '2018-11-23', 'day', 'point'],
    ['avant-hier', '2018-11-22', 'day', 'point'],
    ['aujourd’hui', '2018-11-24', 'day', 'point'],
    ['demain', '2018-11-25', 'day', 'point'],
    ['après-demain', '2018-11-26', 'day', 'point'],
  ]);
  assert.deepEqual(brief('cette semaine, la semaine prochaine, ce week-end, le week-end dernier', d), [
    ['cette semaine', '2018-11-19/2018-11-25', 'day', 'interval'],
    ['la semaine prochaine', '2018-11-26/2018-12-02', 'day', 'interval'],
    ['ce week-end', '2018-11-24/2018-11-25', 'day', 'interval'],
    ['le week-end dernier', '2018-11-17/2018-11-18', 'day', 'interval'],
  ]);
  assert.deepEqual(brief("le mois dernier, l'an prochain, cette année, il y a trois semaines", d), [
    ['le mois dernier', '2018-10', 'month', 'point'],
    ["l'an prochain", '2019', 'year', 'point'],
    ['cette année', '2018', 'year', 'point'],
    ['il y a trois semaines', '2018-11-03', 'day', 'point'],
  ]);
  const m = month('2018-11');
  assert.deepEqual(brief("hier, aujourd'hui, la semaine dernière, le mois dernier, l'an dernier", m), [
    ['hier', 'the day before the article date (2018-11)', 'unknown', 'point'],
    ["aujourd'hui", '2018-11', 'month', 'point'],
    ['la semaine dernière', 'the week before the article date (2018-11)', 'unknown', 'point'],
    ['le mois dernier', '2018-10', 'month', 'point'],
    ["l'an dernier", '2017', 'year', 'point'],
  ]);
  assert.deepEqual(brief("hier, l'an dernier, il y a deux ans"), [
    ['hier', 'the day before the article date (unknown)', 'unknown', 'point'],
    ["l'an dernier", 'the year before the article date (unknown)', 'unknown', 'point'],
    ['il y a deux ans', '2 years before the article date (unknown)', 'unknown', 'point'],
  ]);
});

test('months and years, with or without a day', () => {
  const d = day('2019-01-28');
  assert.deepEqual(brief('en mai 2019, fin décembre, mi-mars, en novembre dernier, au mois de juin', d), [
    ['mai 2019', '2019-05', 'month', 'point'],
    ['fin décembre', '2018-12', 'month', 'point'],
    ['mi-mars', '2019-03', 'month', 'point'],
    ['novembre dernier', '2018-11', 'month', 'point'],
    ['mois de juin', '2019-06', 'month', 'point'],
  ]);
  assert.deepEqual(brief('en décembre'), [['décembre', '--12', 'month', 'point']]);
  // A month name alone needs a preposition, and lower case: not the planet, not "Mai 68".
  assert.deepEqual(brief('la planète Mars et le mai de Paris'), []);
  assert.deepEqual(brief("à l'horizon 2030, d'ici 2025, en 2019, depuis 1981, fin 2018, l'an 2000 (1974)"), [
    ['2030', '2030', 'year', 'point'],
    ['2025', '2025', 'year', 'point'],
    ['2019', '2019', 'year', 'point'],
    ['1981', '1981', 'year', 'point'],
    ['2018', '2018', 'year', 'point'],
    ['2000', '2000', 'year', 'point'],
    ['1974', '1974', 'year', 'point'],
  ]);
});

test('years and intervals of years; numbers that are not years are left alone', () => {
  assert.deepEqual(brief('entre 2019 et 2021, de 2015 à 2017, la saison 2018-2019, les années 80'), [
    ['entre 2019 et 2021', '2019/2021', 'year', 'interval'],
    ['de 2015 à 2017', '2015/2017', 'year', 'interval'],
    ['2018-2019', '2018/2019', 'year', 'interval'],
    ['les années 80', '1980/1989', 'year', 'interval'],
  ]);
  assert.deepEqual(
    brief('2500 manifestants, plus de 2000 interpellations, environ 1900, 12 019 euros, 2019,5 points'),
    [],
  );
  assert.deepEqual(brief('entre 1500 et 2000 manifestants'), []);
  // Inside larger numbers: 20192, 12 019, 2 019 000, 2019,5, a phone number.
  assert.deepEqual(brief('20192 et 12 019 et 2 019 000 et 2019,5 et 1,2019 et 0612 20 19 20'), []);
});

test('durations and sets', () => {
  assert.deepEqual(
    brief('pendant trois semaines, depuis deux ans, en 24 heures, depuis un mois et demi, sur cinq ans'),
    [
      ['pendant trois semaines', 'P3W', 'day', 'duration'],
      ['depuis deux ans', 'P2Y', 'year', 'duration'],
      ['en 24 heures', 'PT24H', 'day', 'duration'],
      ['depuis un mois et demi', 'P1.5M', 'month', 'duration'],
      ['sur cinq ans', 'P5Y', 'year', 'duration'],
    ],
  );
  assert.deepEqual(
    brief('chaque mardi, tous les samedis, toutes les semaines, tous les deux ans, les dimanches de mai'),
    [
      ['chaque mardi', 'XXXX-WXX-2', 'weekday-relative', 'set'],
      ['tous les samedis', 'XXXX-WXX-6', 'weekday-relative', 'set'],
      ['toutes les semaines', 'R/P1W', 'unknown', 'set'],
      ['tous les deux ans', 'R/P2Y', 'year', 'set'],
      ['les dimanches', 'XXXX-WXX-7', 'weekday-relative', 'set'],
      ['mai', '--05', 'month', 'point'],
    ],
  );
  // Not dates: an age, a time of day, "la veille" and "maintenant" (relative to the story), vague amounts.
  assert.deepEqual(
    brief('un homme de 59 ans, à 20h30, à 19 h 30, la veille, maintenant, il y a quelques jours'),
    [],
  );
});

test('times are cut from dates; ids are d1, d2 ... in text order; spans are slices', () => {
  const text =
    'Rendez-vous samedi 16 mars 2019 à 14h, puis le 16/03/2019 17:40:41 et mardi 14 mai à 19 h 30.';
  const found = dates(text, day('2019-03-14'));
  assert.deepEqual(
    found.map((d) => [d.id, d.text, d.value]),
    [
      ['d1', 'samedi 16 mars 2019', '2019-03-16'],
      ['d2', 'le 16/03/2019', '2019-03-16'],
      ['d3', 'mardi 14 mai', '2019-05-14'],
    ],
  );
  for (const d of found) assert.equal(d.text, text.slice(d.start, d.end));
});

test('resolution does not depend on the machine time zone', () => {
  const script = `
    import { createDoc } from './doc/document.js';
    import { findDates } from './dates/find-dates.js';
    const t = 'hier, mardi, le 1er janvier, la semaine dernière';
    console.log(JSON.stringify(findDates(createDoc(t), { value: '2019-01-01', precision: 'day' }).map((d) => d.value)));
  `;
  const out = new Set<string>();
  for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../', import.meta.url)),
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    out.add(r.stdout.trim());
  }
  assert.equal(out.size, 1, [...out].join(' | '));
  assert.deepEqual(JSON.parse([...out][0]!), [
    '2018-12-31',
    '2019-01-01',
    '2019-01-01',
    '2018-12-24/2018-12-30',
  ]);
});

test('a point or interval named again is listed once; durations and sets each time', () => {
  const text =
    'Le sommet aura lieu le 14 juin. Lors du sommet du 14 juin, depuis deux ans et depuis deux ans, chaque mardi et chaque mardi.';
  assert.deepEqual(brief(text, month('2021-05')), [
    ['le 14 juin', '2021-06-14', 'day', 'point'],
    ['depuis deux ans', 'P2Y', 'year', 'duration'],
    ['depuis deux ans', 'P2Y', 'year', 'duration'],
    ['chaque mardi', 'XXXX-WXX-2', 'weekday-relative', 'set'],
    ['chaque mardi', 'XXXX-WXX-2', 'weekday-relative', 'set'],
  ]);
  const { dates: found, repeats } = findDateMentions(createDoc(text), month('2021-05'));
  assert.deepEqual(
    repeats.map((r) => [text.slice(r.start, r.end), r.id]),
    [['14 juin', found[0]!.id]],
  );
});
