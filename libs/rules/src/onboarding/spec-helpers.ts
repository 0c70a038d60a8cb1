// Helpers for the *.spec.ts files only; not exported from the library.
import { InvalidValueError } from '@factoring/domain';

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

/** `payload` followed by its Luhn check digit (Skatteverket's description, independent of the domain code). */
export function withLuhn(payload: string): string {
  const sum = [...payload].reduce((total, c, i) => {
    const product = Number(c) * ((payload.length - i) % 2 === 1 ? 2 : 1);
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  return payload + ((10 - (sum % 10)) % 10);
}
