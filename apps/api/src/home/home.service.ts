import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { Country } from '../common/dto/common.types';
import { ExposureCheck } from '../payments/exposure-check';
import { PayoutsService } from '../payouts/payouts.service';
import { HomePayoutsDueType, HomeQueueKey, HomeQueueType, HomeSectionType, HomeType, QueueAgeBucket } from './dto/home.types';
import { HomeRepository, QueueCountsRow } from './home.repository';

/** The roles with work of their own on the home, in the menu's order; an admin sees them all. */
const WORKING_ROLES = [Role.CREDIT_ANALYST, Role.COLLECTION, Role.FINANCE] as const;
const BUCKETS = Object.values(QueueAgeBucket);
const BOOKS = [Country.SE, Country.NO] as const;
const CURRENCY = { SE: 'SEK', NO: 'NOK' } as const;

/**
 * What needs doing, per role (issue 11, s.2): each queue counted whole by the database, what
 * finance pays out on its next file day, and the credit decisions of the last 30 days.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly repository: HomeRepository,
    private readonly payouts: PayoutsService,
    private readonly exposureCheck: ExposureCheck,
  ) {}

  async home(me: StaffPrincipal, now = new Date()): Promise<HomeType> {
    const roles = WORKING_ROLES.filter((role) => me.roles.includes(role) || me.roles.includes(Role.ADMIN));
    const sees = (role: Role) => roles.includes(role as (typeof WORKING_ROLES)[number]);
    const [analyst, finance, payoutsDue, decisionsPerDay, collection, exposureCheck, work] = await Promise.all([
      sees(Role.CREDIT_ANALYST) ? this.analystQueues(now, me.id) : [],
      sees(Role.FINANCE) ? this.financeQueues(now, me.id) : [],
      sees(Role.FINANCE) ? this.payoutsDue() : [],
      sees(Role.CREDIT_ANALYST) ? this.repository.decisionsPerDay(now) : [],
      sees(Role.COLLECTION) ? this.repository.collectionQueues(now, me.id) : [],
      sees(Role.FINANCE) ? this.exposureCheck.latest() : null,
      sees(Role.FINANCE) || sees(Role.COLLECTION) ? this.repository.workQueues(now, me.id) : [],
    ]);
    // Finance's and collection's other queues (collection cases, write-offs, refunds, deliveries, post), one statement for both.
    const counted = (role: Role, keys: HomeQueueKey[], claims: (key: HomeQueueKey) => boolean) =>
      keys.flatMap((key) => {
        const row = work.find((r) => r.key === key);
        return row ? [toQueue(key, role, row, now, claims(key))] : [];
      });
    const queues: Record<(typeof WORKING_ROLES)[number], HomeQueueType[]> = {
      [Role.CREDIT_ANALYST]: analyst,
      // Collection's disputes, overdue invoices and recourse invoices (issue 15), and its cases handed to collection (claimed one by one).
      [Role.COLLECTION]: [
        ...[HomeQueueKey.DISPUTES, HomeQueueKey.OVERDUE_INVOICES, HomeQueueKey.RECOURSE_INVOICES].flatMap((key) => {
          const row = collection.find((r) => r.key === key);
          return row ? [toQueue(key, Role.COLLECTION, row, now, true)] : [];
        }),
        ...counted(Role.COLLECTION, [HomeQueueKey.COLLECTION_CASES], () => true),
      ],
      // Finance's batches and unmatched payments, then refunds due, write-offs to approve, failed deliveries and the post (none claimed).
      [Role.FINANCE]: [
        ...finance,
        ...counted(Role.FINANCE, [HomeQueueKey.REFUNDS_DUE, HomeQueueKey.WRITE_OFFS_TO_APPROVE, HomeQueueKey.FAILED_DELIVERIES, HomeQueueKey.PRINT_BATCH], () => false),
      ],
    };
    const sections: HomeSectionType[] = roles.map((role) => ({ role, queues: queues[role] }));
    return {
      countedAt: now,
      sections,
      payoutsDue,
      exposureCheck,
      decisionsPerDay: decisionsPerDay.map((day) => ({
        day: day.day,
        outcomes: day.outcomes.map((o) => ({ outcome: o.outcome as HomeType['decisionsPerDay'][number]['outcomes'][number]['outcome'], count: o.count })),
      })),
    };
  }

  private async analystQueues(now: Date, me: string): Promise<HomeQueueType[]> {
    const [applications, reviews] = await Promise.all([this.repository.clientApplicationQueue(now, me), this.repository.creditReviewQueues(now, me)]);
    const review = (kind: string) => reviews.find((row) => row.key === kind)!;
    return [
      toQueue(HomeQueueKey.CLIENT_APPLICATIONS, Role.CREDIT_ANALYST, applications, now, true),
      toQueue(HomeQueueKey.MANUAL_ASSESSMENT, Role.CREDIT_ANALYST, review('MANUAL_ASSESSMENT'), now, true),
      toQueue(HomeQueueKey.SPOT_CHECKS, Role.CREDIT_ANALYST, review('SPOT_CHECK'), now, true),
    ];
  }

  private async financeQueues(now: Date, me: string): Promise<HomeQueueType[]> {
    const [rows, unmatched] = await Promise.all([this.repository.payoutBatchQueues(now), this.repository.unmatchedPaymentQueue(now, me)]);
    const row = (key: HomeQueueKey) => rows.find((r) => r.key === key)!;
    // Batches have no claims: whoever of finance looks first takes them. Unmatched payments are claimed one by one.
    return [
      ...[HomeQueueKey.PAYOUT_BATCHES_TO_APPROVE, HomeQueueKey.PAYOUT_BATCHES_TO_SEND].map((key) => toQueue(key, Role.FINANCE, row(key), now, false)),
      toQueue(HomeQueueKey.UNMATCHED_PAYMENTS, Role.FINANCE, unmatched, now, true),
    ];
  }

  /**
   * Each book's next payout day, as the payout page shows it: the same split into what goes in
   * a batch and what is held (the holds are rules, kept in one place), summed here in decimals.
   */
  private async payoutsDue(): Promise<HomePayoutsDueType[]> {
    return Promise.all(
      BOOKS.map(async (book) => {
        const { payoutDay, included, held } = await this.payouts.dueAndHeld(book);
        const sum = (rows: Array<{ amount: string }>) => rows.reduce((total, row) => total.plus(row.amount), new Decimal(0)).toFixed(2);
        return {
          book,
          currency: CURRENCY[book],
          payoutDate: payoutDay,
          count: included.length,
          total: sum(included),
          late: included.filter((row) => row.planned_payout_date < payoutDay).length,
          held: held.length,
          heldTotal: sum(held),
        };
      }),
    );
  }
}

function toQueue(key: HomeQueueKey, role: Role, row: QueueCountsRow, now: Date, claims: boolean): HomeQueueType {
  const oldest = row.oldest_since ? new Date(row.oldest_since) : null;
  return {
    key,
    role,
    count: row.count,
    oldestSince: oldest,
    oldestAgeHours: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 3_600_000)) : null,
    overdue: row.overdue,
    dueToday: row.due_today,
    claimedByMe: claims ? row.claimed_by_me : null,
    waitingForClient: row.waiting_for_client,
    ageBuckets: BUCKETS.map((bucket, index) => ({ bucket, count: row.buckets[index] ?? 0 })),
  };
}
