import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isNationality, nationalityGender } from './nationalities.js';

test('every form of a nationality, in any case', () => {
  for (const w of [
    'américain',
    'Américaine',
    'américains',
    'AMÉRICAINES',
    'norvégien',
    'Norvégiennes',
    'Français',
    'belge',
    'Belges',
  ])
    assert.ok(isNationality(w), w);
  for (const w of ['européen', 'européenne', 'occidentaux', 'bruxellois', 'Québécoise'])
    assert.ok(isNationality(w), w);
});

test('their grammatical gender', () => {
  assert.equal(nationalityGender('norvégien'), 'male');
  assert.equal(nationalityGender('norvégienne'), 'female');
  assert.equal(nationalityGender('belge'), 'both');
  assert.equal(nationalityGender('Pologne'), undefined);
});

test('names and common words are not nationalities', () => {
  for (const w of ['Pologne', 'France', 'Otan', 'ministre', 'mardi']) assert.ok(!isNationality(w), w);
});
