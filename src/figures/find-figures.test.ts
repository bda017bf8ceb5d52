import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findDates } from '../dates/find-dates.js';
import { createDoc } from '../doc/document.js';
import type { Figure } from '../types.js';
import { findFigures } from './find-figures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = `${ROOT}../shared/seed/nato-2021-05.txt`;
const SEED_EXPECTED = `${ROOT}../shared/seed/expected.json`;
const noSeed =
  existsSync(SEED) && existsSync(SEED_EXPECTED) ? false : 'the seed (../shared/seed) is not available';

const figures = (text: string): Figure[] => findFigures(createDoc(text));
const brief = (text: string): Array<[string, number, string?, string?]> =>
  figures(text).map((f) => {
    const row: [string, number, string?, string?] = [f.text, f.value];
    if (f.unit !== undefined || f.of !== undefined) row.push(f.unit);
    if (f.of !== undefined) row.push(f.of);
    return row;
  });

test(
  'the seed: trente pays, deux pour cent du PIB, quatre gros bataillons, and nothing else',
  { skip: noSeed },
  () => {
    const text = readFileSync(SEED, 'utf8').replace(/^\s*date \d{4}-\d{2} /, '');
    const expected = (
      JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as {
        figures: Array<{ text: string; value: number; unit?: string; of?: string }>;
      }
    ).figures;
    const doc = createDoc(text);
    const found = findFigures(doc, findDates(doc, { value: '2021-05', precision: 'month' }));
    assert.deepEqual(
      found.map((f) => ({
        text: f.text,
        value: f.value,
        ...(f.unit ? { unit: f.unit } : {}),
        ...(f.of ? { of: f.of } : {}),
      })),
      expected,
    );
    assert.deepEqual(
      found.map((f) => f.id),
      ['f1', 'f2', 'f3'],
    );
    for (const f of found) assert.equal(f.text, text.slice(f.start, f.end));
    // Without the dates passed in, they are computed: same result.
    assert.deepEqual(findFigures(doc), found);
  },
);

test('French digit formats: spaces, no-break and narrow no-break spaces, periods, decimal commas', () => {
  assert.deepEqual(
    brief('280 000 manifestants, 280\u00a0000 euros, 280\u202f000 personnes, 50.000 personnes'),
    [
      ['280 000 manifestants', 280000, 'manifestants'],
      ['280\u00a0000 euros', 280000, 'EUR'],
      ['280\u202f000 personnes', 280000, 'personnes'],
      ['50.000 personnes', 50000, 'personnes'],
    ],
  );
  assert.deepEqual(brief('1,5 million de foyers et 1 300,25 euros, soit 0,5 point'), [
    ['1,5 million de foyers', 1_500_000, 'foyers'],
    ['1 300,25 euros', 1300.25, 'EUR'],
    ['0,5 point', 0.5, 'point'],
  ]);
  // A bare quantity has no unit.
  assert.deepEqual(brief('ils étaient environ 6 300 à manifester'), [['6 300', 6300]]);
});

test('percentages and what they are a share of', () => {
  assert.deepEqual(
    brief('73% des Français, 73\u00a0% des sondés, deux pour cent, 54 pourcent, 3,2 % du PIB'),
    [
      ['73% des Français', 73, '%', 'Français'],
      ['73\u00a0% des sondés', 73, '%', 'sondés'],
      ['deux pour cent', 2, '%'],
      ['54 pourcent', 54, '%'],
      ['3,2 % du PIB', 3.2, '%', 'PIB'],
    ],
  );
  assert.deepEqual(
    brief('2 % de la population active, une hausse de 20 % de la TVA, +8,7 %, 20 % de hausse'),
    [
      ['2 % de la population active', 2, '%', 'population active'],
      ['20 % de la TVA', 20, '%', 'TVA'],
      ['+8,7 %', 8.7, '%'],
      ['20 %', 20, '%'],
    ],
  );
});

test('money', () => {
  assert.deepEqual(
    brief(
      '1,5 milliard d’euros, 100 euros, 20 millions de dollars, 500 000 €, 150€, 10 000 dollars canadiens, 20 M€, un euro',
    ),
    [
      ['1,5 milliard d’euros', 1.5e9, 'EUR'],
      ['100 euros', 100, 'EUR'],
      ['20 millions de dollars', 2e7, 'USD'],
      ['500 000 €', 500000, 'EUR'],
      ['150€', 150, 'EUR'],
      ['10 000 dollars canadiens', 10000, 'CAD'],
      ['20 M€', 2e7, 'EUR'],
      ['un euro', 1, 'EUR'],
    ],
  );
  assert.deepEqual(brief('entre 100 et 150 euros'), [
    ['100', 100, 'EUR'],
    ['150 euros', 150, 'EUR'],
  ]);
});

test('counts of things, in digits and in words, past pre-nominal adjectives', () => {
  assert.deepEqual(
    brief(
      'trente pays, quatre gros bataillons, deux cent mille personnes, vingt et un ans, quatre-vingt-dix députés, soixante et onze élus',
    ),
    [
      ['trente pays', 30, 'pays'],
      ['quatre gros bataillons', 4, 'bataillons'],
      ['deux cent mille personnes', 200000, 'personnes'],
      ['vingt et un ans', 21, 'ans'],
      ['quatre-vingt-dix députés', 90, 'députés'],
      ['soixante et onze élus', 71, 'élus'],
    ],
  );
  assert.deepEqual(
    brief(
      'une dizaine de stands, un million et demi de visiteurs, 300 "gilets jaunes", les 27 États membres',
    ),
    [
      ['une dizaine de stands', 10, 'stands'],
      ['un million et demi de visiteurs', 1.5e6, 'visiteurs'],
      ['300 "gilets jaunes"', 300, 'gilets jaunes'],
      ['27 États', 27, 'États'],
    ],
  );
});

test('not figures: articles, ordinals, dates, times, scores, codes, identifiers', () => {
  assert.deepEqual(
    brief(
      'Un homme, une femme, la 17e journée, le 1er mai, la deuxième fois, le premier, le XXe siècle, ' +
        'à 20h30, à 19 h 30, vers 14 heures, Lens - Ajaccio 1 - 2, score 3-1, à 17:40:41, ' +
        'appelez le 01 23 45 67 89, l’acte 15, France 2, Ligue 1, le 15, les lignes 1, 3 et 8, (13573), ' +
        'en 2019, depuis 2015, pendant trois semaines, il y a deux ans, les deux ont dit',
    ),
    [],
  );
});

test('numbers inside the dates passed in are left to them', () => {
  const doc = createDoc('Le 14 juin, 2500 manifestants; depuis 18 mois, 18 mois de prison.');
  const dates = findDates(doc, null);
  assert.deepEqual(
    dates.map((d) => d.text),
    ['Le 14 juin', 'depuis 18 mois'],
  );
  assert.deepEqual(
    findFigures(doc, dates).map((f) => [f.id, f.text, f.value, f.unit]),
    [
      ['f1', '2500 manifestants', 2500, 'manifestants'],
      ['f2', '18 mois', 18, 'mois'],
    ],
  );
});
