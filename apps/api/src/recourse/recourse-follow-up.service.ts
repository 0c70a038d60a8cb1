import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CountryCode, DomainError, LocalDate } from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { insertDelivery } from '../delivery/delivery-requests';
import { Exposure } from '../exposure/exposure.service';
import { InvoiceLifecycle, SYSTEM_ACTOR } from '../invoices/invoice-lifecycle';
import { OutboxService } from '../outbox/outbox.service';
import { RECOURSE_REMINDER_DOCUMENT } from './documents/recourse-reminder.template';
import { RECOURSE_INVOICE, RecourseInvoices, recourseTermsOf } from './recourse-invoices';
import { RecourseStanding, RECOURSE_SYSTEM, recourseInvoiceLate } from './recourse-standing';
import { RecourseRepository } from './recourse.repository';

export interface RecourseRun {
  country: CountryCode;
  today: string;
  /** Invoices bought back today (recourse invoices issued), with whether the day had been missed. */
  boughtBack: Array<{ invoiceId: string; recourseInvoiceId: string; amount: string; fellDueOn: string; caughtUp: boolean }>;
  reminded: string[];
  blocked: string[];
  /** Clients whose overdue-recourse block was lifted because nothing is late any more (paid by a set-off against a payout, say). */
  lifted: string[];
  failed: Array<{ id: string; code: string; message: string }>;
}

/**
 * Recourse's part of the daily follow-up (issue 15 s.3, seed 000), run by the same scheduler
 * right after the reminders (collection's FollowUpProcessor), each item in its own transaction:
 *
 * - an invoice bought WITH recourse and still owing principal the agreement's days (30) after
 *   its due date is bought back: a recourse invoice of what the factor expects from the debtor,
 *   its entry (the claim moves from the debtor to the client), the invoice to RECOURSE through
 *   its lifecycle, the debtor-side exposure released. A day missed is caught up once, dated
 *   today, remembering the day it fell due; the invoice's status (and a unique index) make a
 *   second run act on nothing;
 * - an open recourse invoice that is late (past its due date, moved to a bank day) is reminded
 *   once: a letter to the client (the RECOURSE_INVOICE_REMINDER document, delivered by the
 *   delivery worker to the client's e-mail, else by post, asked for through the job outbox),
 *   the client's event and its timeline, and its client is blocked with the reason
 *   OVERDUE_RECOURSE_INVOICE through the client's state machine (open offers and queued
 *   decisions stop). Paying lifts that reason only (RecoursePayments at once; a set-off
 *   against a payout at the next run).
 */
@Injectable()
export class RecourseFollowUp {
  private readonly log = new Logger(RecourseFollowUp.name);

  constructor(
    private readonly repository: RecourseRepository,
    private readonly uow: UnitOfWork,
    private readonly recourse: RecourseInvoices,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly exposure: Exposure,
    private readonly standing: RecourseStanding,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(country: CountryCode): Promise<RecourseRun> {
    const today = this.clock.today(country).toString();
    const result: RecourseRun = { country, today, boughtBack: [], reminded: [], blocked: [], lifted: [], failed: [] };
    for (const id of await this.repository.dueForRecourse(country, today)) {
      await this.guarded(result, id, async (tx) => {
        const done = await this.buyBack(tx, id, today);
        if (done) result.boughtBack.push(done);
      });
    }
    for (const clientId of await this.repository.clientsWithOpenPastDue(country, today)) {
      await this.guarded(result, clientId, async (tx) => {
        const { reminded, blocked } = await this.followUpClient(tx, clientId, today);
        result.reminded.push(...reminded);
        if (blocked) result.blocked.push(clientId);
      });
    }
    // A recourse invoice paid other than through a bank file (a set-off against a payout) lifts its block here, on the next run at the latest.
    for (const clientId of await this.repository.clientsBlockedForRecourse(country)) {
      await this.guarded(result, clientId, async (tx) => {
        if (await this.standing.liftIfPaid(tx, clientId, today)) result.lifted.push(clientId);
      });
    }
    return result;
  }

  /** One invoice's recourse for `today`, in the caller's transaction; null when nothing is (any longer) due. Locks: client, invoice. */
  async buyBack(tx: EntityManager, invoiceId: string, today: string): Promise<RecourseRun['boughtBack'][number] | null> {
    const [peek] = await tx.query(`SELECT client_id FROM invoice WHERE id = $1`, [invoiceId]);
    if (!peek) return null;
    await this.standing.lockClient(tx, peek.client_id);
    const [invoice] = await tx.query(
      `SELECT id, client_id, debtor_id, country, currency, invoice_number, status, version, recourse_mode, open_dispute_id, due_date::text,
              recourse_amount::text, (payable - credited_amount - recourse_amount - paid_amount - paid_to_client_amount)::text AS open
         FROM invoice WHERE id = $1 FOR UPDATE`,
      [invoiceId],
    );
    if (!invoice || invoice.status !== 'PURCHASED' || invoice.recourse_mode !== 'WITH_RECOURSE' || invoice.open_dispute_id) return null;
    const open = new Decimal(invoice.open);
    if (open.lte(0)) return null;
    const terms = await recourseTermsOf(tx, invoice.client_id, today);
    const fellDueOn = LocalDate.parse(invoice.due_date, 'dueDate').plusDays(terms.recourseAfterDays).toString();
    if (fellDueOn > today) return null;
    const amount = open.toFixed(2);
    const made = await this.recourse.create(tx, { invoice, cause: 'UNPAID', disputeId: null, amount, actor: RECOURSE_SYSTEM, fellDueOn });
    const caughtUp = fellDueOn < today;
    await this.lifecycle.transition(tx, invoice, 'BOUGHT_BACK', SYSTEM_ACTOR, {
      note: `Unpaid ${terms.recourseAfterDays} days after the due date: bought back by recourse invoice ${made.reference} of ${amount} ${invoice.currency}${caughtUp ? ` (caught up: fell due ${fellDueOn})` : ''}`,
      details: { step: 'RECOURSE_UNPAID', amount, recourseInvoiceId: made.id, recourseAfterDays: terms.recourseAfterDays, fellDueOn, caughtUp, dueDate: made.dueDate },
      set: { recourse_amount: new Decimal(invoice.recourse_amount).plus(open).toFixed(2) },
      clientPayload: { amount, currency: invoice.currency, cause: 'UNPAID', recourseInvoice: { reference: made.reference, amount, dueDate: made.dueDate } },
    });
    // The risk is the client's now (000): the debtor's limit is free again for this amount.
    await this.exposure.release(tx, invoice, amount);
    return { invoiceId, recourseInvoiceId: made.id, amount, fellDueOn, caughtUp };
  }

  /** Reminds the client of each late recourse invoice once, and blocks it for them once. Locks: client, its recourse invoices. */
  async followUpClient(tx: EntityManager, clientId: string, today: string): Promise<{ reminded: string[]; blocked: boolean }> {
    const client = await this.standing.lockClient(tx, clientId);
    if (!client) return { reminded: [], blocked: false };
    const open: Array<{ id: string; reference: string; country: CountryCode; currency: string; amount: string; paid_amount: string; due_date: string; reminded_on: string | null; invoice_id: string }> =
      await tx.query(
        `SELECT id, reference, country, currency, amount::text, paid_amount::text, due_date::text, reminded_on::text, invoice_id
           FROM recourse_invoice WHERE client_id = $1 AND status = 'OPEN' ORDER BY due_date, id FOR UPDATE`,
        [clientId],
      );
    const reminded: string[] = [];
    const [{ email }] = await tx.query(`SELECT nullif(btrim(contact->>'email'), '') AS email FROM client WHERE id = $1`, [clientId]);
    for (const r of open) {
      if (r.reminded_on || !recourseInvoiceLate(r.country, r.due_date, today)) continue;
      const left = new Decimal(r.amount).minus(r.paid_amount).toFixed(2);
      await tx.query(`UPDATE recourse_invoice SET reminded_on = $2, version = version + 1 WHERE id = $1`, [r.id, today]);
      await this.timeline.record(tx, {
        entityType: RECOURSE_INVOICE,
        entityId: r.id,
        actor: RECOURSE_SYSTEM,
        fromState: 'OPEN',
        toState: 'OPEN',
        reason: `Reminder: ${left} ${r.currency} was due on ${r.due_date}`,
        details: { step: 'RECOURSE_INVOICE_REMINDED', dueDate: r.due_date, open: { amount: left }, currency: r.currency },
      });
      await this.outbox.write(tx, {
        clientId,
        topic: 'recourse_invoice.reminder',
        subjectType: 'INVOICE',
        subjectId: r.invoice_id,
        payload: {
          recourseInvoiceId: r.id,
          reference: r.reference,
          amount: r.amount,
          open: left,
          currency: r.currency,
          dueDate: r.due_date,
          on: today,
          text: {
            en: 'Your recourse invoice is overdue: pay it now. You cannot sell invoices until it is paid.',
            sv: 'Er regressfaktura är förfallen: betala den nu. Ni kan inte sälja fakturor förrän den är betald.',
            nb: 'Regressfakturaen deres er forfalt: betal den nå. Dere kan ikke selge fakturaer før den er betalt.',
          },
        },
      });
      // The reminder is a letter to the client (issue 15 s.3), asked for in this transaction (the delivery and its job in the
      // outbox): by e-mail to the client's address, else by post. No fee on it, unlike a debtor's reminder: between the factor and
      // its client only the agreement's charges apply, and the client's agreement (client_agreement: the purchase fee's percent,
      // fixed part and minimum, and the recourse terms) has no reminder fee for a recourse invoice; so nothing is booked, nothing
      // hooks its sending (LetterOutcomes is for letters that cost something).
      const asked = await insertDelivery(tx, {
        invoiceId: r.invoice_id,
        clientId,
        documentKind: RECOURSE_REMINDER_DOCUMENT,
        recipient: 'CLIENT',
        channel: email ? 'EMAIL' : 'POST',
        address: email ?? null,
        // Its own letter: an invoice bought back twice (a credit note's amount, then the unpaid rest) has two recourse invoices.
        recourseInvoiceId: r.id,
      });
      if (!asked.length) this.log.warn(`Recourse invoice ${r.reference}: its reminder letter was already asked for; none added`);
      reminded.push(r.id);
    }
    const blocked = await this.standing.blockIfLate(tx, client, today);
    return { reminded, blocked };
  }

  private async guarded(result: RecourseRun, id: string, work: (tx: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.uow.transaction(work);
    } catch (error) {
      // One item refused: nothing changed on it; the others go on, and the next run tries it again.
      const code = error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'ERROR';
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`Recourse follow-up of ${id} on ${result.today} refused: ${code} ${message}`);
      result.failed.push({ id, code, message });
    }
  }
}
