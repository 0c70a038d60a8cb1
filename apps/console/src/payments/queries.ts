import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';
import { page } from '../resourceProvider';

/*
 * Money in (issue 14): the GraphQL documents of the finance console's payment screens
 * (apps/api/src/payments/payments.resolver.ts and dto/payment.types.ts). The lists go through
 * the data provider (`incomingPaymentQueries`, `bankImportQueries`); the rest is called from here.
 */

export type IncomingPaymentState = 'MATCHED' | 'UNMATCHED' | 'REFUND' | 'RECONCILED' | 'SETTLED' | 'NEW';
export const INCOMING_PAYMENT_STATES: IncomingPaymentState[] = ['UNMATCHED', 'MATCHED', 'REFUND', 'RECONCILED', 'SETTLED', 'NEW'];
export type SuggestionReason = 'AMOUNT_EQUALS_OPEN' | 'INVOICE_NUMBER_IN_MESSAGE' | 'PAYER_NAME_MATCHES_DEBTOR' | 'REFERENCE_CLOSE' | 'SAME_DEBTOR_AS_PAYMENT';
export type BankImportStatus = 'RUNNING' | 'DONE' | 'REFUSED';

export interface StaffRef {
  id: string;
  name: string;
}

export interface PaymentSuggestion {
  invoiceId: string;
  invoiceNumber: string;
  paymentReference: string | null;
  clientName: string;
  debtorName: string;
  open: string;
  dueDate: string;
  score: number;
  reasons: SuggestionReason[];
}

export interface PaymentAllocation {
  id: string;
  kind: 'PAYMENT' | 'SURPLUS' | 'REFUND' | 'PAID_TO_CLIENT';
  /** What it paid of the invoice: fees first, then late interest, then the principal. */
  part: 'FEE' | 'INTEREST' | 'PRINCIPAL' | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  amount: string;
  daysLate: number | null;
  journalEntryId: string;
  allocatedBy: StaffRef | null;
  allocatedAt: string;
}

export interface IncomingPayment {
  id: string;
  importId: string;
  accountId: string;
  amount: string;
  unplaced: string;
  currency: string;
  valueDate: string;
  reference: string | null;
  referenceCheckFailed: boolean;
  payerName: string | null;
  payerAccount: string | null;
  message: string | null;
  state: IncomingPaymentState;
  ageDays: number;
  claimedBy: StaffRef | null;
  version: number;
  allocations: PaymentAllocation[];
  suggestions: PaymentSuggestion[];
}

export interface BankImport {
  id: string;
  source: string;
  fileName: string;
  format: string | null;
  version: string | null;
  fileIdentity: string | null;
  status: BankImportStatus;
  entriesRead: number;
  entriesNew: number;
  entriesDuplicate: number;
  entriesMatched: number;
  entriesUnmatched: number;
  entriesReconciled: number;
  amountIn: string;
  amountOut: string;
  amountMatched: string;
  amountUnmatched: string;
  refusalCode: string | null;
  refusalMessage: string | null;
  refusalPlace: string | null;
  startedBy: StaffRef | null;
  startedAt: string;
  finishedAt: string | null;
}

const STAFF_REF = '{ id name }';
const ALLOCATION_FIELDS = `id kind part invoiceId invoiceNumber amount daysLate journalEntryId allocatedBy ${STAFF_REF} allocatedAt`;
export const PAYMENT_FIELDS = `id importId accountId amount unplaced currency valueDate reference referenceCheckFailed payerName payerAccount message state ageDays
  claimedBy ${STAFF_REF} version allocations { ${ALLOCATION_FIELDS} }
  suggestions { invoiceId invoiceNumber paymentReference clientName debtorName open dueDate score reasons }`;
export const IMPORT_FIELDS = `id source fileName format version fileIdentity status entriesRead entriesNew entriesDuplicate entriesMatched entriesUnmatched entriesReconciled
  amountIn amountOut amountMatched amountUnmatched refusalCode refusalMessage refusalPlace startedBy ${STAFF_REF} startedAt finishedAt`;

const paymentList = (state?: IncomingPaymentState) => ({
  query: `query IncomingPayments($page: Int, $perPage: Int, $state: IncomingPaymentState, $importId: ID) {
    incomingPayments(page: $page, perPage: $perPage, state: $state, importId: $importId) { items { ${PAYMENT_FIELDS} } total }
  }`,
  field: 'incomingPayments',
  variables: (params: GetListParams) => ({
    ...page(params),
    state: state ?? (params.filter?.state || 'MATCHED'),
    importId: params.filter?.importId || undefined,
  }),
});
const paymentOne = { query: `query IncomingPayment($id: ID!) { incomingPayment(id: $id) { ${PAYMENT_FIELDS} } }`, field: 'incomingPayment' };

/** Every incoming payment, by state (matched by default: the unmatched ones have their own queue). */
export const incomingPaymentQueries = { list: paymentList(), one: paymentOne };
/** The unmatched-payments queue: the oldest first. */
export const unmatchedPaymentQueries = { list: paymentList('UNMATCHED'), one: paymentOne };

export const bankImportQueries = {
  list: {
    query: `query BankImports($page: Int, $perPage: Int, $status: BankImportStatus) {
      bankImports(page: $page, perPage: $perPage, status: $status) { items { ${IMPORT_FIELDS} } total }
    }`,
    field: 'bankImports',
    variables: (params: GetListParams) => ({ ...page(params), status: params.filter?.status || undefined }),
  },
  one: { query: `query BankImport($id: ID!) { bankImport(id: $id) { ${IMPORT_FIELDS} } }`, field: 'bankImport' },
};

/** Reads a bank file (base64 through GraphQL; the API detects the format). */
export const importBankFile = async (fileName: string, content: string) =>
  (await gql<{ importBankFile: BankImport }>(`mutation ImportBankFile($fileName: String!, $content: String!) { importBankFile(fileName: $fileName, content: $content) { ${IMPORT_FIELDS} } }`, { fileName, content }))
    .importBankFile;

export const claimIncomingPayment = async (id: string) =>
  (await gql<{ claimIncomingPayment: IncomingPayment }>(`mutation ClaimIncomingPayment($id: ID!) { claimIncomingPayment(id: $id) { ${PAYMENT_FIELDS} } }`, { id })).claimIncomingPayment;

export const releaseIncomingPayment = async (id: string) =>
  (await gql<{ releaseIncomingPayment: IncomingPayment }>(`mutation ReleaseIncomingPayment($id: ID!) { releaseIncomingPayment(id: $id) { ${PAYMENT_FIELDS} } }`, { id }))
    .releaseIncomingPayment;

export interface PaymentShare {
  invoiceId: string;
  amount: string;
}

/** Match (one share) or split (several): the version looked at goes along, a payment changed since is refused. */
export const placeIncomingPayment = async (id: string, shares: PaymentShare[], expectedVersion: number, note?: string) =>
  (
    await gql<{ placeIncomingPayment: IncomingPayment }>(
      `mutation PlaceIncomingPayment($id: ID!, $shares: [PaymentShareInput!]!, $expectedVersion: Int!, $note: String) {
        placeIncomingPayment(id: $id, shares: $shares, expectedVersion: $expectedVersion, note: $note) { ${PAYMENT_FIELDS} } }`,
      { id, shares, expectedVersion, note: note || undefined },
    )
  ).placeIncomingPayment;

export const refundIncomingPayment = async (id: string, amount: string, expectedVersion: number, note?: string) =>
  (
    await gql<{ refundIncomingPayment: IncomingPayment }>(
      `mutation RefundIncomingPayment($id: ID!, $amount: Decimal!, $expectedVersion: Int!, $note: String) {
        refundIncomingPayment(id: $id, amount: $amount, expectedVersion: $expectedVersion, note: $note) { ${PAYMENT_FIELDS} } }`,
      { id, amount, expectedVersion, note: note || undefined },
    )
  ).refundIncomingPayment;

/** The payments that settled (part of) an invoice: the invoice page. */
export const paymentsOfInvoice = async (invoiceId: string, signal?: AbortSignal) =>
  (await gql<{ paymentsOfInvoice: IncomingPayment[] }>(`query PaymentsOfInvoice($invoiceId: ID!) { paymentsOfInvoice(invoiceId: $invoiceId) { ${PAYMENT_FIELDS} } }`, { invoiceId }, { signal }))
    .paymentsOfInvoice;

export interface IncomingPaymentsDay {
  day: string;
  currency: 'SEK' | 'NOK';
  count: number;
  amount: string;
  unplaced: string;
}

/** Incoming payments per value day and currency, counted by the server (finance's chart). */
export const incomingPaymentsPerDay = async (days: number, signal?: AbortSignal) =>
  (await gql<{ incomingPaymentsPerDay: IncomingPaymentsDay[] }>(`query IncomingPaymentsPerDay($days: Int) { incomingPaymentsPerDay(days: $days) { day currency count amount unplaced } }`, { days }, { signal }))
    .incomingPaymentsPerDay;

export interface DebtorPaymentStatistics {
  debtorId: string;
  currency: string;
  invoicesPaid: number;
  invoicesPaidLate: number;
  sharePaidLatePercent: string;
  averageDaysLate: string;
  maxDaysLate: number;
  averageDaysToPay: string | null;
  outstanding: string;
}

/** How a debtor pays (the debtor's page): computed by the server from the payments placed on its invoices. */
export const debtorPaymentStatistics = async (debtorId: string, signal?: AbortSignal) =>
  (
    await gql<{ debtorPaymentStatistics: DebtorPaymentStatistics }>(
      `query DebtorPaymentStatistics($debtorId: ID!) { debtorPaymentStatistics(debtorId: $debtorId) {
        debtorId currency invoicesPaid invoicesPaidLate sharePaidLatePercent averageDaysLate maxDaysLate averageDaysToPay outstanding } }`,
      { debtorId },
      { signal },
    )
  ).debtorPaymentStatistics;
