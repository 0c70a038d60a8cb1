import { InvalidValueError } from '../errors';

/** Why a payment reference is refused. Stable: clients and the console rely on them. */
export const PaymentReferenceErrorCode = {
  OCR_FORMAT: 'OCR_FORMAT',
  OCR_LENGTH: 'OCR_LENGTH',
  OCR_CHECK_DIGIT: 'OCR_CHECK_DIGIT',
  OCR_LENGTH_DIGIT: 'OCR_LENGTH_DIGIT',
  KID_FORMAT: 'KID_FORMAT',
  KID_LENGTH: 'KID_LENGTH',
  KID_CHECK_DIGIT: 'KID_CHECK_DIGIT',
  /** The algorithm is neither MOD10 nor MOD11. */
  KID_ALGORITHM: 'KID_ALGORITHM',
  /** A MOD11 KID whose check "digit" is '-' (remainder giving 10). */
  KID_CHECK_DIGIT_DASH: 'KID_CHECK_DIGIT_DASH',
} as const;

export type PaymentReferenceErrorCode = (typeof PaymentReferenceErrorCode)[keyof typeof PaymentReferenceErrorCode];

export function referenceError(code: PaymentReferenceErrorCode, message: string, field: string, input: unknown): InvalidValueError {
  return new InvalidValueError(code, message, field, { value: input });
}

/** A sequence number as digits: a non-negative bigint, or a string of digits (leading zeros kept). */
export function sequenceDigits(sequence: bigint | string, code: PaymentReferenceErrorCode): string {
  if (typeof sequence === 'bigint' && sequence >= 0n) return sequence.toString();
  if (typeof sequence === 'string' && /^\d+$/.test(sequence)) return sequence;
  throw referenceError(code, `The sequence number must be a non-negative whole number (bigint or digits), not "${String(sequence)}".`, 'sequence', String(sequence));
}
