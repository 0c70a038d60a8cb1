import { Injectable } from '@nestjs/common';
import {
  CLIENT_STATUS_OF,
  ConflictError,
  InvoiceActorKind,
  InvoiceEvent,
  InvoiceStatus,
  invoiceTransition,
  nextInvoiceStatus,
  NotFoundError,
} from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { TimelineActor } from '../audit/timeline.service';
import { requestInvoiceDeliveries } from '../delivery/delivery-requests';
import { requestPaymentReceipts } from '../delivery/payment-receipt-requests';
import { InvoiceBooks } from '../ledger/invoice-books';
import { InvoiceError } from './invoice-errors';

export const INVOICE = 'INVOICE';

/** Who causes a step: the client (its key), the system (rules, workers), or a member of staff in a role. */
export interface InvoiceActor {
  kind: InvoiceActorKind;
  id?: string | null;
  name?: string | null;
}

export const SYSTEM_ACTOR: InvoiceActor = { kind: 'SYSTEM' };
export const clientActor = (clientId: string): InvoiceActor => ({ kind: 'CLIENT', id: clientId });
export const analystActor = (staff: { id: string; name: string }): InvoiceActor => ({ kind: 'CREDIT_ANALYST', id: staff.id, name: staff.name });

export interface InvoiceStep {
  /** For staff reading the timeline: what happened and why, in a sentence. */
  note?: string | null;
  /**
   * Words a person typed (an analyst's note, the client's message or question), kept as written in
   * details.typed; the console shows the rest of the step from `event` and `details` in the reader's language.
   */
  typed?: string | null;
  /** Structured facts for the timeline (reason codes, figures): staff-only. */
  details?: Record<string, unknown>;
  /**
   * What the client's event carries besides the invoice number and its status: only what a client may
   * see. Kept on the timeline step too (details.forClient), where the client's timeline reads it.
   */
  clientPayload?: Record<string, unknown>;
  /** Columns that change together with the status (offer terms, acceptance, credited amount, ...). */
  set?: Record<string, unknown>;
  /** The version the person looked at: a change since then is a CONFLICT. */
  expectedVersion?: number;
}

export interface InvoiceAfterStep {
  id: string;
  clientId: string;
  invoiceNumber: string;
  from: InvoiceStatus | null;
  status: InvoiceStatus;
  version: number;
}

/** An invoice row the caller holds FOR UPDATE in this transaction. */
export interface LockedInvoice {
  id: string;
  client_id: string;
  invoice_number: string;
  status: InvoiceStatus;
  version: number;
}

const COLUMN = /^[a-z_]+$/;

/**
 * The one door through which an invoice's status changes (issue 9). It checks the step
 * against libs/domain's lifecycle, writes the status with a version check, the timeline step
 * and the client's event, all in the caller's transaction; the database refuses any status
 * change the lifecycle does not allow, so nothing can go around it.
 */
@Injectable()
export class InvoiceLifecycle {
  constructor(private readonly books: InvoiceBooks) {}

  /** A new invoice (an attempt to sell it), created in the state the submission's event leads to. */
  async create(tx: EntityManager, event: InvoiceEvent, actor: InvoiceActor, columns: Record<string, unknown>, step: InvoiceStep = {}): Promise<InvoiceAfterStep> {
    const status = nextInvoiceStatus(null, event, actor.kind);
    const names = Object.keys(columns);
    assertColumns(names);
    const params: unknown[] = [...names.map((n) => columns[n]), status];
    const writes = this.stepWrites(params, { event, actor, step, from: null, status, invoiceNumber: String(columns.invoice_number) });
    const [row] = await tx.query(
      `WITH changed AS (INSERT INTO invoice (${names.join(', ')}, status) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, $${names.length + 1})
                        RETURNING id, client_id, invoice_number, version)${writes}
       SELECT id, client_id, invoice_number, version FROM changed`,
      params,
    );
    const after = { id: row.id, clientId: row.client_id, invoiceNumber: row.invoice_number, from: null, status, version: row.version };
    await this.book(tx, after, event, step);
    return after;
  }

  /**
   * Applies `event` to the invoice, or throws CONFLICT when its state, the actor or its version
   * does not allow it. Pass the row when the caller has just locked it (saves a round trip);
   * otherwise the invoice is locked here. The UPDATE's version check holds either way.
   */
  async transition(tx: EntityManager, invoice: string | LockedInvoice, event: InvoiceEvent, actor: InvoiceActor, step: InvoiceStep = {}): Promise<InvoiceAfterStep> {
    const invoiceId = typeof invoice === 'string' ? invoice : invoice.id;
    const [current]: LockedInvoice[] =
      typeof invoice === 'string' ? await tx.query(`SELECT id, client_id, invoice_number, status, version FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]) : [invoice];
    if (!current) throw new NotFoundError(InvoiceError.INVOICE_NOT_FOUND, `No invoice has the id ${invoiceId}.`);
    if (step.expectedVersion !== undefined && step.expectedVersion !== current.version) {
      throw new ConflictError(InvoiceError.INVOICE_CHANGED, `Someone changed this invoice since you opened it (version ${step.expectedVersion}, now ${current.version}). Reload and try again.`, {
        currentVersion: current.version,
      });
    }
    const status = nextInvoiceStatus(current.status, event, actor.kind);
    const set = step.set ?? {};
    const names = Object.keys(set);
    assertColumns(names);
    const params: unknown[] = [invoiceId, status, current.version, ...names.map((n) => set[n])];
    const assignments = names.map((n, i) => `${n} = $${i + 4}, `).join('');
    const writes = this.stepWrites(params, { event, actor, step, from: current.status, status, invoiceNumber: current.invoice_number });
    // The status, the timeline step and the client's event in one statement: one round trip, one version check.
    const [row] = await tx.query(
      `WITH changed AS (UPDATE invoice SET status = $2, ${assignments}updated_at = now(), version = version + 1
                         WHERE id = $1 AND version = $3 RETURNING id, client_id, version)${writes}
       SELECT version FROM changed`,
      params,
    );
    if (!row) throw new ConflictError(InvoiceError.INVOICE_CHANGED, 'Someone changed this invoice at the same moment. Reload and try again.');
    const after = { id: invoiceId, clientId: current.client_id, invoiceNumber: current.invoice_number, from: current.status, status, version: row.version };
    await this.book(tx, after, event, step);
    return after;
  }

  /**
   * The same step for many invoices the caller holds FOR UPDATE (a bank file making thousands
   * fully paid, issue 14): the lifecycle's check per invoice, then the statuses, the timeline
   * steps and the clients' events in a few statements per thousands. Only for steps that book
   * nothing (the booking is the caller's, set-based too); any invoice changed since it was read
   * is a CONFLICT and nothing of the call stands (the caller's transaction rolls back).
   */
  async transitionMany(tx: EntityManager, items: Array<{ invoice: LockedInvoice; step?: InvoiceStep }>, event: InvoiceEvent, actor: InvoiceActor): Promise<InvoiceAfterStep[]> {
    const transition = invoiceTransition(event);
    if (transition.books) throw new Error(`transitionMany does not book: use transition for ${event}`);
    const who = timelineActor(actor);
    const after: InvoiceAfterStep[] = [];
    for (let start = 0; start < items.length; start += 5000) {
      const chunk = items.slice(start, start + 5000).map(({ invoice, step = {} }) => ({ invoice, step, status: nextInvoiceStatus(invoice.status, event, actor.kind) }));
      const changed = await tx.query(
        `WITH changed AS (UPDATE invoice i SET status = u.status, updated_at = now(), version = i.version + 1
                            FROM unnest($1::uuid[], $2::int[], $3::text[]) AS u(id, version, status) WHERE i.id = u.id AND i.version = u.version
                          RETURNING i.id, i.version)
         SELECT id::text, version FROM changed`,
        [chunk.map((c) => c.invoice.id), chunk.map((c) => c.invoice.version), chunk.map((c) => c.status)],
      );
      if (changed.length !== chunk.length) throw new ConflictError(InvoiceError.INVOICE_CHANGED, 'Someone changed one of these invoices at the same moment. Try again.');
      const versions = new Map<string, number>(changed.map((r: { id: string; version: number }) => [r.id, r.version]));
      await tx.query(
        `INSERT INTO timeline_event (entity_type, entity_id, actor_type, actor_id, actor_name, from_state, to_state, reason, details)
         SELECT $1, u.id, $2, $3::uuid, $4, u.from_state, u.to_state, u.reason, u.details FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[]) AS u(id, from_state, to_state, reason, details)`,
        [
          INVOICE,
          who.type,
          who.id ?? null,
          who.name ?? null,
          chunk.map((c) => c.invoice.id),
          chunk.map((c) => c.invoice.status),
          chunk.map((c) => c.status),
          chunk.map((c) => c.step.note ?? transition.clientText?.en ?? event),
          chunk.map((c) =>
            JSON.stringify({ event, clientVisible: transition.clientText !== null, ...c.step.details, ...(c.step.typed ? { typed: c.step.typed } : {}), forClient: c.step.clientPayload ?? {} }),
          ),
        ],
      );
      if (transition.topic) {
        await tx.query(
          `INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload)
           SELECT u.client_id, $1, 'INVOICE', u.id, u.payload FROM unnest($2::uuid[], $3::uuid[], $4::jsonb[]) AS u(client_id, id, payload)`,
          [
            transition.topic,
            chunk.map((c) => c.invoice.client_id),
            chunk.map((c) => c.invoice.id),
            chunk.map((c) => JSON.stringify({ invoiceNumber: c.invoice.invoice_number, status: CLIENT_STATUS_OF[c.status], step: event, ...c.step.clientPayload })),
          ],
        );
      }
      for (const c of chunk) {
        after.push({ id: c.invoice.id, clientId: c.invoice.client_id, invoiceNumber: c.invoice.invoice_number, from: c.invoice.status, status: c.status, version: versions.get(c.invoice.id)! });
      }
      if (event === 'PAID_IN_FULL') await requestPaymentReceipts(tx, chunk.map((c) => c.invoice.id));
    }
    return after;
  }

  /** The step's journal entry, in its transaction (issue 12); a credit note books only once the invoice is bought. */
  private async book(tx: EntityManager, after: InvoiceAfterStep, event: InvoiceEvent, step: InvoiceStep): Promise<void> {
    const { books } = invoiceTransition(event);
    if (books === 'PURCHASE') {
      await this.books.purchase(tx, after.id);
      // The sold invoice goes to the debtor (and the receipt to the client) once bought: asked for here, sent by the delivery worker (issue 13 s.3).
      await requestInvoiceDeliveries(tx, after.id);
    }
    // Fully paid: the client's payment receipt, asked for in the same transaction (issue 14 s.4), sent by the delivery worker.
    if (event === 'PAID_IN_FULL') await requestPaymentReceipts(tx, [after.id]);
    if (books === 'CREDIT_NOTE' && after.from === 'PURCHASED') {
      await this.books.creditNote(tx, after.id, String(step.details?.creditNumber), String(step.details?.amount));
    }
  }

  /** The timeline step and the client's event, written from the `changed` row in the same statement. */
  private stepWrites(
    params: unknown[],
    s: { event: InvoiceEvent; actor: InvoiceActor; step: InvoiceStep; from: InvoiceStatus | null; status: InvoiceStatus; invoiceNumber: string },
  ): string {
    const transition = invoiceTransition(s.event);
    const p = (value: unknown) => `$${params.push(value)}`;
    const who = timelineActor(s.actor);
    const timeline = `,
      step AS (INSERT INTO timeline_event (entity_type, entity_id, actor_type, actor_id, actor_name, from_state, to_state, reason, details)
               SELECT ${p(INVOICE)}, id, ${p(who.type)}, ${p(who.id ?? null)}::uuid, ${p(who.name ?? null)}, ${p(s.from ?? 'SUBMITTED')}, ${p(s.status)}, ${p(
                 s.step.note ?? transition.clientText?.en ?? s.event,
               )},
                      ${p(JSON.stringify({ event: s.event, clientVisible: transition.clientText !== null, ...s.step.details, ...(s.step.typed ? { typed: s.step.typed } : {}), forClient: s.step.clientPayload ?? {} }))}::jsonb FROM changed)`;
    if (!transition.topic) return timeline;
    // The event names the step; the client's timeline shows its words from the lifecycle table, never the note.
    const payload = { invoiceNumber: s.invoiceNumber, status: CLIENT_STATUS_OF[s.status], step: s.event, ...s.step.clientPayload };
    return `${timeline},
      event AS (INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload)
                SELECT client_id, ${p(transition.topic)}, 'INVOICE', id, ${p(JSON.stringify(payload))}::jsonb FROM changed)`;
  }
}

function timelineActor(actor: InvoiceActor): TimelineActor {
  return { type: actor.kind === 'CREDIT_ANALYST' ? 'STAFF' : actor.kind, id: actor.id ?? null, name: actor.name ?? null };
}

function assertColumns(names: string[]): void {
  for (const name of names) if (!COLUMN.test(name) || name === 'status' || name === 'version') throw new Error(`The lifecycle does not set column ${name}`);
}
