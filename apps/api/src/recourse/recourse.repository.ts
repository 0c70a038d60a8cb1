import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { RecourseInvoicesArgs, RecourseInvoiceType } from './dto/recourse.types';
import { RecourseError } from './recourse-errors';

const COLUMNS = `r.id, r.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", r.client_id AS "clientId", c.legal_name AS "clientName",
  coalesce(d.name, i.debtor->>'name') AS "debtorName", r.dispute_id AS "disputeId", r.cause, r.country, r.currency, r.amount::text, r.paid_amount::text AS "paidAmount",
  r.issue_date::text AS "issueDate", r.due_date::text AS "dueDate", r.reference, r.status, r.created_at AS "createdAt", r.version,
  (r.status = 'OPEN' AND r.due_date < $1::date) AS overdue, greatest(0, $1::date - r.issue_date) AS "ageDays",
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

  async one(id: string, today: string): Promise<RecourseInvoiceType> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE r.id = $2`, [today, id]);
    if (!row) throw new NotFoundError(RecourseError.RECOURSE_INVOICE_NOT_FOUND, `No recourse invoice has the id ${id}.`);
    return row;
  }
}
