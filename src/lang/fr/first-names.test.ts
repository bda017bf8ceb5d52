import { test } from 'node:test';
import assert from 'node:assert/strict';
import data from './first-names.json' with { type: 'json' };
import { firstNameGender, isCommonWordName } from './first-names.js';

const LISTS = { male: data.male, female: data.female, ambiguous: data.ambiguous } as const;

/** Same case-insensitive key as first-names.ts uses for exact lookups. */
const keyOf = (name: string): string => name.normalize('NFC').toLowerCase();

test('male given names', () => {
  for (const name of ['Jean', 'Bruno', 'Emmanuel', 'Jens', 'Joe', 'Jean-Pierre', 'Jean-Sébastien', 'Koen']) {
    assert.equal(firstNameGender(name), 'male', name);
  }
});

test('female given names', () => {
  for (const name of [
    'Marie',
    'Sylvie',
    'Élisabeth',
    'Muriel',
    'Danielle',
    'Charlène',
    'Anne-Sophie',
    'Els',
  ]) {
    assert.equal(firstNameGender(name), 'female', name);
  }
});

test('names borne by both sexes are ambiguous', () => {
  for (const name of ['Camille', 'Dominique', 'Claude', 'Andrea', 'Kim']) {
    assert.equal(firstNameGender(name), 'ambiguous', name);
  }
});

test('family names, places and organisations are not given names', () => {
  for (const name of ['Macron', 'Paris', 'Otan', 'Dupont', 'Bruxelles', '', '  ']) {
    assert.equal(firstNameGender(name), undefined, JSON.stringify(name));
  }
});

test('case-insensitive, with an accent-folded fallback', () => {
  assert.equal(firstNameGender('helene'), 'female');
  assert.equal(firstNameGender('Helene'), 'female');
  assert.equal(firstNameGender('HÉLÈNE'), 'female');
  assert.equal(firstNameGender('JEAN-PIERRE'), 'male');
  assert.equal(firstNameGender('Francois'), 'male');
  assert.equal(firstNameGender('  Zoé '), 'female');
  // Exact spelling first: Andréa is female, Andrea ambiguous, Michèle female, Michele ambiguous.
  assert.equal(firstNameGender('Andréa'), 'female');
  assert.equal(firstNameGender('Michèle'), 'female');
  assert.equal(firstNameGender('Michele'), 'ambiguous');
});

test('typographic hyphens and space-separated compounds', () => {
  assert.equal(firstNameGender('Jean\u2011Pierre'), 'male');
  assert.equal(firstNameGender('Marie\u2013Christine'), 'female');
  assert.equal(firstNameGender('Jean Pierre'), 'male');
  assert.equal(firstNameGender('Jean Dupont'), undefined);
  assert.equal(firstNameGender('Jean-Pierre Dupont'), undefined);
});

test('an unlisted compound takes the gender of its first part', () => {
  assert.equal(firstNameGender('Jean-Truc'), 'male');
  assert.equal(firstNameGender('Jean-Baptiste'), 'male');
  assert.equal(firstNameGender('Marie-Truc'), 'female');
  assert.equal(firstNameGender('Camille-Truc'), 'ambiguous');
  assert.equal(firstNameGender('Truc-Jean'), undefined);
  assert.equal(firstNameGender('Ben-Gourion'), undefined);
  // Listed compounds win over their first part.
  assert.equal(firstNameGender('Jean-Marie'), 'male');
  assert.equal(firstNameGender('Marie-Pierre'), 'female');
  assert.equal(firstNameGender('Claude-Henri'), 'male');
});

test('names that are also common words', () => {
  for (const name of ['Pierre', 'Rose', 'Marine', 'France', 'Claire', 'pierre', 'Noel']) {
    assert.equal(isCommonWordName(name), true, name);
  }
  for (const name of ['Jean', 'Sylvie', 'Pierre-Yves', 'Macron', '']) {
    assert.equal(isCommonWordName(name), false, name);
  }
  // Still given names: the flag asks for context, it does not remove them.
  assert.equal(firstNameGender('Pierre'), 'male');
  assert.equal(firstNameGender('Rose'), 'female');
});

test('data: no name in two lists, no duplicates, well-formed entries', () => {
  const seen = new Map<string, string>();
  for (const [list, names] of Object.entries(LISTS)) {
    for (const name of names) {
      assert.match(
        name,
        /^\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*$/u,
        `${list}: ${JSON.stringify(name)}`,
      );
      assert.equal(name, name.normalize('NFC'), `${list}: ${name} is not NFC`);
      const key = keyOf(name);
      const other = seen.get(key);
      assert.equal(other, undefined, `${name} is in ${list} and in ${other}`);
      seen.set(key, list);
    }
  }
  const maleKeys = new Set(data.male.map(keyOf));
  assert.deepEqual(
    data.female.filter((name) => maleKeys.has(keyOf(name))),
    [],
    'names in both male and female belong in ambiguous',
  );
  for (const name of data.alsoCommonWords) {
    assert.ok(seen.has(keyOf(name)), `alsoCommonWords: ${name} is in none of the gender lists`);
  }
  assert.equal(
    new Set(data.alsoCommonWords).size,
    data.alsoCommonWords.length,
    'alsoCommonWords has duplicates',
  );
});

test('data: lists are sorted in French collation order', () => {
  const collator = new Intl.Collator('fr');
  for (const [list, names] of Object.entries({ ...LISTS, alsoCommonWords: data.alsoCommonWords })) {
    const sorted = [...names].sort(collator.compare);
    assert.deepEqual(names, sorted, `${list} is not sorted`);
  }
});

test('data: every listed name looks up to its own list', () => {
  for (const [list, names] of Object.entries(LISTS)) {
    for (const name of names) assert.equal(firstNameGender(name), list, name);
  }
});

test('data: coverage', () => {
  assert.ok(data.male.length >= 1500, `male: ${data.male.length}`);
  assert.ok(data.female.length >= 1500, `female: ${data.female.length}`);
  assert.ok(data.ambiguous.length >= 50, `ambiguous: ${data.ambiguous.length}`);
});
