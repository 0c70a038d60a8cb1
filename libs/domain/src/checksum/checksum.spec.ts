import fc from 'fast-check';
import { adjacentTranspositions, isZeroNineSwap, singleDigitErrors } from '../spec-helpers';
import { kidMod11CheckDigit, luhnCheckDigit, mod11CheckDigit } from './checksum';

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((digits) => digits.join(''));

const luhnValid = (s: string) => luhnCheckDigit(s.slice(0, -1)) === Number(s[s.length - 1]);
const kidMod11Valid = (s: string) => kidMod11CheckDigit(s.slice(0, -1)) === Number(s[s.length - 1]);

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', 3], // the textbook example
    ['556016068', 0], // 556016-0680, Telefonaktiebolaget LM Ericsson
    ['811218987', 6], // 811218-9876
    ['1234567', 4], // OCR 12345674
    ['0', 0],
    ['', 0],
  ])('of %s is %i', (payload, check) => {
    expect(luhnCheckDigit(payload)).toBe(check);
  });

  it('catches every single-digit error, and every adjacent transposition except 09 <-> 90', () => {
    fc.assert(
      fc.property(digitString(1, 24), (payload) => {
        const valid = payload + luhnCheckDigit(payload);
        expect(singleDigitErrors(valid).filter(luhnValid)).toEqual([]);
        expect(adjacentTranspositions(valid).filter(luhnValid).every((swapped) => isZeroNineSwap(valid, swapped))).toBe(true);
      }),
    );
  });
});

describe('mod11CheckDigit', () => {
  const ORG = [3, 2, 7, 6, 5, 4, 3, 2];
  it.each([
    ['97476067', 3], // 974 760 673, Brønnøysundregistrene
    ['92360901', 6], // 923 609 016
    ['12345678', 5],
  ])('with organisation-number weights, of %s is %i', (payload, check) => {
    expect(mod11CheckDigit(payload, ORG)).toBe(check);
  });

  it('returns null when the check digit would be 10', () => {
    // Weighted sum 6 * 2 = 12, remainder 1, 11 - 1 = 10: no valid number has this payload.
    expect(mod11CheckDigit('00000006', ORG)).toBeNull();
  });
});

describe('kidMod11CheckDigit', () => {
  it.each([
    ['1234567', 4],
    ['123456789', 2],
    ['000000000', 0], // remainder 0 gives 0
    ['12345678901234', 0],
    ['6', null], // 6*2 = 12, remainder 1: the check would be 10 ('-')
    ['23', null],
  ])('of %s is %p', (payload, check) => {
    expect(kidMod11CheckDigit(payload)).toBe(check);
  });

  it('catches every single-digit error and every adjacent transposition', () => {
    fc.assert(
      fc.property(digitString(1, 24), (payload) => {
        const check = kidMod11CheckDigit(payload);
        fc.pre(check !== null);
        const valid = payload + check;
        expect([...singleDigitErrors(valid), ...adjacentTranspositions(valid)].filter(kidMod11Valid)).toEqual([]);
      }),
    );
  });
});
