/**
 * Check-digit algorithms shared by identity numbers and payment references.
 * Inputs are strings of ASCII digits (callers validate the format first).
 */

/**
 * Luhn (mod 10) check digit for `payload`: from the rightmost payload digit, every second
 * digit is doubled (digits of the product summed); the check digit brings the sum to a
 * multiple of 10. Used by Swedish personnummer/organisationsnummer, Bankgirot OCR and KID MOD10.
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * MOD11 with explicit weights aligned to the payload's leftmost digit (Norwegian
 * organisasjonsnummer and fødselsnummer). Returns 0..9, or `null` when the remainder
 * gives 10: no valid number has that payload.
 */
export function mod11CheckDigit(payload: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += (payload.charCodeAt(i) - 48) * weights[i];
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}

/**
 * MOD11 as Norwegian banks use it for KID: weights 2,3,4,5,6,7 repeating from the
 * rightmost payload digit. Remainder 0 gives 0; a result of 10 would be written '-',
 * which we never use (see KidReference), so it returns `null`.
 */
export function kidMod11CheckDigit(payload: string): number | null {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    sum += (payload.charCodeAt(payload.length - 1 - i) - 48) * (2 + (i % 6));
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}
