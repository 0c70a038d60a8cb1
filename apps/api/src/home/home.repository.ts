import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BUSINESS_TIME_ZONES } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { OPEN_PRINCIPAL } from '../collection/reminders.repository';

/** One queue's counts as SQL returns them (the buckets in QueueAgeBucket's order). */
export interface QueueCountsRow {
  key: string;
  count: number;
  oldest_since: Date | null;
  overdue: number;
  due_today: number;
  claimed_by_me: number;
  waiting_for_client: number;
  buckets: number[];
}

export interface DecisionDayRow {
  day: string;
  outcomes: Array<{ outcome: string; count: number }>;
}

/** Every outcome credit_decision allows, in the chart's order. */
export const DECISION_OUTCOMES = ['APPROVE', 'DENY', 'MANUAL_ASSESSMENT', 'SPOT_CHECK', 'ASK_CLIENT'] as const;

/**
 * The age buckets of the queue-age chart, as one SQL expression per bucket over `since`
 * (when the item entered its queue) and $1 (the moment counted): under 4 hours, 4 to 24,
 * 1 to 3 days, 3 to 7 days, over a week.
 */
const BUCKETS = (since: string, counted = '*') => {
  const age = `$1::timestamptz - ${since}`;
  return `ARRAY[
    count(${counted}) FILTER (WHERE ${age} < interval '4 hours'),
    count(${counted}) FILTER (WHERE ${age} >= interval '4 hours' AND ${age} < interval '24 hours'),
    count(${counted}) FILTER (WHERE ${age} >= interval '24 hours' AND ${age} < interval '3 days'),
    count(${counted}) FILTER (WHERE ${age} >= interval '3 days' AND ${age} < interval '7 days'),
    count(${counted}) FILTER (WHERE ${age} >= interval '7 days')
  ]::int[]`;
};

/** The calendar day of an instant in a country's business time zone ($2 Sweden, $3 Norway). */
const LOCAL_DAY = (instant: string, country: string) => `(${instant} AT TIME ZONE CASE ${country} WHEN 'NO' THEN $3 ELSE $2 END)::date`;

/**
 * The home page's counts, each over the whole queue in one statement (never over a page of
 * rows): how many, the oldest, past the promise, due later today, held by the caller, and the
 * ages. `now` is a parameter, so one home is counted at one moment.
 */
@Injectable()
export class HomeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private zones(now: Date) {
    return [now, BUSINESS_TIME_ZONES.SE, BUSINESS_TIME_ZONES.NO];
  }

  /** Manual assessments and spot checks not closed (waiting for the client included, its clock stopped). */
  async creditReviewQueues(now: Date, me: string): Promise<QueueCountsRow[]> {
    return this.db.query(
      `SELECT k.kind AS key,
              count(r.id)::int AS count,
              min(r.opened_at) AS oldest_since,
              count(r.id) FILTER (WHERE r.state = 'OPEN' AND r.due_at < $1)::int AS overdue,
              count(r.id) FILTER (WHERE r.state = 'OPEN' AND r.due_at >= $1 AND ${LOCAL_DAY('r.due_at', 'i.country')} = ${LOCAL_DAY('$1::timestamptz', 'i.country')})::int AS due_today,
              count(r.id) FILTER (WHERE r.claimed_by = $4)::int AS claimed_by_me,
              count(r.id) FILTER (WHERE r.state = 'WAITING_FOR_CLIENT')::int AS waiting_for_client,
              ${BUCKETS('r.opened_at', 'r.id')} AS buckets
         FROM (VALUES ('MANUAL_ASSESSMENT'), ('SPOT_CHECK')) AS k(kind)
         LEFT JOIN credit_review r ON r.kind = k.kind AND r.state <> 'CLOSED'
         LEFT JOIN invoice i ON i.id = r.invoice_id
        GROUP BY k.kind`,
      [...this.zones(now), me],
    );
  }

  /** Pending applications: the promise is an answer by the end of `answer_due_on` in the applicant's country. */
  async clientApplicationQueue(now: Date, me: string): Promise<QueueCountsRow> {
    const [row] = await this.db.query(
      `SELECT 'CLIENT_APPLICATIONS' AS key,
              count(*)::int AS count,
              min(a.submitted_at) AS oldest_since,
              count(*) FILTER (WHERE a.answer_due_on < ${LOCAL_DAY('$1::timestamptz', 'c.country')})::int AS overdue,
              count(*) FILTER (WHERE a.answer_due_on = ${LOCAL_DAY('$1::timestamptz', 'c.country')})::int AS due_today,
              count(*) FILTER (WHERE a.claimed_by = $4)::int AS claimed_by_me,
              0 AS waiting_for_client,
              ${BUCKETS('a.submitted_at')} AS buckets
         FROM client_application a JOIN client c ON c.id = a.client_id
        WHERE a.state = 'PENDING'`,
      [...this.zones(now), me],
    );
    return row;
  }

  /**
   * Batches waiting for a second person's approval (PREPARED), and approved ones whose file has
   * not yet gone to the bank (APPROVED, EXPORTED). The promise is the batch's payout day.
   */
  async payoutBatchQueues(now: Date): Promise<QueueCountsRow[]> {
    return this.db.query(
      `SELECT q.key,
              count(b.id)::int AS count,
              min(b.since) AS oldest_since,
              count(b.id) FILTER (WHERE b.payout_date < ${LOCAL_DAY('$1::timestamptz', 'b.book')})::int AS overdue,
              count(b.id) FILTER (WHERE b.payout_date = ${LOCAL_DAY('$1::timestamptz', 'b.book')})::int AS due_today,
              0 AS claimed_by_me,
              0 AS waiting_for_client,
              ${BUCKETS('b.since', 'b.id')} AS buckets
         FROM (VALUES ('PAYOUT_BATCHES_TO_APPROVE', ARRAY['PREPARED']), ('PAYOUT_BATCHES_TO_SEND', ARRAY['APPROVED','EXPORTED'])) AS q(key, states)
         LEFT JOIN LATERAL (
           SELECT id, book, payout_date, CASE WHEN state = 'PREPARED' THEN prepared_at ELSE coalesce(approved_at, prepared_at) END AS since
             FROM payout_batch WHERE state = ANY(q.states)
         ) b ON true
        GROUP BY q.key`,
      this.zones(now),
    );
  }

  /**
   * Finance's unmatched payments (issue 14 s.6): incoming payments with something left that no
   * invoice took, waiting since they arrived; no promised time, so none is overdue or due today.
   */
  async unmatchedPaymentQueue(now: Date, me: string): Promise<QueueCountsRow> {
    const [row] = await this.db.query(
      `SELECT 'UNMATCHED_PAYMENTS' AS key,
              count(e.id)::int AS count,
              min(e.created_at) AS oldest_since,
              0 AS overdue,
              0 AS due_today,
              count(e.id) FILTER (WHERE e.claimed_by = $2)::int AS claimed_by_me,
              0 AS waiting_for_client,
              ${BUCKETS('e.created_at', 'e.id')} AS buckets
         FROM bank_entry e
        WHERE e.kind = 'NOTIFIED' AND e.state = 'UNMATCHED' AND e.created_at <= $1`,
      [now, me],
    );
    return row;
  }

  /**
   * Collection's queues (issue 15): open disputes (the promise is the next step's day), overdue
   * invoices (the promise is the handoff once collection-ready) and open recourse invoices (the
   * promise is their due day), each in its country's business day.
   */
  async collectionQueues(now: Date, me: string): Promise<QueueCountsRow[]> {
    return this.db.query(
      `SELECT q.key,
              count(x.id)::int AS count,
              min(x.since) AS oldest_since,
              count(x.id) FILTER (WHERE x.due < ${LOCAL_DAY('$1::timestamptz', 'x.country')})::int AS overdue,
              count(x.id) FILTER (WHERE x.due = ${LOCAL_DAY('$1::timestamptz', 'x.country')})::int AS due_today,
              count(x.id) FILTER (WHERE x.claimed_by = $4)::int AS claimed_by_me,
              0 AS waiting_for_client,
              ${BUCKETS('x.since', 'x.id')} AS buckets
         FROM (VALUES ('DISPUTES'), ('OVERDUE_INVOICES'), ('RECOURSE_INVOICES')) AS q(key)
         LEFT JOIN LATERAL (
           SELECT d.id, d.registered_at AS since, d.next_step_due AS due, i.country, d.claimed_by FROM dispute d JOIN invoice i ON i.id = d.invoice_id
            WHERE q.key = 'DISPUTES' AND d.state = 'OPEN'
           UNION ALL
           SELECT r.id, r.created_at, r.due_date, r.country, r.claimed_by FROM recourse_invoice r WHERE q.key = 'RECOURSE_INVOICES' AND r.status = 'OPEN'
           UNION ALL
           -- Bought invoices past due with principal owed (issue 15 s.8): waiting since the day after the due date;
           -- the promise is the handoff of those the follow-up marked collection-ready.
           SELECT i.id, ((i.due_date + 1)::timestamp AT TIME ZONE CASE i.country WHEN 'NO' THEN $3 ELSE $2 END),
                  (SELECT s.taken_on FROM collection_step s WHERE s.invoice_id = i.id AND s.step = 'COLLECTION'), i.country, NULL::uuid
             FROM invoice i
            WHERE q.key = 'OVERDUE_INVOICES' AND i.status = 'PURCHASED' AND i.due_date < ${LOCAL_DAY('$1::timestamptz', 'i.country')} AND ${OPEN_PRINCIPAL('i')} > 0
         ) x ON true
        GROUP BY q.key`,
      [...this.zones(now), me],
    );
  }

  /**
   * The other queues of finance and collection, each as its own page lists it (issue 11 s.2):
   * - COLLECTION_CASES: the handoff list's active cases (not paid, written off or closed),
   *   waiting since opened, claimed one by one; no promised time;
   * - WRITE_OFFS_TO_APPROVE: write-offs proposed by collection, for finance (four eyes),
   *   waiting since proposed; no promised time;
   * - REFUNDS_DUE: refunds and repayments no live payout line pays yet (a rejected or returned
   *   one is due again), waiting since recorded; the promise is the next payout batch, so one
   *   is past it when a batch of its book was prepared after it was recorded (held, or returned);
   * - FAILED_DELIVERIES: flagged deliveries, waiting since flagged (the list's order); no promise;
   * - PRINT_BATCH: letters waiting to be printed (in a batch not yet marked printed or in none);
   *   the promise is the letter's print day in its country.
   */
  async workQueues(now: Date, me: string): Promise<QueueCountsRow[]> {
    return this.db.query(
      `SELECT q.key,
              count(x.id)::int AS count,
              min(x.since) AS oldest_since,
              count(x.id) FILTER (WHERE coalesce(x.late, x.due < ${LOCAL_DAY('$1::timestamptz', 'x.country')}))::int AS overdue,
              count(x.id) FILTER (WHERE x.due = ${LOCAL_DAY('$1::timestamptz', 'x.country')})::int AS due_today,
              count(x.id) FILTER (WHERE x.claimed_by = $4)::int AS claimed_by_me,
              0 AS waiting_for_client,
              ${BUCKETS('x.since', 'x.id')} AS buckets
         FROM (VALUES ('COLLECTION_CASES'), ('WRITE_OFFS_TO_APPROVE'), ('REFUNDS_DUE'), ('FAILED_DELIVERIES'), ('PRINT_BATCH')) AS q(key)
         LEFT JOIN LATERAL (
           SELECT c.id, c.opened_at AS since, NULL::date AS due, c.country, c.claimed_by, NULL::boolean AS late FROM collection_case c
            WHERE q.key = 'COLLECTION_CASES' AND c.state NOT IN ('PAID','WRITTEN_OFF','CLOSED')
           UNION ALL
           SELECT c.id, c.write_off_proposed_at, NULL::date, c.country, NULL::uuid, NULL::boolean FROM collection_case c
            WHERE q.key = 'WRITE_OFFS_TO_APPROVE' AND c.state = 'WRITE_OFF_PROPOSED'
           UNION ALL
           SELECT r.id, r.created_at, NULL::date, r.book, NULL::uuid,
                  EXISTS (SELECT 1 FROM payout_batch b WHERE b.book = r.book AND b.state <> 'CANCELLED' AND b.prepared_at > r.created_at AND b.prepared_at <= $1)
             FROM payout_refund r
            WHERE q.key = 'REFUNDS_DUE' AND NOT EXISTS (SELECT 1 FROM payout_line l WHERE l.refund_id = r.id AND l.state IN ('INCLUDED','SETTLED'))
           UNION ALL
           SELECT d.id, d.updated_at, NULL::date, i.country, NULL::uuid, NULL::boolean FROM document_delivery d JOIN invoice i ON i.id = d.invoice_id
            WHERE q.key = 'FAILED_DELIVERIES' AND d.flagged
           UNION ALL
           SELECT d.id, d.created_at, d.print_day, i.country, NULL::uuid, NULL::boolean FROM document_delivery d JOIN invoice i ON i.id = d.invoice_id
            WHERE q.key = 'PRINT_BATCH' AND d.channel = 'POST' AND d.status = 'AWAITING_PRINT'
         ) x ON true
        GROUP BY q.key`,
      [...this.zones(now), me],
    );
  }

  /**
   * Credit decisions of the last 30 days (today included) per day and outcome, every day and
   * outcome present; the day is Stockholm's (Oslo's is the same all year).
   */
  async decisionsPerDay(now: Date): Promise<DecisionDayRow[]> {
    return this.db.query(
      `WITH days AS (
         SELECT d::date AS day FROM generate_series(($1::timestamptz AT TIME ZONE $2)::date - 29, ($1::timestamptz AT TIME ZONE $2)::date, interval '1 day') AS d
       ), outcomes AS (
         SELECT outcome, ord FROM unnest($3::text[]) WITH ORDINALITY AS o(outcome, ord)
       ), counted AS (
         SELECT (decided_at AT TIME ZONE $2)::date AS day, outcome, count(*)::int AS n
           FROM credit_decision
          WHERE decided_at >= ((($1::timestamptz AT TIME ZONE $2)::date - 29)::timestamp AT TIME ZONE $2) AND decided_at <= $1
          GROUP BY 1, 2
       )
       SELECT days.day::text AS day,
              json_agg(json_build_object('outcome', o.outcome, 'count', coalesce(c.n, 0)) ORDER BY o.ord) AS outcomes
         FROM days CROSS JOIN outcomes o
         LEFT JOIN counted c ON c.day = days.day AND c.outcome = o.outcome
        GROUP BY days.day
        ORDER BY days.day`,
      [now, BUSINESS_TIME_ZONES.SE, DECISION_OUTCOMES],
    );
  }
}
