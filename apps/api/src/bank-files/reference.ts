/**
 * Normalising payment references as banks deliver them, and checking their check digits.
 * The same normalisation must be applied to the stored references they are matched against.
 */
import { KidReference, OcrReference } from '@factoring/domain';

/**
 * Spaces removed and, for an all-digit reference, the leading zeros the bank padded with removed
 * (Nordea zero-pads camt references to 20 digits; BgMax and Nets right-align in a zero/blank
 * filled field). RF references and other non-digit references keep their characters (upper-cased).
 * Returns undefined for an empty or all-zero reference.
 */
export function normaliseReference(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const compact = raw.replace(/\s+/g, '');
  if (compact === '') return undefined;
  if (/^\d+$/.test(compact)) {
    const stripped = compact.replace(/^0+/, '');
    return stripped === '' ? undefined : stripped;
  }
  return compact.toUpperCase();
}

/** Swedish OCR: the last digit is a Luhn check digit (libs/domain OcrReference). */
export function ocrCheckFails(reference: string): boolean {
  return !OcrReference.isValid(reference);
}

/** Norwegian KID: valid when it passes MOD10 or MOD11 (the agreement picks one; the file does not say which). */
export function kidCheckFails(reference: string): boolean {
  return !KidReference.isValid(reference, { algorithm: 'MOD10' }) && !KidReference.isValid(reference, { algorithm: 'MOD11' });
}

/** ISO 11649 RF creditor reference: 'RF' + 2 check digits + up to 21 alphanumerics, mod 97 = 1. */
export function rfCheckFails(reference: string): boolean {
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(reference)) return true;
  const moved = reference.slice(4) + reference.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const value = ch >= 'A' ? (ch.charCodeAt(0) - 55).toString() : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder !== 1;
}
