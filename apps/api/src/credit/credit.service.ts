import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BUSINESS_TIME_ZONES, LocalDate } from '@factoring/domain';
import { CreditDecision, CreditInput, decideCredit, reviewDueAt, sampleSpotCheck, SpotCheckIntensity } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { reasonView } from '../common/dto/common.types';
import { INVOICE } from '../invoices/invoices.service';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { OutboxService } from '../outbox/outbox.service';
import { QUEUES } from '../queues/queues.module';
import { RuleSettingsService } from '../rule-settings/rule-settings.service';

/** Invoices that count as bought for "how many has this client sold" and "is this debtor new". */
const PURCHASED = ['PURCHASED', 'RECOURSE', 'FULLY_PAID'];
const SYSTEM = { type: 'SYSTEM' as const };

interface DecidedInvoice {
  id: string;
  country: 'SE' | 'NO';
  client_id: string;
  debtor_id: string;
  payable: string;
  invoice_number: string;
}

/** The job that decides an accepted invoice; its id makes a second enqueue the same job. */
export function decideJob(invoiceId: string) {
  return { queue: QUEUES.credit, name: 'decide', jobId: `decide-${invoiceId}`, data: { invoiceId } };
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
    private readonly settings: RuleSettingsService,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobOutboxService,
  ) {}

  /** Queues the decision; called in the acceptance's own transaction. */
  async requestDecision(tx: EntityManager, invoiceId: string): Promise<void> {
    await this.jobs.enqueue(tx, decideJob(invoiceId));
  }

  async decide(invoiceId: string, now = new Date()): Promise<CreditDecision['outcome'] | 'ALREADY_DECIDED'> {
    return this.db.transaction(async (tx) => {
      const [invoice] = await tx.query(
        `SELECT id, client_id, debtor_id, country, currency, payable::text, due_date::text, recourse_mode, invoice_number, status
           FROM invoice WHERE id = $1 FOR UPDATE`,
        [invoiceId],
      );
      if (!invoice || invoice.status !== 'ACCEPTED') return 'ALREADY_DECIDED';
      const country = invoice.country as 'SE' | 'NO';
      const today = LocalDate.today(BUSINESS_TIME_ZONES[country], now);

      const [client] = await tx.query(`SELECT id, exposure::text FROM client WHERE id = $1 FOR UPDATE`, [invoice.client_id]);
      const [debtor] = await tx.query(
        `SELECT id, kind, credit_limit::text, temporary_raise::text, temporary_raise_until::text, exposure::text,
                invoices_paid, invoices_paid_late, days_late_total, max_days_late, has_unpaid_before, has_disputed_before
           FROM debtor WHERE id = $1 FOR UPDATE`,
        [invoice.debtor_id],
      );
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
        [invoice.client_id, invoice.debtor_id, PURCHASED],
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
        { invoiceId, clientInvoiceOrdinal: sold + 1, amount: invoice.payable, debtorIsNew: bought === 0, intensity },
        spotCheckSettings,
      );
      const raise = (row: { temporary_raise: string | null; temporary_raise_until: string | null }) =>
        row.temporary_raise && row.temporary_raise_until ? { amount: row.temporary_raise, expiresOn: LocalDate.parse(row.temporary_raise_until) } : undefined;
      const input: CreditInput = {
        today,
        invoice: { amount: invoice.payable, currency: invoice.currency, recourse: invoice.recourse_mode, dueDate: LocalDate.parse(invoice.due_date) },
        debtor: {
          kind: debtor.kind,
          limit: { limit: debtor.credit_limit, temporaryRaise: raise(debtor) },
          exposure: debtor.exposure,
          isNew: bought === 0,
          history: {
            invoicesPaid: debtor.invoices_paid,
            paidLate: debtor.invoices_paid_late,
            averageDaysLate: debtor.invoices_paid_late ? Math.round(debtor.days_late_total / debtor.invoices_paid_late) : 0,
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
    const status = { APPROVE: 'PURCHASED', DENY: 'DENIED', MANUAL_ASSESSMENT: 'MANUAL_ASSESSMENT', SPOT_CHECK: 'SPOT_CHECK' }[decision.outcome];
    await tx.query(`UPDATE invoice SET status = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [invoice.id, status]);
    if (decision.outcome === 'APPROVE') await this.addExposure(tx, invoice);
    if (decision.outcome === 'MANUAL_ASSESSMENT' || decision.outcome === 'SPOT_CHECK') {
      const times = await this.settings.inForce('reviewTimes', invoice.country, LocalDate.today(BUSINESS_TIME_ZONES[invoice.country], now), tx);
      await tx.query(`INSERT INTO credit_review (invoice_id, kind, state, due_at) VALUES ($1, $2, 'OPEN', $3)`, [
        invoice.id,
        decision.outcome,
        reviewDueAt(now, decision.outcome, times.value),
      ]);
    }
    await this.timeline.record(tx, {
      entityType: INVOICE,
      entityId: invoice.id,
      actor: SYSTEM,
      fromState: 'ACCEPTED',
      toState: status,
      reason: decision.reasons.map((r) => r.message.en).join(' '),
      details: { outcome: decision.outcome, rulesVersion: decision.rulesVersion, reasons: decision.reasons.map((r) => r.code) },
    });
    const clientView = decision.outcome === 'APPROVE' ? 'SOLD' : decision.outcome === 'DENY' ? 'DENIED' : 'PROCESSING';
    await this.outbox.write(tx, {
      clientId: invoice.client_id,
      topic: decision.outcome === 'APPROVE' ? 'invoice.approved' : decision.outcome === 'DENY' ? 'invoice.denied' : 'invoice.processing',
      subjectType: 'INVOICE',
      subjectId: invoice.id,
      payload: {
        invoiceNumber: invoice.invoice_number,
        status: clientView,
        // A spot check may delay the decision by about a day (seed 004): the client is told.
        reasons: decision.outcome === 'APPROVE' ? [] : reasons.filter((r) => decision.outcome !== 'MANUAL_ASSESSMENT' || r.code !== 'CREDIT_APPROVED'),
      },
    });
  }

  /** The purchased amount now counts against the client, the debtor and the pair. */
  async addExposure(tx: EntityManager, invoice: { client_id: string; debtor_id: string; payable: string }): Promise<void> {
    const amount = new Decimal(invoice.payable).toFixed(2);
    // One statement, one round trip; the rows are already locked by the caller in the usual order.
    await tx.query(
      `WITH c AS (UPDATE client SET exposure = exposure + $3 WHERE id = $1),
            d AS (UPDATE debtor SET exposure = exposure + $3 WHERE id = $2)
       UPDATE client_debtor SET exposure = exposure + $3 WHERE client_id = $1 AND debtor_id = $2`,
      [invoice.client_id, invoice.debtor_id, amount],
    );
  }
}
