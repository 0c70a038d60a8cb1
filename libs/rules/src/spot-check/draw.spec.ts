import { deterministicDraw, fmix32, fnv1a32, utf8Bytes } from './draw';

describe('deterministic draw', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a 32 of %j is the published value', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  it('fmix32 is MurmurHash3’s finaliser (0 stays 0; known value for 1)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  it.each(['INV-1001', 'Fakturа å ä ö', 'ø æ', '€', '😀', 'lone \ud800 surrogate'])('encodes %j as UTF-8 like TextEncoder', (text) => {
    expect(utf8Bytes(text)).toEqual([...new TextEncoder().encode(text)]);
  });

  it('gives a number in [0, 1) with 10 decimals', () => {
    for (const text of ['', 'a', 'INV-1', 'INV-2']) {
      const draw = deterministicDraw(text);
      expect(draw.greaterThanOrEqualTo(0) && draw.lessThan(1)).toBe(true);
      expect(draw.decimalPlaces()).toBeLessThanOrEqual(10);
    }
  });
});
