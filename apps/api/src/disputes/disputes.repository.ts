import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DisputeError } from './dispute-errors';
import { DisputesArgs, DisputeType } from './dto/dispute.types';

const staffRef = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;

const COLUMNS = `x.id, x.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", x.client_id AS "clientId", c.legal_name AS "clientName",
  x.debtor_id AS "debtorId", coalesce(d.name, i.debtor->>'name') AS "debtorName", i.country, x.state, x.channel, x.amount::text, x.currency, x.reason,
  x.next_step AS "nextStep", x.next_step_due::text AS "nextStepDue", (x.state = 'OPEN' AND x.next_step_due < $1::date) AS overdue,
  greatest(0, $1::date - (x.registered_at AT TIME ZONE 'Europe/Stockholm')::date) AS "ageDays",
  x.registered_at AS "registeredAt", ${staffRef('rb')} AS "registeredBy", x.resolved_at AS "resolvedAt", ${staffRef('sb')} AS "resolvedBy",
  x.resolution_note AS "resolutionNote", x.credited_amount::text AS "creditedAmount",
  (SELECT r.id FROM recourse_invoice r WHERE r.dispute_id = x.id) AS "recourseInvoiceId",
  ${staffRef('cb')} AS "claimedBy", x.version`;
const FROM = `FROM dispute x JOIN invoice i ON i.id = x.invoice_id JOIN client c ON c.id = x.client_id LEFT JOIN debtor d ON d.id = x.debtor_id
  JOIN staff_member rb ON rb.id = x.registered_by LEFT JOIN staff_member sb ON sb.id = x.resolved_by LEFT JOIN staff_member cb ON cb.id = x.claimed_by`;

/** The dispute queue's reads: age, amount, client, debtor, next step and when it is due. */
@Injectable()
export class DisputesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Open cases by default, the oldest first (the queue); ended ones newest first. */
  async page(args: DisputesArgs, today: string): Promise<{ items: DisputeType[]; total: number }> {
    const state = args.state ?? 'OPEN';
    const params = [today, state, args.invoiceId ?? null];
    const where = `WHERE x.state = $2 AND ($3::uuid IS NULL OR x.invoice_id = $3) AND $1::date IS NOT NULL`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM dispute x ${where}`, params);
    const order = state === 'OPEN' ? 'x.registered_at, x.id' : 'x.resolved_at DESC, x.id';
    const items = await this.db.query(`SELECT ${COLUMNS} ${FROM} ${where} ORDER BY ${order} LIMIT $4 OFFSET $5`, [...params, args.perPage, args.page * args.perPage]);
    return { items, total };
  }

  async one(id: string, today: string, manager: EntityManager = this.db.manager): Promise<DisputeType> {
    const [row] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE x.id = $2`, [today, id]);
    if (!row) throw new NotFoundError(DisputeError.DISPUTE_NOT_FOUND, `No dispute has the id ${id}.`);
    return row;
  }

  /** Every dispute of an invoice, newest first (the invoice page's section). */
  async ofInvoice(invoiceId: string, today: string): Promise<DisputeType[]> {
    return this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE x.invoice_id = $2 ORDER BY x.registered_at DESC`, [today, invoiceId]);
  }
}
