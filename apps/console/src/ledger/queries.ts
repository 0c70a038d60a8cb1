import { gql } from '../graphql';
import type { Country } from '../types';

/* The books as finance reads them (apps/api/src/ledger/ledger.resolver.ts, sie-export.resolver.ts, dto/ledger.types.ts). */

export interface AccountBalance {
  account: string;
  role: string | null;
  kind: string;
  nameEn: string;
  nameSv: string;
  nameNb: string;
  debit: string;
  credit: string;
  /** Debit positive. */
  balance: string;
}

export interface TrialBalance {
  book: Country;
  currency: string;
  date: string;
  accounts: AccountBalance[];
  /** Debits less credits over every account: 0.00 when the books balance. */
  difference: string;
}

export interface LedgerAccount {
  account: string;
  role: string | null;
  kind: string;
  nameEn: string;
  nameSv: string;
  nameNb: string;
  validFrom: string;
  source: string;
}

export interface JournalPosting {
  account: string;
  /** Positive a debit, negative a credit. */
  amount: string;
  clientId: string | null;
  invoiceId: string | null;
}

export interface JournalEntry {
  id: string;
  entryDate: string;
  causeType: string;
  causeId: string;
  event: string;
  attempt: string;
  description: string;
  postedAt: string;
  postings: JournalPosting[];
}

export interface SieFile {
  fileName: string;
  sha256: string;
  vouchers: number;
  contentBase64: string;
}

const BALANCE_FIELDS = `account role kind nameEn nameSv nameNb debit credit balance`;

export const trialBalance = async (book: Country, date: string | undefined, signal?: AbortSignal) =>
  (
    await gql<{ trialBalance: TrialBalance }>(
      `query TrialBalance($book: Country!, $date: String) { trialBalance(book: $book, date: $date) { book currency date difference accounts { ${BALANCE_FIELDS} } } }`,
      { book, date },
      { signal },
    )
  ).trialBalance;

export const ledgerAccounts = async (book: Country, date: string | undefined, signal?: AbortSignal) =>
  (
    await gql<{ ledgerAccounts: LedgerAccount[] }>(
      `query LedgerAccounts($book: Country!, $date: String) { ledgerAccounts(book: $book, date: $date) { account role kind nameEn nameSv nameNb validFrom source } }`,
      { book, date },
      { signal },
    )
  ).ledgerAccounts;

/** A period's entries, newest first, a page at a time (pages count from 0). */
export const journalEntries = async (book: Country, from: string, to: string, page: number, perPage: number, signal?: AbortSignal) =>
  (
    await gql<{ journalEntries: { items: JournalEntry[]; total: number } }>(
      `query JournalEntries($book: Country!, $from: String!, $to: String!, $page: Int, $perPage: Int) {
        journalEntries(book: $book, from: $from, to: $to, page: $page, perPage: $perPage) {
          items { id entryDate causeType causeId event attempt description postedAt postings { account amount clientId invoiceId } } total
        }
      }`,
      { book, from, to, page, perPage },
      { signal },
    )
  ).journalEntries;

/** The Swedish book's fiscal year as SIE 4 (#FORMAT PC8): the bytes come base64, to be saved as they are. */
export const sieExport = async (fiscalYear: number) =>
  (
    await gql<{ sieExport: SieFile }>(`query SieExport($fiscalYear: Int!) { sieExport(fiscalYear: $fiscalYear) { fileName sha256 vouchers contentBase64 } }`, {
      fiscalYear,
    })
  ).sieExport;

export interface LedgerPeriod {
  month: string;
  closedAt: string | null;
  closedBy: { id: string; name: string } | null;
}

/** The months of a book finance has closed (newest first). */
export const ledgerPeriods = async (book: Country, signal?: AbortSignal) =>
  (await gql<{ ledgerPeriods: LedgerPeriod[] }>(`query LedgerPeriods($book: Country!) { ledgerPeriods(book: $book) { month closedAt closedBy { id name } } }`, { book }, { signal })).ledgerPeriods;

/** Closes an ended month: the books then take no entry dated in it (never undone). */
export const closeLedgerPeriod = async (book: Country, month: string) =>
  (
    await gql<{ closeLedgerPeriod: LedgerPeriod }>(`mutation CloseLedgerPeriod($book: Country!, $month: String!) { closeLedgerPeriod(book: $book, month: $month) { month closedAt closedBy { id name } } }`, {
      book,
      month,
    })
  ).closeLedgerPeriod;
