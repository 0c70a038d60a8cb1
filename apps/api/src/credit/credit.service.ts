import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOUGHT_STATUSES, BUSINESS_TIME_ZONES, LocalDate } from '@factoring/domain';
import { averageDaysLate, clientStandingReason, CreditDecision, CreditInput, decideCredit, reviewDueAt, sampleSpotCheck, SpotCheckIntensity } from '@factoring/rules';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { reasonView } from '../common/dto/common.types';
import { Exposure } from '../exposure/exposure.service';
import { InvoiceLifecycle, LockedInvoice, SYSTEM_ACTOR } from '../invoices/invoice-lifecycle';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { RuleSettingsService } from '../rule-settings/rule-settings.service';
import { decideJob } from './credit-jobs';
import { PaymentStatisticsRepository } from '../payments/payment-statistics.repository';

export { decideJob } from './credit-jobs';

interface DecidedInvoice extends LockedInvoice {
  id: string;
  country: 'SE' | 'NO';
  client_id: string;
  debtor_id: string;
  /** What is left to buy: the amount payable less what has been credited (issue 9 e). */
  open: string;
  invoice_number: string;
}

/**
 * The credit decision for an accepted offer (seeds 000, 001, 004). It runs in one transaction
 * with the client, debtor and pair rows locked (always in that order, so two decisions
 * cannot deadlock), so that two invoices deciding at once can never both fit under a limit
 * that holds only one; the exposure counters move in the same transaction as the decision.
 * Running it twice decides once: only an ACCEPTED invoice is decided.
 */
@Injectable()
export class CreditService {
  private readonly logger = new Logger(CreditService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly settings: RuleSettingsService,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly exposure: Exposure,
    private readonly jobs: JobOutboxService,
  ) {}

  /** Queues the decision; called in the acceptance's own transaction. */
  async requestDecision(tx: EntityManager, invoiceId: string): Promise<void> {
    await this.jobs.enqueue(tx, decideJob(invoiceId));
  }

  async decide(invoiceId: string, now = new Date()): Promise<CreditDecision['outcome'] | 'ALREADY_DECIDED'> {
    return this.uow.transaction(async (tx) => {
      // Locks in the one order every invoice change takes: client, invoice, debtor, pair (so a block and a decision cannot deadlock).
      const [client] = await tx.query(
        `SELECT id, state, exposure::text FROM client WHERE id = (SELECT client_id FROM invoice WHERE id = $1) FOR UPDATE`,
        [invoiceId],
      );
      const [invoice] = await tx.query(
        `SELECT id, client_id, debtor_id, country, currency, (payable - credited_amount)::text AS open, due_date::text, recourse_mode, invoice_number, status, version
           FROM invoice WHERE id = $1 FOR UPDATE`,
        [invoiceId],
      );
      if (!invoice || invoice.status !== 'ACCEPTED') return 'ALREADY_DECIDED';
      const country = invoice.country as 'SE' | 'NO';
      const today = LocalDate.today(BUSINESS_TIME_ZONES[country], now);

      // A client blocked after the acceptance: nothing of it is bought (issue 9 b).
      const standing = clientStandingReason(client.state);
      if (standing) {
        await this.lifecycle.transition(tx, invoice, 'DENY', SYSTEM_ACTOR, { note: standing.message.en, details: { reasons: [standing.code] }, clientPayload: { reasons: [reasonView(standing)] } });
        await tx.query(`INSERT INTO credit_decision (invoice_id, kind, outcome, reasons) VALUES ($1, 'SYSTEM', 'DENY', $2)`, [invoice.id, JSON.stringify([reasonView(standing)])]);
        return 'DENY';
      }
      const [debtor] = await tx.query(
        `SELECT id, kind, credit_limit::text, temporary_raise::text, temporary_raise_until::text, exposure::text,
                invoices_paid, invoices_paid_late, days_late_total, max_days_late, has_unpaid_before, has_disputed_before
           FROM debtor WHERE id = $1 FOR UPDATE`,
        [invoice.debtor_id],
      );
      // How the debtor has paid, from the payments placed on its invoices (issue 14 s.5), not the debtor row's columns nothing updates.
      Object.assign(debtor, await PaymentStatisticsRepository.history(tx, invoice.debtor_id));
      const [pair] = await tx.query(
        `SELECT credit_limit::text, temporary_raise::text, temporary_raise_until::text, exposure::text
           FROM client_debtor WHERE client_id = $1 AND debtor_id = $2 FOR UPDATE`,
        [invoice.client_id, invoice.debtor_id],
      );
      // What the rules need besides the locked rows, in one round trip: the agreement in force,
      // how many invoices the client has sold and the debtor has had bought, and the client's
      // recent amounts (each served by an index on (client_id|debtor_id, status, ...)).
      const [history] = await tx.query(
        `SELECT a.credit_limit::text AS credit_limit, a.spot_check_intensity,
                (SELECT count(*)::int FROM invoice WHERE client_id = $1 AND status = ANY($3)) AS sold,
                (SELECT count(*)::int FROM invoice WHERE debtor_id = $2 AND status = ANY($3)) AS bought,
                (SELECT coalesce(array_agg(r.payable::text), '{}') FROM
                   (SELECT payable FROM invoice WHERE client_id = $1 AND status = ANY($3) ORDER BY accepted_at DESC LIMIT 50) r) AS recent
           FROM client_agreement a WHERE a.client_id = $1 ORDER BY a.version DESC LIMIT 1`,
        [invoice.client_id, invoice.debtor_id, BOUGHT_STATUSES],
      );
      const { credit_limit: clientLimit, spot_check_intensity: intensity, sold, bought, recent } = history as {
        credit_limit: string;
        spot_check_intensity: SpotCheckIntensity;
        sold: number;
        bought: number;
        recent: string[];
      };

      const spotCheckSettings = await this.settings.inForce('spotCheck', country, today, tx);
      const spotCheck = sampleSpotCheck(
        { invoiceId, clientInvoiceOrdinal: sold + 1, amount: invoice.open, debtorIsNew: bought === 0, intensity },
        spotCheckSettings,
      );
      const raise = (row: { temporary_raise: string | null; temporary_raise_until: string | null }) =>
        row.temporary_raise && row.temporary_raise_until ? { amount: row.temporary_raise, expiresOn: LocalDate.parse(row.temporary_raise_until) } : undefined;
      const input: CreditInput = {
        today,
        invoice: { amount: invoice.open, currency: invoice.currency, recourse: invoice.recourse_mode, dueDate: LocalDate.parse(invoice.due_date) },
        debtor: {
          kind: debtor.kind,
          limit: { limit: debtor.credit_limit, temporaryRaise: raise(debtor) },
          exposure: debtor.exposure,
          isNew: bought === 0,
          history: {
            invoicesPaid: debtor.invoices_paid,
            paidLate: debtor.invoices_paid_late,
            averageDaysLate: Number(averageDaysLate(debtor.days_late_total, debtor.invoices_paid_late)),
            maxDaysLate: debtor.max_days_late,
            unpaidBefore: debtor.has_unpaid_before,
            disputedBefore: debtor.has_disputed_before,
          },
        },
        client: { creditLimit: { limit: clientLimit }, exposure: client.exposure, invoicesSold: sold, recentInvoiceAmounts: recent },
        pair: { limit: pair.credit_limit === null ? null : { limit: pair.credit_limit, temporaryRaise: raise(pair) }, exposure: pair.exposure },
        spotCheck: { selected: spotCheck.selected, rate: spotCheck.rate, draw: spotCheck.draw },
      };
      const decision = decideCredit(input, await this.settings.inForce('credit', country, today, tx));
      // Why the draw picked (or passed) this invoice, in words, kept with the figures for the explanation panel.
      decision.figures = { ...decision.figures, spotCheckExplanation: spotCheck.reasons.map(reasonView) } as typeof decision.figures;
      await this.record(tx, invoice, decision, input, now);
      return decision.outcome;
    });
  }

  private async record(tx: EntityManager, invoice: DecidedInvoice, decision: CreditDecision, input: CreditInput, now: Date): Promise<void> {
    const reasons = decision.reasons.map(reasonView);
    await tx.query(
      `INSERT INTO credit_decision (invoice_id, kind, outcome, reasons, figures, input, rules_version) VALUES ($1, 'AUTOMATIC', $2, $3, $4, $5, $6)`,
      [invoice.id, decision.outcome, JSON.stringify(reasons), decision.figures, JSON.parse(JSON.stringify(input)), decision.rulesVersion],
    );
    const event = ({ APPROVE: 'PURCHASE', DENY: 'DENY', MANUAL_ASSESSMENT: 'SENT_TO_MANUAL_ASSESSMENT', SPOT_CHECK: 'SPOT_CHECK_SELECTED' } as const)[decision.outcome];
    await this.lifecycle.transition(tx, invoice, event, SYSTEM_ACTOR, {
      note: decision.reasons.map((r) => r.message.en).join(' '),
      details: { outcome: decision.outcome, rulesVersion: decision.rulesVersion, reasons: decision.reasons.map((r) => r.code) },
      // The client hears the outcome, never the figures, limits or the spot-check draw behind it (issue 9 c).
      clientPayload: { reasons: CLIENT_REASONS[decision.outcome].map(reasonView) },
    });
    if (decision.outcome === 'APPROVE') await this.exposure.reserve(tx, invoice, invoice.open);
    if (decision.outcome === 'MANUAL_ASSESSMENT' || decision.outcome === 'SPOT_CHECK') await this.openReview(tx, invoice.id, invoice.country, decision.outcome, now);
  }

  /** A review item in the analysts' queue, with its promised time from the dated review-time setting. */
  async openReview(tx: EntityManager, invoiceId: string, country: 'SE' | 'NO', kind: 'MANUAL_ASSESSMENT' | 'SPOT_CHECK', now: Date): Promise<void> {
    const times = await this.settings.inForce('reviewTimes', country, LocalDate.today(BUSINESS_TIME_ZONES[country], now), tx);
    await tx.query(`INSERT INTO credit_review (invoice_id, kind, state, due_at) VALUES ($1, $2, 'OPEN', $3)`, [invoiceId, kind, reviewDueAt(now, kind, times.value)]);
  }

  /**
   * A decision job that failed its last attempt must not leave the invoice "processing" with
   * no one told (issue 9 g): it goes to a person, with the reason. Safe to run twice.
   */
  async sendToPersonAfterFailure(invoiceId: string, failure: string, now = new Date()): Promise<boolean> {
    return this.uow.transaction(async (tx) => {
      // The client first, then the invoice: the order every invoice change locks in.
      await tx.query(`SELECT 1 FROM client WHERE id = (SELECT client_id FROM invoice WHERE id = $1) FOR UPDATE`, [invoiceId]);
      const [invoice] = await tx.query(`SELECT id, country, status FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]);
      if (!invoice || invoice.status !== 'ACCEPTED') return false;
      const reasons = [reasonView(CREDIT_JOB_FAILED)];
      await tx.query(`INSERT INTO credit_decision (invoice_id, kind, outcome, reasons, note) VALUES ($1, 'SYSTEM', 'MANUAL_ASSESSMENT', $2, $3)`, [
        invoiceId,
        JSON.stringify(reasons),
        failure.slice(0, 500),
      ]);
      await this.lifecycle.transition(tx, invoiceId, 'SENT_TO_MANUAL_ASSESSMENT', SYSTEM_ACTOR, {
        note: `${CREDIT_JOB_FAILED.message.en} (${failure.slice(0, 200)})`,
        details: { reasons: [CREDIT_JOB_FAILED.code] },
        clientPayload: { reasons: [] },
      });
      await this.openReview(tx, invoiceId, invoice.country, 'MANUAL_ASSESSMENT', now);
      return true;
    });
  }
}

/** What the client reads of each outcome: the step, never the figures behind it. */
const CLIENT_REASONS = {
  APPROVE: [],
  DENY: [
    {
      code: 'CREDIT_DENIED',
      message: { en: 'The factor could not buy this invoice.', sv: 'Factoringbolaget kunde inte köpa den här fakturan.', nb: 'Factoringselskapet kunne ikke kjøpe denne fakturaen.' },
    },
  ],
  MANUAL_ASSESSMENT: [
    {
      code: 'CREDIT_MANUAL_ASSESSMENT',
      message: {
        en: 'A person at the factor assesses the invoice before it is bought.',
        sv: 'En handläggare hos factoringbolaget bedömer fakturan innan den köps.',
        nb: 'En saksbehandler hos factoringselskapet vurderer fakturaen før den kjøpes.',
      },
    },
  ],
  // Seed 004: a spot check may delay the decision by about a day, and the client is told.
  SPOT_CHECK: [
    {
      code: 'CREDIT_SPOT_CHECK',
      message: {
        en: 'The invoice was picked for a spot check: we may contact your customer to confirm it. The decision may take about a day.',
        sv: 'Fakturan valdes ut för stickprovskontroll: vi kan kontakta er kund för att bekräfta den. Beslutet kan ta ungefär en dag.',
        nb: 'Fakturaen ble valgt ut til stikkprøvekontroll: vi kan kontakte kunden deres for å bekrefte den. Beslutningen kan ta omtrent en dag.',
      },
    },
  ],
};

const CREDIT_JOB_FAILED = {
  code: 'CREDIT_DECISION_FAILED',
  message: {
    en: 'The automatic credit decision could not be made: a person decides instead.',
    sv: 'Det automatiska kreditbeslutet kunde inte fattas: en handläggare beslutar i stället.',
    nb: 'Den automatiske kredittbeslutningen kunne ikke tas: en saksbehandler avgjør i stedet.',
  },
};
