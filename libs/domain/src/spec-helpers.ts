// Helpers for the *.spec.ts files only; not exported from the library.
import { InvalidValueError } from './errors';

/** The InvalidValueError a call throws, so a test can check its code, field and message. */
export function errorOf(call: () => unknown): InvalidValueError {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected an InvalidValueError, nothing was thrown');
}

/** Every string that differs from `digits` in exactly one position (all nine other digits there). */
export function singleDigitErrors(digits: string, positions: readonly number[] = [...digits].map((_, i) => i)): string[] {
  const variants: string[] = [];
  for (const i of positions) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== digits[i]) variants.push(digits.slice(0, i) + d + digits.slice(i + 1));
    }
  }
  return variants;
}

/** Every string made by swapping two different adjacent digits of `digits`. */
export function adjacentTranspositions(digits: string, positions: readonly number[] = [...digits].slice(1).map((_, i) => i)): string[] {
  const variants: string[] = [];
  for (const i of positions) {
    if (digits[i] !== digits[i + 1]) variants.push(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
  }
  return variants;
}

/**
 * `payload` followed by its Luhn check digit, computed from the left as Skatteverket describes
 * it (weights 2,1,2,1... for a 9-digit payload), independently of the production code.
 */
export function withLuhn(payload: string): string {
  const weights = [...payload].map((_, i) => ((payload.length - i) % 2 === 1 ? 2 : 1));
  const sum = [...payload].reduce((total, c, i) => {
    const product = Number(c) * weights[i];
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  return payload + ((10 - (sum % 10)) % 10);
}

/** `payload` followed by its MOD11 check digit for `weights`, or null when that would be 10. */
export function withMod11(payload: string, weights: readonly number[]): string | null {
  const remainder = [...payload].reduce((total, c, i) => total + Number(c) * weights[i], 0) % 11;
  if (remainder === 0) return payload + '0';
  return remainder === 1 ? null : payload + String(11 - remainder);
}

/** Whether `swapped` is `digits` with a "09" turned into "90" or back: the one transposition Luhn cannot see. */
export function isZeroNineSwap(digits: string, swapped: string): boolean {
  const i = [...digits].findIndex((c, k) => c !== swapped[k]);
  return ['09', '90'].includes(digits.slice(i, i + 2));
}
