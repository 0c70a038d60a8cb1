import fc from 'fast-check';
import { adjacentTranspositions, errorOf, singleDigitErrors } from '../spec-helpers';
import { KidAlgorithm, KidReference } from './kid-reference';

describe('KidReference', () => {
  it.each([
    ['1234567', 'MOD10', undefined, '12345674', 1234567n],
    ['1234567', 'MOD11', undefined, '12345674', 1234567n], // MOD11 happens to give 4 too
    ['123456789', 'MOD11', undefined, '1234567892', 123456789n],
    ['000000000', 'MOD11', undefined, '0000000000', 0n], // remainder 0 gives 0
    ['42', 'MOD10', 10, '0000000422', 42n], // padded to the agreed length
    ['6', 'MOD11', undefined, '78', 7n], // 6 would need check 10: skipped to 7
    ['1009', 'MOD11', 10, '0000010103', 1010n],
  ] as const)('generates for %s by %s (length %p) %s, using sequence %p', (sequence, algorithm, length, reference, used) => {
    const generated = KidReference.generate(sequence, { algorithm, length });
    expect(generated.reference.value).toBe(reference);
    expect(generated.reference.algorithm).toBe(algorithm);
    expect(generated.sequence).toBe(used);
  });

  it.each([
    ['12345674', 'MOD10'],
    ['1234 5674', 'MOD10'],
    ['1234567892', 'MOD11'],
    ['0000000000', 'MOD11'],
  ] as const)('parses %j by %s', (input, algorithm) => {
    expect(KidReference.parse(input, { algorithm }).value).toBe(input.replace(/ /g, ''));
  });

  it.each([
    ['12345675', 'MOD10', 'KID_CHECK_DIGIT', 'The check digit is wrong: expected 4, got 5. Check for a mistyped or swapped digit.'],
    ['1234567891', 'MOD11', 'KID_CHECK_DIGIT', 'The check digit is wrong: expected 2, got 1. Check for a mistyped or swapped digit.'],
    ['60', 'MOD11', 'KID_CHECK_DIGIT', 'The check digit is wrong: no MOD11 KID starts with these digits. Check for a mistyped or swapped digit.'],
    ['6-', 'MOD11', 'KID_CHECK_DIGIT_DASH', `The KID "6-" ends in '-' (a MOD11 remainder of 10). Banks reject such KIDs in practice, so we do not use them.`],
    ['6-', 'MOD10', 'KID_FORMAT', '"6-" is not a KID: it may only contain digits.'],
    ['12a4', 'MOD10', 'KID_FORMAT', expect.stringContaining('only contain digits')],
    ['4', 'MOD10', 'KID_LENGTH', 'A KID has 2 to 25 digits; "4" has 1.'],
    ['1'.repeat(26), 'MOD11', 'KID_LENGTH', expect.stringContaining('has 26')],
  ] as const)('refuses %j by %s with %s', (input, algorithm, code, message) => {
    const error = errorOf(() => KidReference.parse(input, { algorithm }));
    expect(error.code).toBe(code);
    expect(error.message).toEqual(message);
    expect(error.field).toBe('kid');
  });

  it('refuses impossible lengths and sequences', () => {
    expect(errorOf(() => KidReference.generate(1n, { algorithm: 'MOD10', length: 1 })).code).toBe('KID_LENGTH');
    expect(errorOf(() => KidReference.generate(1n, { algorithm: 'MOD10', length: 26 })).code).toBe('KID_LENGTH');
    expect(errorOf(() => KidReference.generate(12345n, { algorithm: 'MOD10', length: 5 })).message).toBe('Sequence 12345 does not fit in a KID of 5 digits.');
    expect(errorOf(() => KidReference.generate(-5n, { algorithm: 'MOD10' })).code).toBe('KID_FORMAT');
    // 99 needs check 10 by MOD11, and the next sequence, 100, no longer fits in a 3-digit KID.
    const overflow = errorOf(() => KidReference.generate('99', { algorithm: 'MOD11', length: 3 }));
    expect(overflow.code).toBe('KID_LENGTH');
    expect(overflow.message).toBe('Sequence 100 does not fit in a KID of 3 digits.');
  });

  it('refuses an unknown algorithm from untyped input', () => {
    expect(errorOf(() => KidReference.parse('12345674', { algorithm: 'MOD97' as KidAlgorithm })).code).toBe('KID_ALGORITHM');
    expect(errorOf(() => KidReference.generate(1n, { algorithm: 'mod10' as KidAlgorithm })).code).toBe('KID_ALGORITHM');
  });

  describe('properties', () => {
    const algorithm = fc.constantFrom<KidAlgorithm>('MOD10', 'MOD11');
    const sequence = fc.bigInt({ min: 0n, max: 10n ** 20n });

    it('generated references always parse, and the sequence used is the one asked or the next', () => {
      fc.assert(
        fc.property(sequence, algorithm, fc.option(fc.integer({ min: 22, max: 25 }), { nil: undefined }), (n, alg, length) => {
          const { reference, sequence: used } = KidReference.generate(n, { algorithm: alg, length });
          expect(KidReference.parse(reference.value, { algorithm: alg }).value).toBe(reference.value);
          expect(reference.value.slice(0, -1)).toBe(used.toString().padStart(reference.value.length - 1, '0'));
          if (length !== undefined) expect(reference.value).toHaveLength(length);
          expect(used === n || (alg === 'MOD11' && used === n + 1n)).toBe(true);
        }),
      );
    });

    it('refuses every single-digit error (MOD10 and MOD11) and every adjacent transposition (MOD11)', () => {
      fc.assert(
        fc.property(sequence, algorithm, (n, alg) => {
          const { value } = KidReference.generate(n, { algorithm: alg }).reference;
          const isValid = (candidate: string) => KidReference.isValid(candidate, { algorithm: alg });
          expect(singleDigitErrors(value).filter(isValid)).toEqual([]);
          if (alg === 'MOD11') expect(adjacentTranspositions(value).filter(isValid)).toEqual([]);
        }),
      );
    });
  });
});
