import fc from 'fast-check';
import { adjacentTranspositions, errorOf, singleDigitErrors, withMod11 } from '../spec-helpers';
import { NorwegianOrganisationNumber } from './norwegian-organisation-number';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

describe('NorwegianOrganisationNumber', () => {
  it.each([
    ['974760673', '974760673'],
    ['974 760 673', '974760673'],
    ['NO 974 760 673 MVA', '974760673'],
    ['no974760673mva', '974760673'],
    ['923609016', '923609016'],
  ])('reads %j as %s', (input, canonical) => {
    const organisation = NorwegianOrganisationNumber.parse(input);
    expect(organisation.value).toBe(canonical);
    expect(organisation.country).toBe('NO');
  });

  it('displays NNN NNN NNN', () => {
    expect(NorwegianOrganisationNumber.parse('974760673').display).toBe('974 760 673');
    expect(JSON.stringify(NorwegianOrganisationNumber.parse('974 760 673'))).toBe('"974760673"');
  });

  it.each([
    ['974760674', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 3, got 4. Check for a mistyped or swapped digit.'],
    ['000000060', 'IDENTITY_NUMBER_CHECK_DIGIT', 'No Norwegian organisation number starts with 00000006: its MOD11 check digit would be 10. Check for a mistyped or swapped digit.'],
    ['97476067', 'IDENTITY_NUMBER_FORMAT', '"97476067" is not a Norwegian organisation number: write 9 digits, as NNN NNN NNN.'],
    ['9747606733', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('write 9 digits')],
    ['974-760-673', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('write 9 digits')],
    ['SE974760673', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('write 9 digits')],
  ])('refuses %j with %s', (input, code, message) => {
    const error = errorOf(() => NorwegianOrganisationNumber.parse(input));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('organisationNumber');
  });

  describe('properties', () => {
    const valid = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
      .map((digits) => withMod11(digits.join(''), WEIGHTS))
      .filter((number): number is string => number !== null);

    it('parses generated numbers in every spelling to nine digits', () => {
      fc.assert(
        fc.property(valid, (number) => {
          const spaced = `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
          for (const spelling of [number, spaced, `NO ${spaced} MVA`, `NO${number}MVA`]) {
            expect(NorwegianOrganisationNumber.parse(spelling).value).toBe(number);
          }
        }),
      );
    });

    it('refuses every single-digit error and every adjacent transposition', () => {
      fc.assert(
        fc.property(valid, (number) => {
          const accepted = [...singleDigitErrors(number), ...adjacentTranspositions(number)].filter((wrong) => NorwegianOrganisationNumber.isValid(wrong));
          expect(accepted).toEqual([]);
        }),
      );
    });
  });
});
