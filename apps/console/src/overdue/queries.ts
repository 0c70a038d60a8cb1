import type { GetListParams } from 'react-admin';
import { gql } from '../graphql';
import type { Country } from '../types';

/* The collection queue's GraphQL documents (apps/api/src/collection/collection.resolver.ts and dto/overdue.types.ts). */

export const AGE_BUCKETS = ['CURRENT', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export type CollectionStep = 'REMINDER' | 'SECOND_REMINDER' | 'COLLECTION_WARNING' | 'COLLECTION';
export type NextStep = CollectionStep | 'HANDOFF' | 'HELD_DISPUTED' | 'WITH_COLLECTION';

export interface OverdueInvoice {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorName: string;
  country: Country;
  currency: string;
  dueDate: string;
  daysOverdue: number;
  ageBucket: AgeBucket;
  openPrincipal: string;
  openFees: string;
  openInterest: string;
  openTotal: string;
  lastStep: CollectionStep | null;
  lastStepOn: string | null;
  nextStep: NextStep | null;
  nextStepOn: string | null;
  disputed: boolean;
  /** The open collection case working the invoice, if any: the follow-up sends no more letters. */
  collectionCaseId: string | null;
  /** The client's approvals its agreement asks for (issue 15 s.2, s.5): waiting since when, or the answer. */
  clientApprovals: Array<{ kind: 'LATE_INTEREST_INVOICE' | 'COLLECTION_HANDOFF'; state: 'ASKED' | 'APPROVED' | 'DECLINED'; askedOn: string; answeredBy: 'CLIENT' | 'STAFF' | null }>;
}

export interface AgingBucket {
  bucket: AgeBucket;
  currency: string;
  count: number;
  amount: string;
}

const FIELDS = `invoiceId invoiceNumber clientId clientName debtorName country currency dueDate daysOverdue ageBucket
  openPrincipal openFees openInterest openTotal lastStep lastStepOn nextStep nextStepOn disputed collectionCaseId clientApprovals { kind state askedOn answeredBy }`;

export const overdueInvoiceQueries = {
  list: {
    query: `query OverdueInvoices($page: Int, $perPage: Int, $bucket: OverdueAgeBucket, $country: Country) {
      overdueInvoices(page: $page, perPage: $perPage, bucket: $bucket, country: $country) { items { ${FIELDS} } total }
    }`,
    field: 'overdueInvoices',
    variables: (params: GetListParams) => ({
      page: Math.max(0, (params.pagination?.page ?? 1) - 1),
      perPage: params.pagination?.perPage ?? 25,
      bucket: params.filter?.bucket || undefined,
      country: params.filter?.country || undefined,
    }),
    // One row per invoice: the invoice's id is the row's.
    idOf: (row: Record<string, unknown>) => String(row.invoiceId),
  },
};

export const overdueAging = async () =>
  (await gql<{ overdueAging: { today: string; buckets: AgingBucket[] } }>(`query OverdueAging { overdueAging { today buckets { bucket currency count amount } } }`, {})).overdueAging;
