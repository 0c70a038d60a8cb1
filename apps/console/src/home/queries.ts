import { gql } from '../graphql';
import type { Country, Role } from '../types';

/*
 * The home page's one GraphQL document (apps/api/src/home/home.resolver.ts and
 * dto/home.types.ts). Every figure is counted by the server over the whole queue; the
 * console only lays them out (it never sums a page of rows).
 */

export const HOME_QUEUE_KEYS = ['CLIENT_APPLICATIONS', 'MANUAL_ASSESSMENT', 'SPOT_CHECKS', 'PAYOUT_BATCHES_TO_APPROVE', 'PAYOUT_BATCHES_TO_SEND', 'DISPUTES', 'OVERDUE_INVOICES', 'RECOURSE_INVOICES', 'UNMATCHED_PAYMENTS', 'COLLECTION_CASES', 'WRITE_OFFS_TO_APPROVE', 'REFUNDS_DUE', 'FAILED_DELIVERIES', 'PRINT_BATCH'] as const;
export type HomeQueueKey = (typeof HOME_QUEUE_KEYS)[number];

export const QUEUE_AGE_BUCKETS = ['UNDER_4_HOURS', 'FROM_4_TO_24_HOURS', 'FROM_1_TO_3_DAYS', 'FROM_3_TO_7_DAYS', 'OVER_7_DAYS'] as const;
export type QueueAgeBucket = (typeof QUEUE_AGE_BUCKETS)[number];

export const DECISION_OUTCOMES = ['APPROVE', 'DENY', 'MANUAL_ASSESSMENT', 'SPOT_CHECK', 'ASK_CLIENT'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface HomeQueue {
  key: HomeQueueKey;
  role: Role;
  count: number;
  oldestSince: string | null;
  oldestAgeHours: number | null;
  overdue: number;
  dueToday: number;
  /** Null for a queue without claims (payout batches). */
  claimedByMe: number | null;
  waitingForClient: number;
  ageBuckets: Array<{ bucket: QueueAgeBucket; count: number }>;
}

export interface HomeSection {
  role: Role;
  queues: HomeQueue[];
}

export interface HomePayoutsDue {
  book: Country;
  currency: string;
  payoutDate: string;
  count: number;
  total: string;
  late: number;
  held: number;
  heldTotal: string;
}

export interface HomeDecisionDay {
  day: string;
  outcomes: Array<{ outcome: DecisionOutcome; count: number }>;
}

/** The latest daily check of exposure against the books (finance): the debtors that differ, none when all agree. */
export interface HomeExposureCheck {
  runOn: string;
  differenceCount: number;
  differences: Array<{ debtorId: string; exposure: string; receivables: string }>;
}

export interface Home {
  countedAt: string;
  sections: HomeSection[];
  payoutsDue: HomePayoutsDue[];
  exposureCheck: HomeExposureCheck | null;
  decisionsPerDay: HomeDecisionDay[];
}

export const HOME_QUERY = `query Home { home {
  countedAt
  sections { role queues { key role count oldestSince oldestAgeHours overdue dueToday claimedByMe waitingForClient ageBuckets { bucket count } } }
  payoutsDue { book currency payoutDate count total late held heldTotal }
  exposureCheck { runOn differenceCount differences { debtorId exposure receivables } }
  decisionsPerDay { day outcomes { outcome count } }
} }`;

export const fetchHome = async (signal?: AbortSignal): Promise<Home> => (await gql<{ home: Home }>(HOME_QUERY, {}, { signal })).home;
