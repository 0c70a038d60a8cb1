import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryType, PrintBatchType } from './dto/delivery.types';

const COLUMNS = `x.id, x.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", x.client_id AS "clientId", c.legal_name AS "clientName",
  x.document_kind AS "documentKind", x.recipient, x.channel, x.address, x.status, x.attempts, x.last_error AS "lastError", x.last_code AS "lastCode",
  x.next_attempt_at AS "nextAttemptAt", x.message_id AS "messageId", x.document_id AS "documentId", x.flagged, x.flag_reason AS "flagReason",
  x.fallback_of AS "fallbackOf", x.print_day::text AS "printDay", x.print_batch_id AS "printBatchId", x.sent_at AS "sentAt",
  x.created_at AS "createdAt", x.updated_at AS "updatedAt", x.version`;
const FROM = `FROM document_delivery x JOIN invoice i ON i.id = x.invoice_id JOIN client c ON c.id = x.client_id`;
const BATCH = `b.id, b.print_day::text AS "printDay", b.sequence, b.file_name AS "fileName", b.sha256, b.page_count AS "pageCount",
  b.delivery_count AS "deliveryCount", b.made_at AS "madeAt", b.printed_at AS "printedAt", s.name AS "printedByName", b.version
  FROM print_batch b LEFT JOIN staff_member s ON s.id = b.printed_by`;

/** The row the worker holds while it sends. */
export interface ClaimedDelivery {
  id: string;
  invoice_id: string;
  client_id: string;
  document_kind: string;
  recipient: string;
  channel: 'EMAIL' | 'PEPPOL' | 'POST';
  address: string | null;
  attempts: number;
  message_id: string;
  document_id: string | null;
  transmission_id: string | null;
  collection_step_id: string | null;
  recourse_invoice_id: string | null;
}

/** A send that started this long ago and never reported is taken to have died with its worker. */
const SENDING_LEASE = `interval '5 minutes'`;

@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Takes the delivery for one attempt: one worker at a time (a second run of the job finds it
   * SENDING, or done). A SENDING row older than the lease lost its worker mid-send and is taken
   * again; the attempt carries the same Message-ID as the one that may have gone out.
   */
  async claim(id: string): Promise<{ claimed: ClaimedDelivery } | { status: string | null }> {
    const [row] = returnedRows<ClaimedDelivery>(await this.db.query(
      `UPDATE document_delivery SET status = 'SENDING', sending_started_at = now(), attempts = attempts + 1, next_attempt_at = NULL, updated_at = now(), version = version + 1
        WHERE id = $1 AND (status IN ('QUEUED','RETRYING') OR (status = 'SENDING' AND sending_started_at < now() - ${SENDING_LEASE}))
        RETURNING id, invoice_id, client_id, document_kind, recipient, channel, address, attempts, message_id, document_id, transmission_id, collection_step_id, recourse_invoice_id`,
      [id],
    ));
    if (row) return { claimed: row };
    const [current] = await this.db.query(`SELECT status FROM document_delivery WHERE id = $1`, [id]);
    return { status: current?.status ?? null };
  }

  async setStatus(tx: EntityManager, id: string, set: Record<string, unknown>): Promise<void> {
    const names = Object.keys(set);
    const assignments = names.map((n, i) => `${n} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE document_delivery SET ${assignments}, updated_at = now(), version = version + 1 WHERE id = $1`, [id, ...names.map((n) => set[n])]);
  }

  /** A step on the invoice's timeline that changes no status, by the system; staff-only (clientVisible false). */
  async timelineStep(tx: EntityManager, invoiceId: string, step: string, reason: string, details: Record<string, unknown>): Promise<void> {
    await tx.query(
      `INSERT INTO timeline_event (entity_type, entity_id, actor_type, actor_id, actor_name, from_state, to_state, reason, details)
       SELECT 'INVOICE', i.id, $2, $3, $4, i.status, i.status, $5, $6::jsonb FROM invoice i WHERE i.id = $1`,
      [invoiceId, details.byStaffId ? 'STAFF' : 'SYSTEM', details.byStaffId ?? null, details.byStaffName ?? null, reason, JSON.stringify({ event: step, step, clientVisible: false, ...details })],
    );
  }

  async one(id: string, manager: EntityManager = this.db.manager): Promise<DeliveryType | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE x.id = $1`, [id]);
    return row ?? null;
  }

  async lockForStaff(tx: EntityManager, id: string): Promise<{ id: string; invoice_id: string; status: string; flagged: boolean; version: number; round: number; channel: string } | null> {
    const [row] = await tx.query(`SELECT id, invoice_id, status, flagged, version, round, channel FROM document_delivery WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  list(filter: { invoiceId?: string; clientId?: string }): Promise<DeliveryType[]> {
    // Rows written in one purchase share created_at: the debtor's letter first, then the client's receipt.
    return this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE ($1::uuid IS NULL OR x.invoice_id = $1) AND ($2::uuid IS NULL OR x.client_id = $2) ORDER BY x.created_at, x.recipient = 'CLIENT', x.id`,
      [filter.invoiceId ?? null, filter.clientId ?? null],
    );
  }

  /** The failed-deliveries queue: flagged rows, the oldest first. */
  async flagged(page: number, perPage: number): Promise<{ items: DeliveryType[]; total: number }> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM document_delivery WHERE flagged`);
    const items = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE x.flagged ORDER BY x.updated_at, x.id LIMIT $1 OFFSET $2`, [perPage, page * perPage]);
    return { items, total };
  }

  waitingForPrint(day: string, manager: EntityManager = this.db.manager, lock = false): Promise<DeliveryType[]> {
    return manager.query(
      `SELECT ${COLUMNS} ${FROM} WHERE x.channel = 'POST' AND x.status = 'AWAITING_PRINT' AND x.print_batch_id IS NULL AND x.print_day = $1::date
        ORDER BY x.created_at, x.id${lock ? ' FOR UPDATE OF x' : ''}`,
      [day],
    );
  }

  batches(day: string): Promise<PrintBatchType[]> {
    return this.db.query(`SELECT ${BATCH} WHERE b.print_day = $1::date ORDER BY b.sequence`, [day]);
  }

  async batch(id: string, manager: EntityManager = this.db.manager): Promise<PrintBatchType | null> {
    const [row] = await manager.query(`SELECT ${BATCH} WHERE b.id = $1`, [id]);
    return row ?? null;
  }

  async batchBytes(id: string): Promise<Buffer | null> {
    const [row] = await this.db.query(`SELECT bytes FROM print_batch WHERE id = $1`, [id]);
    return row?.bytes ?? null;
  }

  async documentBytes(tx: EntityManager, ids: string[]): Promise<Map<string, Buffer>> {
    const rows: Array<{ id: string; bytes: Buffer }> = await tx.query(`SELECT id, bytes FROM document WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => [r.id, r.bytes]));
  }
}

/** The rows of an UPDATE ... RETURNING (TypeORM's PostgreSQL driver answers [rows, count] for an UPDATE). */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
