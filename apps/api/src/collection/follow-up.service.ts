import { Inject, Injectable, Logger } from '@nestjs/common';
import { BusinessCalendar, CLIENT_STATUS_OF, ClientStepCode, clientStepDetails, Clock, CountryCode, DomainError, InvoiceStatus, LocalDate } from '@factoring/domain';
import {
  collectionFee,
  collectionFeePostings,
  CollectionFeeKind,
  FeeDecision,
  lateInterest,
  LateInterestResult,
  lateInterestPostings,
  nextCollectionStep,
  NO_COLLECTION_WARNING_DAYS,
  ScheduleDecision,
  ScheduledStep,
} from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { TimelineService } from '../audit/timeline.service';
import { insertDelivery } from '../delivery/delivery-requests';
import { ClientApprovals } from '../client-approvals/client-approvals';
import { ClientApprovalKind } from '../client-approvals/dto/client-approval.types';
import { INVOICE } from '../invoices/invoice-lifecycle';
import { Ledger } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { CLOCK } from './clock';
import { CollectionRatesRepository } from './collection-rates.repository';
import { FollowUpInvoice, PrincipalMovement, RemindersRepository, RoutineRow, StepRow } from './reminders.repository';

/** What one invoice's follow-up did today. */
export type FollowUpOutcome =
  | { invoiceId: string; action: 'ACTED'; step: ScheduledStep; caughtUp: boolean; fee: string | null; interest: string | null; stepId: string }
  | { invoiceId: string; action: 'NONE'; code: string };

export interface FollowUpRun {
  country: CountryCode;
  today: string;
  looked: number;
  acted: number;
  caughtUp: number;
  outcomes: FollowUpOutcome[];
  /** Invoices whose follow-up was refused (e.g. no fee in force that day): nothing changed on them. */
  failed: Array<{ invoiceId: string; code: string; message: string }>;
}

const SYSTEM = { type: 'SYSTEM' as const, name: null };

/** The letters' words for the timeline's reason column (the console reads the step code). */
const MADE_WORDS = 'Letter made, to be sent: ';
const STEP_WORDS: Record<ScheduledStep, string> = {
  REMINDER: 'Reminder sent',
  SECOND_REMINDER: 'Second reminder sent',
  COLLECTION_WARNING: 'Collection warning (inkassovarsel) sent',
  COLLECTION: 'Ready for collection',
};

/** The document a follow-up letter is (collection/documents/payment-reminder.template.ts). */
export const REMINDER_DOCUMENT = 'PAYMENT_REMINDER';

/** A letter made by the follow-up, not yet sent (staff's timeline only: the client hears of it when it is sent). */
const MADE_STEP: Record<Exclude<ScheduledStep, 'COLLECTION'>, string> = {
  REMINDER: 'COLLECTION_REMINDER_MADE',
  SECOND_REMINDER: 'COLLECTION_SECOND_REMINDER_MADE',
  COLLECTION_WARNING: 'COLLECTION_WARNING_MADE',
};

/** The timeline step code of each step (console: timeline_words.steps); a letter's is written when it is sent (letterSent). */
const TIMELINE_STEP: Record<ScheduledStep, string> = {
  REMINDER: 'COLLECTION_REMINDER_SENT',
  SECOND_REMINDER: 'COLLECTION_SECOND_REMINDER_SENT',
  COLLECTION_WARNING: 'COLLECTION_WARNING_SENT',
  COLLECTION: 'COLLECTION_READY',
};

/**
 * The daily follow-up of overdue invoices (issue 15 s.1-2, seeds 002, 003). For the clock's
 * today in one country, every bought invoice past its due date with principal still owed is
 * looked at, each in its own transaction with the invoice locked:
 *
 * - the grace: nothing before the due date plus the routine's bank days (payments on their way);
 * - the rule (libs/rules nextCollectionStep) says what is due today: nothing while disputed or
 *   paid, at most one step a day, and a step missed while the workers were down is done once,
 *   today, remembering the day it fell due;
 * - the step is a row unique per invoice and step: a second run, or two workers at once, insert
 *   nothing and do nothing more (run twice, act once);
 * - a letter (reminder, second reminder, inkassovarsel) states the fee the law allows for a
 *   letter of that day (collectionFee: the Swedish reminder fee only if agreed when the debt
 *   arose; a business debtor's compensation instead of the fees) and the late interest accrued
 *   from the due date per half-year segment, less what earlier letters stated; the letter is a
 *   document delivered to the debtor (e-mail or post), and only when it is actually sent (the
 *   delivery's SENT, or its print batch marked printed) are the fee and interest booked, each a
 *   journal entry (a receivable on the debtor) in the delivery's transaction (`letterSent`); a
 *   letter that fails delivery charges nothing;
 * - COLLECTION marks the invoice ready for the handoff (a later step books the claim then).
 *
 * Every step writes the invoice's timeline (a step code with structured facts) in the same
 * transaction; a letter's is staff's only (..._MADE): the client's step (..._SENT) and its event
 * invoice.reminder_sent are written by `letterSent`, when the letter is confirmed sent, dated that
 * day (a letter that fails delivery tells the client nothing). COLLECTION's event is written here.
 */
@Injectable()
export class FollowUpService {
  private readonly log = new Logger(FollowUpService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly rates: CollectionRatesRepository,
    private readonly uow: UnitOfWork,
    private readonly ledger: Ledger,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly approvals: ClientApprovals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One country's run for the clock's today. Safe to repeat: what was done is not done again. */
  async run(country: CountryCode): Promise<FollowUpRun> {
    const today = this.clock.today(country).toString();
    const ids = await this.reminders.candidates(country, today);
    const result: FollowUpRun = { country, today, looked: ids.length, acted: 0, caughtUp: 0, outcomes: [], failed: [] };
    for (const id of ids) {
      try {
        const outcome = await this.uow.transaction((tx) => this.followUp(tx, id, today));
        result.outcomes.push(outcome);
        if (outcome.action === 'ACTED') {
          result.acted++;
          if (outcome.caughtUp) result.caughtUp++;
        }
      } catch (error) {
        // One invoice refused (no fee in force that day, a rate missing): nothing changed on it; the others go on.
        const code = error instanceof DomainError ? error.code : error instanceof Error ? error.name : 'ERROR';
        const message = error instanceof Error ? error.message : String(error);
        this.log.warn(`Follow-up of invoice ${id} on ${today} refused: ${code} ${message}`);
        result.failed.push({ invoiceId: id, code, message });
      }
    }
    return result;
  }

  /** One invoice's follow-up for `today`, inside the caller's transaction. */
  async followUp(tx: EntityManager, invoiceId: string, today: string): Promise<FollowUpOutcome> {
    const invoice = await this.reminders.lockInvoice(tx, invoiceId);
    if (!invoice || invoice.status !== 'PURCHASED') return { invoiceId, action: 'NONE', code: 'NOT_BOUGHT' };
    const routine = await this.reminders.routine(tx, invoice.client_id, invoice.country, today);
    if (!this.pastGrace(invoice, routine, today)) return { invoiceId, action: 'NONE', code: 'IN_GRACE' };
    const taken = await this.reminders.steps(tx, invoiceId);
    const decision: ScheduleDecision = nextCollectionStep({
      country: invoice.country,
      dueDate: invoice.due_date,
      routine,
      taken,
      today,
      hold: invoice.open_dispute_id ? 'DISPUTED' : new Decimal(invoice.open_principal).lte(0) ? 'PAID' : null,
    });
    if (decision.action !== 'ACT_TODAY') return { invoiceId, action: 'NONE', code: decision.reasons[0]?.code ?? decision.action };

    const letter = decision.step !== 'COLLECTION';
    const payBy = letter ? LocalDate.parse(today, 'today').plusDays(this.daysToPay(invoice.country, decision.step, routine)).toString() : today;
    const stepId = await this.reminders.insertStep(tx, {
      invoice,
      step: decision.step,
      routineId: routine.id,
      fellDueOn: decision.fellDueOn,
      plannedOn: decision.plannedOn,
      takenOn: today,
      caughtUp: decision.caughtUp,
      payBy,
      kind: letter ? 'LETTER' : 'READY',
    });
    if (!stepId) return { invoiceId, action: 'NONE', code: 'STEP_ALREADY_TAKEN' };

    let fee: FeeDecision | null = null;
    let interest: { booked: string; result: LateInterestResult } | null = null;
    if (letter) {
      // The letter states its fee and interest now; they are charged when it is sent (letterSent, called by the delivery).
      ({ fee, interest } = await this.letterStated(tx, invoice, stepId, decision.step, taken, today));
      const to = await this.reminders.letterChannel(tx, invoice.id);
      await insertDelivery(tx, {
        invoiceId: invoice.id,
        clientId: invoice.client_id,
        documentKind: REMINDER_DOCUMENT,
        recipient: 'DEBTOR',
        channel: to.channel,
        address: to.address,
        collectionStepId: stepId,
      });
    }

    // The console words each fact (timeline_words.fields and .reasons); amounts nest as { amount } so they read with the currency.
    const feeAmount = fee?.fee?.amount ?? null;
    const interestAmount = interest && new Decimal(interest.booked).gt(0) ? interest.booked : null;
    // A letter is only made here: the client's step and event come when the delivery confirms it sent (letterSent).
    const facts = {
      step: decision.step === 'COLLECTION' ? TIMELINE_STEP.COLLECTION : MADE_STEP[decision.step],
      clientVisible: false,
      currency: invoice.currency,
      fellDueOn: decision.fellDueOn,
      caughtUp: decision.caughtUp,
      payBy: letter ? payBy : null,
      fee: feeAmount ? { amount: feeAmount } : null,
      reasons: fee ? fee.reasons.map((r) => r.code) : [],
      interest: interestAmount ? { amount: interestAmount } : null,
      principal: { amount: new Decimal(invoice.open_principal).toFixed(2) },
    };
    await this.timeline.record(tx, {
      entityType: INVOICE,
      entityId: invoice.id,
      actor: SYSTEM,
      fromState: invoice.status,
      toState: invoice.status,
      reason: `${letter ? MADE_WORDS : ''}${STEP_WORDS[decision.step]}${decision.caughtUp ? ` (caught up: fell due ${decision.fellDueOn})` : ''}`,
      details: facts,
    });
    if (!letter) {
      await this.outbox.write(tx, {
        clientId: invoice.client_id,
        topic: 'invoice.collection_ready',
        subjectType: 'INVOICE',
        subjectId: invoice.id,
        payload: {
          invoiceNumber: invoice.invoice_number,
          status: 'SOLD',
          step: TIMELINE_STEP[decision.step],
          on: today,
          payBy: null,
          fee: null,
          feeKind: null,
          interest: null,
          currency: invoice.currency,
        },
      });
    }
    // Seed 003: where the client's agreement asks for it, the handoff waits for the client's approval: asked now, once.
    if (decision.step === 'COLLECTION') await this.approvals.ask(tx, invoice, ClientApprovalKind.COLLECTION_HANDOFF);
    return { invoiceId, action: 'ACTED', step: decision.step, caughtUp: decision.caughtUp, fee: feeAmount, interest: interestAmount, stepId };
  }

  /**
   * What a letter made on `on` states: the fee the law allows for it and the late interest from
   * the due date to that day less what earlier letters stated (a failed letter stated nothing
   * that counts). Kept on the step, not booked: `letterSent` books them when the letter goes.
   */
  async letterStated(tx: EntityManager, invoice: FollowUpInvoice, stepId: string, step: ScheduledStep, taken: StepRow[], on: string) {
    const earlier = taken.filter((s) => s.deliveryState !== 'FAILED');
    const sentOn = on;
    const rates = await this.rates.versions(invoice.country, undefined, tx);
    const fee = collectionFee({
      country: invoice.country,
      step,
      dueDate: invoice.due_date,
      debtorIsBusiness: invoice.debtor_is_business,
      reminderFeeAgreedAtOrigin: invoice.reminder_fee_agreed,
      sentOn,
      alreadyCharged: earlier.map((s) => s.feeKind).filter((k): k is CollectionFeeKind => !!k),
      rates,
    });

    const movements = await this.reminders.principalMovements(tx, invoice.id);
    const result = lateInterest({
      ...principalFromDueDate(movements, invoice.due_date, sentOn),
      from: invoice.due_date,
      to: sentOn,
      rates: await this.rates.lateInterestRates(invoice.country, tx),
      rateName: invoice.country === 'SE' ? 'Swedish late interest (reference rate + 8)' : 'Norwegian forsinkelsesrente',
    });
    const before = earlier.reduce((sum, s) => sum.plus(s.interestAmount ?? 0), new Decimal(0));
    const accrued = Decimal.max(new Decimal(result.interest).minus(before), 0);
    // Seed 003: where the client's agreement asks for its approval of a late-interest invoice, no interest is stated until it
    // approves (asked once); computed from the due date each time, an approval given later states all of it on the next letter.
    const booked = accrued.gt(0) && !(await this.approvals.lateInterestMayBeCharged(tx, invoice)) ? '0.00' : accrued.toFixed(2);
    await tx.query(
      `UPDATE collection_step SET fee_kind = $3, fee_amount = $4, fee_reason = $5, interest_to = $2, interest_amount = $6, interest_segments = $7
        WHERE id = $1`,
      [stepId, sentOn, fee.fee?.kind ?? null, fee.fee?.amount ?? null, fee.reasons.map((r) => r.code).join(','), booked, JSON.stringify(result.segments)],
    );
    return { fee, interest: { booked, result } };
  }

  /**
   * The delivery's hook (issue 15 s.2): the step's letter was actually sent (e-mail SENT, or its
   * print batch marked printed and posted), in the delivery's transaction. Books the fee and the
   * late interest the letter states, dated the clock's today, and marks the step SENT. Once: a
   * second confirmation (a fallback letter, a batch marked twice) finds it SENT and charges
   * nothing. An invoice paid or bought back meanwhile is charged nothing (nothing is owed to
   * charge it on). Returns what was charged, or null when nothing was to do.
   */
  async letterSent(tx: EntityManager, stepId: string): Promise<{ fee: string | null; interest: string | null } | null> {
    const letter = await this.reminders.lockLetter(tx, stepId);
    if (!letter || letter.delivery_state === 'SENT') return null;
    const sentOn = this.clock.today(letter.country).toString();
    const owed = letter.status === 'PURCHASED' && new Decimal(letter.open_principal).gt(0);
    let feeEntryId: string | null = null;
    let interestEntryId: string | null = null;
    if (owed && letter.fee_amount) {
      const entry = await this.ledger.post(tx, {
        book: letter.country,
        date: sentOn,
        causeType: 'COLLECTION_STEP',
        causeId: stepId,
        event: 'FEE',
        description: `${letter.fee_kind} ${letter.fee_amount} ${letter.currency} on invoice ${letter.invoice_number} (${letter.step}, sent ${sentOn})`,
        lines: collectionFeePostings(letter.fee_amount).map((line) => ({ ...line, clientId: letter.client_id, invoiceId: letter.invoice_id })),
      });
      feeEntryId = entry.id;
    }
    if (owed && letter.interest_amount && new Decimal(letter.interest_amount).gt(0)) {
      const entry = await this.ledger.post(tx, {
        book: letter.country,
        date: sentOn,
        causeType: 'COLLECTION_STEP',
        causeId: stepId,
        event: 'LATE_INTEREST',
        description: `Late interest ${letter.interest_amount} ${letter.currency} to ${letter.taken_on} on invoice ${letter.invoice_number} (${letter.step}, sent ${sentOn})`,
        lines: lateInterestPostings(letter.interest_amount).map((line) => ({ ...line, clientId: letter.client_id, invoiceId: letter.invoice_id })),
      });
      interestEntryId = entry.id;
    }
    await tx.query(`UPDATE collection_step SET delivery_state = 'SENT', sent_on = $2, fee_entry_id = $3, interest_entry_id = $4 WHERE id = $1`, [
      stepId,
      sentOn,
      feeEntryId,
      interestEntryId,
    ]);
    const charged = { fee: feeEntryId ? letter.fee_amount : null, interest: interestEntryId ? letter.interest_amount : null };
    // The client hears of the letter now that it is sent (issue 15 s.7), once (a second confirmation returned above): its step with
    // the day it went and the debtor's pay-by day, nothing of the fee's reasons; the charges stay staff's facts.
    const code = TIMELINE_STEP[letter.step] as ClientStepCode;
    await this.timeline.record(tx, {
      entityType: INVOICE,
      entityId: letter.invoice_id,
      actor: SYSTEM,
      fromState: letter.status,
      toState: letter.status,
      reason: owed ? `${STEP_WORDS[letter.step]}: fee and interest charged` : `${STEP_WORDS[letter.step]}: nothing charged (nothing owed any more)`,
      details: {
        step: code,
        ...clientStepDetails(code, { on: sentOn, dueDate: letter.pay_by }),
        clientVisible: false,
        currency: letter.currency,
        sentOn,
        payBy: letter.pay_by,
        fee: charged.fee ? { amount: charged.fee } : null,
        interest: charged.interest ? { amount: charged.interest } : null,
      },
    });
    await this.outbox.write(tx, {
      clientId: letter.client_id,
      topic: 'invoice.reminder_sent',
      subjectType: 'INVOICE',
      subjectId: letter.invoice_id,
      payload: {
        invoiceNumber: letter.invoice_number,
        status: CLIENT_STATUS_OF[letter.status as InvoiceStatus] ?? 'SOLD',
        step: code,
        on: sentOn,
        payBy: letter.pay_by,
        fee: charged.fee,
        feeKind: charged.fee ? letter.fee_kind : null,
        interest: charged.interest,
        currency: letter.currency,
      },
    });
    return charged;
  }

  /** The delivery's hook: the step's letter failed for good. Nothing was charged and nothing will be, unless a later attempt sends it. */
  async letterFailed(tx: EntityManager, stepId: string): Promise<void> {
    await tx.query(`UPDATE collection_step SET delivery_state = 'FAILED' WHERE id = $1 AND delivery_state = 'TO_SEND'`, [stepId]);
  }

  /** The due date moved to a bank day, plus the routine's grace in bank days, has passed. */
  private pastGrace(invoice: FollowUpInvoice, routine: RoutineRow, today: string): boolean {
    const calendar = BusinessCalendar.for(invoice.country);
    const due = calendar.sameOrNextBusinessDay(LocalDate.parse(invoice.due_date, 'dueDate'));
    const graceEnds = routine.graceBankDays > 0 ? calendar.addBusinessDays(due, routine.graceBankDays) : due;
    return LocalDate.parse(today, 'today').isAfter(graceEnds);
  }

  /** The days a letter gives to pay: the gap to the next step; an inkassovarsel at least 14 (inkassoloven § 9). */
  private daysToPay(country: CountryCode, step: ScheduledStep, routine: RoutineRow): number {
    if (country === 'NO' && step === 'COLLECTION_WARNING') return Math.max(routine.minDaysBetweenSteps, NO_COLLECTION_WARNING_DAYS);
    return routine.minDaysBetweenSteps;
  }
}

/**
 * The principal late interest runs on, from the invoice's postings: the debtor owes the whole
 * invoice from its due date, whenever the factor bought it (the purchase may be booked later),
 * so every increase counts from the due date; what lowered it (payments, credit notes, recourse)
 * counts from its day, and on or before the due date lowers the starting principal.
 */
export function principalFromDueDate(movements: PrincipalMovement[], dueDate: string, until: string) {
  let principal = new Decimal(0);
  const payments: Array<{ on: string; principalPaid: string }> = [];
  for (const m of movements) {
    const amount = new Decimal(m.amount);
    if (amount.gte(0) || m.on <= dueDate) principal = principal.plus(amount);
    else if (m.on <= until) payments.push({ on: m.on, principalPaid: amount.negated().toFixed(2) });
  }
  return { principal: Decimal.max(principal, 0).toFixed(2), payments };
}
