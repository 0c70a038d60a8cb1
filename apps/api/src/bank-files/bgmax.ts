/**
 * Bankgirot BgMax ("Bankgiro Inbetalningar") reader. Layout and checks: /work/shared/FORMATS.md §1
 * (positions agree in three independent parsers and Bankgirot's own example files).
 *
 * Shape: TK01 once, then deposits (TK05, payments TK20/TK21 each followed by TK22/23/25-29,
 * TK15), then TK70 once. Unknown record types are skipped (the manual says so); records out of
 * place are refused. A deposit's payments are held until its TK15, which carries their payment
 * date (the value date) and the deposit's checks; memory is therefore bounded by the largest
 * deposit, not the file.
 *
 * Checks: TK15 amount = Σ TK20 − Σ TK21 of the deposit, TK15 count = number of TK20 + TK21,
 * TK15 currency = TK05 currency; TK70 counts of TK20, TK21, TK22+TK23 and TK15 = the file's.
 *
 * entryKey: 'BGMAX:' + payee bankgiro + payment date + deposit serial (TK15 46-50) + BGC serial
 * number (TK20 58-69). Bankgirot numbers each payment; the deposit and date make the key hold
 * even if a serial were reused on another day. A re-delivered or overlapping file repeats the
 * same deposits, so the same keys.
 */
import type { BankAccountSection, BankEntry, BankFileHeader, ExtraReference } from './bank-entry';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
import type { ByteSource } from './byte-source';
import { checkCurrency, dateYYYYMMDD, decodeRecord, digits, field, formatMinor, minorUnits, optionalDigits } from './fixed-width';
import { normaliseReference, ocrCheckFails } from './reference';

const NAME = 'BgMax';
const E = BankFileErrorCode;

interface PendingPayment {
  entry: Omit<BankEntry, 'section' | 'valueDate' | 'entryKey'>;
  bgcSerial: string;
  messages: string[];
}

interface Deposit {
  line: number;
  bankgiro: string;
  currency: 'SEK' | 'NOK';
  payments: PendingPayment[];
  sumMinor: bigint;
}

export async function* parseBgMax(source: ByteSource): AsyncGenerator<{ header: BankFileHeader } | { entry: BankEntry }, void> {
  let header: BankFileHeader | null = null;
  let deposit: Deposit | null = null;
  let current: PendingPayment | null = null;
  let ended = false;
  let lastLine = 0;
  const counts = { tk20: 0, tk21: 0, tk22: 0, tk15: 0 };

  for await (const { bytes, lineNo } of source.lines()) {
    lastLine = lineNo;
    const place = `line ${lineNo}`;
    if (ended) {
      if (bytes.length === 0 || (bytes.length === 1 && bytes[0] === 0x1a)) continue;
      throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'A record after the TK70 end record.', place);
    }
    const record = decodeRecord(bytes, lineNo, NAME);
    const tk = field(record, 1, 2);

    if (header === null) {
      if (tk !== '01') throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `A BgMax file starts with TK01, not TK${tk}.`, place);
      header = startRecord(record, place);
      yield { header };
      continue;
    }

    switch (tk) {
      case '01':
        throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'A second TK01 start record.', place);
      case '05': {
        if (deposit) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `TK05 opens a deposit while the one opened on line ${deposit.line} has no TK15.`, place);
        const bankgiro = digits(record, 3, 12, "Payee's bankgiro number", place);
        optionalDigits(record, 13, 22, "Payee's plusgiro number", place);
        const currency = checkCurrency(field(record, 23, 25), place, 'The deposit currency (TK05 positions 23-25)');
        deposit = { line: lineNo, bankgiro: bankgiro.replace(/^0+/, ''), currency, payments: [], sumMinor: 0n };
        current = null;
        break;
      }
      case '20':
      case '21': {
        if (!deposit) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `TK${tk} outside a deposit (no TK05 before it).`, place);
        const amount = minorUnits(record, 38, 55, 'The amount', place);
        if (amount <= 0n) throw new BankFileError(E.BANK_FILE_AMOUNT, `A TK${tk} payment of ${formatMinor(amount)}: a payment amount must be above zero.`, place);
        const ref = readReference(record, place);
        const payer = digits(record, 3, 12, "Payer's bankgiro number", place).replace(/^0+/, '');
        const bgcSerial = field(record, 58, 69).trim();
        current = {
          bgcSerial,
          messages: ref.text ? [ref.text] : [],
          entry: {
            direction: tk === '20' ? 'CREDIT' : 'DEBIT',
            amount: formatMinor(amount),
            currency: deposit.currency,
            ...(ref.reference !== undefined ? { reference: ref.reference, referenceCheckFailed: ref.checkFailed } : {}),
            referenceCode: ref.code,
            ...(payer ? { payerAccount: payer } : {}),
            ...(bgcSerial ? { bankReference: bgcSerial } : {}),
            place,
          },
        };
        deposit.payments.push(current);
        deposit.sumMinor += tk === '20' ? amount : -amount;
        if (tk === '20') counts.tk20++;
        else counts.tk21++;
        break;
      }
      case '22':
      case '23': {
        if (!current) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `TK${tk} (extra reference) without a TK20/TK21 payment before it in the deposit.`, place);
        const amount = minorUnits(record, 38, 55, 'The amount', place);
        const ref = readReference(record, place);
        counts.tk22++;
        const reference = ref.reference ?? normaliseReference(ref.text);
        if (reference !== undefined) {
          const extra: ExtraReference = {
            reference,
            referenceCheckFailed: ref.reference !== undefined ? ref.checkFailed : true,
            amount: formatMinor(amount),
            negative: tk === '23',
            place,
          };
          (current.entry.extraReferences ??= []).push(extra);
        }
        break;
      }
      case '25':
      case '26':
      case '27':
      case '28':
      case '29': {
        if (!current) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `TK${tk} without a TK20/TK21 payment before it in the deposit.`, place);
        if (tk === '25') {
          const text = field(record, 3, 52).trim();
          if (text) current.messages.push(text);
        } else if (tk === '26') {
          const name = [field(record, 3, 37).trim(), field(record, 38, 72).trim()].filter(Boolean).join(' ');
          if (name) current.entry.payerName = name;
        }
        break;
      }
      case '15': {
        if (!deposit) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, 'TK15 closes a deposit that no TK05 opened.', place);
        digits(record, 3, 37, "The payee's bank account", place);
        const paymentDate = dateYYYYMMDD(record, 38, 'The payment date', place);
        const serial = digits(record, 46, 50, 'The deposit serial number', place);
        const amount = minorUnits(record, 51, 68, 'The deposit amount', place);
        const currency = field(record, 69, 71);
        if (currency !== deposit.currency) {
          checkCurrency(currency, place, 'The deposit currency (TK15 positions 69-71)');
          throw new BankFileError(E.BANK_FILE_CURRENCY, `TK15 says ${currency}, its TK05 on line ${deposit.line} says ${deposit.currency}.`, place);
        }
        const count = Number(digits(record, 72, 79, 'The number of payments', place));
        if (count !== deposit.payments.length) {
          throw new BankFileError(E.BANK_FILE_TOTALS_MISMATCH, `TK15 counts ${count} payments; the deposit has ${deposit.payments.length} TK20/TK21 records.`, place);
        }
        if (amount !== deposit.sumMinor) {
          throw new BankFileError(
            E.BANK_FILE_TOTALS_MISMATCH,
            `TK15 says the deposit is ${formatMinor(amount)}; its TK20 payments less TK21 deductions add up to ${formatMinor(deposit.sumMinor)}.`,
            place,
          );
        }
        counts.tk15++;
        const section: BankAccountSection = { accountId: deposit.bankgiro, currency: deposit.currency, sectionIdentity: `${paymentDate}:${serial}` };
        for (let i = 0; i < deposit.payments.length; i++) {
          const p = deposit.payments[i];
          const serialKey = p.bgcSerial && /[1-9]/.test(p.bgcSerial) ? p.bgcSerial : `#${i + 1}`;
          const entry: BankEntry = {
            section,
            entryKey: `BGMAX:${deposit.bankgiro}:${paymentDate}:${serial}:${serialKey}`,
            valueDate: paymentDate,
            ...p.entry,
            ...(p.messages.length ? { message: p.messages.join(' ') } : {}),
          };
          yield { entry };
        }
        deposit = null;
        current = null;
        break;
      }
      case '70': {
        if (deposit) throw new BankFileError(E.BANK_FILE_RECORD_ORDER, `TK70 ends the file while the deposit opened on line ${deposit.line} has no TK15.`, place);
        const checks: Array<[number, number, string, number]> = [
          [3, 10, 'TK20 payment records', counts.tk20],
          [11, 18, 'TK21 deduction records', counts.tk21],
          [19, 26, 'TK22/TK23 extra reference records', counts.tk22],
          [27, 34, 'TK15 deposit records', counts.tk15],
        ];
        for (const [from, to, what, actual] of checks) {
          const stated = Number(digits(record, from, to, `The number of ${what}`, place));
          if (stated !== actual) {
            throw new BankFileError(E.BANK_FILE_TOTALS_MISMATCH, `TK70 counts ${stated} ${what} (positions ${from}-${to}); the file has ${actual}.`, place);
          }
        }
        ended = true;
        break;
      }
      default:
        if (!/^\d\d$/.test(tk)) throw new BankFileError(E.BANK_FILE_MALFORMED, `"${tk}" is not a BgMax transaction code.`, place);
        // Unknown record types are skipped, as Bankgirot's manual asks.
        break;
    }
  }
  if (header === null) throw new BankFileError(E.BANK_FILE_TRUNCATED, 'The file is empty.', 'line 1');
  if (!ended) {
    throw new BankFileError(
      E.BANK_FILE_TRUNCATED,
      `The file ends after line ${lastLine} without its TK70 end record${deposit ? ` (and the deposit opened on line ${deposit.line} has no TK15)` : ''}.`,
      `line ${lastLine + 1}`,
    );
  }
}

function startRecord(record: string, place: string): BankFileHeader {
  const layout = field(record, 3, 22).trim();
  if (layout !== 'BGMAX') throw new BankFileError(E.BANK_FILE_UNKNOWN_FORMAT, `TK01 names layout "${layout}", not BGMAX.`, place);
  const version = field(record, 23, 24);
  if (version !== '01') throw new BankFileError(E.BANK_FILE_UNKNOWN_FORMAT, `BgMax version "${version}" is not one we read (01).`, place);
  const stamp = digits(record, 25, 44, 'The write timestamp', place);
  const date = dateYYYYMMDD(record, 25, 'The write timestamp', place);
  const time = `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
  if (Number(stamp.slice(8, 10)) > 23 || Number(stamp.slice(10, 12)) > 59 || Number(stamp.slice(12, 14)) > 59) {
    throw new BankFileError(E.BANK_FILE_DATE, `The write timestamp (positions 25-44) has no valid time: "${stamp}".`, place);
  }
  const marker = field(record, 45, 45);
  if (marker === 'T') throw new BankFileError(E.BANK_FILE_TEST_FILE, 'A BgMax test file (TK01 position 45 is "T"): test payments are never booked.', place);
  if (marker !== 'P') throw new BankFileError(E.BANK_FILE_MALFORMED, `The test marker (position 45) is "${marker}", not P (production) or T (test).`, place);
  return { format: 'BGMAX', version: 'BgMax 01', fileIdentity: stamp, createdAt: `${date}T${time}.${stamp.slice(14, 20)}` };
}

interface ReadReference {
  code: string;
  reference?: string;
  checkFailed: boolean;
  /** Free text of a reference code 3/4 that is not a single number. */
  text?: string;
}

/** Positions 13-37 by the reference code in 56 (FORMATS.md §1). */
function readReference(record: string, place: string): ReadReference {
  const code = field(record, 56, 56);
  const raw = field(record, 13, 37);
  switch (code) {
    case '0':
    case '1':
      return { code, checkFailed: false };
    case '2': {
      const reference = normaliseReference(raw);
      if (reference !== undefined && !/^\d+$/.test(reference)) {
        throw new BankFileError(E.BANK_FILE_MALFORMED, `Reference code 2 (OCR reference) with a reference that is not digits: "${raw.trim()}".`, place);
      }
      return { code, reference, checkFailed: reference === undefined ? false : ocrCheckFails(reference) };
    }
    case '5': {
      const reference = normaliseReference(raw);
      return { code, reference, checkFailed: true };
    }
    case '3':
    case '4': {
      const text = raw.trim();
      if (/^\d+$/.test(text)) {
        const reference = normaliseReference(text);
        return { code, reference, checkFailed: reference === undefined ? false : ocrCheckFails(reference) };
      }
      return { code, checkFailed: false, ...(text ? { text } : {}) };
    }
    default:
      throw new BankFileError(E.BANK_FILE_MALFORMED, `Reference code (position 56) "${code}" is not one of 0-5.`, place);
  }
}
