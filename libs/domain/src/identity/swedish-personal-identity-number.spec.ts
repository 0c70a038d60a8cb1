import fc from 'fast-check';
import Personnummer from 'personnummer';
import { LocalDate } from '../calendar/local-date';
import { adjacentTranspositions, errorOf, isZeroNineSwap, singleDigitErrors, withLuhn } from '../spec-helpers';
import { SwedishPersonalIdentityNumber } from './swedish-personal-identity-number';

const today = LocalDate.parse('2026-06-15');
const parse = (input: string) => SwedishPersonalIdentityNumber.parse(input, { today });

describe('SwedishPersonalIdentityNumber', () => {
  it.each([
    ['811218-9876', '19811218-9876'],
    ['8112189876', '19811218-9876'],
    ['811218 9876', '19811218-9876'],
    ['19811218-9876', '19811218-9876'],
    ['198112189876', '19811218-9876'],
    [' 19811218 - 9876 ', '19811218-9876'],
    ['121212-1212', '20121212-1212'], // "-": under 100 this year
    ['121212+1212', '19121212-1212'], // "+": 100 or older this year
    ['19121212+1212', '19121212-1212'],
    ['260101-1238', '20260101-1238'],
    ['261231+1239', '19261231-1239'], // turns 100 in 2026: "+" from January
  ])('reads %j as %s', (input, canonical) => {
    expect(parse(input).value).toBe(canonical);
  });

  it('exposes the birth date and the kind of number', () => {
    const person = parse('811218-9876');
    expect(person.birthDate.toString()).toBe('1981-12-18');
    expect(person.isCoordinationNumber).toBe(false);
    expect(person.country).toBe('SE');
    expect(JSON.stringify({ id: person })).toBe('{"id":"19811218-9876"}');
    expect(person.toShortForm(today)).toBe('811218-9876');
    expect(parse('121212+1212').toShortForm(today)).toBe('121212+1212');
  });

  it('reads a samordningsnummer (day + 60)', () => {
    const coordination = parse('701063-2391');
    expect(coordination.value).toBe('19701063-2391');
    expect(coordination.birthDate.toString()).toBe('1970-10-03');
    expect(coordination.isCoordinationNumber).toBe(true);
  });

  it.each([
    ['811218-9877', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 6, got 7. Check for a mistyped or swapped digit.'],
    ['811318-9875', 'IDENTITY_NUMBER_DATE', 'The birth date 1981-13-18 in the number does not exist.'],
    ['810230-9872', 'IDENTITY_NUMBER_DATE', 'The birth date 1981-02-30 in the number does not exist.'],
    ['810292-9877', 'IDENTITY_NUMBER_DATE', 'The birth date 1981-02-32 in the number does not exist (a coordination number adds 60 to the day).'],
    ['261231-1239', 'IDENTITY_NUMBER_DATE', 'The birth date 2026-12-31 in the number lies in the future.'],
    ['16811218-9876', 'IDENTITY_NUMBER_DATE', 'The birth year 1681 is not possible: the century must be 18, 19 or 20.'],
    ['811218-987', 'IDENTITY_NUMBER_FORMAT', '"811218-987" is not a Swedish personal identity number: write 10 or 12 digits, as YYMMDD-NNNN or YYYYMMDD-NNNN.'],
    ['811218--9876', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('10 or 12 digits')],
    ['811218-T876', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('10 or 12 digits')],
    ['', 'IDENTITY_NUMBER_FORMAT', expect.stringContaining('10 or 12 digits')],
  ])('refuses %j with %s', (input, code, message) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('personalIdentityNumber');
  });

  it('refuses a value that is not text, and names the field it was given', () => {
    expect(errorOf(() => parse(8112189876 as unknown as string)).code).toBe('IDENTITY_NUMBER_FORMAT');
    expect(errorOf(() => SwedishPersonalIdentityNumber.parse('x', { field: 'debtor.id' })).field).toBe('debtor.id');
  });

  describe('properties', () => {
    // A valid number: birth date up to `today`, birth number (3 digits), optionally a samordningsnummer.
    const valid = fc
      .record({
        epochDay: fc.integer({ min: LocalDate.parse('1900-01-01').epochDay, max: today.epochDay }),
        birthNumber: fc.integer({ min: 0, max: 999 }),
        coordination: fc.boolean(),
      })
      .map(({ epochDay, birthNumber, coordination }) => {
        const birth = LocalDate.fromEpochDay(epochDay);
        const day = String(birth.day + (coordination ? 60 : 0)).padStart(2, '0');
        const ten = withLuhn(birth.toString().slice(2).replace(/-/g, '').slice(0, 4) + day + String(birthNumber).padStart(3, '0'));
        return { birth, coordination, century: String(birth.year).slice(0, 2), ten };
      });

    it('parses generated numbers in every spelling to one canonical form', () => {
      fc.assert(
        fc.property(valid, ({ birth, coordination, century, ten }) => {
          const canonical = `${century}${ten.slice(0, 6)}-${ten.slice(6)}`;
          const separator = today.year - birth.year >= 100 ? '+' : '-';
          const spellings = [canonical, century + ten, `${century}${ten.slice(0, 6)} ${ten.slice(6)}`, `${ten.slice(0, 6)}${separator}${ten.slice(6)}`];
          if (separator === '-') spellings.push(ten, `${ten.slice(0, 6)} ${ten.slice(6)}`);
          for (const spelling of spellings) {
            const parsed = parse(spelling);
            expect(parsed.value).toBe(canonical);
            expect(parsed.birthDate.equals(birth)).toBe(true);
            expect(parsed.isCoordinationNumber).toBe(coordination);
          }
          expect(parse(canonical).toShortForm(today)).toBe(`${ten.slice(0, 6)}${separator}${ten.slice(6)}`);
        }),
      );
    });

    it('refuses every single-digit error and adjacent transposition in the ten checked digits (Luhn misses 09 <-> 90 only)', () => {
      fc.assert(
        fc.property(valid, ({ century, ten }) => {
          const isValid = (candidate: string) => SwedishPersonalIdentityNumber.isValid(century + candidate, { today });
          expect(singleDigitErrors(ten).filter(isValid)).toEqual([]);
          expect(adjacentTranspositions(ten).filter(isValid).filter((swapped) => !isZeroNineSwap(ten, swapped))).toEqual([]);
        }),
      );
    });

    it('agrees with the personnummer package on 12-digit numbers up to 2025', () => {
      const twelve = fc
        .tuple(fc.integer({ min: 1900, max: 2025 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
        .map(([year, digits]) => String(year) + digits.join(''))
        .filter((number) => number.slice(8, 11) !== '000'); // the package refuses birth number 000
      const validTwelve = valid.filter(({ ten }) => ten.slice(6, 9) !== '000').map(({ century, ten }) => century + ten);
      fc.assert(
        fc.property(fc.oneof(twelve, validTwelve), (number) => {
          expect(SwedishPersonalIdentityNumber.isValid(number, { today })).toBe(Personnummer.valid(number));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
