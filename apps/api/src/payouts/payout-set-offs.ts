import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@factoring/domain';
import { payoutSetOffPostings } from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { Ledger } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { RecourseStanding } from '../recourse/recourse-standing';
import { PayoutCandidateRow } from './payouts.repository';

const CURRENCY = { SE: 'SEK', NO: 'NOK' } as const;

/** What a client owes the factor that its payout can pay: oldest first. */
interface OpenReceivable {
  source: 'PAID_TO_CLIENT' | 'RECOURSE_INVOICE';
  id: string;
  client_id: string;
  /** The invoice the receivable is on (the one paid to the client, or the one bought back). */
  invoice_id: string;
  label: string;
  open: string;
  amount: string;
  paid_amount: string;
  status: string;
  since: string;
}

/** One set-off made: for the batch line, the client and the tests. */
export interface SetOffMade {
  id: string;
  clientId: string;
  payoutInvoiceId: string;
  source: OpenReceivable['source'];
  sourceId: string;
  label: string;
  amount: string;
}

/**
 * What is set off against a client's payout (issue 14 s.4, issue 15 s.3): what the client owes
 * the factor is taken from the money the factor owes it, before the rest is paid out.
 * - money a debtor paid the client directly (payment_allocation PAID_TO_CLIENT: the client holds
 *   the factor's money), and
 * - an overdue recourse invoice (recourse_invoice OPEN past its due date).
 * Preparing a batch asks it, in the batch's transaction and after the batch row exists, how much
 * of each due payout is set off now. Each set-off is a `payout_set_off` row with its own
 * balanced entry (CLIENT_PAYABLES against RECOURSE_RECEIVABLES), a timeline step on the payout's
 * invoice that the client sees, and a client event. What is left of a receivable is its amount
 * less its set-offs (and, for a recourse invoice, its payments), so a second batch, or the same
 * one prepared again after a cancel, never sets a debt off twice; a cancelled batch keeps its
 * set-offs (the debts were settled), and its invoices are due again for what is left.
 */
@Injectable()
export class PayoutSetOffs {
  constructor(
    private readonly ledger: Ledger,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly standing: RecourseStanding,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** New set-offs per due invoice (amounts as text), made and booked for the batch. */
  async against(tx: EntityManager, due: readonly PayoutCandidateRow[], batch: { id: string; book: 'SE' | 'NO' } = { id: '', book: 'SE' }): Promise<Map<string, string>> {
    const taken = new Map<string, string>();
    if (!due.length || !batch.id) return taken;
    const clients = [...new Set(due.map((d) => d.client_id))].sort();
    const today = this.clock.today(batch.book).toString();
    const currency = CURRENCY[batch.book];
    const receivables = await this.openReceivables(tx, clients, currency, today);
    if (!receivables.length) return taken;
    const left = new Map(due.map((d) => [d.invoice_id, new Decimal(d.amount)]));
    const made: SetOffMade[] = [];
    for (const r of receivables) {
      let open = new Decimal(r.open);
      for (const payout of due.filter((d) => d.client_id === r.client_id)) {
        if (open.isZero()) break;
        const available = left.get(payout.invoice_id)!;
        if (available.isZero()) continue;
        const amount = Decimal.min(open, available);
        open = open.minus(amount);
        left.set(payout.invoice_id, available.minus(amount));
        taken.set(payout.invoice_id, new Decimal(taken.get(payout.invoice_id) ?? 0).plus(amount).toFixed(2));
        made.push({ id: randomUUID(), clientId: r.client_id, payoutInvoiceId: payout.invoice_id, source: r.source, sourceId: r.id, label: r.label, amount: amount.toFixed(2) });
      }
      if (r.source === 'RECOURSE_INVOICE' && !new Decimal(r.open).eq(open)) await this.recourseSetOff(tx, r, new Decimal(r.open).minus(open));
    }
    // A late recourse invoice paid by the set-off lifts its block now, not at the next daily run (a fraud block stays).
    const paidRecourse = new Set(made.filter((s) => s.source === 'RECOURSE_INVOICE').map((s) => s.clientId));
    for (const clientId of [...paidRecourse].sort()) await this.standing.liftIfPaid(tx, clientId, today);
    const numbers = new Map(due.map((d) => [d.invoice_id, d.invoice_number]));
    const receivableInvoice = new Map(receivables.map((r) => [r.id, r.invoice_id]));
    for (const s of made) {
      const journal = await this.ledger.post(tx, {
        book: batch.book,
        date: today,
        causeType: 'PAYOUT_SET_OFF',
        causeId: s.id,
        event: 'PAYOUT_SET_OFF',
        description: `Set off against the payout of invoice ${numbers.get(s.payoutInvoiceId)}: ${s.label}`,
        lines: payoutSetOffPostings(s.amount).map((line) => ({
          ...line,
          clientId: s.clientId,
          invoiceId: line.role === 'CLIENT_PAYABLES' ? s.payoutInvoiceId : receivableInvoice.get(s.sourceId)!,
        })),
      });
      await tx.query(
        `INSERT INTO payout_set_off (id, client_id, payout_invoice_id, batch_id, source, paid_to_client_id, recourse_invoice_id, amount, journal_entry_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [s.id, s.clientId, s.payoutInvoiceId, batch.id, s.source, s.source === 'PAID_TO_CLIENT' ? s.sourceId : null, s.source === 'RECOURSE_INVOICE' ? s.sourceId : null, s.amount, journal.id],
      );
      await this.timeline.record(tx, {
        entityType: 'INVOICE',
        entityId: s.payoutInvoiceId,
        actor: { type: 'SYSTEM' },
        fromState: 'PURCHASED',
        toState: 'PURCHASED',
        reason: `${s.amount} ${currency} of the payout set off: ${s.label}`,
        details: { step: 'PAYOUT_SET_OFF', source: s.source, sourceId: s.sourceId, batchId: batch.id, clientStep: 'PAYOUT_SET_OFF', forClient: { amount: s.amount, currency, on: today } },
      });
      await this.outbox.write(tx, {
        clientId: s.clientId,
        topic: 'invoice.payout_set_off',
        subjectType: 'INVOICE',
        subjectId: s.payoutInvoiceId,
        payload: { invoiceNumber: numbers.get(s.payoutInvoiceId), amount: s.amount, currency, setOffAgainst: s.source, reason: s.label },
      });
    }
    return taken;
  }

  /** The set-offs taken from one invoice's payouts, for the batch line and the client. */
  async ofInvoice(manager: EntityManager, invoiceId: string): Promise<Array<{ id: string; source: string; amount: string; batchId: string; createdAt: string }>> {
    return manager.query(
      `SELECT id, source, amount::text AS amount, batch_id AS "batchId", created_at AS "createdAt" FROM payout_set_off WHERE payout_invoice_id = $1 ORDER BY created_at, id`,
      [invoiceId],
    );
  }

  /** The clients' debts a payout may pay, locked, oldest first: paid to the client, then overdue recourse invoices. */
  private async openReceivables(tx: EntityManager, clients: string[], currency: string, today: string): Promise<OpenReceivable[]> {
    const paidToClient: OpenReceivable[] = await tx.query(
      `SELECT 'PAID_TO_CLIENT' AS source, a.id, i.client_id, i.id AS invoice_id, 'paid to you directly on invoice ' || i.invoice_number AS label,
              (a.amount - coalesce((SELECT sum(s.amount) FROM payout_set_off s WHERE s.paid_to_client_id = a.id), 0))::text AS open,
              a.amount::text AS amount, '0' AS paid_amount, '' AS status, a.allocated_at::text AS since
         FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id
        WHERE a.kind = 'PAID_TO_CLIENT' AND i.client_id = ANY($1::uuid[]) AND i.currency = $2
        ORDER BY i.client_id, a.allocated_at, a.id FOR UPDATE OF a`,
      [clients, currency],
    );
    const recourse: OpenReceivable[] = await tx.query(
      `SELECT 'RECOURSE_INVOICE' AS source, r.id, r.client_id, r.invoice_id, 'overdue recourse invoice ' || r.reference AS label,
              (r.amount - r.paid_amount)::text AS open, r.amount::text AS amount, r.paid_amount::text AS paid_amount, r.status, r.due_date::text AS since
         FROM recourse_invoice r
        WHERE r.client_id = ANY($1::uuid[]) AND r.currency = $2 AND r.status = 'OPEN' AND r.due_date < $3::date AND r.amount > r.paid_amount
        ORDER BY r.client_id, r.due_date, r.id FOR UPDATE OF r`,
      [clients, currency, today],
    );
    return [...paidToClient, ...recourse].filter((r) => new Decimal(r.open).gt(0));
  }

  /** A recourse invoice paid (in part or whole) by the set-off: its paid amount, and PAID when nothing is left. */
  private async recourseSetOff(tx: EntityManager, r: OpenReceivable, amount: Decimal): Promise<void> {
    const paid = new Decimal(r.paid_amount).plus(amount);
    const nowPaid = paid.eq(r.amount);
    await tx.query(
      `UPDATE recourse_invoice SET paid_amount = $2, status = $3, claimed_by = CASE WHEN $3 = 'PAID' THEN NULL ELSE claimed_by END, version = version + 1 WHERE id = $1`,
      [r.id, paid.toFixed(2), nowPaid ? 'PAID' : r.status],
    );
    await this.timeline.record(tx, {
      entityType: 'RECOURSE_INVOICE',
      entityId: r.id,
      actor: { type: 'SYSTEM' },
      fromState: r.status,
      toState: nowPaid ? 'PAID' : r.status,
      reason: `${amount.toFixed(2)} set off against the client's payout`,
      details: { step: 'RECOURSE_INVOICE_SET_OFF', amount: amount.toFixed(2), paidInFull: nowPaid },
    });
  }
}
