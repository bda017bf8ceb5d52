import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decodeBytes, decodeWindows1252, looksWindows1252 } from './decode.js';

const FRENCH = 'L’été, « déjà » à Noël : œuvre, garçon, hôpital – très cher… 20 €.';

function cp1252(s: string): Buffer {
  // Build windows-1252 bytes by hand for the characters used here.
  const map: Record<string, number> = {
    '’': 0x92,
    '«': 0xab,
    '»': 0xbb,
    '–': 0x96,
    '…': 0x85,
    '€': 0x80,
    œ: 0x9c,
  };
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (map[ch] !== undefined) out.push(map[ch]);
    else if (c < 0x100) out.push(c);
    else throw new Error(`no windows-1252 byte for ${ch}`);
  }
  return Buffer.from(out);
}

describe('decoding', () => {
  test('UTF-8, with or without BOM (the BOM is not text)', () => {
    const plain = decodeBytes(Buffer.from(FRENCH, 'utf8'));
    assert.deepEqual(plain, { ok: true, text: FRENCH, encoding: 'utf-8', bom: false });
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')]));
    assert.deepEqual(bom, { ok: true, text: FRENCH, encoding: 'utf-8', bom: true });
  });

  test('windows-1252 / latin-1 text is detected and decoded', () => {
    const d = decodeBytes(cp1252(FRENCH));
    assert.deepEqual(d, { ok: true, text: FRENCH, encoding: 'windows-1252', bom: false });
    const latin1 = decodeBytes(Buffer.from("Le café de la gare, près de l'église.", 'latin1'));
    assert.equal(latin1.ok && latin1.text, "Le café de la gare, près de l'église.");
  });

  test('windows-1252 bytes 0x80-0x9F are the typographic characters, not C1 controls', () => {
    assert.equal(
      decodeWindows1252(Buffer.from([0x80, 0x85, 0x8c, 0x92, 0x93, 0x94, 0x96, 0x97, 0x9c])),
      '€…Œ’“”–—œ',
    );
    assert.equal(decodeWindows1252(Buffer.from([0x41, 0xe9, 0xa0, 0xab])), 'Aé\u00a0«');
  });

  test('UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, 'utf16le')]);
    assert.deepEqual(decodeBytes(le), { ok: true, text: FRENCH, encoding: 'utf-16le', bom: true });
  });

  test('truncated UTF-8 is reported, not read as windows-1252', () => {
    const full = Buffer.from('Il a dit : « oui » à la fin é', 'utf8');
    const cut = full.subarray(0, full.length - 1);
    const d = decodeBytes(cut);
    assert.equal(d.ok, false);
    assert.ok(
      !d.ok && d.code === 'E_ENCODING' && /truncated UTF-8 sequence at byte \d+/.test(d.detail),
      JSON.stringify(d),
    );
    // Even when it is the only non-ASCII byte.
    const lone = decodeBytes(Buffer.from([...Buffer.from('Une fin coupee net ', 'ascii'), 0xc3]));
    assert.ok(!lone.ok && /truncated/.test(lone.detail));
  });

  test('UTF-8 with a stray bad byte is broken UTF-8, not windows-1252', () => {
    const b = Buffer.concat([
      Buffer.from('Déjà été élu à Noël, ', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(' fin', 'utf8'),
    ]);
    const d = decodeBytes(b);
    assert.ok(!d.ok && d.code === 'E_ENCODING' && /invalid byte 0xFF/.test(d.detail), JSON.stringify(d));
  });

  test('binary data is reported', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    assert.deepEqual(decodeBytes(png), { ok: false, code: 'E_BINARY', detail: 'NUL byte at offset 8' });
    // Random high bytes without NUL: undecodable, and not Latin text.
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 73) % 128)));
    const d = decodeBytes(noise);
    assert.equal(d.ok, false);
    assert.equal(looksWindows1252(noise), false);
  });
});
