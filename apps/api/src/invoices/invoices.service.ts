import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BUSINESS_TIME_ZONES,
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
} from '@factoring/domain';
import { checkEligibility, computeTotals, offerExpiresAt, plannedPayoutDate, priceOffer, reviewDueAt } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { ClientKeyPrincipal } from '../auth/principal';
import { reasonView } from '../common/dto/common.types';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { OutboxService } from '../outbox/outbox.service';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { decideJob } from '../credit/credit.service';
import { RuleSettingsService } from '../rule-settings/rule-settings.service';
import { CreditInvoiceArgs, InvoiceInput } from './dto/invoice.inputs';
import { InvoiceType } from './dto/invoice.types';
import { CLIENT_STATUS, CREDITABLE, LIVE_FOR_DUPLICATES } from './invoice-status';
import { InvoicesRepository } from './invoices.repository';

export const INVOICE = 'INVOICE';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: InvoicesRepository,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly settings: RuleSettingsService,
    private readonly jobs: JobOutboxService,
  ) {}

  /** Submitting again (same number or idempotency key, same content) returns the first result and creates nothing. */
  async submit(key: ClientKeyPrincipal, input: InvoiceInput, idempotencyKey: string | undefined, now = new Date()): Promise<{ invoice: InvoiceType; created: boolean }> {
    const parsed = parseInvoice(input);
    const hash = contentHash(input);
    const existing = await this.existing(key.clientId, input.invoiceNumber, idempotencyKey, hash);
    if (existing) return { invoice: await this.repository.invoice(existing, key.clientId), created: false };

    let invoiceId: string;
    try {
      invoiceId = await this.db.transaction(async (tx) => {
        const [client] = await tx.query(`SELECT id, country, state, state_reason FROM client WHERE id = $1 FOR SHARE`, [key.clientId]);
        const country = client.country as 'SE' | 'NO';
        const today = LocalDate.today(BUSINESS_TIME_ZONES[country], now);
        const debtor = await this.debtorFor(tx, key.clientId, country, input);
        const duplicates = debtor.id ? await this.suspectedDuplicates(tx, key.clientId, debtor.id, input) : [];
        const eligibilityVersion = await this.settings.inForce('eligibility', country, today, tx);
        const result = checkEligibility(
          {
            country,
            today,
            client: { state: client.state, stateReason: client.state_reason },
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
        const status = result.outcome === 'REFUSED' ? 'DENIED' : result.outcome === 'MANUAL_ASSESSMENT' ? 'MANUAL_ASSESSMENT' : 'OFFERED';
        const eligibility = {
          outcome: result.outcome,
          reasons: result.reasons.map(reasonView),
          suspectedDuplicates: result.suspectedDuplicates,
          settingsValidFrom: eligibilityVersion.validFrom,
          checkedOn: today.toString(),
        };

        const [row] = await tx.query(
          `INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, idempotency_key, content_hash, country, currency,
                                invoice_date, delivery_date, due_date, net, vat, rounding, gross, deduction_kind, deduction_amount, payable,
                                reverse_charge_vat_numbers, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26) RETURNING id`,
          [
            key.clientId,
            debtor.id,
            input.debtor,
            input.invoiceNumber,
            idempotencyKey ?? null,
            hash,
            country,
            parsed.currency,
            parsed.invoiceDate.toString(),
            parsed.deliveryDate.toString(),
            parsed.dueDate.toString(),
            input.totals.net,
            input.totals.vat,
            input.totals.rounding ?? '0',
            input.totals.gross,
            input.deduction?.kind ?? null,
            input.deduction?.amount ?? null,
            input.payable,
            input.sellerVatNumber || input.debtor.vatNumber ? { seller: input.sellerVatNumber ?? null, buyer: input.debtor.vatNumber ?? null } : null,
            status,
            eligibility,
            offer?.fee.amountString ?? null,
            offer?.vatOnFee.amountString ?? null,
            offer?.payout.amountString ?? null,
            offerTerms,
            priced?.expiresAt ?? null,
          ],
        );
        await this.insertLines(tx, row.id, input);
        if (status === 'MANUAL_ASSESSMENT') await this.openManualAssessment(tx, row.id, country, now);
        await this.timeline.record(tx, {
          entityType: INVOICE,
          entityId: row.id,
          actor: { type: 'CLIENT', id: key.clientId },
          fromState: 'SUBMITTED',
          toState: status,
          reason: status === 'OFFERED' ? 'Offer made' : result.reasons.map((r) => r.message.en).join(' '),
          details: { reasons: result.reasons.map((r) => r.code) },
        });
        await this.outbox.write(tx, {
          clientId: key.clientId,
          topic: status === 'OFFERED' ? 'invoice.offered' : status === 'DENIED' ? 'invoice.denied' : 'invoice.processing',
          subjectType: 'INVOICE',
          subjectId: row.id,
          payload: {
            invoiceNumber: input.invoiceNumber,
            status: CLIENT_STATUS[status],
            reasons: eligibility.reasons,
            offer: offer ? { fee: offer.fee.amountString, vatOnFee: offer.vatOnFee.amountString, payout: offer.payout.amountString, currency: parsed.currency } : null,
          },
        });
        return row.id as string;
      });
    } catch (error) {
      // Two submissions of one invoice at the same moment: the loser answers like a resubmission.
      if ((error as { code?: string }).code === '23505') {
        const winner = await this.existing(key.clientId, input.invoiceNumber, idempotencyKey, hash);
        if (winner) return { invoice: await this.repository.invoice(winner, key.clientId), created: false };
      }
      throw error;
    }
    return { invoice: await this.repository.invoice(invoiceId, key.clientId), created: true };
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
        paymentAccount: country === 'SE' ? { kind: 'BANKGIRO', account: this.config.FACTOR_BANKGIRO_SE } : { kind: 'BANK_ACCOUNT', account: this.config.FACTOR_ACCOUNT_NO },
        offerSettingsFrom: offerVersion.validFrom,
        figures: offer.figures,
      },
    };
  }

  /**
   * After a person approved an invoice the rules would not offer for (a suspected twin, or a
   * refusal the client asked to have assessed, seed 000): the client gets an offer to accept.
   */
  async openOffer(tx: EntityManager, invoiceId: string, now: Date): Promise<void> {
    const [invoice] = await tx.query(`SELECT id, client_id, country, currency, payable::text, invoice_number FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]);
    const priced = await this.price(tx, invoice.client_id, invoice.country, invoice.currency, invoice.payable, now);
    if (!priced) throw new ConflictError('INVOICE_CANNOT_BE_PRICED', 'This invoice cannot be priced: the client has no agreement, or the invoice is not in its currency.');
    await tx.query(
      `UPDATE invoice SET status = 'OFFERED', fee = $2, vat_on_fee = $3, payout = $4, offer_terms = $5, offer_expires_at = $6, updated_at = now(), version = version + 1 WHERE id = $1`,
      [invoiceId, priced.offer.fee.amountString, priced.offer.vatOnFee.amountString, priced.offer.payout.amountString, priced.terms, priced.expiresAt],
    );
    await this.outbox.write(tx, {
      clientId: invoice.client_id,
      topic: 'invoice.offered',
      subjectType: 'INVOICE',
      subjectId: invoiceId,
      payload: { invoiceNumber: invoice.invoice_number, status: 'OFFERED', offer: { fee: priced.offer.fee.amountString, vatOnFee: priced.offer.vatOnFee.amountString, payout: priced.offer.payout.amountString, currency: invoice.currency } },
    });
  }

  /** A client asks for a manual assessment of a refused invoice (seed 000): it goes to the analysts' queue. */
  async requestManualAssessment(key: ClientKeyPrincipal, invoiceId: string, message: string | undefined, now = new Date()): Promise<InvoiceType> {
    await this.db.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, invoiceId);
      if (invoice.status !== 'DENIED') {
        throw new ConflictError('INVOICE_NOT_DENIED', `Only a denied invoice can be sent for manual assessment; this one is ${CLIENT_STATUS[invoice.status].toLowerCase()}.`);
      }
      await tx.query(`UPDATE invoice SET status = 'MANUAL_ASSESSMENT', updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id]);
      await this.openManualAssessment(tx, invoice.id, invoice.country, now);
      await this.timeline.record(tx, { entityType: INVOICE, entityId: invoice.id, actor: { type: 'CLIENT', id: key.clientId }, fromState: 'DENIED', toState: 'MANUAL_ASSESSMENT', reason: `The client asked for a manual assessment${message ? `: ${message}` : ''}` });
      await this.outbox.write(tx, { clientId: key.clientId, topic: 'invoice.processing', subjectType: 'INVOICE', subjectId: invoice.id, payload: { invoiceNumber: invoice.invoice_number, status: 'PROCESSING', reasons: [] } });
    });
    return this.repository.invoice(invoiceId, key.clientId);
  }

  private async openManualAssessment(tx: EntityManager, invoiceId: string, country: 'SE' | 'NO', now: Date): Promise<void> {
    const times = await this.settings.inForce('reviewTimes', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx);
    await tx.query(`INSERT INTO credit_review (invoice_id, kind, state, due_at) VALUES ($1, 'MANUAL_ASSESSMENT', 'OPEN', $2)`, [
      invoiceId,
      reviewDueAt(now, 'MANUAL_ASSESSMENT', times.value),
    ]);
  }

  async accept(key: ClientKeyPrincipal, invoiceId: string, recourseMode: string | undefined, now = new Date()): Promise<InvoiceType> {
    const outcome = await this.db.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, invoiceId);
      if (invoice.status !== 'OFFERED') throw notOffered(invoice.status);
      if (new Date(invoice.offer_expires_at) <= now) {
        // Commit the expiry (the worker would have done it a moment later), then refuse.
        await this.expire(tx, invoice.id, invoice.client_id, invoice.invoice_number);
        return 'EXPIRED' as const;
      }
      const modes: string[] = invoice.offer_terms.recourseModes;
      const mode = recourseMode ?? (modes.length === 1 ? modes[0] : undefined);
      if (!mode) throw new InvalidValueError('RECOURSE_MODE_REQUIRED', `Choose a recourse mode: ${modes.join(' or ')}.`, 'recourseMode');
      if (!modes.includes(mode)) throw new InvalidValueError('RECOURSE_MODE_NOT_AGREED', `The agreement allows ${modes.join(' or ')}, not ${mode}.`, 'recourseMode');
      const country = invoice.country as 'SE' | 'NO';
      const reference = await this.paymentReference(tx, country);
      const payoutOn = plannedPayoutDate(now, country, (await this.settings.inForce('offer', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx)).value).toString();
      await tx.query(
        `UPDATE invoice SET status = 'ACCEPTED', recourse_mode = $2, accepted_at = $3, payment_reference = $4, planned_payout_date = $5,
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [invoice.id, mode, now, reference, payoutOn],
      );
      await this.timeline.record(tx, { entityType: INVOICE, entityId: invoice.id, actor: { type: 'CLIENT', id: key.clientId }, fromState: 'OFFERED', toState: 'ACCEPTED', reason: `Offer accepted (${mode.toLowerCase().replace('_', ' ')})` });
      await this.jobs.enqueue(tx, decideJob(invoice.id));
      await this.outbox.write(tx, {
        clientId: key.clientId,
        topic: 'invoice.accepted',
        subjectType: 'INVOICE',
        subjectId: invoice.id,
        payload: { invoiceNumber: invoice.invoice_number, status: 'PROCESSING', paymentReference: reference, account: invoice.offer_terms.paymentAccount, plannedPayoutDate: payoutOn },
      });
      return 'ACCEPTED' as const;
    });
    if (outcome === 'EXPIRED') throw new ConflictError('OFFER_EXPIRED', 'The offer has expired. Submit the invoice again for a new offer.');
    return this.repository.invoice(invoiceId, key.clientId);
  }

  async decline(key: ClientKeyPrincipal, invoiceId: string, reason: string | undefined): Promise<InvoiceType> {
    await this.db.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, invoiceId);
      if (invoice.status !== 'OFFERED') throw notOffered(invoice.status);
      await tx.query(`UPDATE invoice SET status = 'DECLINED', updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id]);
      await this.timeline.record(tx, { entityType: INVOICE, entityId: invoice.id, actor: { type: 'CLIENT', id: key.clientId }, fromState: 'OFFERED', toState: 'DECLINED', reason: reason ?? 'Offer declined' });
      await this.outbox.write(tx, { clientId: key.clientId, topic: 'invoice.declined', subjectType: 'INVOICE', subjectId: invoice.id, payload: { invoiceNumber: invoice.invoice_number, status: 'DECLINED' } });
    });
    return this.repository.invoice(invoiceId, key.clientId);
  }

  /** Records a credit note against a sold invoice (seed 000); the same credit number again changes nothing. */
  async credit(key: ClientKeyPrincipal, args: CreditInvoiceArgs): Promise<InvoiceType> {
    await this.db.transaction(async (tx) => {
      const invoice = await this.lockOwn(tx, key, args.invoiceId);
      const [already] = await tx.query(`SELECT amount::text FROM credit_note WHERE invoice_id = $1 AND credit_number = $2`, [invoice.id, args.creditNumber]);
      if (already) {
        if (!new Decimal(already.amount).equals(args.amount)) {
          throw new ConflictError('CREDIT_NUMBER_REUSED', `Credit note ${args.creditNumber} was recorded with ${already.amount}, not ${args.amount}.`);
        }
        return;
      }
      if (!CREDITABLE.includes(invoice.status)) {
        throw new ConflictError('INVOICE_NOT_SOLD', `Only a sold invoice can be credited here; this one is ${CLIENT_STATUS[invoice.status].toLowerCase()}.`);
      }
      const amount = new Decimal(args.amount);
      const open = new Decimal(invoice.payable).minus(invoice.credited_amount);
      if (amount.lte(0) || amount.decimalPlaces() > 2) throw new InvalidValueError('CREDIT_AMOUNT_INVALID', 'The credited amount must be above 0, in whole öre/øre.', 'amount');
      if (amount.gt(open)) throw new InvalidValueError('CREDIT_MORE_THAN_OPEN', `At most ${open.toFixed(2)} ${invoice.currency} can still be credited on this invoice.`, 'amount');
      await tx.query(`INSERT INTO credit_note (invoice_id, credit_number, amount, reason) VALUES ($1, $2, $3, $4)`, [invoice.id, args.creditNumber, amount.toFixed(2), args.reason ?? null]);
      const whole = amount.equals(open);
      await tx.query(
        `UPDATE invoice SET credited_amount = credited_amount + $2, status = CASE WHEN $3 THEN 'CREDITED' ELSE status END, updated_at = now(), version = version + 1 WHERE id = $1`,
        [invoice.id, amount.toFixed(2), whole],
      );
      await this.timeline.record(tx, { entityType: INVOICE, entityId: invoice.id, actor: { type: 'CLIENT', id: key.clientId }, fromState: invoice.status, toState: whole ? 'CREDITED' : invoice.status, reason: `Credit note ${args.creditNumber}: ${amount.toFixed(2)} ${invoice.currency}${args.reason ? ` (${args.reason})` : ''}` });
      await this.outbox.write(tx, { clientId: key.clientId, topic: 'invoice.credited', subjectType: 'INVOICE', subjectId: invoice.id, payload: { invoiceNumber: invoice.invoice_number, creditNumber: args.creditNumber, amount: amount.toFixed(2), whole } });
    });
    return this.repository.invoice(args.invoiceId, key.clientId);
  }

  /** Expires offers past their time; run by a worker every minute. Returns how many. */
  async expireOffers(now = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query(
        `SELECT id, client_id, invoice_number FROM invoice WHERE status = 'OFFERED' AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const invoice of due) await this.expire(tx, invoice.id, invoice.client_id, invoice.invoice_number);
      return due.length;
    });
  }

  private async expire(tx: EntityManager, id: string, clientId: string, invoiceNumber: string): Promise<void> {
    await tx.query(`UPDATE invoice SET status = 'EXPIRED', updated_at = now(), version = version + 1 WHERE id = $1`, [id]);
    await this.timeline.record(tx, { entityType: INVOICE, entityId: id, actor: { type: 'SYSTEM' }, fromState: 'OFFERED', toState: 'EXPIRED', reason: 'The offer was not accepted in time' });
    await this.outbox.write(tx, { clientId, topic: 'invoice.expired', subjectType: 'INVOICE', subjectId: id, payload: { invoiceNumber, status: 'EXPIRED' } });
  }

  private async existing(clientId: string, invoiceNumber: string, idempotencyKey: string | undefined, hash: string): Promise<string | null> {
    const rows = await this.db.query(
      `SELECT id, content_hash, invoice_number, idempotency_key FROM invoice
        WHERE client_id = $1 AND (invoice_number = $2 OR ($3::text IS NOT NULL AND idempotency_key = $3))`,
      [clientId, invoiceNumber, idempotencyKey ?? null],
    );
    if (!rows.length) return null;
    const twin = rows[0];
    if (twin.content_hash !== hash || rows.length > 1) {
      throw new ConflictError(
        'INVOICE_ALREADY_SUBMITTED',
        twin.invoice_number === invoiceNumber
          ? `Invoice ${invoiceNumber} was already submitted with different content. A sold invoice is changed by a credit note, not by submitting it again.`
          : `The idempotency key was already used for invoice ${twin.invoice_number}.`,
        { invoiceId: twin.id },
      );
    }
    return twin.id;
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
      `INSERT INTO debtor (country, kind, identity_number, name, address, email) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (country, identity_number) DO NOTHING`,
      [country, input.debtor.kind, identity, input.debtor.name, input.debtor.address, input.debtor.email ?? null],
    );
    const [debtor] = await tx.query(`SELECT id, has_disputed_before, has_unpaid_before FROM debtor WHERE country = $1 AND identity_number = $2`, [country, identity]);
    await tx.query(`INSERT INTO client_debtor (client_id, debtor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [clientId, debtor.id]);
    const [pair] = await tx.query(`SELECT relation FROM client_debtor WHERE client_id = $1 AND debtor_id = $2`, [clientId, debtor.id]);
    return { id: debtor.id as string, hasDisputedBefore: debtor.has_disputed_before, hasUnpaidBefore: debtor.has_unpaid_before, relation: pair.relation };
  }

  /** Another invoice number with the same debtor, amount and dates; or the same invoice sold by another client. */
  private async suspectedDuplicates(tx: EntityManager, clientId: string, debtorId: string, input: InvoiceInput) {
    const rows = await tx.query(
      `SELECT id, invoice_number, client_id FROM invoice
        WHERE debtor_id = $1 AND payable = $2 AND invoice_date = $3 AND due_date = $4 AND status = ANY($5)
          AND NOT (client_id = $6 AND invoice_number = $7)
        ORDER BY created_at LIMIT 5`,
      [debtorId, input.payable, input.invoiceDate, input.dueDate, LIVE_FOR_DUPLICATES, clientId, input.invoiceNumber],
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

  private async lockOwn(tx: EntityManager, key: ClientKeyPrincipal, invoiceId: string) {
    const [invoice] = await tx.query(
      `SELECT id, client_id, country, currency, status, invoice_number, offer_terms, offer_expires_at, payable::text, credited_amount::text
         FROM invoice WHERE id = $1 AND client_id = $2 FOR UPDATE`,
      [invoiceId, key.clientId],
    );
    if (!invoice) throw new NotFoundError('INVOICE_NOT_FOUND', `You have no invoice with the id ${invoiceId}.`);
    return invoice;
  }
}

function notOffered(status: string) {
  return new ConflictError('OFFER_NOT_OPEN', `There is no open offer on this invoice: it is ${CLIENT_STATUS[status].toLowerCase()}.`, { status: CLIENT_STATUS[status] });
}

/** What must be refused before any rule looks at the invoice: malformed values, and dates or amounts that cannot be. */
function parseInvoice(input: InvoiceInput) {
  const date = (value: string, field: string) => {
    try {
      return LocalDate.parse(value);
    } catch {
      throw new InvalidValueError('DATE_INVALID', `${value} is not a date that exists.`, `input.${field}`);
    }
  };
  const invoiceDate = date(input.invoiceDate, 'invoiceDate');
  const deliveryDate = date(input.deliveryDate, 'deliveryDate');
  const dueDate = date(input.dueDate, 'dueDate');
  if (dueDate.isBefore(invoiceDate)) {
    throw new InvalidValueError('DUE_BEFORE_INVOICE_DATE', `The due date ${dueDate} is before the invoice date ${invoiceDate}.`, 'input.dueDate');
  }
  const currency = parseCurrencyCode(input.currency, 'input.currency');
  input.lines.forEach((line, index) => {
    for (const field of ['quantity', 'unitPrice', 'vatRatePercent'] as const) {
      if (new Decimal(line[field]).isNegative()) {
        throw new InvalidValueError('LINE_VALUE_NEGATIVE', `Line ${index + 1}: ${field} cannot be negative; credit a sold invoice with a credit note instead.`, `input.lines.${index}.${field}`);
      }
    }
    if (new Decimal(line.vatRatePercent).gt(100)) throw new InvalidValueError('VAT_RATE_INVALID', `Line ${index + 1}: a VAT rate above 100 % cannot be right.`, `input.lines.${index}.vatRatePercent`);
  });
  for (const field of ['net', 'vat', 'gross'] as const) {
    if (new Decimal(input.totals[field]).isNegative()) throw new InvalidValueError('TOTAL_NEGATIVE', `${field} cannot be negative.`, `input.totals.${field}`);
  }
  if (!new Decimal(input.payable).isPositive() || new Decimal(input.payable).isZero()) {
    throw new InvalidValueError('PAYABLE_NOT_POSITIVE', 'The amount to pay must be above zero.', 'input.payable');
  }
  if (input.deduction && new Decimal(input.deduction.amount).lte(0)) {
    throw new InvalidValueError('DEDUCTION_NOT_POSITIVE', 'A deduction must be above zero; leave it out when there is none.', 'input.deduction.amount');
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
