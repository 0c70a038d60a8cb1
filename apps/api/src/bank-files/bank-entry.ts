/**
 * The contract between the bank-file parsers (this folder, pure, no I/O but the stream) and the
 * payments capability that stores, de-duplicates, matches and books what they yield.
 *
 * Usage (see read-bank-file.ts):
 *
 *   const file = await openBankFile(stream);         // reads just enough to detect the format and the header
 *   file.header;                                      // BankFileHeader
 *   for await (const entry of file.entries) { ... }   // BankEntry, streamed; throws BankFileError
 *
 * `entries` throws a BankFileError as soon as something is wrong, and checks that can only be done
 * at the end of the file (BgMax TK70, Nets record 89, camt closing balance and closing tags) throw
 * after the last entry has been yielded: consume inside one transaction and roll back on a throw.
 * The iteration is complete (and the file accepted) only when the loop ends without a throw.
 *
 * `readBankFile(stream)` is the same as a generator: it yields the entries and *returns* the header
 * (the generator's return value) — convenient when only entries matter.
 */
import type { Readable } from 'node:stream';

export type BankFileFormat = 'CAMT_053' | 'CAMT_054' | 'BGMAX' | 'NETS_OCR';
export type BankCurrency = 'SEK' | 'NOK';

export interface BankFileHeader {
  format: BankFileFormat;
  /** 'camt.054.001.02', 'camt.053.001.08', 'BgMax 01', 'Nets OCR giro'. */
  version: string;
  /** The file's own id: camt GrpHdr/MsgId, BgMax TK01 timestamp (20 digits), Nets transmission number (record 10). */
  fileIdentity: string;
  /** ISO date-time as given (camt CreDtTm; BgMax TK01 timestamp as YYYY-MM-DDThh:mm:ss.ffffff; Nets has none). */
  createdAt?: string;
  /** BgMax TK01 position 45 'T' (test file). Production files have false. Camt/Nets: false. */
  test?: boolean;
}

/** A camt Ntfctn/Stmt, a BgMax deposit (TK05..TK15), a Nets assignment (record 20..88). */
export interface BankAccountSection {
  /**
   * The factor's receiving account as the file names it: camt Acct/Id/IBAN (or Othr/Id); BgMax
   * TK05 payee bankgiro number (leading zeros removed, e.g. '9912346'); Nets record 20
   * assignment account (11 digits).
   */
  accountId: string;
  currency: BankCurrency;
  /** Stmt/Id, Ntfctn/Id, BgMax deposit serial (TK15 löpnummer, with TK15 payment date), Nets assignment number. */
  sectionIdentity: string;
  /** camt.053 OPBD (or PRCD) and CLBD, signed decimal strings ('-12.50' for a debit balance). */
  openingBalance?: string;
  closingBalance?: string;
}

export interface BankEntry {
  section: BankAccountSection;
  /**
   * Stable identity across files (de-duplication key), unique within the file:
   * - camt: `TxDtls/Refs/AcctSvcrRef` when present, else `Ntry/AcctSvcrRef` (+ `#n` for the n-th
   *   TxDtls of an entry with several), else `Ntry/NtryRef`; if none of those exist, the section
   *   identity + entry position (stable only for re-delivery of the same file).
   * - BgMax: 'BGC:' + TK20/21 BGC serial number (positions 58-69), which Bankgirot assigns once per
   *   payment; when blank: payee bankgiro + payment date + deposit serial + line position in deposit.
   * - Nets: 'NETS:' + oppgjørsdato + centre id + day code + partial settlement no + serial no
   *   (record 30 positions 16-31, the "archive reference" Nets prints) + ':' + transaction number.
   */
  entryKey: string;
  direction: 'CREDIT' | 'DEBIT';
  /** Decimal string with exactly 2 decimals, > 0. */
  amount: string;
  currency: BankCurrency;
  /** YYYY-MM-DD (camt ValDt, else BookgDt; BgMax: the deposit's payment date from TK15; Nets: oppgjørsdato). */
  valueDate: string;
  bookingDate?: string;
  /** Structured creditor reference (OCR / KID / RF) normalised: spaces removed, bank zero-padding removed. */
  reference?: string;
  /**
   * True when the file says the reference is not valid (BgMax reference code 5) or the digits fail
   * the OCR (Luhn) check digit; for Nets KID the check digit is MOD10 or MOD11 by agreement, so the
   * flag is set only when the KID passes neither. Such a reference is never matched automatically.
   */
  referenceCheckFailed?: boolean;
  /** BgMax reference code (position 56) as given: '0'..'5'. Only BgMax. */
  referenceCode?: string;
  /** Extra references (BgMax TK22/TK23, camt further CdtrRefInf), each normalised and checked like `reference`. */
  extraReferences?: ExtraReference[];
  payerName?: string;
  payerAccount?: string;
  message?: string;
  /** AcctSvcrRef, BgMax BGC löpnummer, Nets transaction number. */
  bankReference?: string;
  /** Debits: our pain.001 EndToEndId; returns: OrgnlEndToEndId. */
  endToEndId?: string;
  /** Debits: our pain.001 PmtInfId (a whole payout batch debited as one entry). */
  paymentInformationId?: string;
  /** A returned payout: RtrInf/Rsn/Cd (or Prtry). */
  returnReason?: string;
  /** camt entry reversal indicator (RvslInd true). */
  reversal?: boolean;
  /** camt entry status when not BOOK ('PDNG', 'INFO'); absent for booked entries and other formats. */
  status?: string;
  /** A camt entry standing for several transactions (NtryDtls/Btch/NbOfTxs) yielded as one entry. */
  batchedTransactions?: number;
  /** Where in the file: "line 17" or "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]". */
  place: string;
}

export interface ExtraReference {
  reference: string;
  referenceCheckFailed: boolean;
  /** BgMax TK22/TK23 amount (often 0.00; TK23 is a negative extra reference); absent for camt. */
  amount?: string;
  negative?: boolean;
  place: string;
}

export interface BankFile {
  header: BankFileHeader;
  entries: AsyncGenerator<BankEntry, void>;
}

export { BankFileError, BankFileErrorCode } from './bank-file-errors';
export type BankFileInput = NodeJS.ReadableStream | Readable;
