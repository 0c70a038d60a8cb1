import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';
import type { Country } from '../types';

/*
 * The collection cases' GraphQL documents (apps/api/src/collection-cases/collection-cases.resolver.ts).
 * The queue and a case's page go through the data provider (`collectionCaseQueries`); the actions are called from here.
 */

export const COLLECTION_CASE_STATES = ['OPEN', 'HANDED_OFF', 'PAYMENT_ORDER_APPLIED', 'CONCILIATION_BOARD', 'ENFORCEMENT', 'PAID', 'WRITE_OFF_PROPOSED', 'WRITTEN_OFF', 'CLOSED'] as const;
export type CollectionCaseState = (typeof COLLECTION_CASE_STATES)[number];
export type CollectionEscalation = 'PAYMENT_ORDER' | 'CONCILIATION_BOARD' | 'ENFORCEMENT';
export const AGENCY_ANSWER_KINDS = ['RECEIVED', 'DEBTOR_CONTACTED', 'PAYMENT_PLAN', 'DEBTOR_DISPUTES', 'NO_ASSETS', 'PAID_TO_AGENCY', 'RETURNED', 'OTHER'] as const;
export type AgencyAnswerKind = (typeof AGENCY_ANSWER_KINDS)[number];

export interface CollectionCaseStep {
  id: string;
  step: string;
  onDate: string;
  actorType: string;
  actorName: string;
  note: string | null;
  externalRef: string | null;
  details: string;
  createdAt: string;
}

export interface CollectionCase {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorId: string | null;
  debtorName: string;
  /** A recourse invoice's case: against the client (issue 15 s.3). */
  recourseInvoiceId: string | null;
  recourseReference: string | null;
  country: Country;
  state: CollectionCaseState;
  currency: string;
  claimAsOf: string;
  principal: string;
  fees: string;
  interest: string;
  claim: string;
  interestFrom: string;
  interestRate: string | null;
  approvalNeeded: boolean;
  ageDays: number;
  nextStep: string | null;
  openedAt: string;
  openedBy: { id: string; name: string };
  writeOffProposedBy: { id: string; name: string } | null;
  writeOffReason: string | null;
  writtenOffBy: { id: string; name: string } | null;
  writeOffAmount: string | null;
  agencyFile: string | null;
  claimedBy: { id: string; name: string } | null;
  version: number;
  steps: CollectionCaseStep[];
}

const STAFF_REF = `{ id name }`;
export const COLLECTION_CASE_FIELDS = `id invoiceId invoiceNumber clientId clientName debtorId debtorName recourseInvoiceId recourseReference country state currency claimAsOf principal fees interest claim
  interestFrom interestRate approvalNeeded ageDays nextStep openedAt openedBy ${STAFF_REF} writeOffProposedBy ${STAFF_REF} writeOffReason
  writtenOffBy ${STAFF_REF} writeOffAmount agencyFile claimedBy ${STAFF_REF} version`;
const WITH_STEPS = `${COLLECTION_CASE_FIELDS} steps { id step onDate actorType actorName note externalRef details createdAt }`;

export const collectionCaseQueries = {
  list: {
    query: `query CollectionCases($page: Int, $perPage: Int, $state: CollectionCaseState, $invoiceId: ID) {
      collectionCases(page: $page, perPage: $perPage, state: $state, invoiceId: $invoiceId) { items { ${COLLECTION_CASE_FIELDS} } total }
    }`,
    field: 'collectionCases',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
      state: params.filter?.state || undefined,
      invoiceId: params.filter?.invoiceId || undefined,
    }),
  },
  one: { query: `query CollectionCase($id: ID!) { collectionCase(id: $id) { ${WITH_STEPS} } }`, field: 'collectionCase' },
};

export const handOffToCollection = async (invoiceId: string) =>
  (await gql<{ handOffToCollection: CollectionCase }>(`mutation HandOffToCollection($invoiceId: ID!) { handOffToCollection(invoiceId: $invoiceId) { ${WITH_STEPS} } }`, { invoiceId }))
    .handOffToCollection;

export const claimCollectionCase = async (id: string) =>
  (await gql<{ claimCollectionCase: CollectionCase }>(`mutation ClaimCollectionCase($id: ID!) { claimCollectionCase(id: $id) { ${WITH_STEPS} } }`, { id })).claimCollectionCase;

export const releaseCollectionCase = async (id: string) =>
  (await gql<{ releaseCollectionCase: CollectionCase }>(`mutation ReleaseCollectionCase($id: ID!) { releaseCollectionCase(id: $id) { ${WITH_STEPS} } }`, { id })).releaseCollectionCase;

export const escalateCollectionCase = async (args: { id: string; escalation: CollectionEscalation; note: string; expectedVersion: number }) =>
  (
    await gql<{ escalateCollectionCase: CollectionCase }>(
      `mutation EscalateCollectionCase($id: ID!, $escalation: CollectionEscalation!, $note: String!, $expectedVersion: Int!) {
        escalateCollectionCase(id: $id, escalation: $escalation, note: $note, expectedVersion: $expectedVersion) { ${WITH_STEPS} } }`,
      { ...args },
    )
  ).escalateCollectionCase;

export const recordAgencyAnswer = async (input: { caseId: string; reference: string; kind: AgencyAnswerKind; answeredOn: string; note?: string }) =>
  (await gql<{ agencyAnswer: CollectionCase }>(`mutation AgencyAnswer($input: AgencyAnswerInput!) { agencyAnswer(input: $input) { ${WITH_STEPS} } }`, { input })).agencyAnswer;

export const proposeWriteOff = async (args: { id: string; note: string; expectedVersion: number }) =>
  (await gql<{ proposeWriteOff: CollectionCase }>(`mutation ProposeWriteOff($id: ID!, $note: String!, $expectedVersion: Int!) { proposeWriteOff(id: $id, note: $note, expectedVersion: $expectedVersion) { ${WITH_STEPS} } }`, { ...args }))
    .proposeWriteOff;

export const approveWriteOff = async (args: { id: string; expectedVersion: number }) =>
  (await gql<{ approveWriteOff: CollectionCase }>(`mutation ApproveWriteOff($id: ID!, $expectedVersion: Int!) { approveWriteOff(id: $id, expectedVersion: $expectedVersion) { ${WITH_STEPS} } }`, { ...args }))
    .approveWriteOff;

export const rejectWriteOff = async (args: { id: string; note: string; expectedVersion: number }) =>
  (await gql<{ rejectWriteOff: CollectionCase }>(`mutation RejectWriteOff($id: ID!, $note: String!, $expectedVersion: Int!) { rejectWriteOff(id: $id, note: $note, expectedVersion: $expectedVersion) { ${WITH_STEPS} } }`, { ...args }))
    .rejectWriteOff;
