import { HttpError, type GetListParams } from 'react-admin';
import { gql, type ApiErrorBody } from '../graphql';
import type { Country } from '../types';

/*
 * The payouts' GraphQL documents (apps/api/src/payouts/payouts.resolver.ts and dto/payout.types.ts).
 * The batch list and page go through the data provider (react-admin's List and Show read them
 * there: `payoutBatchQueries`); what is due and the batch's actions are called from here.
 */

export const PAYOUT_BATCH_STATES = ['PREPARED', 'APPROVED', 'EXPORTED', 'SENT', 'ACCEPTED', 'PARTLY_REJECTED', 'REJECTED', 'SETTLED', 'CANCELLED'] as const;
export type PayoutBatchState = (typeof PAYOUT_BATCH_STATES)[number];

export interface StaffRef {
  id: string;
  name: string;
}

export interface PayoutLine {
  id: string;
  /** Null for a refund's line (a debtor's overpayment, money owed back to a client). */
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** Null for a refund to a debtor. */
  clientId: string | null;
  clientName: string | null;
  refundId: string | null;
  refundKind: 'DEBTOR_REFUND' | 'CLIENT_REPAYMENT' | null;
  /** What the client owed that this payout paid (money paid to it directly, an overdue recourse invoice). */
  setOff: string;
  amount: string;
  reference: string;
  endToEndId: string;
  payee: { kind?: string; value?: string; display?: string; name?: string } | null;
  /** INCLUDED, CANCELLED, REJECTED, SETTLED. */
  state: string;
  attempt: number;
}

export interface PayoutBatch {
  id: string;
  book: Country;
  currency: string;
  payoutDate: string;
  state: PayoutBatchState;
  messageId: string;
  total: string;
  lineCount: number;
  preparedBy: StaffRef;
  preparedAt: string;
  approvedBy: StaffRef | null;
  approvedAt: string | null;
  cancelReason: string | null;
  version: number;
  lines?: PayoutLine[];
}

export interface Reason {
  code: string;
  en: string;
  sv: string;
  nb: string;
}

export interface PayoutDue {
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  amount: string;
  plannedPayoutDate: string;
  holds: Reason[];
}

/** A refund to a debtor or a repayment to a client the next batch pays, or holds. */
export interface PayoutRefundDue {
  refundId: string;
  kind: 'DEBTOR_REFUND' | 'CLIENT_REPAYMENT';
  clientId: string | null;
  payeeName: string;
  amount: string;
  reference: string;
  recordedOn: string;
  held: boolean;
  holds: Reason[];
}

export interface PayoutsDue {
  payoutDate: string;
  included: PayoutDue[];
  held: PayoutDue[];
  refunds: PayoutRefundDue[];
}

export interface PayoutFile {
  fileName: string;
  sha256: string;
  contentBase64: string;
}

export interface StatusReportResult {
  batchId: string;
  state: PayoutBatchState;
  accepted: number;
  rejected: number;
  alreadyImported: boolean;
}

/** The API's refusals the console words itself in each language (apps/api/src/payouts/payout-errors.ts, libs/domain payout-batch). */
export const PAYOUT_REFUSALS = [
  'PAYOUT_BATCH_PREPARER_CANNOT_APPROVE',
  'PAYOUT_BATCH_CHANGED',
  'PAYOUT_BATCH_STATE_DOES_NOT_ALLOW',
  'PAYOUT_BATCH_ALREADY_OPEN',
  'PAYOUT_BATCH_NOTHING_DUE',
  'PAYOUT_BATCH_NOT_FOUND',
  'PAYOUT_BATCH_NOT_SENT',
  'BANK_FILE_INVALID',
  'BANK_FILE_MALFORMED',
  'BANK_FILE_NOT_PAIN002',
  'BANK_FILE_UNKNOWN_BATCH',
  'DATE_INVALID',
] as const;

/**
 * A refusal with a known reason becomes its translation key (useAction's notification translates
 * it, and falls back to the API's own sentence for any other); code and reason stay as they were.
 */
async function worded<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const body = (error as { body?: ApiErrorBody }).body;
    if (error instanceof HttpError && body?.reason && (PAYOUT_REFUSALS as readonly string[]).includes(body.reason)) {
      throw new HttpError(`console.payouts.errors.${body.reason}`, error.status, body);
    }
    throw error;
  }
}

const STAFF_REF = `{ id name }`;
const BATCH_FIELDS = `id book currency payoutDate state messageId total lineCount preparedBy ${STAFF_REF} preparedAt
  approvedBy ${STAFF_REF} approvedAt cancelReason version`;
const LINE_FIELDS = `id invoiceId invoiceNumber clientId clientName refundId refundKind setOff amount reference endToEndId payee state attempt`;
const BATCH_WITH_LINES = `${BATCH_FIELDS} lines { ${LINE_FIELDS} }`;
const DUE_FIELDS = `invoiceId invoiceNumber clientId clientName amount plannedPayoutDate holds { code en sv nb }`;

/** For the data provider: the batch list (newest day first, as the API orders it) and one batch with its lines. */
export const payoutBatchQueries = {
  list: {
    query: `query PayoutBatches($page: Int, $perPage: Int, $state: PayoutBatchState) {
      payoutBatches(page: $page, perPage: $perPage, state: $state) { items { ${BATCH_FIELDS} } total }
    }`,
    field: 'payoutBatches',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
      state: params.filter?.state || undefined,
    }),
  },
  one: { query: `query PayoutBatch($id: ID!) { payoutBatch(id: $id) { ${BATCH_WITH_LINES} } }`, field: 'payoutBatch' },
};

/** Batches in one state (the queue's "waiting for approval" at the top of the list). */
export const batchesInState = async (state: PayoutBatchState, signal?: AbortSignal) =>
  (
    await gql<{ payoutBatches: { items: PayoutBatch[]; total: number } }>(
      `query PayoutBatchesInState($state: PayoutBatchState) { payoutBatches(state: $state, perPage: 200) { items { ${BATCH_FIELDS} } total } }`,
      { state },
      { signal },
    )
  ).payoutBatches;

export const payoutsDue = async (book: Country, payoutDate: string | undefined, signal?: AbortSignal) =>
  (
    await gql<{ payoutsDue: PayoutsDue }>(
      `query PayoutsDue($book: Country!, $payoutDate: String) { payoutsDue(book: $book, payoutDate: $payoutDate) {
        payoutDate included { ${DUE_FIELDS} } held { ${DUE_FIELDS} }
        refunds { refundId kind clientId payeeName amount reference recordedOn held holds { code en sv nb } } } }`,
      { book, payoutDate },
      { signal },
    )
  ).payoutsDue;

export const preparePayoutBatch = async (book: Country, payoutDate: string | undefined) =>
  (
    await worded(
      gql<{ preparePayoutBatch: PayoutBatch }>(
      `mutation PreparePayoutBatch($book: Country!, $payoutDate: String) { preparePayoutBatch(book: $book, payoutDate: $payoutDate) { ${BATCH_FIELDS} } }`,
      { book, payoutDate },
    ))
  ).preparePayoutBatch;

/** Four eyes: the version the approver looked at goes along; a batch changed since is refused. */
export const approvePayoutBatch = async (id: string, expectedVersion: number) =>
  (
    await worded(
      gql<{ approvePayoutBatch: PayoutBatch }>(
      `mutation ApprovePayoutBatch($id: ID!, $expectedVersion: Int!) { approvePayoutBatch(id: $id, expectedVersion: $expectedVersion) { ${BATCH_FIELDS} } }`,
      { id, expectedVersion },
    ))
  ).approvePayoutBatch;

export const cancelPayoutBatch = async (id: string, reason: string) =>
  (
    await worded(
      gql<{ cancelPayoutBatch: PayoutBatch }>(
      `mutation CancelPayoutBatch($id: ID!, $reason: String!) { cancelPayoutBatch(id: $id, reason: $reason) { ${BATCH_FIELDS} } }`,
      { id, reason },
    ))
  ).cancelPayoutBatch;

/** The bank file (pain.001), made once: asking again returns the same bytes. */
export const exportPayoutBatch = async (id: string) =>
  (
    await worded(
      gql<{ exportPayoutBatch: PayoutFile }>(
      `mutation ExportPayoutBatch($id: ID!) { exportPayoutBatch(id: $id) { fileName sha256 contentBase64 } }`,
      { id },
    ))
  ).exportPayoutBatch;

export const markPayoutBatchSent = async (id: string) =>
  (
    await worded(
      gql<{ markPayoutBatchSent: PayoutBatch }>(
      `mutation MarkPayoutBatchSent($id: ID!) { markPayoutBatchSent(id: $id) { ${BATCH_FIELDS} } }`,
      { id },
    ))
  ).markPayoutBatchSent;

/** The bank's pain.002 as XML text; the report names its batch itself. */
export const importPaymentStatusReport = async (content: string) =>
  (
    await worded(
      gql<{ importPaymentStatusReport: StatusReportResult }>(
      `mutation ImportPaymentStatusReport($content: String!) { importPaymentStatusReport(content: $content) { batchId state accepted rejected alreadyImported } }`,
      { content },
    ))
  ).importPaymentStatusReport;
