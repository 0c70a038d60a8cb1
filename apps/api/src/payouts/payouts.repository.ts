import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An invoice bought and due for payout, with what decides whether it is held. */
export interface PayoutCandidateRow {
  invoice_id: string;
  invoice_number: string;
  client_id: string;
  client_name: string;
  client_state: string;
  /** Why the client is blocked (empty when it is not). */
  client_block_reasons: string[];
  amount: string;
  reference: string;
  planned_payout_date: string;
  payee: { kind: string; value: string; display: string };
  agreement_version: number;
  account_changed_on: string | null;
  account_confirmed: boolean;
  attempts: number;
  /** What earlier batches already set off against this payout (amount is what is left of it). */
  set_off_before: string;
}

/** A client's payout as the client sees it (no batch, no staff). */
export interface PayoutReceipt {
  amount: string;
  setOff: string;
  payoutDate: string;
  sent: boolean;
  receivedOn: string | null;
}

const BATCH_SELECT = `
  SELECT b.id, b.book, b.currency, b.payout_date::text AS payout_date, b.state, b.message_id, b.total::text AS total, b.line_count,
         b.prepared_by, p.name AS prepared_by_name, b.prepared_at, b.approved_by, a.name AS approved_by_name, b.approved_at,
         b.cancel_reason, b.version
    FROM payout_batch b JOIN staff_member p ON p.id = b.prepared_by LEFT JOIN staff_member a ON a.id = b.approved_by`;

/** The queries of payouts: what is due, what is held, the batches and their lines. */
@Injectable()
export class PayoutsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  /** The live payout of each invoice (in a batch not cancelled), one query for many. */
  async payoutsOf(invoiceIds: readonly string[]): Promise<Map<string, PayoutReceipt>> {
    const rows: Array<PayoutReceipt & { invoice_id: string }> = await this.db.query(
      `SELECT l.invoice_id, l.amount::text AS amount, l.set_off::text AS "setOff", b.payout_date::text AS "payoutDate",
              b.state IN ('SENT','ACCEPTED','PARTLY_REJECTED','SETTLED') AS sent, l.client_received_on::text AS "receivedOn"
         FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
        WHERE l.invoice_id = ANY($1) AND l.state IN ('INCLUDED','SETTLED')`,
      [invoiceIds],
    );
    return new Map(rows.map(({ invoice_id, ...receipt }) => [invoice_id, receipt]));
  }

  /**
   * Bought invoices of a book due on or before `day` that are not in a live batch line, with
   * the client's payout account and whether it changed lately (against the agreement before).
   */
  async due(country: string, day: string, lock: boolean, manager: EntityManager = this.db.manager): Promise<PayoutCandidateRow[]> {
    return manager.query(
      `SELECT i.id AS invoice_id, i.invoice_number, i.client_id, c.legal_name AS client_name, c.state AS client_state, c.block_reasons AS client_block_reasons, (i.payout - so.before)::text AS amount, so.before::text AS set_off_before,
              i.payment_reference AS reference, i.planned_payout_date::text, ag.payout_account AS payee, ag.version AS agreement_version,
              CASE WHEN prev.payout_account IS DISTINCT FROM ag.payout_account AND prev.version IS NOT NULL
                   THEN (ag.valid_from AT TIME ZONE 'UTC')::date::text END AS account_changed_on,
              EXISTS (SELECT 1 FROM payout_account_confirmation k WHERE k.client_id = i.client_id AND k.agreement_version = ag.version) AS account_confirmed,
              (SELECT count(*)::int FROM payout_line l WHERE l.invoice_id = i.id) AS attempts
         FROM invoice i
         JOIN client c ON c.id = i.client_id
         JOIN LATERAL (SELECT version, payout_account, valid_from FROM client_agreement WHERE client_id = i.client_id ORDER BY version DESC LIMIT 1) ag ON true
         LEFT JOIN LATERAL (SELECT version, payout_account FROM client_agreement WHERE client_id = i.client_id AND version = ag.version - 1) prev ON true
         CROSS JOIN LATERAL (SELECT coalesce(sum(s.amount), 0) AS before FROM payout_set_off s WHERE s.payout_invoice_id = i.id) so
        WHERE i.country = $1 AND i.status = 'PURCHASED' AND i.payout > so.before AND i.planned_payout_date <= $2
          AND NOT EXISTS (SELECT 1 FROM payout_line l WHERE l.invoice_id = i.id AND l.state IN ('INCLUDED','SETTLED'))
        ORDER BY i.planned_payout_date, i.id ${lock ? 'FOR UPDATE OF i' : ''}`,
      [country, day],
    );
  }

  async batches(args: { state?: string; page: number; perPage: number }) {
    const where = args.state ? `WHERE b.state = $1` : `WHERE $1::text IS NULL`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM payout_batch b ${where}`, [args.state ?? null]);
    const items = await this.db.query(`${BATCH_SELECT} ${where} ORDER BY b.payout_date DESC, b.created_at DESC LIMIT ${args.perPage} OFFSET ${args.page * args.perPage}`, [args.state ?? null]);
    return { items, total };
  }

  async batch(id: string, manager: EntityManager = this.db.manager) {
    const [row] = await manager.query(`${BATCH_SELECT} WHERE b.id = $1`, [id]);
    return row;
  }

  async lines(batchId: string) {
    return this.db.query(
      `SELECT l.id, l.invoice_id, i.invoice_number, l.client_id, c.legal_name AS client_name, l.amount::text AS amount, l.reference, l.end_to_end_id,
              l.payee, l.state, l.attempt, l.set_off::text AS set_off, l.client_received_on::text AS client_received_on, l.refund_id, r.kind AS refund_kind,
              coalesce((SELECT json_agg(json_build_object('source', s.source, 'amount', s.amount::text, 'batchId', s.batch_id) ORDER BY s.created_at, s.id)
                          FROM payout_set_off s WHERE s.payout_invoice_id = l.invoice_id), '[]'::json) AS set_offs
         FROM payout_line l LEFT JOIN invoice i ON i.id = l.invoice_id LEFT JOIN client c ON c.id = l.client_id LEFT JOIN payout_refund r ON r.id = l.refund_id
        WHERE l.batch_id = $1 ORDER BY l.refund_id IS NOT NULL, c.legal_name, i.invoice_number, l.end_to_end_id`,
      [batchId],
    );
  }
}
