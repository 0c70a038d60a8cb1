/** The error codes of the ledger and its exports, in one place (issue 9): what clients and the console switch on. */
export enum LedgerError {
  DATE_INVALID = 'DATE_INVALID',
  FISCAL_YEAR_INVALID = 'FISCAL_YEAR_INVALID',
  PERIOD_ALREADY_CLOSED = 'PERIOD_ALREADY_CLOSED',
  PERIOD_INVALID = 'PERIOD_INVALID',
  PERIOD_NOT_ENDED = 'PERIOD_NOT_ENDED',
  SIE_BOOKS_MOVING = 'SIE_BOOKS_MOVING',
  SIE_BOOK_NOT_FOUND = 'SIE_BOOK_NOT_FOUND',
}
