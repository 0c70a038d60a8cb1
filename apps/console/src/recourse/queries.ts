import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';
import type { Country } from '../types';

/* The recourse invoices' GraphQL documents (apps/api/src/recourse/recourse.resolver.ts and dto/recourse.types.ts). */

export interface RecourseInvoice {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorName: string;
  disputeId: string | null;
  cause: 'DISPUTE' | 'CREDIT_NOTE' | 'UNPAID';
  country: Country;
  currency: string;
  amount: string;
  paidAmount: string;
  issueDate: string;
  dueDate: string;
  reference: string;
  status: 'OPEN' | 'PAID' | 'CANCELLED';
  overdue: boolean;
  /** The day the client was reminded of it, once late. */
  remindedOn: string | null;
  /** The open collection case collecting it from the client, if any. */
  collectionCaseId: string | null;
  ageDays: number;
  claimedBy: { id: string; name: string } | null;
  createdAt: string;
  version: number;
}

const FIELDS = `id invoiceId invoiceNumber clientId clientName debtorName disputeId cause country currency amount paidAmount issueDate dueDate
  reference status overdue remindedOn collectionCaseId ageDays claimedBy { id name } createdAt version`;

export const recourseInvoiceQueries = {
  list: {
    query: `query RecourseInvoices($page: Int, $perPage: Int, $status: String, $invoiceId: ID) {
      recourseInvoices(page: $page, perPage: $perPage, status: $status, invoiceId: $invoiceId) { items { ${FIELDS} } total }
    }`,
    field: 'recourseInvoices',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
      status: params.filter?.status || undefined,
      invoiceId: params.filter?.invoiceId || undefined,
    }),
  },
  one: { query: `query RecourseInvoice($id: ID!) { recourseInvoice(id: $id) { ${FIELDS} } }`, field: 'recourseInvoice' },
};

export const claimRecourseInvoice = async (id: string) =>
  (await gql<{ claimRecourseInvoice: RecourseInvoice }>(`mutation ClaimRecourseInvoice($id: ID!) { claimRecourseInvoice(id: $id) { ${FIELDS} } }`, { id })).claimRecourseInvoice;

export const releaseRecourseInvoice = async (id: string) =>
  (await gql<{ releaseRecourseInvoice: RecourseInvoice }>(`mutation ReleaseRecourseInvoice($id: ID!) { releaseRecourseInvoice(id: $id) { ${FIELDS} } }`, { id }))
    .releaseRecourseInvoice;

/** Hands a late, reminded recourse invoice to collection (a case against the client); the case's id comes back. */
export const handOffRecourseInvoice = async (recourseInvoiceId: string) =>
  (
    await gql<{ handOffRecourseInvoiceToCollection: { id: string } }>(
      `mutation HandOffRecourseInvoiceToCollection($recourseInvoiceId: ID!) { handOffRecourseInvoiceToCollection(recourseInvoiceId: $recourseInvoiceId) { id } }`,
      { recourseInvoiceId },
    )
  ).handOffRecourseInvoiceToCollection;
