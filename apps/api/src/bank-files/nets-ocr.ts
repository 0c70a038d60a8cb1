import type { BankFileParser } from './read-bank-file';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
export const parseNetsOcr: BankFileParser = async function* () {
  throw new BankFileError(BankFileErrorCode.BANK_FILE_UNKNOWN_FORMAT, 'Nets OCR parser not yet written.', 'line 1');
};
