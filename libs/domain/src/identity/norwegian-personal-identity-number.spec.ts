import fc from 'fast-check';
import { LocalDate } from '../calendar/local-date';
import { adjacentTranspositions, errorOf, singleDigitErrors, withMod11 } from '../spec-helpers';
import { NorwegianPersonalIdentityNumber } from './norwegian-personal-identity-number';

const today = LocalDate.parse('2026-06-15');
const parse = (input: string) => NorwegianPersonalIdentityNumber.parse(input, { today });
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const withCheckDigits = (nine: string): string | null => {
  const ten = withMod11(nine, K1);
  return ten === null ? null : withMod11(ten, K2);
};

describe('NorwegianPersonalIdentityNumber', () => {
  it.each([
    // number, birth date, D-number, H-number
    ['15038549925', '1985-03-15', false, false],
    ['31129990077', '1999-12-31', false, false], // individual number 900-999: born 1940-1999
    ['17054090072', '1940-05-17', false, false],
    ['01011010020', '1910-01-01', false, false],
    ['01017074098', '1870-01-01', false, false], // 500-749 with year 54-99: born 1854-1899
    ['01015460020', '1854-01-01', false, false],
    ['29020050088', '2000-02-29', false, false], // 500-999 with year 00-39: born 2000-2039
    ['29020450051', '2004-02-29', false, false],
    ['45038549948', '1985-03-05', true, false], // D-number: day + 40
    ['15438549908', '1985-03-15', false, true], // H-number: month + 40
  ])('reads %s: born %s, D-number %p, H-number %p', (input, birthDate, isDNumber, isHNumber) => {
    const person = parse(input);
    expect(person.value).toBe(input);
    expect(person.birthDate.toString()).toBe(birthDate);
    expect(person.isDNumber).toBe(isDNumber);
    expect(person.isHNumber).toBe(isHNumber);
    expect(person.country).toBe('NO');
  });

  it.each(['150385 49925', '150385-49925', ' 150 385 499 25 '])('reads the spelling %j as 15038549925', (input) => {
    expect(parse(input).value).toBe('15038549925');
  });

  it.each([
    ['15038549935', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 2, got 3. Check for a mistyped or swapped digit.'],
    ['15038549926', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 5, got 6. Check for a mistyped or swapped digit.'],
    ['15538549956', 'IDENTITY_NUMBER_DATE', 'The birth date in the number is not valid: the birth date 1985-13-15 does not exist.'],
    ['45438549920', 'IDENTITY_NUMBER_DATE', expect.stringContaining('cannot be both a D-number (day + 40) and an H-number (month + 40)')],
    ['01014580049', 'IDENTITY_NUMBER_DATE', 'The birth date in the number is not valid: the individual number 800 was not given to anyone born in a year ending in 45.'],
    ['01015360190', 'IDENTITY_NUMBER_DATE', expect.stringContaining('individual number 601')],
    ['01013050038', 'IDENTITY_NUMBER_DATE', 'The birth date 2030-01-01 in the number lies in the future.'],
    ['1503854992', 'IDENTITY_NUMBER_FORMAT', '"1503854992" is not a Norwegian national identity number: write 11 digits, as DDMMYY NNNNN.'],
    ['150385+49925', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('write 11 digits')],
  ])('refuses %j with %s', (input, code, message) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('personalIdentityNumber');
  });

  describe('properties', () => {
    /** Individual numbers Skatteetaten gives to people born in `year`. */
    const individualFor = (year: number) =>
      year < 1900 ? fc.integer({ min: 500, max: 749 })
        : year < 1940 ? fc.integer({ min: 0, max: 499 })
          : year < 2000 ? fc.oneof(fc.integer({ min: 0, max: 499 }), fc.integer({ min: 900, max: 999 }))
            : fc.integer({ min: 500, max: 999 });
    const two = (n: number) => String(n).padStart(2, '0');
    type Generated = { birth: LocalDate; kind: 'plain' | 'D' | 'H'; number: string };

    const valid = fc
      .tuple(fc.integer({ min: LocalDate.parse('1854-01-01').epochDay, max: today.epochDay }), fc.constantFrom<Generated['kind']>('plain', 'D', 'H'))
      .chain(([epochDay, kind]) => {
        const birth = LocalDate.fromEpochDay(epochDay);
        return individualFor(birth.year).map((individual) => {
          const day = two(birth.day + (kind === 'D' ? 40 : 0));
          const month = two(birth.month + (kind === 'H' ? 40 : 0));
          const number = withCheckDigits(`${day}${month}${two(birth.year % 100)}${String(individual).padStart(3, '0')}`);
          return { birth, kind, number };
        });
      })
      .filter((candidate): candidate is Generated => candidate.number !== null);

    it('parses generated numbers (plain, D and H) with their birth date, in every spelling', () => {
      fc.assert(
        fc.property(valid, ({ birth, kind, number }) => {
          for (const spelling of [number, `${number.slice(0, 6)} ${number.slice(6)}`, `${number.slice(0, 6)}-${number.slice(6)}`]) {
            const person = parse(spelling);
            expect(person.value).toBe(number);
            expect(person.birthDate.equals(birth)).toBe(true);
            expect(person.isDNumber).toBe(kind === 'D');
            expect(person.isHNumber).toBe(kind === 'H');
          }
        }),
      );
    });

    it('refuses every single-digit error and every adjacent transposition (two MOD11 digits catch them all)', () => {
      fc.assert(
        fc.property(valid, ({ number }) => {
          const accepted = [...singleDigitErrors(number), ...adjacentTranspositions(number)].filter((wrong) => NorwegianPersonalIdentityNumber.isValid(wrong, { today }));
          expect(accepted).toEqual([]);
        }),
      );
    });
  });
});
