/**
 * Swedish OCR reference (OCR-nummer) as Bankgirot defines it: 2-25 digits, the last a Luhn
 * (mod 10) check digit; optionally a length digit just before it, holding the units digit of
 * the total length (length digit and check digit included). The bank agreement decides
 * whether the length digit is used, so callers say so.
 */
import { luhnCheckDigit } from '../checksum/checksum';
import { PaymentReferenceErrorCode as Code, referenceError, sequenceDigits } from './payment-reference-errors';

export const OCR_MIN_LENGTH = 2;
export const OCR_MAX_LENGTH = 25;

export interface OcrOptions {
  /** The second-to-last digit is a length digit (Bankgirot "hård kontroll" with length check). */
  withLengthDigit?: boolean;
  field?: string;
}

export class OcrReference {
  private constructor(
    /** Digits only. */
    readonly value: string,
    readonly withLengthDigit: boolean,
  ) {
    Object.freeze(this);
  }

  /** Appends the length digit (when asked) and the check digit to the sequence number. */
  static generate(sequence: bigint | string, options: { withLengthDigit: boolean }): OcrReference {
    const digits = sequenceDigits(sequence, Code.OCR_FORMAT);
    const total = digits.length + (options.withLengthDigit ? 2 : 1);
    if (total > OCR_MAX_LENGTH) {
      throw referenceError(Code.OCR_LENGTH, `An OCR reference for sequence ${digits} would have ${total} digits; Bankgirot allows at most ${OCR_MAX_LENGTH}.`, 'sequence', digits);
    }
    const payload = options.withLengthDigit ? digits + (total % 10) : digits;
    return new OcrReference(payload + luhnCheckDigit(payload), options.withLengthDigit);
  }

  /** Checks a reference as a payer typed it (spaces between digit groups are ignored). */
  static parse(input: string, options: OcrOptions = {}): OcrReference {
    const field = options.field ?? 'ocrReference';
    const value = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
    if (!/^\d+$/.test(value)) {
      throw referenceError(Code.OCR_FORMAT, `"${input}" is not an OCR reference: it may only contain digits.`, field, input);
    }
    if (value.length < OCR_MIN_LENGTH || value.length > OCR_MAX_LENGTH) {
      throw referenceError(Code.OCR_LENGTH, `An OCR reference has ${OCR_MIN_LENGTH} to ${OCR_MAX_LENGTH} digits; "${input}" has ${value.length}.`, field, input);
    }
    const expected = luhnCheckDigit(value.slice(0, -1));
    const got = value[value.length - 1];
    if (expected !== Number(got)) {
      throw referenceError(Code.OCR_CHECK_DIGIT, `The check digit is wrong: expected ${expected}, got ${got}. Check for a mistyped or swapped digit.`, field, input);
    }
    if (options.withLengthDigit) {
      const lengthDigit = value[value.length - 2];
      if (Number(lengthDigit) !== value.length % 10) {
        throw referenceError(
          Code.OCR_LENGTH_DIGIT,
          `The length digit is wrong: the reference has ${value.length} digits, so the second-to-last digit should be ${value.length % 10}, got ${lengthDigit}. A digit is probably missing or extra.`,
          field,
          input,
        );
      }
    }
    return new OcrReference(value, options.withLengthDigit ?? false);
  }

  static isValid(input: string, options?: OcrOptions): boolean {
    try {
      OcrReference.parse(input, options);
      return true;
    } catch {
      return false;
    }
  }

  equals(other: OcrReference): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }
}
