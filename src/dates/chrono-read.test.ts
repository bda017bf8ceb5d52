import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Component } from 'chrono-node';
import { chronoParse, shortcut, type ChronoResult, type DateParts } from './chrono-read.js';
import { parseAnchor, type Anchor } from './resolve.js';

const anchors: Array<Anchor | null> = [
  parseAnchor({ value: '2019-01-16', precision: 'day' }),
  parseAnchor({ value: '2020-02-29', precision: 'day' }),
  parseAnchor({ value: '2018-12', precision: 'month' }),
  parseAnchor({ value: '2021', precision: 'year' }),
  null,
];

const DURATION = /^(?:en|pour|pendant|de)(?![\p{L}])/iu;
const COMPONENTS: Component[] = ['day', 'month', 'year', 'weekday', 'hour'];

/** What the date stage reads of a result (the implied day of "mardi prochain" is not read). */
function reading(r: ChronoResult): string {
  const modifier = /(dernier|prochain)\s*$/iu.test(r.text);
  const parts = (c: DateParts | null | undefined): string =>
    c
      ? COMPONENTS.map((k) => {
          const certain = c.isCertain(k);
          const read = k !== 'hour' && (certain || !modifier || k === 'weekday');
          return `${k}:${certain ? 'C' : ''}${read ? c.get(k) : ''}`;
        }).join(',')
      : '-';
  return `${r.index} «${r.text}» ${parts(r.start)} / ${parts(r.end)}`;
}

const SHORTCUT = [
  'Le ministre a parlé mardi devant les députés.',
  'La réunion a eu lieu le 14 juin à Bruxelles.',
  'Il était arrivé mercredi 2 janvier, avant les autres.',
  'Mercredi, 2 janvier 2019, la grève a commencé.',
  'Le salon se tiendra du 3 au 5 mars à Lyon.',
  'Les faits remontent au 1er décembre 2018, selon le parquet.',
  'Rendez-vous samedi prochain, puis dimanche dernier encore.',
  'On signale (jeudi) des heurts, et vendredi, des blocages.',
  'Le texte daté du 31 avril est un faux.',
  'Le 29 février 2019 n’existe pas, le 29 février 2020 oui.',
  'Il a pris la mer samedi, pour la sam 3 juin.',
  'Le 14 juin. Puis le 15 juin, ce mardi.',
  'Des heurts le 12 JUIN et le 13 Juin, en mai aussi.',
  'Mardi 0 avril : rien.',
  'Le document du 12/03/2019 mentionne mardi.',
  'Publié le 23/01/2019 17:40:41 - mis à jour le 24/01.',
  'Score 1-0 vendredi, puis 2.5 points et 3.12.19 lundi 31/13/2019.',
  'Il a été condamné mardi à deux ans de prison, après un procès de trois jours.',
  'Âgé de 61 ans, il est mort jeudi.',
];

const TO_CHRONO = [
  'Il est parti il y a deux ans, mardi.',
  'Le vote aura lieu dans trois jours, jeudi.',
  'Ouvert du lundi au vendredi.',
  'Les soldes, du 3 mars au 5 avril.',
  'Arrivée le 14 juin CET selon le site.',
  'Le 14 juin +2 heures.',
  'Le 29 février, un jour rare.',
  'Le 14 jan. puis le 3 sep.',
  'Le 14 juin 1999 AD pour la forme.',
  'Lundi 45 mars, rien.',
  'Le sommet du 14 juin pendant trois jours.',
  'Le 12/0 et le 3/00/2019.',
  'Il reviendra dans trois jours, lundi.',
];

test('the shortcut gives chrono’s reading of weekdays and day-month dates', () => {
  for (const text of SHORTCUT) {
    for (const anchor of anchors) {
      const fast = shortcut(text, anchor);
      assert.ok(fast, `shortcut taken: ${text}`);
      // Durations (pendant trois jours) are left out: the date stage does not read them from chrono.
      const full = chronoParse(text, anchor).filter((r) => !DURATION.test(r.text));
      assert.deepEqual(fast.map(reading), full.map(reading), `${text} @ ${anchor?.value}`);
    }
  }
});

test('chrono decides other parsers, intervals, time zones and unknown forms', () => {
  for (const text of TO_CHRONO) assert.equal(shortcut(text, anchors[0]!), null, text);
});
