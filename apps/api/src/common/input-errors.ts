/** The error codes of input checked at the edge, in one place (issue 9): what clients and the console switch on. */
export enum InputError {
  DECIMAL_FORMAT = 'DECIMAL_FORMAT',
  DECIMAL_NOT_A_STRING = 'DECIMAL_NOT_A_STRING',
  ID_INVALID = 'ID_INVALID',
  TEXT_NOT_STORABLE = 'TEXT_NOT_STORABLE',
  TEXT_TOO_LONG = 'TEXT_TOO_LONG',
}
