/** The error codes of money in (issue 14), in one place: what the console switches on and words in sv/nb. */
export enum PaymentError {
  /** The file names an account that is not one of the factor's receiving accounts. */
  BANK_FILE_NOT_OUR_ACCOUNT = 'BANK_FILE_NOT_OUR_ACCOUNT',
  /** The import failed for a reason that is not the file's (a bug, the database): nothing was booked. */
  BANK_IMPORT_FAILED = 'BANK_IMPORT_FAILED',
  BANK_IMPORT_NOT_FOUND = 'BANK_IMPORT_NOT_FOUND',
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  /** Someone else holds the unmatched payment (the shared claims). */
  PAYMENT_CLAIMED = 'PAYMENT_CLAIMED',
  PAYMENT_NOT_YOURS = 'PAYMENT_NOT_YOURS',
  /** The payment changed since the person looked at it (another match, split or refund). */
  PAYMENT_CHANGED = 'PAYMENT_CHANGED',
  /** Nothing of this payment is left to place. */
  PAYMENT_NOTHING_TO_PLACE = 'PAYMENT_NOTHING_TO_PLACE',
  /** The shares add up to more than what is left of the payment. */
  PAYMENT_SHARES_EXCEED = 'PAYMENT_SHARES_EXCEED',
  /** A share above what is open on its invoice. */
  PAYMENT_MORE_THAN_OPEN = 'PAYMENT_MORE_THAN_OPEN',
  /** An amount that is not above zero in whole öre/øre. */
  PAYMENT_AMOUNT_INVALID = 'PAYMENT_AMOUNT_INVALID',
  /** The invoice is not a bought invoice that is still open. */
  PAYMENT_INVOICE_NOT_OPEN = 'PAYMENT_INVOICE_NOT_OPEN',
  PAYMENT_INVOICE_NOT_FOUND = 'PAYMENT_INVOICE_NOT_FOUND',
  /** The invoice is in another currency than the payment. */
  PAYMENT_CURRENCY_MISMATCH = 'PAYMENT_CURRENCY_MISMATCH',
  /** A share names the same invoice twice. */
  PAYMENT_INVOICE_TWICE = 'PAYMENT_INVOICE_TWICE',
  /** A set-off of a surplus against an invoice of another debtor. */
  PAYMENT_OTHER_DEBTOR = 'PAYMENT_OTHER_DEBTOR',
}
