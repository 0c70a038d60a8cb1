import { Inject, Injectable } from '@nestjs/common';
import {
  checkCreditedAmount,
  checkDisputedAmount,
  clientStepDetails,
  Clock,
  ConflictError,
  CountryCode,
  DISPUTE_REGISTERED_TEXT,
  DISPUTE_TRANSITIONS,
  DisputeEvent,
  DisputeState,
  InvalidValueError,
  InvoiceStatus,
  isClientStep,
  nextDisputeState,
  NotFoundError,
} from '@factoring/domain';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { CLOCK } from '../collection/clock';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { Exposure } from '../exposure/exposure.service';
import { clientActor, INVOICE, InvoiceLifecycle, SYSTEM_ACTOR } from '../invoices/invoice-lifecycle';
import { OutboxService } from '../outbox/outbox.service';
import { RecourseInvoices } from '../recourse/recourse-invoices';
import { DisputeError } from './dispute-errors';
import { DisputesRepository } from './disputes.repository';
import { DisputesArgs, DisputeType, RegisterDisputeInput, ResolveDisputeArgs, UpdateDisputeStepArgs } from './dto/dispute.types';

export const DISPUTE = 'DISPUTE';

const staffActor = (staff: StaffPrincipal): TimelineActor => ({ type: 'STAFF', id: staff.id, name: staff.name });

/** The invoice row a dispute works on, held FOR UPDATE. */
interface DisputedInvoice {
  id: string;
  client_id: string;
  debtor_id: string;
  country: CountryCode;
  currency: string;
  status: InvoiceStatus;
  version: number;
  invoice_number: string;
  payable: string;
  credited_amount: string;
  recourse_amount: string;
  paid_amount: string;
  paid_to_client_amount: string;
  payout: string | null;
  open_dispute_id: string | null;
}

interface DisputeRow {
  id: string;
  invoice_id: string;
  client_id: string;
  state: DisputeState;
  amount: string;
  currency: string;
  claimed_by: string | null;
  version: number;
}

/**
 * Disputes (bestridanden, issue 15 s.4, seed 000). Collection staff register the debtor's
 * dispute of a bought invoice; while it is open the invoice carries `open_dispute_id`, which
 * the reminder engine reads to send no reminders. The case ends through `resolve`, the one
 * seam that applies libs/domain's dispute table: the case's state, the invoice's timeline
 * step, the client's event, the audit row (the unit of work) and any journal entry commit in
 * one transaction. A case that is not withdrawn makes a recourse invoice whatever the
 * invoice's recourse mode (000).
 *
 * Lock order: the client, then the invoice, then the dispute (the credit service and the
 * exposure take the client before the invoice too), so two endings cannot deadlock.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly repository: DisputesRepository,
    private readonly uow: UnitOfWork,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly exposure: Exposure,
    private readonly recourse: RecourseInvoices,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly claims = new WorkQueueClaims<DisputeRow>({
    table: 'dispute',
    codePrefix: 'DISPUTE',
    noun: 'dispute',
    record: (tx, dispute, by, reason, step) =>
      this.timeline.record(tx, { entityType: DISPUTE, entityId: dispute.id, actor: staffActor(by), fromState: 'OPEN', toState: 'OPEN', reason, details: { step } }),
  });

  private today(): string {
    return this.clock.today('SE').toString();
  }

  page(args: DisputesArgs) {
    return this.repository.page(args, this.today());
  }

  one(id: string) {
    return this.repository.one(id, this.today());
  }

  ofInvoice(invoiceId: string) {
    return this.repository.ofInvoice(invoiceId, this.today());
  }

  /**
   * Registers the debtor's dispute of a bought invoice: the case, the invoice's flag, the
   * debtor marked "disputed before" for the credit and eligibility rules, the invoice's
   * timeline step and the client's event, in one transaction.
   */
  async register(input: RegisterDisputeInput, by: StaffPrincipal): Promise<DisputeType> {
    const id = await this.uow.transaction(async (tx) => {
      const invoice = await this.lockInvoice(tx, input.invoiceId);
      if (invoice.status !== 'PURCHASED') {
        throw new ConflictError(DisputeError.DISPUTE_INVOICE_NOT_BOUGHT, `Only a bought invoice that is still open can be disputed; this one is ${invoice.status.toLowerCase().replace('_', ' ')}.`, { status: invoice.status });
      }
      if (invoice.open_dispute_id) {
        throw new ConflictError(DisputeError.DISPUTE_ALREADY_OPEN, 'This invoice already has an open dispute: work that one.', { disputeId: invoice.open_dispute_id });
      }
      const amount = checkDisputedAmount(input.amount, openAmount(invoice).toFixed(2), 'input.amount');
      if (!input.reason.trim()) throw new InvalidValueError(DisputeError.DISPUTE_REASON_EMPTY, 'Say why the debtor disputes the invoice.', 'input.reason');
      if (!input.nextStep.trim()) throw new InvalidValueError(DisputeError.DISPUTE_NEXT_STEP_EMPTY, 'Say what the next step is.', 'input.nextStep');
      const [row] = await tx.query(
        `INSERT INTO dispute (invoice_id, client_id, debtor_id, state, channel, amount, currency, reason, next_step, next_step_due, registered_by, registered_at)
         VALUES ($1, $2, $3, 'OPEN', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [invoice.id, invoice.client_id, invoice.debtor_id, input.channel, amount.toFixed(2), invoice.currency, input.reason, input.nextStep, input.nextStepDue, by.id, this.clock.now()],
      );
      await tx.query(`UPDATE invoice SET open_dispute_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id, row.id]);
      // Seed 000: an invoice the debtor has disputed before may not be sold; the rules read this flag.
      if (invoice.debtor_id) await tx.query(`UPDATE debtor SET has_disputed_before = true, updated_at = now() WHERE id = $1 AND NOT has_disputed_before`, [invoice.debtor_id]);
      await this.timeline.record(tx, { entityType: DISPUTE, entityId: row.id, actor: staffActor(by), toState: 'OPEN', reason: input.reason, details: { step: 'DISPUTE_REGISTERED', typed: input.reason, channel: input.channel, amount: amount.toFixed(2) } });
      await this.invoiceStep(tx, invoice, by, 'DISPUTE_REGISTERED', `Disputed by the debtor (${input.channel.toLowerCase()}): ${amount.toFixed(2)} ${invoice.currency}`, { amount: amount.toFixed(2), typed: input.reason });
      await this.outbox.write(tx, {
        clientId: invoice.client_id,
        topic: 'invoice.disputed',
        subjectType: 'INVOICE',
        subjectId: invoice.id,
        payload: { invoiceNumber: invoice.invoice_number, status: 'SOLD', step: 'DISPUTE_REGISTERED', amount: amount.toFixed(2), currency: invoice.currency, text: DISPUTE_REGISTERED_TEXT },
      });
      return row.id as string;
    });
    return this.repository.one(id, this.today());
  }

  async claim(id: string, by: StaffPrincipal): Promise<DisputeType> {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.lockOpen(tx, id), by));
    return this.one(id);
  }

  async release(id: string, by: StaffPrincipal): Promise<DisputeType> {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.lockOpen(tx, id), by));
    return this.one(id);
  }

  /** Sets the next step and its day (after a call to the debtor, a letter to the client, ...). */
  async updateStep(args: UpdateDisputeStepArgs, by: StaffPrincipal): Promise<DisputeType> {
    await this.uow.transaction(async (tx) => {
      const dispute = await this.lockOpen(tx, args.id);
      await this.claims.assertFreeOrMine(tx, dispute, by);
      assertVersion(dispute, args.expectedVersion);
      await tx.query(`UPDATE dispute SET next_step = $2, next_step_due = $3, version = version + 1 WHERE id = $1`, [dispute.id, args.nextStep, args.nextStepDue]);
      await this.timeline.record(tx, { entityType: DISPUTE, entityId: dispute.id, actor: staffActor(by), fromState: 'OPEN', toState: 'OPEN', reason: args.nextStep, details: { step: 'DISPUTE_NEXT_STEP', typed: args.nextStep, due: args.nextStepDue } });
    });
    return this.one(args.id);
  }

  /**
   * Ends the case (the one seam of the dispute table):
   * - WITHDRAW: the flag is cleared and collection resumes; no money moves, so no entry.
   * - CREDIT: the client's credit note is recorded through the invoice lifecycle (its CREDIT_NOTE
   *   entry, exposure released); after payout the credited amount becomes a recourse invoice
   *   (000), before payout it simply lowers what is paid out.
   * - RECOURSE: a recourse invoice of the disputed amount (its entry moves the claim from the
   *   debtor to the client) and the debtor-side exposure released; if that is all that is open
   *   the invoice goes to RECOURSE through the lifecycle seam, otherwise it stays PURCHASED with
   *   `recourse_amount` recorded.
   */
  async resolve(args: ResolveDisputeArgs, by: StaffPrincipal): Promise<DisputeType> {
    const event: DisputeEvent = args.ending;
    await this.uow.transaction(async (tx) => {
      const [peek] = await tx.query(`SELECT client_id, invoice_id FROM dispute WHERE id = $1`, [args.id]);
      if (!peek) throw new NotFoundError(DisputeError.DISPUTE_NOT_FOUND, `No dispute has the id ${args.id}.`);
      await tx.query(`SELECT 1 FROM client WHERE id = $1 FOR UPDATE`, [peek.client_id]);
      const invoice = await this.lockInvoice(tx, peek.invoice_id);
      const dispute = await this.lockDispute(tx, args.id);
      await this.claims.assertFreeOrMine(tx, dispute, by);
      assertVersion(dispute, args.expectedVersion);
      const state = nextDisputeState(dispute.state, event);
      let credited: Decimal | null = null;
      let recourseInvoiceId: string | null = null;

      if (event === 'WITHDRAW') {
        await tx.query(`UPDATE invoice SET open_dispute_id = NULL, updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id]);
        await this.invoiceStep(tx, invoice, by, 'DISPUTE_WITHDRAWN', 'The debtor withdrew the dispute: collection resumes', { typed: args.note });
      }

      if (event === 'CREDIT') {
        if (!args.creditNumber) throw new InvalidValueError(DisputeError.DISPUTE_CREDIT_NUMBER_REQUIRED, 'Give the number of the client\'s credit note.', 'creditNumber');
        credited = checkCreditedAmount(args.creditedAmount ?? '', dispute.amount);
        const open = openAmount(invoice);
        if (credited.gt(open)) throw new ConflictError(DisputeError.DISPUTE_OPEN_AMOUNT_CHANGED, `Only ${open.toFixed(2)} ${invoice.currency} is still open on the invoice: less than the credit.`, { open: open.toFixed(2) });
        const [used] = await tx.query(`SELECT 1 FROM credit_note WHERE invoice_id = $1 AND credit_number = $2`, [invoice.id, args.creditNumber]);
        if (used) throw new ConflictError(DisputeError.DISPUTE_CREDIT_NUMBER_USED, `Credit note ${args.creditNumber} is already recorded on this invoice.`);
        await tx.query(`INSERT INTO credit_note (invoice_id, credit_number, amount, reason) VALUES ($1, $2, $3, $4)`, [invoice.id, args.creditNumber, credited.toFixed(2), 'Dispute']);
        const paidOut = await this.paidOut(tx, invoice.id);
        const whole = credited.equals(new Decimal(invoice.payable).minus(invoice.credited_amount));
        // The credit note's own step through the invoice's one door (the client's act, recorded by staff); as the client's API does.
        await this.lifecycle.transition(tx, invoice, whole ? 'CREDITED_IN_FULL' : 'CREDITED_IN_PART', clientActor(invoice.client_id), {
          note: `Credit note ${args.creditNumber}: ${credited.toFixed(2)} ${invoice.currency} (dispute, recorded by ${by.name})`,
          details: { creditNumber: args.creditNumber, amount: credited.toFixed(2), currency: invoice.currency },
          set: {
            credited_amount: new Decimal(invoice.credited_amount).plus(credited).toFixed(2),
            open_dispute_id: null,
            ...(paidOut || invoice.payout === null ? {} : { payout: Decimal.max(0, new Decimal(invoice.payout).minus(credited)).toFixed(2) }),
          },
          clientPayload: { creditNumber: args.creditNumber, amount: credited.toFixed(2), whole },
        });
        await this.exposure.release(tx, invoice, credited.toFixed(2));
        if (paidOut) {
          recourseInvoiceId = (await this.recourse.create(tx, { invoice, cause: 'CREDIT_NOTE', disputeId: dispute.id, amount: credited.toFixed(2), actor: staffActor(by) })).id;
        }
      }

      if (event === 'RECOURSE') {
        const amount = new Decimal(dispute.amount);
        const open = openAmount(invoice);
        if (amount.gt(open)) {
          throw new ConflictError(DisputeError.DISPUTE_OPEN_AMOUNT_CHANGED, `Only ${open.toFixed(2)} ${invoice.currency} is still open on the invoice, less than the disputed ${amount.toFixed(2)}: end the case as credited or withdrawn.`, { open: open.toFixed(2) });
        }
        recourseInvoiceId = (await this.recourse.create(tx, { invoice, cause: 'DISPUTE', disputeId: dispute.id, amount: amount.toFixed(2), actor: staffActor(by) })).id;
        const recourseAmount = new Decimal(invoice.recourse_amount).plus(amount).toFixed(2);
        if (amount.equals(open)) {
          // Everything open is bought back: the invoice goes to RECOURSE through its one door (the client reads "Recourse").
          await this.lifecycle.transition(tx, invoice, 'BOUGHT_BACK', SYSTEM_ACTOR, {
            note: `Bought back after a dispute: recourse invoice of ${amount.toFixed(2)} ${invoice.currency} (by ${by.name})`,
            details: { amount: amount.toFixed(2) },
            set: { recourse_amount: recourseAmount, open_dispute_id: null },
            clientPayload: { amount: amount.toFixed(2), currency: invoice.currency, cause: 'DISPUTE' },
          });
        } else {
          await tx.query(`UPDATE invoice SET recourse_amount = $2, open_dispute_id = NULL, updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id, recourseAmount]);
        }
        // The risk of this amount is the client's now (000): the debtor's limit is free again for it.
        await this.exposure.release(tx, invoice, amount.toFixed(2));
      }

      await tx.query(
        `UPDATE dispute SET state = $2, resolved_by = $3, resolved_at = $4, resolution_note = $5, credited_amount = $6, claimed_by = NULL, claimed_at = NULL, version = version + 1 WHERE id = $1`,
        [dispute.id, state, by.id, this.clock.now(), args.note, credited?.toFixed(2) ?? null],
      );
      await this.timeline.record(tx, {
        entityType: DISPUTE,
        entityId: dispute.id,
        actor: staffActor(by),
        fromState: 'OPEN',
        toState: state,
        reason: args.note,
        details: { step: `DISPUTE_${state}`, typed: args.note, creditedAmount: credited?.toFixed(2) ?? null, recourseInvoiceId },
      });
      if (event !== 'WITHDRAW') {
        await this.invoiceStep(tx, invoice, by, `DISPUTE_${state}`, `Dispute ended: ${state.toLowerCase()}`, { typed: args.note, amount: event === 'CREDIT' ? credited!.toFixed(2) : dispute.amount });
      }
      const transition = DISPUTE_TRANSITIONS[event];
      const amount = event === 'CREDIT' ? credited!.toFixed(2) : dispute.amount;
      await this.outbox.write(tx, {
        clientId: invoice.client_id,
        topic: transition.topic,
        subjectType: 'INVOICE',
        subjectId: invoice.id,
        payload: {
          invoiceNumber: invoice.invoice_number,
          step: `DISPUTE_${state}`,
          amount,
          currency: invoice.currency,
          recourseInvoice: recourseInvoiceId ? await this.recourseSummary(tx, recourseInvoiceId) : null,
          text: transition.clientText,
        },
      });
    });
    return this.one(args.id);
  }

  /** Money for the invoice has left for the client (a live payout line): a credit now is owed back by the client. */
  private async paidOut(tx: EntityManager, invoiceId: string): Promise<boolean> {
    const [row] = await tx.query(`SELECT 1 FROM payout_line WHERE invoice_id = $1 AND state IN ('INCLUDED','SETTLED') LIMIT 1`, [invoiceId]);
    return Boolean(row);
  }

  private async recourseSummary(tx: EntityManager, id: string) {
    const [row] = await tx.query(`SELECT amount::text, currency, due_date::text AS "dueDate", reference FROM recourse_invoice WHERE id = $1`, [id]);
    return row;
  }

  /**
   * A step on the invoice's timeline that changes no status (staff's; the client hears of it
   * through its event). Its code is `event` (the console words it); ids stay on the dispute's own timeline.
   */
  private async invoiceStep(tx: EntityManager, invoice: DisputedInvoice, by: StaffPrincipal, step: string, reason: string, details: Record<string, unknown>) {
    await this.timeline.record(tx, {
      entityType: INVOICE,
      entityId: invoice.id,
      actor: staffActor(by),
      fromState: invoice.status,
      toState: invoice.status,
      reason,
      // The client's timeline shows the dispute's steps (issue 15 s.7) with the amount only; its event is written by the caller.
      details: { event: step, step, clientVisible: false, ...details, ...(isClientStep(step) ? clientStepDetails(step, { amount: typeof details.amount === 'string' ? details.amount : null, currency: invoice.currency }) : {}) },
    });
  }

  private async lockInvoice(tx: EntityManager, invoiceId: string): Promise<DisputedInvoice> {
    const [invoice] = await tx.query(
      `SELECT id, client_id, debtor_id, country, currency, status, version, invoice_number, payable::text, credited_amount::text, recourse_amount::text,
              paid_amount::text, paid_to_client_amount::text, payout::text, open_dispute_id
         FROM invoice WHERE id = $1 FOR UPDATE`,
      [invoiceId],
    );
    if (!invoice) throw new NotFoundError(DisputeError.DISPUTE_INVOICE_NOT_FOUND, `No invoice has the id ${invoiceId}.`);
    return invoice;
  }

  private async lockDispute(tx: EntityManager, id: string): Promise<DisputeRow> {
    const [dispute] = await tx.query(`SELECT id, invoice_id, client_id, state, amount::text, currency, claimed_by, version FROM dispute WHERE id = $1 FOR UPDATE`, [id]);
    if (!dispute) throw new NotFoundError(DisputeError.DISPUTE_NOT_FOUND, `No dispute has the id ${id}.`);
    return dispute;
  }

  private async lockOpen(tx: EntityManager, id: string): Promise<DisputeRow> {
    const dispute = await this.lockDispute(tx, id);
    if (dispute.state !== 'OPEN') throw new ConflictError(DisputeError.DISPUTE_STATE_DOES_NOT_ALLOW, `This dispute has already ended (${dispute.state.toLowerCase()}).`, { state: dispute.state });
    return dispute;
  }
}

/**
 * What is still open on the invoice (the payments migration's definition): the payable less credit
 * notes, what has been bought back, and what has been paid (to the factor, or to the client directly).
 */
function openAmount(invoice: Pick<DisputedInvoice, 'payable' | 'credited_amount' | 'recourse_amount' | 'paid_amount' | 'paid_to_client_amount'>): Decimal {
  return new Decimal(invoice.payable).minus(invoice.credited_amount).minus(invoice.recourse_amount).minus(invoice.paid_amount).minus(invoice.paid_to_client_amount);
}

function assertVersion(dispute: DisputeRow, expected: number): void {
  if (dispute.version !== expected) {
    throw new ConflictError(DisputeError.DISPUTE_CHANGED, `Someone changed this dispute since you opened it (version ${expected}, now ${dispute.version}). Reload and try again.`, { currentVersion: dispute.version });
  }
}

