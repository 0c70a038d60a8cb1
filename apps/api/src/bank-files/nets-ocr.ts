/**
 * Nets "OCR giro" reader (Norway, KID payments). Layout: /work/shared/FORMATS.md §2, cross-checked
 * against otovo/python-netsgiro's record patterns and its OCR giro test file.
 *
 * Shape: record 10 (start of transmission), then assignments (20, transactions, 88), then 89.
 * Every record begins 'NY' + service code (00 transmission, 09 OCR giro) + transaction type +
 * record type. A transaction is an amount item 1 (30), an amount item 2 (31) and, for the
 * free-text transaction types 20/21, an amount item 3 (32); all three carry the same
 * transaction number.
 *
 * Checks: record 88 = the assignment's transaction count, record count (20 and 88 included) and
 * amount total; record 89 = the same over the transmission (10 and 89 included). Both are only
 * known at their record, so a mismatch throws after the entries before it were yielded.
 *
 * entryKey: 'NETS:' + transmission number (record 10) + ':' + assignment number (record 20) + ':'
 * + transaction number (record 30). Nets numbers each transmission it sends to a recipient, each
 * assignment in it and each transaction in the assignment, so the same file read twice gives the
 * same keys. (The archive reference in 22-31 is not unique: Nets' own example repeats it.)
 *
 * Dates are DDMMYY; years 00-79 are read as 20YY and 80-99 as 19YY (Nets' example is from 1992).
 * Currency: OCR giro is NOK only (the records carry no currency).
 */
import type { BankAccountSection, BankEntry, BankFileHeader } from './bank-entry';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
import type { ByteSource } from './byte-source';
import { decodeRecord, digits, field, formatMinor, isoDate, minorUnits } from './fixed-width';
import { kidCheckFails, normaliseReference } from './reference';

const NAME = 'Nets OCR giro';
const E = BankFileErrorCode;

interface Assignment {
  line: number;
  section: BankAccountSection;
  transactions: number;
  records: number;
  sumMinor: bigint;
}

interface Transaction {
  number: string;
  entry: Omit<BankEntry, 'section'>;
  freeText: boolean;
  has31: boolean;
  has32: boolean;
  line: number;
}

export async function* parseNetsOcr(source: ByteSource): AsyncGenerator<{ header: BankFileHeader } | { entry: BankEntry }, void> {
  let header: BankFileHeader | null = null;
  let assignment: Assignment | null = null;
  let tx: Transaction | null = null;
  let ended = false;
  let lastLine = 0;
  const totals = { transactions: 0, records: 0, sumMinor: 0n };

  function* finishTransaction(): Generator<{ entry: BankEntry }, void> {
    if (!tx || !assignment) return;
    if (!tx.has31) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Transaction ${tx.number} has no amount item 2 (record 31).`, `line ${tx.line}`);
    if (tx.freeText && !tx.has32) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Transaction ${tx.number} of a free-text type has no amount item 3 (record 32).`, `line ${tx.line}`);
    yield { entry: { section: assignment.section, ...tx.entry } };
    tx = null;
  }

  for await (const { bytes, lineNo } of source.lines()) {
    lastLine = lineNo;
    const place = `line ${lineNo}`;
    if (ended) {
      if (bytes.length === 0 || (bytes.length === 1 && bytes[0] === 0x1a)) continue;
      throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'A record after the end-of-transmission record 89.', place);
    }
    const record = decodeRecord(bytes, lineNo, NAME);
    if (field(record, 1, 2) !== 'NY') throw new BankFileError(E.BANK_FILE_MALFORMED, `A Nets record starts with "NY", not "${field(record, 1, 2)}".`, place);
    const service = field(record, 3, 4);
    const txType = field(record, 5, 6);
    const recordType = field(record, 7, 8);
    totals.records++;
    if (assignment) assignment.records++;

    if (header === null) {
      if (service !== '00' || recordType !== '10') throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'A Nets file starts with record 10 (NY000010).', place);
      digits(record, 9, 16, 'The data sender', place);
      const transmission = digits(record, 17, 23, 'The transmission number', place);
      digits(record, 24, 31, 'The data recipient', place);
      header = { format: 'NETS_OCR', version: 'Nets OCR giro', fileIdentity: transmission };
      yield { header };
      continue;
    }
    if (service !== '00' && service !== '09') {
      throw new BankFileError(E.BANK_FILE_UNKNOWN_FORMAT, `Service code ${service}: only OCR giro (09) is read here${service === '21' ? ' — this is an AvtaleGiro file' : ''}.`, place);
    }
    if (service === '00' && recordType !== '10' && recordType !== '89') {
      throw new BankFileError(E.BANK_FILE_MALFORMED, `Record ${recordType} with service code 00: only records 10 and 89 belong to the transmission, the others carry 09.`, place);
    }

    switch (recordType) {
      case '10':
        throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'A second start-of-transmission record 10.', place);
      case '20': {
        if (service !== '09') throw new BankFileError(E.BANK_FILE_MALFORMED, `Record 20 with service code ${service}, not 09.`, place);
        if (assignment) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Record 20 starts an assignment while the one started on line ${assignment.line} has no record 88.`, place);
        digits(record, 9, 17, 'The agreement id', place);
        const number = digits(record, 18, 24, 'The assignment number', place);
        const account = digits(record, 25, 35, 'The assignment account', place);
        assignment = { line: lineNo, section: { accountId: account, currency: 'NOK', sectionIdentity: number }, transactions: 0, records: 1, sumMinor: 0n };
        break;
      }
      case '30': {
        if (!assignment) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'Record 30 outside an assignment (no record 20 before it).', place);
        yield* finishTransaction();
        const type = Number(digits(record, 5, 6, 'The transaction type', place));
        if (type < 10 || type > 21) throw new BankFileError(E.BANK_FILE_MALFORMED, `Transaction type ${txType} is not an OCR giro type (10-21).`, place);
        const number = digits(record, 9, 15, 'The transaction number', place);
        const valueDate = netsDate(record, 16, 'The settlement date (oppgjørsdato)', place);
        const archive = digits(record, 22, 31, 'The archive reference', place);
        const sign = field(record, 32, 32);
        if (sign !== '0' && sign !== '-') throw new BankFileError(E.BANK_FILE_MALFORMED, `The sign (position 32) is "${sign}", not 0 or -.`, place);
        const amount = minorUnits(record, 33, 49, 'The amount', place);
        if (amount <= 0n) throw new BankFileError(E.BANK_FILE_AMOUNT, `A transaction of ${formatMinor(amount)}: an amount must be above zero.`, place);
        const kidField = field(record, 50, 74);
        if (!/^ *\d* *$/.test(kidField)) throw new BankFileError(E.BANK_FILE_MALFORMED, `The KID (positions 50-74) must be digits, not "${kidField.trim()}".`, place);
        const reference = normaliseReference(kidField);
        const signed = sign === '-' ? -amount : amount;
        assignment.transactions++;
        assignment.sumMinor += signed;
        totals.transactions++;
        totals.sumMinor += signed;
        tx = {
          number,
          line: lineNo,
          freeText: type === 20 || type === 21,
          has31: false,
          has32: false,
          entry: {
            entryKey: `NETS:${header.fileIdentity}:${assignment.section.sectionIdentity}:${number}`,
            direction: sign === '-' ? 'DEBIT' : 'CREDIT',
            amount: formatMinor(amount),
            currency: 'NOK',
            valueDate,
            ...(reference !== undefined ? { reference, referenceCheckFailed: kidCheckFails(reference) } : {}),
            bankReference: `${number}/${archive}`,
            place,
          },
        };
        break;
      }
      case '31':
      case '32': {
        if (!tx) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Record ${recordType} without a record 30 before it.`, place);
        const number = digits(record, 9, 15, 'The transaction number', place);
        if (number !== tx.number) {
          throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Record ${recordType} for transaction ${number} follows record 30 of transaction ${tx.number}.`, place);
        }
        if (recordType === '31') {
          if (tx.has31) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `A second record 31 for transaction ${number}.`, place);
          tx.has31 = true;
          const payer = field(record, 48, 58);
          if (/^\d+$/.test(payer) && /[1-9]/.test(payer)) tx.entry.payerAccount = payer;
        } else {
          if (!tx.has31 || tx.has32) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Record 32 for transaction ${number} out of place (it follows record 31, once).`, place);
          tx.has32 = true;
          const text = field(record, 16, 55).trim();
          if (text) tx.entry.message = text;
        }
        break;
      }
      case '88': {
        if (!assignment) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'Record 88 ends an assignment that no record 20 started.', place);
        yield* finishTransaction();
        checkTotals(record, place, 'Record 88', 'the assignment', assignment);
        netsDate(record, 42, 'The settlement date', place);
        assignment = null;
        break;
      }
      case '89': {
        if (service !== '00') throw new BankFileError(E.BANK_FILE_MALFORMED, `Record 89 with service code ${service}, not 00.`, place);
        if (assignment) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `Record 89 ends the transmission while the assignment started on line ${assignment.line} has no record 88.`, place);
        checkTotals(record, place, 'Record 89', 'the transmission', totals);
        netsDate(record, 42, 'The settlement date', place);
        ended = true;
        break;
      }
      default:
        throw new BankFileError(E.BANK_FILE_MALFORMED, `Record type "${recordType}" is not one of 10, 20, 30, 31, 32, 88, 89.`, place);
    }
  }
  if (header === null) throw new BankFileError(E.BANK_FILE_TRUNCATED, 'The file is empty.', 'line 1');
  if (!ended) {
    throw new BankFileError(
      E.BANK_FILE_TRUNCATED,
      `The file ends after line ${lastLine} without its end-of-transmission record 89${assignment ? ` (and the assignment started on line ${assignment.line} has no record 88)` : ''}.`,
      `line ${lastLine + 1}`,
    );
  }
}

function checkTotals(record: string, place: string, what: string, of: string, actual: { transactions: number; records: number; sumMinor: bigint }): void {
  const transactions = Number(digits(record, 9, 16, 'The number of transactions', place));
  if (transactions !== actual.transactions) {
    throw new BankFileError(E.BANK_FILE_TOTALS_MISMATCH, `${what} counts ${transactions} transactions (positions 9-16); ${of} has ${actual.transactions}.`, place);
  }
  const records = Number(digits(record, 17, 24, 'The number of records', place));
  if (records !== actual.records) {
    throw new BankFileError(E.BANK_FILE_TOTALS_MISMATCH, `${what} counts ${records} records (positions 17-24); ${of} has ${actual.records}.`, place);
  }
  const total = minorUnits(record, 25, 41, 'The total amount', place);
  if (total !== actual.sumMinor) {
    throw new BankFileError(E.BANK_FILE_TOTALS_MISMATCH, `${what} totals ${formatMinor(total)} (positions 25-41); ${of}'s transactions add up to ${formatMinor(actual.sumMinor)}.`, place);
  }
}

function netsDate(record: string, from: number, name: string, place: string): string {
  const value = field(record, from, from + 5);
  const yy = Number(value.slice(4, 6));
  const date = /^\d{6}$/.test(value) ? isoDate((yy < 80 ? 2000 : 1900) + yy, Number(value.slice(2, 4)), Number(value.slice(0, 2))) : null;
  if (!date) throw new BankFileError(E.BANK_FILE_DATE, `${name} (positions ${from}-${from + 5}) is not a date DDMMYY: "${value}".`, place);
  return date;
}
