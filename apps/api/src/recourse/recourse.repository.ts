import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { RecourseInvoicesArgs, RecourseInvoiceType } from './dto/recourse.types';
import { RecourseError } from './recourse-errors';

const COLUMNS = `r.id, r.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", r.client_id AS "clientId", c.legal_name AS "clientName",
  coalesce(d.name, i.debtor->>'name') AS "debtorName", r.dispute_id AS "disputeId", r.cause, r.country, r.currency, r.amount::text, r.paid_amount::text AS "paidAmount",
  r.issue_date::text AS "issueDate", r.due_date::text AS "dueDate", r.reference, r.status, r.created_at AS "createdAt", r.version,
  (r.status = 'OPEN' AND r.due_date < $1::date) AS overdue, greatest(0, $1::date - r.issue_date) AS "ageDays", r.reminded_on::text AS "remindedOn",
  (SELECT k.id FROM collection_case k WHERE k.recourse_invoice_id = r.id AND k.state NOT IN ('PAID','WRITTEN_OFF','CLOSED')) AS "collectionCaseId",
  CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name) END AS "claimedBy"`;
const FROM = `FROM recourse_invoice r JOIN invoice i ON i.id = r.invoice_id JOIN client c ON c.id = r.client_id
  LEFT JOIN debtor d ON d.id = i.debtor_id LEFT JOIN staff_member s ON s.id = r.claimed_by`;

/** The recourse-invoice queue: open ones, the most overdue first. `today` is the business day (the clock's), never the database's. */
@Injectable()
export class RecourseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(args: RecourseInvoicesArgs, today: string): Promise<{ items: RecourseInvoiceType[]; total: number }> {
    const params = [today, args.status ?? 'OPEN', args.invoiceId ?? null];
    const where = `WHERE r.status = $2 AND ($3::uuid IS NULL OR r.invoice_id = $3)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM recourse_invoice r ${where} AND $1::date IS NOT NULL`, params);
    const items = await this.db.query(`SELECT ${COLUMNS} ${FROM} ${where} ORDER BY r.due_date, r.created_at LIMIT $4 OFFSET $5`, [...params, args.perPage, args.page * args.perPage]);
    return { items, total };
  }

  /**
   * Invoices bought with recourse, still owing principal and not disputed, whose agreement's days
   * after the due date (the version in force today; the latest before any) have run out by `today`.
   */
  async dueForRecourse(country: string, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT i.id FROM invoice i
        CROSS JOIN LATERAL (SELECT a.recourse_after_days FROM client_agreement a WHERE a.client_id = i.client_id
                             ORDER BY (a.valid_from::date <= $2::date) DESC, a.version DESC LIMIT 1) t
        WHERE i.country = $1 AND i.status = 'PURCHASED' AND i.recourse_mode = 'WITH_RECOURSE' AND i.open_dispute_id IS NULL
          AND i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount > 0
          AND i.due_date + t.recourse_after_days <= $2::date
        ORDER BY i.due_date, i.id`,
      [country, today],
    );
    return rows.map((r) => r.id);
  }

  /** Clients with an open recourse invoice due before `today` (whether late by bank days is the standing's call). */
  async clientsWithOpenPastDue(country: string, today: string): Promise<string[]> {
    const rows: Array<{ client_id: string }> = await this.db.query(
      `SELECT DISTINCT client_id FROM recourse_invoice WHERE country = $1 AND status = 'OPEN' AND due_date < $2::date ORDER BY client_id`,
      [country, today],
    );
    return rows.map((r) => r.client_id);
  }

  /** Clients of the country blocked for an overdue recourse invoice (the daily run lifts the block when none is late any more). */
  async clientsBlockedForRecourse(country: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM client WHERE country = $1 AND state = 'BLOCKED' AND 'OVERDUE_RECOURSE_INVOICE' = ANY(block_reasons) ORDER BY id`,
      [country],
    );
    return rows.map((r) => r.id);
  }

  async one(id: string, today: string): Promise<RecourseInvoiceType> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE r.id = $2`, [today, id]);
    if (!row) throw new NotFoundError(RecourseError.RECOURSE_INVOICE_NOT_FOUND, `No recourse invoice has the id ${id}.`);
    return row;
  }
}
