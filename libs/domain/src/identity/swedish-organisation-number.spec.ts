import fc from 'fast-check';
import Organisationsnummer from 'organisationsnummer';
import { LocalDate } from '../calendar/local-date';
import { adjacentTranspositions, errorOf, isZeroNineSwap, singleDigitErrors, withLuhn } from '../spec-helpers';
import { SwedishOrganisationNumber, SwedishOrganisationNumberOptions } from './swedish-organisation-number';

const today = LocalDate.parse('2026-06-15');
const parse = (input: string, options: SwedishOrganisationNumberOptions = {}) => SwedishOrganisationNumber.parse(input, { today, ...options });

describe('SwedishOrganisationNumber', () => {
  it.each([
    ['556016-0680', '556016-0680'],
    ['5560160680', '556016-0680'],
    ['556016 0680', '556016-0680'],
    ['16556016-0680', '556016-0680'],
    ['165560160680', '556016-0680'],
    [' 556 016 - 0680 ', '556016-0680'],
  ])('reads %j as %s', (input, canonical) => {
    expect(parse(input).value).toBe(canonical);
  });

  it.each([
    [withLuhn('102000000'), 1, 'ESTATE'],
    ['202100-5489', 2, 'PUBLIC_SECTOR'],
    ['302000-0000', 3, 'FOREIGN_COMPANY'],
    ['556016-0680', 5, 'LIMITED_COMPANY'],
    [withLuhn('602000000'), 6, 'SIMPLE_PARTNERSHIP'],
    ['769000-0000', 7, 'ECONOMIC_ASSOCIATION'],
    ['802000-0009', 8, 'NON_PROFIT_OR_FOUNDATION'],
    ['916000-0007', 9, 'TRADING_OR_LIMITED_PARTNERSHIP'],
  ])('reads the group digit of %s: %i, %s', (input, groupDigit, kind) => {
    const organisation = parse(input);
    expect(organisation.groupDigit).toBe(groupDigit);
    expect(organisation.kind).toBe(kind);
    expect(organisation.isSoleTrader).toBe(false);
    expect(organisation.personalIdentityNumber).toBeNull();
  });

  it('gives the VAT number and JSON', () => {
    expect(parse('556016-0680').vatNumber).toBe('SE556016068001');
    expect(JSON.stringify(parse('5560160680'))).toBe('"556016-0680"');
  });

  it("accepts a sole trader's personnummer only when asked", () => {
    const error = errorOf(() => parse('811218-9876'));
    expect(error.code).toBe('ORGANISATION_NUMBER_IS_PERSONAL_IDENTITY_NUMBER');
    expect(error.message).toContain('a personal identity number, not an organisation number');

    const soleTrader = parse('811218-9876', { allowPersonalIdentityNumber: true });
    expect(soleTrader.kind).toBe('SOLE_TRADER');
    expect(soleTrader.isSoleTrader).toBe(true);
    expect(soleTrader.groupDigit).toBeNull();
    expect(soleTrader.value).toBe('19811218-9876');
    expect(soleTrader.personalIdentityNumber?.birthDate.toString()).toBe('1981-12-18');
    expect(soleTrader.tenDigits).toBe('8112189876');
    expect(soleTrader.vatNumber).toBe('SE811218987601');
    expect(parse('19811218-9876', { allowPersonalIdentityNumber: true }).equals(soleTrader)).toBe(true);
    // ... and refuses it with the personnummer's own reason when it is mistyped.
    expect(errorOf(() => parse('811218-9875', { allowPersonalIdentityNumber: true })).code).toBe('IDENTITY_NUMBER_CHECK_DIGIT');
  });

  it.each([
    ['556016-0681', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 0, got 1. Check for a mistyped or swapped digit.'],
    ['402000-0008', 'ORGANISATION_NUMBER_GROUP', 'No Swedish organisation number starts with 4: the first digit (the group) is 1-3 or 5-9.'],
    ['002000-0006', 'ORGANISATION_NUMBER_GROUP', expect.stringContaining('starts with 0')],
    ['556016+0680', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('"+" is only used in personal identity numbers')],
    ['19556016-0680', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('the 12-digit form starts with 16')],
    ['556016-068', 'IDENTITY_NUMBER_FORMAT', '"556016-068" is not a Swedish organisation number: write 10 digits, as NNNNNN-NNNN.'],
    ['SE556016068001', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('write 10 digits')],
  ])('refuses %j with %s', (input, code, message) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('organisationNumber');
  });

  describe('properties', () => {
    // Group digit, a third digit of 2-9, seven more digits, Luhn check digit.
    const valid = fc
      .tuple(
        fc.constantFrom(1, 2, 3, 5, 6, 7, 8, 9),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
      )
      .map(([group, second, third, rest]) => withLuhn(`${group}${second}${third}${rest.join('')}`));

    it('parses generated numbers in every spelling to NNNNNN-NNNN', () => {
      fc.assert(
        fc.property(valid, (ten) => {
          const canonical = `${ten.slice(0, 6)}-${ten.slice(6)}`;
          for (const spelling of [canonical, ten, `16${ten}`, `16${canonical}`, `${ten.slice(0, 6)} ${ten.slice(6)}`]) {
            const parsed = parse(spelling);
            expect(parsed.value).toBe(canonical);
            expect(parsed.groupDigit).toBe(Number(ten[0]));
          }
          expect(Organisationsnummer.valid(ten)).toBe(true);
        }),
      );
    });

    it('refuses every single-digit error and adjacent transposition (Luhn misses 09 <-> 90 only)', () => {
      fc.assert(
        fc.property(valid, (ten) => {
          const isValid = (candidate: string) => SwedishOrganisationNumber.isValid(candidate, { today });
          expect(singleDigitErrors(ten).filter(isValid)).toEqual([]);
          expect(adjacentTranspositions(ten).filter(isValid).filter((swapped) => !isZeroNineSwap(ten, swapped))).toEqual([]);
        }),
      );
    });
  });
});
