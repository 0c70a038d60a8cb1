import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AWAITING_CREDIT_DECISION,
  BUSINESS_TIME_ZONES,
  CREDITABLE_STATUSES,
  ConflictError,
  InvalidValueError,
  KidReference,
  LocalDate,
  Money,
  NotFoundError,
  OcrReference,
  parseCurrencyCode,
  parseOrganisationNumber,
  parsePersonalIdentityNumber,
  PeppolParticipantId,
  LIVE_STATUSES,
  RESUBMITTABLE_STATUSES,
} from '@factoring/domain';
import { checkEligibility, clientStandingReason, computeTotals, offerExpiresAt, plannedPayoutDate, priceOffer, reviewDueAt } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { RefusedAfterCommit, UnitOfWork } from '../audit/unit-of-work';
import { ClientKeyPrincipal } from '../auth/principal';
import { reasonView } from '../common/dto/common.types';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { decideJob } from '../credit/credit-jobs';
import { Exposure } from '../exposure/exposure.service';
import { Ledger } from '../ledger/ledger.service';
import { RuleSettingsService } from '../rule-settings/rule-settings.service';
import { ClientInvoicesArgs, CreditInvoiceArgs, InvoiceInput, InvoicesArgs } from './dto/invoice.inputs';
import { ClientInvoiceType } from './dto/client-invoice.types';
import { InvoiceType } from './dto/invoice.types';
import { CLIENT_STATUS } from './invoice-status';
import { clientActor, InvoiceActor, InvoiceLifecycle, SYSTEM_ACTOR } from './invoice-lifecycle';
import { InvoicesRepository } from './invoices.repository';
import { InvoiceError } from './invoice-errors';

export { INVOICE } from './invoice-lifecycle';

/**
 * Selling an invoice (seeds 000, 001, 004): the client's program submits it, the rules check
 * it and an offer is made at once; the client accepts (the invoice gets the factor's OCR or
 * KID and account, and goes to the credit decision) or declines. Every change is in the
 * invoice's timeline and, in the same transaction, in the client's outbox.
 */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: InvoicesRepository,
    private readonly uow: UnitOfWork,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly exposure: Exposure,
    private readonly ledger: Ledger,
    private readonly settings: RuleSettingsService,
    private readonly jobs: JobOutboxService,
  ) {}

  /** One invoice as staff see it. */
  invoice(id: string): Promise<InvoiceType> {
    return this.repository.invoice(id);
  }

  invoices(args: InvoicesArgs) {
    return this.repository.invoices(args);
  }

  /** Batch reads for lists (one query for a page; see common/batch-loader.ts). */
  timelines(invoiceIds: readonly string[]) {
    return this.repository.timelines(invoiceIds);
  }

  /** The client's own invoice, as the client may see it (issue 9 c). */
  clientInvoice(id: string, clientId: string): Promise<ClientInvoiceType> {
    return this.repository.clientInvoice(id, clientId);
  }

  clientInvoices(args: ClientInvoicesArgs, clientId: string) {
    return this.repository.clientInvoices(args, clientId);
  }

  clientTimelines(invoiceIds: readonly string[]) {
    return this.repository.clientTimelines(invoiceIds);
  }

  creditNotes(invoiceIds: readonly string[]) {
    return this.repository.creditNotes(invoiceIds);
  }

  /**
   * Submitting again (same number or idempotency key, same content) returns the first result
   * and creates nothing. A refused, declined, expired or withdrawn invoice may be corrected and
   * submitted again under its number (seed 000): that is a new attempt, linked to the one before.
   */
  async submit(key: ClientKeyPrincipal, input: InvoiceInput, idempotencyKey: string | undefined, now = new Date()): Promise<{ invoice: ClientInvoiceType; created: boolean }> {
    const parsed = parseInvoice(input);
    const hash = contentHash(input);
    const earlier = await this.earlierAttempt(key.clientId, input.invoiceNumber, idempotencyKey, hash);
    if (earlier.answer) return { invoice: await this.repository.clientInvoice(earlier.answer, key.clientId), created: false };

    let invoiceId: string;
    try {
      invoiceId = await this.uow.transaction(async (tx) => {
        const [client] = await tx.query(`SELECT id, country, state, block_reasons FROM client WHERE id = $1 FOR SHARE`, [key.clientId]);
        const country = client.country as 'SE' | 'NO';
        const today = LocalDate.today(BUSINESS_TIME_ZONES[country], now);
        const debtor = await this.debtorFor(tx, key.clientId, country, input);
        const duplicates = debtor.id ? await this.suspectedDuplicates(tx, key.clientId, debtor.id, input) : [];
        const eligibilityVersion = await this.settings.inForce('eligibility', country, today, tx);
        const result = checkEligibility(
          {
            country,
            today,
            client: { state: client.state, blockReasons: client.block_reasons ?? [] },
            debtor: {
              kind: input.debtor.kind,
              identityNumber: input.debtor.identityNumber,
              address: { country: input.debtor.address.country },
              hasDisputedBefore: debtor.hasDisputedBefore,
              hasUnpaidBefore: debtor.hasUnpaidBefore,
              relation: debtor.relation,
            },
            invoice: {
              currency: parsed.currency,
              invoiceDate: parsed.invoiceDate,
              deliveryDate: parsed.deliveryDate,
              dueDate: parsed.dueDate,
              lines: input.lines,
              totals: { net: input.totals.net, vat: input.totals.vat, rounding: input.totals.rounding, gross: input.totals.gross },
              deduction: input.deduction ?? null,
              payable: input.payable,
            },
            suspectedDuplicates: duplicates,
          },
          eligibilityVersion.value,
        );

        // The offer is priced whenever it can be (also for manual assessment, so the analyst sees it).
        const priced = result.outcome !== 'REFUSED' ? await this.price(tx, key.clientId, country, parsed.currency, input.payable, now) : null;
        const offer = priced?.offer ?? null;
        const offerTerms = priced ? { ...priced.terms, eligibilitySettingsFrom: eligibilityVersion.validFrom } : null;
        const event = result.outcome === 'REFUSED' ? 'REFUSED_BY_RULES' : result.outcome === 'MANUAL_ASSESSMENT' ? 'HELD_FOR_OFFER_REVIEW' : 'OFFER_MADE';
        const eligibility = {
          outcome: result.outcome,
          reasons: result.reasons.map(reasonView),
          suspectedDuplicates: result.suspectedDuplicates,
          settingsValidFrom: eligibilityVersion.validFrom,
          checkedOn: today.toString(),
        };

        const created = await this.lifecycle.create(
          tx,
          event,
          clientActor(key.clientId),
          {
            client_id: key.clientId,
            debtor_id: debtor.id,
            debtor: input.debtor,
            invoice_number: input.invoiceNumber,
            idempotency_key: idempotencyKey ?? null,
            content_hash: hash,
            country,
            currency: parsed.currency,
            invoice_date: parsed.invoiceDate.toString(),
            delivery_date: parsed.deliveryDate.toString(),
            due_date: parsed.dueDate.toString(),
            net: input.totals.net,
            vat: input.totals.vat,
            rounding: input.totals.rounding ?? '0',
            gross: input.totals.gross,
            deduction_kind: input.deduction?.kind ?? null,
            deduction_amount: input.deduction?.amount ?? null,
            payable: input.payable,
            reminder_fee_agreed: input.reminderFeeAgreed ?? false,
            reverse_charge_vat_numbers: input.sellerVatNumber || input.debtor.vatNumber ? { seller: input.sellerVatNumber ?? null, buyer: input.debtor.vatNumber ?? null } : null,
            eligibility,
            fee: offer?.fee.amountString ?? null,
            vat_on_fee: offer?.vatOnFee.amountString ?? null,
            payout: offer?.payout.amountString ?? null,
            offer_terms: offerTerms,
            offer_expires_at: priced?.expiresAt ?? null,
            previous_attempt_id: earlier.previous?.id ?? null,
          },
          {
            note: event === 'OFFER_MADE' ? 'Offer made' : result.reasons.map((r) => r.message.en).join(' '),
            details: { reasons: result.reasons.map((r) => r.code), previousAttemptId: earlier.previous?.id ?? null },
            clientPayload: {
              reasons: eligibility.reasons,
              offer: offer ? { fee: offer.fee.amountString, vatOnFee: offer.vatOnFee.amountString, payout: offer.payout.amountString, currency: parsed.currency } : null,
            },
          },
        );
        if (earlier.previous) {
          await this.lifecycle.transition(tx, earlier.previous.id, 'SUBMITTED_AGAIN', clientActor(key.clientId), { details: { nextAttemptId: created.id } });
        }
        await this.insertLines(tx, created.id, input);
        if (event === 'HELD_FOR_OFFER_REVIEW') await this.openOfferReview(tx, created.id, country, now);
        return created.id;
      });
    } catch (error) {
      // Two submissions of one invoice at the same moment: the loser answers like a resubmission.
      if ((error as { code?: string }).code === '23505') {
        const winner = await this.earlierAttempt(key.clientId, input.invoiceNumber, idempotencyKey, hash);
        if (winner.answer) return { invoice: await this.repository.clientInvoice(winner.answer, key.clientId), created: false };
        throw new ConflictError(InvoiceError.INVOICE_ALREADY_SUBMITTED, `Invoice ${input.invoiceNumber} was just submitted with different content.`);
      }
      throw error;
    }
    return { invoice: await this.repository.clientInvoice(invoiceId, key.clientId), created: true };
  }

  /** The offer for an amount under the client's agreement in force, or null when the invoice cannot be priced (no agreement, foreign currency). */
  async price(tx: EntityManager, clientId: string, country: 'SE' | 'NO', currency: string, payable: string, now: Date) {
    const [agreement] = await tx.query(
      `SELECT version, fee_percent::text, fee_fixed::text, fee_minimum::text, vat_rate_on_fee_percent::text, recourse_modes
         FROM client_agreement WHERE client_id = $1 ORDER BY version DESC LIMIT 1`,
      [clientId],
    );
    if (!agreement || currency !== (country === 'SE' ? 'SEK' : 'NOK')) return null;
    const offerVersion = await this.settings.inForce('offer', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx);
    const offer = priceOffer({
      amount: Money.of(payable, currency),
      terms: { feePercent: agreement.fee_percent, feeFixed: agreement.fee_fixed, feeMinimum: agreement.fee_minimum, vatRateOnFeePercent: agreement.vat_rate_on_fee_percent },
    });
    return {
      offer,
      expiresAt: offerExpiresAt(now, offerVersion.value),
      terms: {
        agreementVersion: agreement.version,
        feePercent: agreement.fee_percent,
        feeFixed: agreement.fee_fixed,
        feeMinimum: agreement.fee_minimum,
        vatRateOnFeePercent: agreement.vat_rate_on_fee_percent,
        recourseModes: agreement.recourse_modes,
        plannedPayoutDate: plannedPayoutDate(now, country, offerVersion.value).toString(),
        paymentAccount: await this.ledger.paymentAccount(tx, country, LocalDate.today(BUSINESS_TIME_ZONES[country], now).toString()),
        offerSettingsFrom: offerVersion.validFrom,
        figures: offer.figures,
      },
    };
  }

  /**
   * After a person approved an invoice the rules would not offer for (a suspected twin, or a
   * refusal the client asked to have assessed, seed 000): the client gets an offer to accept.
   */
  async openOffer(tx: EntityManager, invoiceId: string, by: InvoiceActor, note: string | undefined, now: Date): Promise<void> {
    const [invoice] = await tx.query(`SELECT id, client_id, country, currency, payable::text FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]);
    const priced = await this.price(tx, invoice.client_id, invoice.country, invoice.currency, invoice.payable, now);
    if (!priced) throw new ConflictError(InvoiceError.INVOICE_CANNOT_BE_PRICED, 'This invoice cannot be priced: the client has no agreement, or the invoice is not in its currency.');
    await this.lifecycle.transition(tx, invoiceId, 'OFFER_REVIEW_APPROVED', by, {
      note: note ?? 'Approved after manual assessment: offer made',
      typed: note ?? null,
      set: { fee: priced.offer.fee.amountString, vat_on_fee: priced.offer.vatOnFee.amountString, payout: priced.offer.payout.amountString, offer_terms: priced.terms, offer_expires_at: priced.expiresAt },
      clientPayload: { offer: { fee: priced.offer.fee.amountString, vatOnFee: priced.offer.vatOnFee.amountString, payout: priced.offer.payout.amountString, currency: invoice.currency } },
    });
  }

  /** A client asks for a manual assessment of a refused invoice (seed 000): it goes to the analysts' queue. */
  async requestManualAssessment(key: ClientKeyPrincipal, invoiceId: string, message: string | undefined, now = new Date()): Promise<ClientInvoiceType> {
    await this.uow.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, invoiceId);
      if (invoice.status !== 'REFUSED') {
        // A credit denial is final (seed 000): only what the eligibility rules refused goes to a person.
        throw new ConflictError(InvoiceError.INVOICE_NOT_DENIED, `Only an invoice the rules refused can be sent for manual assessment; this one is ${CLIENT_STATUS[invoice.status].toLowerCase()}.`);
      }
      await this.lifecycle.transition(tx, invoice, 'REVIEW_REQUESTED', clientActor(key.clientId), {
        note: `The client asked for a manual assessment${message ? `: ${message}` : ''}`,
        typed: message ?? null,
        clientPayload: { reasons: [] },
      });
      await this.openOfferReview(tx, invoice.id, invoice.country, now);
    });
    return this.repository.clientInvoice(invoiceId, key.clientId);
  }

  /** A person looks at the invoice before any offer; the review item lives in the credit-review queue as a manual assessment. */
  private async openOfferReview(tx: EntityManager, invoiceId: string, country: 'SE' | 'NO', now: Date): Promise<void> {
    const times = await this.settings.inForce('reviewTimes', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx);
    await tx.query(`INSERT INTO credit_review (invoice_id, kind, state, due_at) VALUES ($1, 'MANUAL_ASSESSMENT', 'OPEN', $2)`, [
      invoiceId,
      reviewDueAt(now, 'MANUAL_ASSESSMENT', times.value),
    ]);
  }

  async accept(key: ClientKeyPrincipal, invoiceId: string, recourseMode: string | undefined, now = new Date()): Promise<ClientInvoiceType> {
    await this.uow.transaction(async (tx) => {
      // The client is locked first (shared): a block committed before this cannot be missed (issue 9 b).
      const invoice = await this.lockOwn(tx, key, invoiceId);
      const [client] = await tx.query(`SELECT state FROM client WHERE id = $1`, [key.clientId]);
      if (invoice.status !== 'OFFERED') throw notOffered(invoice.status);
      const standing = clientStandingReason(client.state);
      if (standing) throw new ConflictError(standing.code, standing.message.en);
      if (new Date(invoice.offer_expires_at) <= now) {
        // The expiry stands (the worker would have made it a moment later); the acceptance is refused.
        await this.lifecycle.transition(tx, invoice, 'EXPIRE', SYSTEM_ACTOR, { note: 'The offer was not accepted in time' });
        throw new RefusedAfterCommit(new ConflictError(InvoiceError.OFFER_EXPIRED, 'The offer has expired. Submit the invoice again for a new offer.'));
      }
      const modes: string[] = invoice.offer_terms.recourseModes;
      const mode = recourseMode ?? (modes.length === 1 ? modes[0] : undefined);
      if (!mode) throw new InvalidValueError(InvoiceError.RECOURSE_MODE_REQUIRED, `Choose a recourse mode: ${modes.join(' or ')}.`, 'recourseMode');
      if (!modes.includes(mode)) throw new InvalidValueError(InvoiceError.RECOURSE_MODE_NOT_AGREED, `The agreement allows ${modes.join(' or ')}, not ${mode}.`, 'recourseMode');
      const country = invoice.country as 'SE' | 'NO';
      const reference = await this.paymentReference(tx, country);
      const payoutOn = plannedPayoutDate(now, country, (await this.settings.inForce('offer', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx)).value).toString();
      await this.lifecycle.transition(tx, invoice, 'ACCEPT', clientActor(key.clientId), {
        note: `Offer accepted (${mode.toLowerCase().replace('_', ' ')})`,
        details: { recourseMode: mode },
        set: { recourse_mode: mode, accepted_at: now, payment_reference: reference, planned_payout_date: payoutOn },
        clientPayload: { paymentReference: reference, account: invoice.offer_terms.paymentAccount, plannedPayoutDate: payoutOn },
      });
      await this.jobs.enqueue(tx, decideJob(invoice.id));
    });
    return this.repository.clientInvoice(invoiceId, key.clientId);
  }

  async decline(key: ClientKeyPrincipal, invoiceId: string, reason: string | undefined): Promise<ClientInvoiceType> {
    await this.uow.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, invoiceId);
      if (invoice.status !== 'OFFERED') throw notOffered(invoice.status);
      await this.lifecycle.transition(tx, invoice, 'DECLINE', clientActor(key.clientId), { note: reason ?? 'Offer declined', typed: reason ?? null });
    });
    return this.repository.clientInvoice(invoiceId, key.clientId);
  }

  /**
   * Records a credit note against a sold invoice (seed 000); the same credit number again
   * changes nothing. A credit before payout lowers what is paid out and what the factor has
   * outstanding; one that credits the whole invoice means it is never bought (issue 9 e), and
   * an open review of it closes. A credit after payout becomes a recourse invoice (issue 15).
   */
  async credit(key: ClientKeyPrincipal, args: CreditInvoiceArgs): Promise<ClientInvoiceType> {
    await this.uow.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, args.invoiceId, 'UPDATE');
      const [already] = await tx.query(`SELECT amount::text FROM credit_note WHERE invoice_id = $1 AND credit_number = $2`, [invoice.id, args.creditNumber]);
      if (already) {
        if (!new Decimal(already.amount).equals(args.amount)) {
          throw new ConflictError(InvoiceError.CREDIT_NUMBER_REUSED, `Credit note ${args.creditNumber} was recorded with ${already.amount}, not ${args.amount}.`);
        }
        return;
      }
      if (!CREDITABLE_STATUSES.includes(invoice.status)) {
        throw new ConflictError(InvoiceError.INVOICE_NOT_SOLD, `Only a sold invoice can be credited here; this one is ${CLIENT_STATUS[invoice.status].toLowerCase()}.`);
      }
      const amount = new Decimal(args.amount);
      const open = new Decimal(invoice.payable).minus(invoice.credited_amount);
      if (amount.lte(0) || amount.decimalPlaces() > 2) throw new InvalidValueError(InvoiceError.CREDIT_AMOUNT_INVALID, 'The credited amount must be above 0, in whole öre/øre.', 'amount');
      if (amount.gt(open)) throw new InvalidValueError(InvoiceError.CREDIT_MORE_THAN_OPEN, `At most ${open.toFixed(2)} ${invoice.currency} can still be credited on this invoice.`, 'amount');
      await tx.query(`INSERT INTO credit_note (invoice_id, credit_number, amount, reason) VALUES ($1, $2, $3, $4)`, [invoice.id, args.creditNumber, amount.toFixed(2), args.reason ?? null]);
      const whole = amount.equals(open);
      // Nothing is paid out before the payout batches of issue 12: the payout drops by the credited amount (never below zero; the fee was for buying it).
      const payout = invoice.payout === null ? null : Decimal.max(0, new Decimal(invoice.payout).minus(amount)).toFixed(2);
      await this.lifecycle.transition(tx, invoice, whole ? 'CREDITED_IN_FULL' : 'CREDITED_IN_PART', clientActor(key.clientId), {
        note: `Credit note ${args.creditNumber}: ${amount.toFixed(2)} ${invoice.currency}${args.reason ? ` (${args.reason})` : ''}`,
        details: { creditNumber: args.creditNumber, amount: amount.toFixed(2), currency: invoice.currency },
        typed: args.reason ?? null,
        set: { credited_amount: new Decimal(invoice.credited_amount).plus(amount).toFixed(2), payout },
        clientPayload: { creditNumber: args.creditNumber, amount: amount.toFixed(2), whole },
      });
      await this.exposure.release(tx, invoice, amount.toFixed(2));
      if (whole && AWAITING_CREDIT_DECISION.includes(invoice.status)) {
        await tx.query(
          `UPDATE credit_review SET state = 'CLOSED', closed_at = now(), outcome = 'CREDITED', paused_at = NULL, version = version + 1 WHERE invoice_id = $1 AND state <> 'CLOSED'`,
          [invoice.id],
        );
      }
    });
    return this.repository.clientInvoice(args.invoiceId, key.clientId);
  }

  /** Expires offers past their time; run by a worker every minute. Returns how many. */
  async expireOffers(now = new Date()): Promise<number> {
    return this.uow.transaction(async (tx) => {
      const due = await tx.query(
        `SELECT id FROM invoice WHERE status = 'OFFERED' AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const invoice of due) await this.lifecycle.transition(tx, invoice.id, 'EXPIRE', SYSTEM_ACTOR, { note: 'The offer was not accepted in time' });
      return due.length;
    });
  }

  /**
   * When a client may no longer sell (blocked or terminated, issue 9 b), nothing in flight may
   * still be bought: open offers are withdrawn with a reason the client sees, and invoices
   * waiting for a credit decision or a person end denied (CLIENT_BLOCKED). Purchased invoices
   * not yet paid out stay bought; the payout batches of issue 12 hold them while the client is
   * blocked. Called in the block's own transaction.
   */
  async stopInFlight(tx: EntityManager, clientId: string, clientState: string, note: string): Promise<{ withdrawn: number; denied: number }> {
    const why = clientStandingReason(clientState);
    if (!why) return { withdrawn: 0, denied: 0 };
    const reasons = [reasonView(why)];
    const rows: Array<{ id: string; status: string }> = await tx.query(
      `SELECT id, status FROM invoice WHERE client_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE`,
      [clientId, ['OFFERED', 'OFFER_REVIEW', ...AWAITING_CREDIT_DECISION]],
    );
    let withdrawn = 0;
    for (const row of rows) {
      const event = row.status === 'OFFERED' ? 'WITHDRAW' : row.status === 'OFFER_REVIEW' ? 'OFFER_REVIEW_DENIED' : 'DENY';
      await this.lifecycle.transition(tx, row.id, event, SYSTEM_ACTOR, { note, details: { reasons: [why.code] }, clientPayload: { reasons } });
      if (event === 'WITHDRAW') withdrawn++;
      else await tx.query(`UPDATE credit_review SET state = 'CLOSED', closed_at = now(), outcome = 'DENIED', paused_at = NULL, version = version + 1 WHERE invoice_id = $1 AND state <> 'CLOSED'`, [row.id]);
    }
    return { withdrawn, denied: rows.length - withdrawn };
  }

  /**
   * What an earlier submission of this invoice means for this one: the answer to return (the
   * same content again, or the same idempotency key), the attempt a corrected submission
   * follows, or a CONFLICT (other content under a key, or under the number of a live invoice).
   */
  private async earlierAttempt(clientId: string, invoiceNumber: string, idempotencyKey: string | undefined, hash: string): Promise<{ answer?: string; previous?: { id: string } }> {
    if (idempotencyKey) {
      const [keyed] = await this.db.query(`SELECT id, content_hash, invoice_number FROM invoice WHERE client_id = $1 AND idempotency_key = $2`, [clientId, idempotencyKey]);
      if (keyed) {
        if (keyed.content_hash === hash) return { answer: keyed.id };
        throw new ConflictError(InvoiceError.INVOICE_ALREADY_SUBMITTED, `The idempotency key was already used for invoice ${keyed.invoice_number}.`, { invoiceId: keyed.id });
      }
    }
    const [latest] = await this.db.query(
      `SELECT id, content_hash, status FROM invoice WHERE client_id = $1 AND invoice_number = $2 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [clientId, invoiceNumber],
    );
    if (!latest) return {};
    const resubmittable = RESUBMITTABLE_STATUSES.includes(latest.status);
    // A retry of the same content returns the same answer; after a decline, an expiry or a withdrawal it asks for a fresh offer.
    if (latest.content_hash === hash && (!resubmittable || latest.status === 'REFUSED')) return { answer: latest.id };
    if (resubmittable) return { previous: { id: latest.id } };
    throw new ConflictError(
      InvoiceError.INVOICE_ALREADY_SUBMITTED,
      `Invoice ${invoiceNumber} was already submitted with different content. A sold invoice is changed by a credit note, not by submitting it again.`,
      { invoiceId: latest.id },
    );
  }

  /** The debtor record (created on first sight, with no limit) and what the rules need to know of it. */
  private async debtorFor(tx: EntityManager, clientId: string, country: 'SE' | 'NO', input: InvoiceInput) {
    const none = { id: null as string | null, hasDisputedBefore: false, hasUnpaidBefore: false, relation: null as 'SAME_GROUP' | 'SAME_OWNER' | null };
    let identity: string;
    try {
      identity =
        input.debtor.kind === 'COMPANY'
          ? parseOrganisationNumber(country, input.debtor.identityNumber, { allowPersonalIdentityNumber: true } as never).value
          : parsePersonalIdentityNumber(country, input.debtor.identityNumber).value;
    } catch {
      return none; // the eligibility rules explain the invalid number
    }
    await tx.query(
      // The e-mail is the client's word: marked as such, never a contact a spot check may be confirmed on (issue 9 h).
      `INSERT INTO debtor (country, kind, identity_number, name, address, email, contact_given_by_client_id, peppol_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (country, identity_number) DO NOTHING`,
      [
        country, input.debtor.kind, identity, input.debtor.name, input.debtor.address, input.debtor.email ?? null, input.debtor.email ? clientId : null,
        input.debtor.peppolId ? PeppolParticipantId.parse(input.debtor.peppolId, 'input.debtor.peppolId').toString() : null,
      ],
    );
    // The debtor (now committed or ours) and its pair with the client, made on first sight: one round trip.
    const [debtor] = await tx.query(
      `WITH d AS (SELECT id, has_disputed_before, has_unpaid_before FROM debtor WHERE country = $1 AND identity_number = $2),
            made AS (INSERT INTO client_debtor (client_id, debtor_id) SELECT $3, id FROM d ON CONFLICT DO NOTHING RETURNING relation)
       SELECT d.*, coalesce((SELECT relation FROM made), (SELECT relation FROM client_debtor WHERE client_id = $3 AND debtor_id = d.id)) AS relation FROM d`,
      [country, identity, clientId],
    );
    return { id: debtor.id as string, hasDisputedBefore: debtor.has_disputed_before, hasUnpaidBefore: debtor.has_unpaid_before, relation: debtor.relation };
  }

  /** Another invoice number with the same debtor, amount and dates; or the same invoice sold by another client. */
  private async suspectedDuplicates(tx: EntityManager, clientId: string, debtorId: string, input: InvoiceInput) {
    const rows = await tx.query(
      `SELECT id, invoice_number, client_id FROM invoice
        WHERE debtor_id = $1 AND payable = $2 AND invoice_date = $3 AND due_date = $4 AND status = ANY($5)
          AND NOT (client_id = $6 AND invoice_number = $7)
        ORDER BY created_at LIMIT 5`,
      [debtorId, input.payable, input.invoiceDate, input.dueDate, LIVE_STATUSES, clientId, input.invoiceNumber],
    );
    return rows.map((row: { id: string; invoice_number: string; client_id: string }) => ({
      invoiceId: row.id,
      invoiceNumber: row.invoice_number,
      clientId: row.client_id,
      sameClient: row.client_id === clientId,
      kind: row.client_id === clientId ? ('SAME_DEBTOR_AMOUNT_AND_DATES' as const) : ('SOLD_BY_ANOTHER_CLIENT' as const),
    }));
  }

  private async insertLines(tx: EntityManager, invoiceId: string, input: InvoiceInput): Promise<void> {
    const values: unknown[] = [];
    const { lineNets } = computeTotals({ lines: input.lines, totals: input.totals });
    const tuples = input.lines.map((line, index) => {
      const net = lineNets[index].toFixed(2);
      const base = values.push(invoiceId, index + 1, line.description, line.quantity, line.unitPrice, line.vatRatePercent, line.reverseCharge, net);
      return `($${base - 7}, $${base - 6}, $${base - 5}, $${base - 4}, $${base - 3}, $${base - 2}, $${base - 1}, $${base})`;
    });
    await tx.query(
      `INSERT INTO invoice_line (invoice_id, line_number, description, quantity, unit_price, vat_rate_percent, reverse_charge, net) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** OCR with length digit in Sweden, KID MOD10 in Norway, from a database sequence (never reused). */
  private async paymentReference(tx: EntityManager, country: 'SE' | 'NO'): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('payment_reference_${country.toLowerCase()}')::text AS n`);
    return country === 'SE'
      ? OcrReference.generate(n, { withLengthDigit: true }).value
      : KidReference.generate(n, { algorithm: 'MOD10', length: 12 }).reference.value;
  }

  /** Locks the client (shared, or for update when exposure moves), then the invoice: the order every invoice change takes. */
  private async lockOwn(tx: EntityManager, key: ClientKeyPrincipal, invoiceId: string, client: 'SHARE' | 'UPDATE' = 'SHARE') {
    await tx.query(`SELECT 1 FROM client WHERE id = $1 FOR ${client}`, [key.clientId]);
    const [invoice] = await tx.query(
      `SELECT id, client_id, debtor_id, country, currency, status, version, invoice_number, offer_terms, offer_expires_at, payable::text,
              credited_amount::text, payout::text
         FROM invoice WHERE id = $1 AND client_id = $2 FOR UPDATE`,
      [invoiceId, key.clientId],
    );
    if (!invoice) throw new NotFoundError(InvoiceError.INVOICE_NOT_FOUND, `You have no invoice with the id ${invoiceId}.`);
    return invoice;
  }
}

function notOffered(status: string) {
  return new ConflictError(InvoiceError.OFFER_NOT_OPEN, `There is no open offer on this invoice: it is ${CLIENT_STATUS[status].toLowerCase()}.`, { status: CLIENT_STATUS[status] });
}

/** What must be refused before any rule looks at the invoice: malformed values, and dates or amounts that cannot be. */
function parseInvoice(input: InvoiceInput) {
  const date = (value: string, field: string) => {
    try {
      return LocalDate.parse(value);
    } catch {
      throw new InvalidValueError(InvoiceError.DATE_INVALID, `${value} is not a date that exists.`, `input.${field}`);
    }
  };
  const invoiceDate = date(input.invoiceDate, 'invoiceDate');
  const deliveryDate = date(input.deliveryDate, 'deliveryDate');
  const dueDate = date(input.dueDate, 'dueDate');
  if (dueDate.isBefore(invoiceDate)) {
    throw new InvalidValueError(InvoiceError.DUE_BEFORE_INVOICE_DATE, `The due date ${dueDate} is before the invoice date ${invoiceDate}.`, 'input.dueDate');
  }
  const currency = parseCurrencyCode(input.currency, 'input.currency');
  input.lines.forEach((line, index) => {
    for (const field of ['quantity', 'unitPrice', 'vatRatePercent'] as const) {
      if (new Decimal(line[field]).isNegative()) {
        throw new InvalidValueError(InvoiceError.LINE_VALUE_NEGATIVE, `Line ${index + 1}: ${field} cannot be negative; credit a sold invoice with a credit note instead.`, `input.lines.${index}.${field}`);
      }
    }
    if (new Decimal(line.vatRatePercent).gt(100)) throw new InvalidValueError(InvoiceError.VAT_RATE_INVALID, `Line ${index + 1}: a VAT rate above 100 % cannot be right.`, `input.lines.${index}.vatRatePercent`);
  });
  for (const field of ['net', 'vat', 'gross'] as const) {
    if (new Decimal(input.totals[field]).isNegative()) throw new InvalidValueError(InvoiceError.TOTAL_NEGATIVE, `${field} cannot be negative.`, `input.totals.${field}`);
  }
  if (!new Decimal(input.payable).isPositive() || new Decimal(input.payable).isZero()) {
    throw new InvalidValueError(InvoiceError.PAYABLE_NOT_POSITIVE, 'The amount to pay must be above zero.', 'input.payable');
  }
  // The debtor's e-invoice address: only a scheme we deliver to, with a valid identifier (issue 13, bad input).
  if (input.debtor.peppolId) PeppolParticipantId.parse(input.debtor.peppolId, 'input.debtor.peppolId');
  if (input.deduction && new Decimal(input.deduction.amount).lte(0)) {
    throw new InvalidValueError(InvoiceError.DEDUCTION_NOT_POSITIVE, 'A deduction must be above zero; leave it out when there is none.', 'input.deduction.amount');
  }
  return { invoiceDate, deliveryDate, dueDate, currency };
}

/** A fingerprint of what was submitted, to tell a retry from a different invoice under the same number. */
function contentHash(input: InvoiceInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}
