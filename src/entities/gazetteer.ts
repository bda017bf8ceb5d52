// The name indexes the entity stage looks names up in: known organisations (alias table) and
// places, as token tries; built once, on first use.
import { KNOWN_ORGANIZATIONS } from '../lang/fr/organizations.js';
import { AMBIGUOUS_PLACES, PLACE_NAMES, type PlaceKind } from '../lang/fr/places.js';
import type { ListedInfo } from './candidates.js';
import { NameIndex } from './names.js';

export interface KnownName {
  type: 'organization' | 'place';
  /** Organisations: index of the entry in KNOWN_ORGANIZATIONS (its aliases unify). */
  org?: number;
  place?: PlaceKind;
  /** A listed place that is also a common word or given name: needs a place cue. */
  ambiguous?: boolean;
  /** The spellings listed under this key: short and all-capital ones only match as written (UE, not Ue). */
  listed: string[];
  /** What the candidate stage checks of each listed spelling, computed on first use (null before). */
  checks: ListedInfo[] | null;
}

let index: NameIndex<KnownName> | null = null;
let lowerStarts: Set<string> | null = null;

/** First words, as written, of the names listed in lowercase (pays baltes, mer du Nord). */
export function lowercaseStartWords(): ReadonlySet<string> {
  if (!lowerStarts) {
    lowerStarts = new Set();
    const names = [...PLACE_NAMES.keys(), ...KNOWN_ORGANIZATIONS.flatMap((o) => o.names)];
    for (const name of names) {
      if (!/^\p{Ll}/u.test(name)) continue;
      const first = name.split(/[\s’'-]/)[0]!;
      lowerStarts.add(first);
      lowerStarts.add(first.normalize('NFD').replace(/\p{M}+/gu, ''));
    }
  }
  return lowerStarts;
}

/** Two names with one key: the later entry wins (organisations over places), spellings add up. */
function merge(old: KnownName, value: KnownName): KnownName {
  const listed = value.type === old.type ? [...old.listed, ...value.listed] : value.listed;
  return { ...value, listed, checks: null };
}

/** Short names and acronyms must match their capitals exactly: PS, UE, OM. */
export function needsExactCase(listed: string): boolean {
  return listed.length <= 4 || /^[\p{Lu}\d&-]+$/u.test(listed);
}

export function knownNames(): NameIndex<KnownName> {
  if (index) return index;
  const idx = new NameIndex<KnownName>();
  // Places first; an organisation of the same name (Matignon, Beauvau) wins, as news uses them.
  // Hyphens are often spaces in the text (Ouest France for Ouest-France): both spellings are indexed.
  const add = (name: string, value: KnownName): void => {
    idx.add(name, value, merge);
    const spaced = name.replace(/[-‑]/g, ' ');
    if (spaced !== name) idx.add(spaced, { ...value, listed: [spaced], checks: null }, merge);
  };
  for (const [name, kind] of PLACE_NAMES) {
    add(name, {
      type: 'place',
      place: kind,
      ambiguous: AMBIGUOUS_PLACES.has(name),
      listed: [name],
      checks: null,
    });
  }
  KNOWN_ORGANIZATIONS.forEach((o, k) => {
    for (const name of o.names) add(name, { type: 'organization', org: k, listed: [name], checks: null });
  });
  index = idx;
  return idx;
}
