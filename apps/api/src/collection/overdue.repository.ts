import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OverdueAgeBucket } from './dto/overdue.types';
import { OPEN_OF_ROLE, OPEN_PRINCIPAL } from './reminders.repository';

export interface OverdueRow {
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  clientName: string;
  debtorName: string;
  country: 'SE' | 'NO';
  currency: string;
  dueDate: string;
  daysOverdue: number;
  ageBucket: OverdueAgeBucket;
  openPrincipal: string;
  openFees: string;
  openInterest: string;
  openTotal: string;
  disputed: boolean;
  collectionCaseId: string | null;
  total: number;
}

export interface TakenStepRow {
  invoiceId: string;
  step: string;
  on: string;
}

/** The day of each country (the clock's, passed in): Stockholm's for SE, Oslo's for NO. */
const TODAY = (country: string) => `(CASE ${country} WHEN 'SE' THEN $1::date ELSE $2::date END)`;

/** The bucket of a number of days past due, in SQL (the chart and the queue use the same). */
const BUCKET = (days: string) =>
  `CASE WHEN ${days} <= 0 THEN 'CURRENT' WHEN ${days} <= 30 THEN 'DAYS_1_30' WHEN ${days} <= 60 THEN 'DAYS_31_60' WHEN ${days} <= 90 THEN 'DAYS_61_90' ELSE 'OVER_90' END`;

const BUCKETS = Object.values(OverdueAgeBucket);
const CURRENCIES = ['SEK', 'NOK'];

/** Bought invoices with principal still owed, with their age past due: the queue's and the chart's rows. */
const OPEN_INVOICES = `
  SELECT i.id, i.client_id, i.country, i.currency, i.invoice_number, i.due_date, i.open_dispute_id, i.debtor_id, i.debtor,
         ${TODAY('i.country')} - i.due_date AS days, ${OPEN_PRINCIPAL('i')} AS principal
    FROM invoice i
   WHERE i.status = 'PURCHASED'`;

/** The collection queue's and the aging chart's reads (issue 15 s.8), counted by the database. */
@Injectable()
export class OverdueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Overdue invoices, the longest overdue first. */
  async page(today: { SE: string; NO: string }, args: { page: number; perPage: number; bucket?: string | null; country?: string | null }): Promise<OverdueRow[]> {
    return this.db.query(
      `WITH o AS (${OPEN_INVOICES} AND i.due_date < ${TODAY('i.country')} AND ($3::text IS NULL OR i.country = $3)),
            q AS (SELECT o.*, ${BUCKET('o.days')} AS bucket FROM o WHERE o.principal > 0)
       SELECT q.id AS "invoiceId", q.invoice_number AS "invoiceNumber", q.client_id AS "clientId", c.legal_name AS "clientName",
              coalesce(d.name, q.debtor->>'name') AS "debtorName", q.country, q.currency, to_char(q.due_date, 'YYYY-MM-DD') AS "dueDate",
              q.days AS "daysOverdue", q.bucket AS "ageBucket", q.principal::text AS "openPrincipal",
              ${OPEN_OF_ROLE('q', 'COLLECTION_FEE_RECEIVABLES')}::text AS "openFees",
              ${OPEN_OF_ROLE('q', 'LATE_INTEREST_RECEIVABLES')}::text AS "openInterest",
              (q.principal + ${OPEN_OF_ROLE('q', 'COLLECTION_FEE_RECEIVABLES')} + ${OPEN_OF_ROLE('q', 'LATE_INTEREST_RECEIVABLES')})::text AS "openTotal",
              (q.open_dispute_id IS NOT NULL) AS disputed,
              -- The follow-up's own test (reminders.repository candidates): a case not closed takes over from the letters.
              (SELECT k.id FROM collection_case k WHERE k.invoice_id = q.id AND k.recourse_invoice_id IS NULL AND k.state <> 'CLOSED' ORDER BY k.opened_at DESC LIMIT 1) AS "collectionCaseId",
              count(*) OVER ()::int AS total
         FROM q JOIN client c ON c.id = q.client_id LEFT JOIN debtor d ON d.id = q.debtor_id
        WHERE ($4::text IS NULL OR q.bucket = $4)
        ORDER BY q.days DESC, q.invoice_number, q.id
        LIMIT $5 OFFSET $6`,
      [today.SE, today.NO, args.country ?? null, args.bucket ?? null, args.perPage, args.page * args.perPage],
    );
  }

  async steps(invoiceIds: string[]): Promise<TakenStepRow[]> {
    if (!invoiceIds.length) return [];
    return this.db.query(
      `SELECT invoice_id AS "invoiceId", step, to_char(taken_on, 'YYYY-MM-DD') AS "on" FROM collection_step WHERE invoice_id = ANY($1::uuid[]) ORDER BY taken_on, created_at`,
      [invoiceIds],
    );
  }

  /** Every bucket of every currency, zeros included: count and principal owed. */
  async aging(today: { SE: string; NO: string }): Promise<Array<{ bucket: OverdueAgeBucket; currency: string; count: number; amount: string }>> {
    return this.db.query(
      `WITH o AS (${OPEN_INVOICES}),
            q AS (SELECT o.currency, ${BUCKET('o.days')} AS bucket, o.principal FROM o WHERE o.principal > 0)
       SELECT b.bucket, cur.currency, count(q.principal)::int AS count, coalesce(sum(q.principal), 0)::numeric(18,2)::text AS amount
         FROM unnest($3::text[]) WITH ORDINALITY AS b(bucket, ord)
        CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS cur(currency, ord)
         LEFT JOIN q ON q.bucket = b.bucket AND q.currency = cur.currency
        GROUP BY b.bucket, b.ord, cur.currency, cur.ord
        ORDER BY cur.ord, b.ord`,
      [today.SE, today.NO, BUCKETS, CURRENCIES],
    );
  }

  /** The home card: how many are overdue, the oldest due date, and how many are ready for collection or disputed. */
  async counts(today: { SE: string; NO: string }): Promise<{ count: number; oldest_due: string | null; collection_ready: number; disputed: number }> {
    const [row] = await this.db.query(
      `WITH o AS (${OPEN_INVOICES} AND i.due_date < ${TODAY('i.country')}), q AS (SELECT * FROM o WHERE principal > 0)
       SELECT count(*)::int AS count, to_char(min(q.due_date), 'YYYY-MM-DD') AS oldest_due,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM collection_step s WHERE s.invoice_id = q.id AND s.step = 'COLLECTION'))::int AS collection_ready,
              count(*) FILTER (WHERE q.open_dispute_id IS NOT NULL)::int AS disputed
         FROM q`,
      [today.SE, today.NO],
    );
    return row;
  }
}
