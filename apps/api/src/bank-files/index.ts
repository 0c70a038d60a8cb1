export * from './bank-entry';
export * from './bank-file-errors';
export { openBankFile, readBankFile, detectBankFileFormat, CAMT_NAMESPACES } from './read-bank-file';
export { normaliseReference } from './reference';
