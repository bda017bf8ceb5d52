import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isNumberWord,
  mayBeNumberWord,
  NUMBER_WORD_ATOMS,
  numberFromWords,
  parseDigits,
  parseNumberWords,
} from './numbers.js';

test('number words, the standard forms and the Belgian and Swiss ones', () => {
  const table: Array<[string, number]> = [
    ['zéro', 0],
    ['un', 1],
    ['une', 1],
    ['dix', 10],
    ['onze', 11],
    ['seize', 16],
    ['dix-sept', 17],
    ['dix-neuf', 19],
    ['vingt', 20],
    ['vingt et un', 21],
    ['vingt-et-un', 21],
    ['vingt-deux', 22],
    ['trente', 30],
    ['trente et une', 31],
    ['quarante-cinq', 45],
    ['soixante et onze', 71],
    ['soixante-dix', 70],
    ['soixante-dix-sept', 77],
    ['quatre-vingts', 80],
    ['quatre-vingt-un', 81],
    ['quatre-vingt-dix', 90],
    ['quatre-vingt-dix-neuf', 99],
    ['septante', 70],
    ['huitante', 80],
    ['nonante-cinq', 95],
    ['cent', 100],
    ['cent un', 101],
    ['deux cents', 200],
    ['deux cent cinquante', 250],
    ['deux-cent-cinquante', 250],
    ['neuf cent quatre-vingt-dix-neuf', 999],
    ['mille', 1000],
    ['mille deux cents', 1200],
    ['trois mille', 3000],
    ['deux cent mille', 200_000],
    ['un million', 1e6],
    ['deux millions', 2e6],
    ['deux millions trois cent mille', 2_300_000],
    ['un milliard', 1e9],
    ['trois milliards cinq cents millions', 3.5e9],
  ];
  for (const [words, value] of table) assert.equal(numberFromWords(words), value, words);
});

test('what is not one number', () => {
  for (const w of [
    'deux trois',
    'vingt trente',
    'cent cent',
    'et un',
    'million',
    'quatre-vingt et un',
    'dix-deux',
    'trente-deuxième',
  ])
    assert.equal(numberFromWords(w), null, w);
});

test('the longest run of number words is read, the rest left', () => {
  assert.deepEqual(parseNumberWords(['deux', 'pour', 'cent']), { value: 2, used: 1 });
  assert.deepEqual(parseNumberWords(['vingt', 'et', 'un', 'ans']), { value: 21, used: 3 });
  // "vingt et" without its unit is "vingt".
  assert.deepEqual(parseNumberWords(['vingt', 'et', 'des']), { value: 20, used: 1 });
  assert.deepEqual(parseNumberWords(['deux', 'trois']), { value: 2, used: 1 });
  assert.equal(parseNumberWords(['deuxième']), null);
});

test('digits the French way', () => {
  const table: Array<[string, number | null]> = [
    ['73', 73],
    ['1,5', 1.5],
    ['280 000', 280000],
    ['280\u00a0000', 280000],
    ['280\u202f000', 280000],
    ['1 300,25', 1300.25],
    ['19 337 992,84', 19337992.84],
    ['50.000', 50000],
    ['1.975.000', 1975000],
    ['2.500', 2500],
    ['2.5', 2.5],
    ['7.62', 7.62],
    ['0,5', 0.5],
    ['12a', null],
  ];
  for (const [s, v] of table) assert.equal(parseDigits(s), v, s);
});

test('the cheap pre-test agrees with the full test on every atom and on compounds', () => {
  for (const a of NUMBER_WORD_ATOMS) {
    assert.ok(isNumberWord(a), a);
    assert.ok(mayBeNumberWord(a, 0, a.length), a);
    const cap = a[0]!.toUpperCase() + a.slice(1);
    assert.ok(mayBeNumberWord(cap, 0, cap.length), cap);
  }
  for (const w of ['quatre-vingt-dix', 'vingt-et-un', 'dix-sept', 'Soixante-dix'])
    assert.ok(mayBeNumberWord(w, 0, w.length) && isNumberWord(w), w);
  for (const w of ['de', 'des', 'la', 'mardi', 'Jean-Luc', 'deuxième']) assert.ok(!isNumberWord(w), w);
});
