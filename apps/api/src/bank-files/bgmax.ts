import type { BankFileParser } from './read-bank-file';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
export const parseBgMax: BankFileParser = async function* () {
  throw new BankFileError(BankFileErrorCode.BANK_FILE_UNKNOWN_FORMAT, 'BgMax parser not yet written.', 'line 1');
};
