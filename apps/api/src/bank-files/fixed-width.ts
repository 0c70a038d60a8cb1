/**
 * Shared helpers for the 80-character fixed-width formats (BgMax, Nets OCR giro).
 *
 * Encoding: both formats are ISO-8859-1 text (BgMax: FORMATS.md §1, "text in ISO-8859-1", Bankgirot's
 * example files are ISO-8859; Nets OCR giro records hold digits and blanks, free text only in record 32).
 * Every byte is a valid ISO-8859-1 character, so a wrongly encoded file is recognised by what
 * ISO-8859-1 text never contains: C0 control characters (TAB, NUL, ...), C1 controls (0x80-0x9F),
 * and multi-byte UTF-8 sequences (e.g. C3 A5 for 'å', or EF BF BD, the replacement character a
 * broken conversion leaves). Such a file is refused (BANK_FILE_ENCODING / BANK_FILE_MALFORMED)
 * with its line and column, never decoded by guessing: a re-encoded file has had its record
 * positions shifted, so its fields cannot be trusted.
 */
import { BankFileError, BankFileErrorCode } from './bank-file-errors';

export const RECORD_LENGTH = 80;

export function decodeRecord(bytes: Buffer, lineNo: number, formatName: string): string {
  const place = `line ${lineNo}`;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 || b === 0x7f) {
      const name = b === 0x09 ? 'TAB' : b === 0x0d ? 'CR' : `0x${b.toString(16).padStart(2, '0')}`;
      throw new BankFileError(
        BankFileErrorCode.BANK_FILE_MALFORMED,
        `A control character (${name}) at column ${i + 1}: ${formatName} records hold printable ISO-8859-1 text only.`,
        place,
      );
    }
    if (b >= 0x80) {
      const utf8 = utf8SequenceLength(bytes, i);
      if (utf8 > 0) {
        const seq = bytes.subarray(i, i + utf8);
        throw new BankFileError(
          BankFileErrorCode.BANK_FILE_ENCODING,
          `Bytes ${[...seq].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ')} at column ${i + 1} are UTF-8 ('${seq.toString('utf8')}'): ${formatName} files are ISO-8859-1, so this file was re-encoded on the way and its record positions cannot be trusted.`,
          place,
        );
      }
      if (b < 0xa0) {
        throw new BankFileError(
          BankFileErrorCode.BANK_FILE_ENCODING,
          `Byte 0x${b.toString(16).toUpperCase()} at column ${i + 1} is not a character in ISO-8859-1 text (a C1 control, typical of Windows-1252 or a damaged file).`,
          place,
        );
      }
    }
  }
  if (bytes.length !== RECORD_LENGTH) {
    throw new BankFileError(
      BankFileErrorCode.BANK_FILE_MALFORMED,
      `The record has ${bytes.length} characters; ${formatName} records have exactly ${RECORD_LENGTH}.`,
      place,
    );
  }
  return bytes.toString('latin1');
}

/** Length of a well-formed multi-byte UTF-8 sequence starting at i (2..4), or 0. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0) return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/** 1-based inclusive positions, as the format manuals give them. */
export function field(record: string, from: number, to: number): string {
  return record.slice(from - 1, to);
}

export function digits(record: string, from: number, to: number, name: string, place: string): string {
  const value = field(record, from, to);
  if (!/^\d+$/.test(value)) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_MALFORMED, `${name} (positions ${from}-${to}) must be digits, not "${value}".`, place);
  }
  return value;
}

/** Digits or all blank (optional numeric field); blank gives ''. */
export function optionalDigits(record: string, from: number, to: number, name: string, place: string): string {
  const value = field(record, from, to);
  if (value.trim() === '') return '';
  return digits(record, from, to, name, place);
}

/** A minor-unit amount field (öre/øre, 2 implied decimals) as bigint minor units. */
export function minorUnits(record: string, from: number, to: number, name: string, place: string): bigint {
  const value = field(record, from, to);
  if (!/^\d+$/.test(value)) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_AMOUNT, `${name} (positions ${from}-${to}) must be digits (an amount in öre/øre), not "${value}".`, place);
  }
  return BigInt(value);
}

/** Minor units as a decimal string with exactly 2 decimals ('1234.50'). */
export function formatMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const text = abs.toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYYMMDD → YYYY-MM-DD, refused when not a calendar date. */
export function dateYYYYMMDD(record: string, from: number, name: string, place: string): string {
  const value = field(record, from, from + 7);
  const date = /^\d{8}$/.test(value) ? isoDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))) : null;
  if (!date) throw new BankFileError(BankFileErrorCode.BANK_FILE_DATE, `${name} (positions ${from}-${from + 7}) is not a date YYYYMMDD: "${value}".`, place);
  return date;
}

/** DDMMYY (Nets) → YYYY-MM-DD in 2000-2099, refused when not a calendar date. */
export function dateDDMMYY(record: string, from: number, name: string, place: string): string {
  const value = field(record, from, from + 5);
  const date = /^\d{6}$/.test(value) ? isoDate(2000 + Number(value.slice(4, 6)), Number(value.slice(2, 4)), Number(value.slice(0, 2))) : null;
  if (!date) throw new BankFileError(BankFileErrorCode.BANK_FILE_DATE, `${name} (positions ${from}-${from + 5}) is not a date DDMMYY: "${value}".`, place);
  return date;
}

export function checkCurrency(value: string, place: string, what: string): 'SEK' | 'NOK' {
  if (value === 'SEK' || value === 'NOK') return value;
  throw new BankFileError(BankFileErrorCode.BANK_FILE_CURRENCY, `${what} is "${value}"; the factor's accounts take SEK or NOK only.`, place);
}
