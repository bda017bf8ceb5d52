import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { AMBIGUOUS_PLACES, PLACE_NAMES } from './places.js';

const here = fileURLToPath(new URL('../../../src/lang/fr/', import.meta.url));

test('countries, regions, départements, cities and lowercase phrases are listed with their kind', () => {
  const cases: Array<[string, string]> = [
    ['France', 'country'],
    ['Pologne', 'country'],
    ['États-Unis', 'country'],
    ['Etats-Unis', 'country'],
    ['Royaume-Uni', 'country'],
    ['Bouches-du-Rhône', 'department'],
    ['Loir-et-Cher', 'department'],
    ['Occitanie', 'region'],
    ['Wallonie', 'region'],
    ['Bruxelles', 'city'],
    ['Montréal', 'city'],
    ['Liège', 'city'],
    ['Calais', 'city'],
    ['Carcassonne', 'city'],
    ['Bessan', 'town'],
    ['Méditerranée', 'geo'],
    ['Champs-Élysées', 'landmark'],
    ['pays baltes', 'lowercase'],
  ];
  for (const [name, kind] of cases) assert.equal(PLACE_NAMES.get(name), kind, name);
});

test('nationalities, months and institutions are not places', () => {
  for (const n of ['américain', 'Norvégien', 'mardi', 'Élysée', 'Otan'])
    assert.equal(PLACE_NAMES.get(n), undefined, n);
});

test('names that are also given names or common words need a place cue', () => {
  for (const n of ['Florence', 'Dominique', 'Maurice', 'Laval']) assert.ok(AMBIGUOUS_PLACES.has(n), n);
});

test('places.json holds every curated name and stays sorted', () => {
  const curated = JSON.parse(readFileSync(`${here}places-curated.json`, 'utf8')) as Record<string, unknown>;
  const generated = JSON.parse(readFileSync(`${here}places.json`, 'utf8')) as Record<string, unknown>;
  const all = new Set(
    Object.entries(generated)
      .filter(([k]) => k !== '_doc' && k !== 'ambiguous')
      .flatMap(([, v]) => v as string[]),
  );
  for (const key of ['countryVariants', 'cities', 'regions', 'geo', 'landmarks', 'lowercase'])
    for (const n of curated[key] as string[]) assert.ok(all.has(n), `${key}: ${n}`);
  const collator = new Intl.Collator('fr');
  for (const [k, v] of Object.entries(generated)) {
    if (!Array.isArray(v)) continue;
    const sorted = [...(v as string[])].sort(collator.compare);
    assert.deepEqual(v, sorted, `${k} sorted`);
  }
});
