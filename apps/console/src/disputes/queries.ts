import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';
import type { Country } from '../types';

/*
 * The disputes' GraphQL documents (apps/api/src/disputes/disputes.resolver.ts and dto/dispute.types.ts).
 * The queue and a case's page go through the data provider (`disputeQueries`); the actions are called from here.
 */

export const DISPUTE_STATES = ['OPEN', 'WITHDRAWN', 'CREDITED', 'RECOURSE'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export const DISPUTE_CHANNELS = ['PHONE', 'EMAIL', 'LETTER'] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];
export type DisputeEnding = 'WITHDRAW' | 'CREDIT' | 'RECOURSE';

export interface Dispute {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorId: string | null;
  debtorName: string;
  country: Country;
  state: DisputeState;
  channel: DisputeChannel;
  amount: string;
  currency: string;
  reason: string;
  nextStep: string;
  nextStepDue: string;
  overdue: boolean;
  ageDays: number;
  registeredAt: string;
  registeredBy: { id: string; name: string };
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
  resolutionNote: string | null;
  creditedAmount: string | null;
  recourseInvoiceId: string | null;
  claimedBy: { id: string; name: string } | null;
  version: number;
}

const STAFF_REF = `{ id name }`;
export const DISPUTE_FIELDS = `id invoiceId invoiceNumber clientId clientName debtorId debtorName country state channel amount currency reason
  nextStep nextStepDue overdue ageDays registeredAt registeredBy ${STAFF_REF} resolvedAt resolvedBy ${STAFF_REF} resolutionNote
  creditedAmount recourseInvoiceId claimedBy ${STAFF_REF} version`;

export const disputeQueries = {
  list: {
    query: `query Disputes($page: Int, $perPage: Int, $state: DisputeState, $invoiceId: ID) {
      disputes(page: $page, perPage: $perPage, state: $state, invoiceId: $invoiceId) { items { ${DISPUTE_FIELDS} } total }
    }`,
    field: 'disputes',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
      state: params.filter?.state || undefined,
      invoiceId: params.filter?.invoiceId || undefined,
    }),
  },
  one: { query: `query Dispute($id: ID!) { dispute(id: $id) { ${DISPUTE_FIELDS} } }`, field: 'dispute' },
};

export interface RegisterDisputeForm {
  invoiceId: string;
  channel: DisputeChannel;
  amount: string;
  reason: string;
  nextStep: string;
  nextStepDue: string;
}

export const registerDispute = async (input: RegisterDisputeForm) =>
  (await gql<{ registerDispute: Dispute }>(`mutation RegisterDispute($input: RegisterDisputeInput!) { registerDispute(input: $input) { ${DISPUTE_FIELDS} } }`, { input }))
    .registerDispute;

export const claimDispute = async (id: string) =>
  (await gql<{ claimDispute: Dispute }>(`mutation ClaimDispute($id: ID!) { claimDispute(id: $id) { ${DISPUTE_FIELDS} } }`, { id })).claimDispute;

export const releaseDispute = async (id: string) =>
  (await gql<{ releaseDispute: Dispute }>(`mutation ReleaseDispute($id: ID!) { releaseDispute(id: $id) { ${DISPUTE_FIELDS} } }`, { id })).releaseDispute;

export interface ResolveDisputeForm {
  id: string;
  ending: DisputeEnding;
  note: string;
  expectedVersion: number;
  creditNumber?: string;
  creditedAmount?: string;
}

export const resolveDispute = async (args: ResolveDisputeForm) =>
  (
    await gql<{ resolveDispute: Dispute }>(
      `mutation ResolveDispute($id: ID!, $ending: DisputeEnding!, $note: String!, $expectedVersion: Int!, $creditNumber: String, $creditedAmount: Decimal) {
        resolveDispute(id: $id, ending: $ending, note: $note, expectedVersion: $expectedVersion, creditNumber: $creditNumber, creditedAmount: $creditedAmount) { ${DISPUTE_FIELDS} } }`,
      { ...args },
    )
  ).resolveDispute;

/** The disputes of one invoice (the invoice page). */
export const disputesOfInvoice = async (invoiceId: string, signal?: AbortSignal) =>
  (
    await gql<{ open: { items: Dispute[] } }>(
      `query InvoiceDisputes($invoiceId: ID) { open: disputes(invoiceId: $invoiceId, state: OPEN) { items { ${DISPUTE_FIELDS} } } }`,
      { invoiceId },
      { signal },
    )
  ).open.items;
