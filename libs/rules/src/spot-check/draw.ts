/**
 * A reproducible "random" number for an invoice: the same text always gives the same number in
 * [0, 1), on every machine and in every version of Node, with no clock and no Math.random.
 *
 * The hash is 32-bit FNV-1a (Fowler/Noll/Vo; offset basis 2166136261, prime 16777619) over the
 * UTF-8 bytes of the text, followed by the MurmurHash3 32-bit finaliser ("fmix32": xor-shift 16,
 * multiply 0x85ebca6b, xor-shift 13, multiply 0xc2b2ae35, xor-shift 16). FNV-1a alone spreads
 * the last character of similar ids ("INV-1001", "INV-1002") only a little in the high bits,
 * which are the ones that decide the draw; the finaliser mixes every input bit into every
 * output bit. The draw is the 32-bit result divided by 2^32, rounded down to 10 decimals.
 *
 * Written here because libs/ are pure and import no Node module (no crypto).
 */
import Decimal from 'decimal.js';
import { D } from '../onboarding/decimal-input';

/** The UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

/** 32-bit FNV-1a of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const DRAW_DECIMALS = 10;
const TWO_TO_32 = new D(2).pow(32);

/** The draw for `text`: fmix32(FNV-1a(text)) / 2^32, rounded down to 10 decimals; in [0, 1). */
export function deterministicDraw(text: string): Decimal {
  return new D(fmix32(fnv1a32(text))).dividedBy(TWO_TO_32).toDecimalPlaces(DRAW_DECIMALS, Decimal.ROUND_DOWN);
}
