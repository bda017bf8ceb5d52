import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  KNOWN_ORGANIZATIONS,
  NON_ORGANIZATION_ACRONYMS,
  NON_ORGANIZATION_HEADS,
  ORGANIZATION_HEADS,
} from './organizations.js';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[-\s]+/g, ' ');

test('the alias table joins the names of one organisation', () => {
  const otan = KNOWN_ORGANIZATIONS.find((o) => o.names.includes('Otan'));
  assert.ok(otan);
  for (const n of ['OTAN', 'NATO', 'Alliance atlantique']) assert.ok(otan.names.includes(n), n);
  const ue = KNOWN_ORGANIZATIONS.find((o) => o.names.includes('UE'));
  assert.ok(ue?.names.includes('Union européenne'));
});

test('no name belongs to two organisations', () => {
  const seen = new Map<string, number>();
  KNOWN_ORGANIZATIONS.forEach((o, k) => {
    for (const n of o.names) {
      // Short acronyms match their exact capitals only: compare them as written.
      const key = n.length <= 4 || /^[\p{Lu}\d&-]+$/u.test(n) ? n : fold(n);
      const prev = seen.get(key);
      assert.ok(prev === undefined || prev === k, `${n} in two entries`);
      seen.set(key, k);
    }
  });
});

test('economic and everyday acronyms, and the heads of their expansions, are not organisations', () => {
  for (const a of ['PIB', 'TVA', 'SMIC', 'RIC']) assert.ok(NON_ORGANIZATION_ACRONYMS.has(a), a);
  for (const h of ['produit', 'référendum']) assert.ok(NON_ORGANIZATION_HEADS.has(h), h);
  for (const h of ['secrétariat', 'fédération', 'commission']) assert.ok(ORGANIZATION_HEADS.has(h), h);
  for (const o of KNOWN_ORGANIZATIONS)
    for (const n of o.names) assert.ok(!NON_ORGANIZATION_ACRONYMS.has(n), n);
});
