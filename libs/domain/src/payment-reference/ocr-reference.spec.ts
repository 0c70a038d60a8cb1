import fc from 'fast-check';
import { errorOf, singleDigitErrors } from '../spec-helpers';
import { OcrReference } from './ocr-reference';

describe('OcrReference', () => {
  it.each([
    ['1234567', false, '12345674'],
    ['1234567', true, '123456790'], // 9 digits in all: length digit 9
    ['123456789012', true, '12345678901245'], // 14 digits: length digit 4
    ['0012', false, '00125'], // a digit string keeps its leading zeros
    ['1', false, '18'],
  ] as const)('generates for %s (length digit %p) %s', (sequence, withLengthDigit, reference) => {
    expect(OcrReference.generate(sequence, { withLengthDigit }).value).toBe(reference);
  });

  it('generates the same from a bigint as from its digits', () => {
    expect(OcrReference.generate(1234567n, { withLengthDigit: true }).value).toBe('123456790');
    expect(OcrReference.generate(12n, { withLengthDigit: false }).value).toBe('125');
  });

  it('parses what a payer typed, with or without spaces', () => {
    expect(OcrReference.parse('1234 5674').value).toBe('12345674');
    expect(OcrReference.parse('123456790', { withLengthDigit: true }).withLengthDigit).toBe(true);
    expect(JSON.stringify(OcrReference.parse('12345674'))).toBe('"12345674"');
  });

  it.each([
    ['12345675', {}, 'OCR_CHECK_DIGIT', 'The check digit is wrong: expected 4, got 5. Check for a mistyped or swapped digit.'],
    ['12345674', { withLengthDigit: true }, 'OCR_LENGTH_DIGIT', 'The length digit is wrong: the reference has 8 digits, so the second-to-last digit should be 8, got 7. A digit is probably missing or extra.'],
    ['1234-5674', {}, 'OCR_FORMAT', '"1234-5674" is not an OCR reference: it may only contain digits.'],
    ['', {}, 'OCR_FORMAT', expect.stringContaining('only contain digits')],
    ['0', {}, 'OCR_LENGTH', 'An OCR reference has 2 to 25 digits; "0" has 1.'],
    ['1'.repeat(26), {}, 'OCR_LENGTH', expect.stringContaining('has 26')],
  ])('refuses %j (%p) with %s', (input, options, code, message) => {
    const error = errorOf(() => OcrReference.parse(input, options));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('ocrReference');
  });

  it('refuses sequences that are negative, not whole, or too long', () => {
    expect(errorOf(() => OcrReference.generate(-1n, { withLengthDigit: false })).code).toBe('OCR_FORMAT');
    expect(errorOf(() => OcrReference.generate('12a', { withLengthDigit: false })).code).toBe('OCR_FORMAT');
    expect(OcrReference.generate('1'.repeat(24), { withLengthDigit: false }).value).toHaveLength(25);
    const error = errorOf(() => OcrReference.generate('1'.repeat(24), { withLengthDigit: true }));
    expect(error.code).toBe('OCR_LENGTH');
    expect(error.message).toContain('would have 26 digits');
  });

  describe('properties', () => {
    const sequence = fc.bigInt({ min: 0n, max: 10n ** 23n - 1n });

    it('generated references always parse, with the same length-digit setting', () => {
      fc.assert(
        fc.property(sequence, fc.boolean(), (n, withLengthDigit) => {
          const reference = OcrReference.generate(n, { withLengthDigit });
          expect(reference.value.startsWith(n.toString())).toBe(true);
          expect(OcrReference.parse(reference.value, { withLengthDigit }).value).toBe(reference.value);
        }),
      );
    });

    it('refuses every single-digit error', () => {
      fc.assert(
        fc.property(sequence, fc.boolean(), (n, withLengthDigit) => {
          const { value } = OcrReference.generate(n, { withLengthDigit });
          expect(singleDigitErrors(value).filter((wrong) => OcrReference.isValid(wrong, { withLengthDigit }))).toEqual([]);
        }),
      );
    });

    it('with a length digit, refuses a reference with a digit dropped or added before its length digit', () => {
      // Bankgirot's length digit counts the digits, so a digit dropped or added in the body is always
      // caught. Not so at the end: dropping the check digit (or the length digit) makes the last two
      // digits the new length and check digits, which pass by chance about once in a hundred (found by
      // this property with seed 1746284895: 9999999999999999999998459 without its last 9 is valid).
      fc.assert(
        fc.property(sequence, fc.nat(), fc.integer({ min: 0, max: 9 }), (n, at, digit) => {
          const { value } = OcrReference.generate(n, { withLengthDigit: true });
          const body = value.length - 2;
          const dropAt = at % body;
          const addAt = at % (body + 1);
          for (const changed of [value.slice(0, dropAt) + value.slice(dropAt + 1), value.slice(0, addAt) + digit + value.slice(addAt)]) {
            if (changed.length >= 2) expect(OcrReference.isValid(changed, { withLengthDigit: true })).toBe(false);
          }
        }),
      );
    });
  });
});
