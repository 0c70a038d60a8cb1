/**
 * Why a bank file was refused. Every refusal of a bank file is a BankFileError carrying one of
 * these codes and the place in the file that is wrong ("line 17", or an XML element path).
 * The payments capability stores code + message + place on the import's record.
 */
export enum BankFileErrorCode {
  /** Not a camt.053/.054 (.001.02 or .001.08), BgMax or Nets OCR giro file. */
  BANK_FILE_UNKNOWN_FORMAT = 'BANK_FILE_UNKNOWN_FORMAT',
  /** Bytes that are not valid in the file's encoding (UTF-8 for camt; ISO-8859-1 text for BgMax/Nets). */
  BANK_FILE_ENCODING = 'BANK_FILE_ENCODING',
  /** Not well-formed XML, a record of the wrong length, a field that does not fit its layout. */
  BANK_FILE_MALFORMED = 'BANK_FILE_MALFORMED',
  /** The file ends before its closing record/element (no TK70, no record 89, unclosed XML). */
  BANK_FILE_TRUNCATED = 'BANK_FILE_TRUNCATED',
  /** A record where the format does not allow it (TK20 outside a deposit, record 30 before 20, ...). */
  BANK_FILE_RECORD_ORDER = 'BANK_FILE_RECORD_ORDER',
  /** The file's own totals disagree with its contents (TK15, TK70, record 88/89, camt balances, NbOfTxs). */
  BANK_FILE_TOTALS_MISMATCH = 'BANK_FILE_TOTALS_MISMATCH',
  /** A currency other than SEK or NOK, or an entry's currency differing from its section's. */
  BANK_FILE_CURRENCY = 'BANK_FILE_CURRENCY',
  /** An amount that is not a positive decimal with at most 2 decimals (öre/øre), or too large. */
  BANK_FILE_AMOUNT = 'BANK_FILE_AMOUNT',
  /** A date that is not a real calendar date. */
  BANK_FILE_DATE = 'BANK_FILE_DATE',
  /** A required field is missing (e.g. an Ntry without Amt, a Stmt without account). */
  BANK_FILE_MISSING_FIELD = 'BANK_FILE_MISSING_FIELD',
  /** BgMax TK01 test marker 'T' or similar: not a production file. */
  BANK_FILE_TEST_FILE = 'BANK_FILE_TEST_FILE',
}

export class BankFileError extends Error {
  constructor(
    readonly code: BankFileErrorCode,
    message: string,
    /** Where in the file: "line 17" (fixed-width formats, 1-based) or an XML element path. */
    readonly place: string,
  ) {
    super(`${message} (${place})`);
    this.name = 'BankFileError';
  }
}
