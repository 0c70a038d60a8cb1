import { Inject, Injectable, Logger } from '@nestjs/common';
import { BusinessCalendar, Clock, CountryCode, DomainError, LocalDate } from '@factoring/domain';
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
const STEP_WORDS: Record<ScheduledStep, string> = {
  REMINDER: 'Reminder sent',
  SECOND_REMINDER: 'Second reminder sent',
  COLLECTION_WARNING: 'Collection warning (inkassovarsel) sent',
  COLLECTION: 'Ready for collection',
};

/** The timeline step code of each step (console: timeline_words.steps). */
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
 * - a letter (reminder, second reminder, inkassovarsel) charges the fee the law allows for a
 *   letter sent that day (collectionFee: the Swedish reminder fee only if agreed when the debt
 *   arose; a business debtor's compensation instead of the fees) and states the late interest
 *   accrued from the due date per half-year segment, less what earlier letters booked; each
 *   amount is a journal entry (a receivable on the debtor) in the same transaction;
 * - COLLECTION marks the invoice ready for the handoff (a later step books the claim then).
 *
 * Every step writes the invoice's timeline (a step code with structured facts) and an outbox
 * event for the client's integration, in the same transaction.
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
      // No delivery capability yet: the letter counts as sent when it is made and handed on
      // (the outbox event below). When documents are delivered, the delivery worker calls
      // `letterSent` on its SENT status instead, and the fee waits for it.
      ({ fee, interest } = await this.letterSent(tx, invoice, stepId, decision.step, taken, today));
    }

    // The console words each fact (timeline_words.fields and .reasons); amounts nest as { amount } so they read with the currency.
    const feeAmount = fee?.fee?.amount ?? null;
    const interestAmount = interest && new Decimal(interest.booked).gt(0) ? interest.booked : null;
    const facts = {
      step: TIMELINE_STEP[decision.step],
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
      reason: decision.caughtUp ? `${STEP_WORDS[decision.step]} (caught up: fell due ${decision.fellDueOn})` : STEP_WORDS[decision.step],
      details: facts,
    });
    await this.outbox.write(tx, {
      clientId: invoice.client_id,
      topic: letter ? 'invoice.reminder_sent' : 'invoice.collection_ready',
      subjectType: 'INVOICE',
      subjectId: invoice.id,
      payload: {
        invoiceNumber: invoice.invoice_number,
        status: 'SOLD',
        step: TIMELINE_STEP[decision.step],
        on: today,
        payBy: letter ? payBy : null,
        fee: feeAmount,
        feeKind: fee?.fee?.kind ?? null,
        interest: interestAmount,
        currency: invoice.currency,
      },
    });
    return { invoiceId, action: 'ACTED', step: decision.step, caughtUp: decision.caughtUp, fee: feeAmount, interest: interestAmount, stepId };
  }

  /**
   * The delivery hook: a letter went out on `sentOn`. Charges the fee the law allows for it and
   * books the late interest it states, each once (journal entries idempotent by the step).
   */
  async letterSent(tx: EntityManager, invoice: FollowUpInvoice, stepId: string, step: ScheduledStep, earlier: StepRow[], sentOn: string) {
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
    let feeEntryId: string | null = null;
    if (fee.fee) {
      const entry = await this.ledger.post(tx, {
        book: invoice.country,
        date: sentOn,
        causeType: 'COLLECTION_STEP',
        causeId: stepId,
        event: 'FEE',
        description: `${fee.fee.kind} ${fee.fee.amount} ${invoice.currency} on invoice ${invoice.invoice_number} (${step})`,
        lines: collectionFeePostings(fee.fee.amount).map((line) => ({ ...line, clientId: invoice.client_id, invoiceId: invoice.id })),
      });
      feeEntryId = entry.id;
    }

    const movements = await this.reminders.principalMovements(tx, invoice.id);
    const result = lateInterest({
      ...principalFromDueDate(movements, invoice.due_date, sentOn),
      from: invoice.due_date,
      to: sentOn,
      rates: await this.rates.lateInterestRates(invoice.country, tx),
      rateName: invoice.country === 'SE' ? 'Swedish late interest (reference rate + 8)' : 'Norwegian forsinkelsesrente',
    });
    const before = earlier.reduce((sum, s) => sum.plus(s.interestAmount ?? 0), new Decimal(0));
    const booked = Decimal.max(new Decimal(result.interest).minus(before), 0).toFixed(2);
    let interestEntryId: string | null = null;
    if (new Decimal(booked).gt(0)) {
      const entry = await this.ledger.post(tx, {
        book: invoice.country,
        date: sentOn,
        causeType: 'COLLECTION_STEP',
        causeId: stepId,
        event: 'LATE_INTEREST',
        description: `Late interest ${booked} ${invoice.currency} to ${sentOn} on invoice ${invoice.invoice_number} (${step})`,
        lines: lateInterestPostings(booked).map((line) => ({ ...line, clientId: invoice.client_id, invoiceId: invoice.id })),
      });
      interestEntryId = entry.id;
    }
    await tx.query(
      `UPDATE collection_step SET delivery_state = 'SENT', sent_on = $2, fee_kind = $3, fee_amount = $4, fee_reason = $5, fee_entry_id = $6,
              interest_to = $2, interest_amount = $7, interest_segments = $8, interest_entry_id = $9
        WHERE id = $1`,
      [
        stepId,
        sentOn,
        fee.fee?.kind ?? null,
        fee.fee?.amount ?? null,
        fee.reasons.map((r) => r.code).join(','),
        feeEntryId,
        booked,
        JSON.stringify(result.segments),
        interestEntryId,
      ],
    );
    return { fee, interest: { booked, result } };
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
