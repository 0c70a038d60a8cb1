/**
 * Norwegian KID (kundeidentifikasjon): 2-25 digits, the last a check digit by MOD10 (Luhn) or
 * MOD11 (weights 2,3,4,5,6,7 repeating from the right; remainder 0 gives 0). The agreement with
 * the bank (Nets/Mastercard Payment Services) fixes the algorithm and often the length.
 *
 * MOD11 can yield 10, which the standard writes as '-'. Banks and payers reject or mistype such
 * KIDs in practice, so we never use them: `generate` skips such a sequence number to the next
 * one (and returns the sequence it used), and `parse` refuses a KID ending in '-'.
 */
import { kidMod11CheckDigit, luhnCheckDigit } from '../checksum/checksum';
import { PaymentReferenceErrorCode as Code, referenceError, sequenceDigits } from './payment-reference-errors';

export type KidAlgorithm = 'MOD10' | 'MOD11';

export const KID_MIN_LENGTH = 2;
export const KID_MAX_LENGTH = 25;

export interface KidGenerateOptions {
  algorithm: KidAlgorithm;
  /** Total length including the check digit; the sequence is padded with leading zeros. */
  length?: number;
}

export interface KidParseOptions {
  algorithm: KidAlgorithm;
  field?: string;
}

export class KidReference {
  private constructor(
    /** Digits only. */
    readonly value: string,
    readonly algorithm: KidAlgorithm,
  ) {
    Object.freeze(this);
  }

  /** The KID for `sequence`, or for the next sequence number whose MOD11 check digit is usable. */
  static generate(sequence: bigint | string, options: KidGenerateOptions): { reference: KidReference; sequence: bigint } {
    const { algorithm, length } = options;
    if (length !== undefined && (!Number.isInteger(length) || length < KID_MIN_LENGTH || length > KID_MAX_LENGTH)) {
      throw referenceError(Code.KID_LENGTH, `A KID has ${KID_MIN_LENGTH} to ${KID_MAX_LENGTH} digits, so a length of ${length} is not possible.`, 'length', length);
    }
    const given = sequenceDigits(sequence, Code.KID_FORMAT);
    const width = Math.max(given.length, length === undefined ? 1 : length - 1);
    const maxPayload = length === undefined ? KID_MAX_LENGTH - 1 : length - 1;
    // A check digit of 10 happens for about 1 in 11 numbers; a few steps always find a usable one.
    for (let candidate = BigInt(given); ; candidate++) {
      const payload = candidate.toString().padStart(width, '0');
      if (payload.length > maxPayload) {
        throw referenceError(
          Code.KID_LENGTH,
          `Sequence ${candidate} does not fit in a KID of ${maxPayload + 1} digits.`,
          'sequence',
          candidate.toString(),
        );
      }
      const check = checkDigitFor(payload, algorithm);
      if (check !== null) return { reference: new KidReference(payload + check, algorithm), sequence: candidate };
    }
  }

  /** Checks a KID as a payer typed it (spaces between digit groups are ignored). */
  static parse(input: string, options: KidParseOptions): KidReference {
    const field = options.field ?? 'kid';
    const value = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
    if (options.algorithm === 'MOD11' && /^\d+-$/.test(value)) {
      throw referenceError(
        Code.KID_CHECK_DIGIT_DASH,
        `The KID "${input}" ends in '-' (a MOD11 remainder of 10). Banks reject such KIDs in practice, so we do not use them.`,
        field,
        input,
      );
    }
    if (!/^\d+$/.test(value)) {
      throw referenceError(Code.KID_FORMAT, `"${input}" is not a KID: it may only contain digits.`, field, input);
    }
    if (value.length < KID_MIN_LENGTH || value.length > KID_MAX_LENGTH) {
      throw referenceError(Code.KID_LENGTH, `A KID has ${KID_MIN_LENGTH} to ${KID_MAX_LENGTH} digits; "${input}" has ${value.length}.`, field, input);
    }
    const expected = checkDigitFor(value.slice(0, -1), options.algorithm);
    const got = value[value.length - 1];
    if (expected === null || expected !== Number(got)) {
      const should = expected === null ? `no ${options.algorithm} KID starts with these digits` : `expected ${expected}, got ${got}`;
      throw referenceError(Code.KID_CHECK_DIGIT, `The check digit is wrong: ${should}. Check for a mistyped or swapped digit.`, field, input);
    }
    return new KidReference(value, options.algorithm);
  }

  static isValid(input: string, options: KidParseOptions): boolean {
    try {
      KidReference.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  equals(other: KidReference): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}

function checkDigitFor(payload: string, algorithm: KidAlgorithm): number | null {
  if (algorithm === 'MOD10') return luhnCheckDigit(payload);
  if (algorithm === 'MOD11') return kidMod11CheckDigit(payload);
  // Reached only from untyped callers (configuration, GraphQL input).
  throw referenceError(Code.KID_ALGORITHM, `The KID algorithm must be MOD10 or MOD11, not "${String(algorithm)}".`, 'algorithm', algorithm);
}
