import { Inject, Injectable } from '@nestjs/common';
import { Clock, CountryCode } from '@factoring/domain';
import { feesAfterRecoursePostings, paymentParts, recoursePaymentPostings } from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { OPEN_OF_ROLE } from '../collection/reminders.repository';
import { recordClientSteps } from '../invoices/client-steps';
import { InvoiceLifecycle, SYSTEM_ACTOR } from '../invoices/invoice-lifecycle';
import { Ledger } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { Refunds } from '../payouts/refunds';
import { RECOURSE_INVOICE, recourseTermsOf } from './recourse-invoices';
import { RecourseStanding, RECOURSE_SYSTEM } from './recourse-standing';

const BANK_ENTRY = 'BANK_ENTRY';
const BOOK_OF: Record<string, CountryCode> = { SEK: 'SE', NOK: 'NO' };

interface HeldEntry {
  id: string;
  currency: string;
  unplaced: string;
  value_date: string;
  refs: string[];
}

interface LockedRecourse {
  id: string;
  invoice_id: string;
  client_id: string;
  reference: string;
  currency: string;
  amount: string;
  paid_amount: string;
  debtor_paid_amount: string;
  status: string;
}

/** Fees and late interest a debtor paid on an invoice after its recourse, and whether the client's agreement gives them to the client. */
interface FeesPaid {
  invoiceId: string;
  clientId: string;
  fees: string;
  interest: string;
  toClient: boolean;
}

/** What one bank entry placed on one recourse invoice. */
export interface RecoursePlacement {
  entryId: string;
  recourseInvoiceId: string;
  payer: 'CLIENT' | 'DEBTOR';
  settled: string;
  owedToClient: string;
}

/**
 * Payments to recourse invoices (issue 15 s.3, seed 000), placed from a bank file's import in
 * its transaction (PaymentsService's matching calls `placeEntries` after booking the entries: what
 * their references could not place on a bought invoice is still held unallocated here).
 *
 * - The client pays a recourse invoice with its own OCR/KID: it settles the recourse invoice.
 * - The debtor pays the original invoice (its status RECOURSE, so not matched as a bought
 *   invoice): the factor keeps collecting (000). While the recourse invoice is open the payment
 *   settles it; what the debtor pays after the client has paid is owed back to the client in
 *   full, without deduction (000), and is paid by the next payout batch (payouts' Refunds).
 *   The debtor pays at most the amount bought back; more stays held for a person. As any
 *   payment of the debtor's (issue 15 s.2), it pays the invoice's open fees first, then its
 *   late interest, then the principal bought back; the fees and interest are the factor's, or
 *   owed to the client when its agreement says so (feesAfterRecourseTo CLIENT).
 * - A recourse invoice paid in full lifts the client's OVERDUE_RECOURSE_INVOICE block when no
 *   other is late; the debtor having paid everything bought back makes the invoice FULLY_PAID.
 *
 * Each placement is one journal entry per bank entry (held money to the client's debt or to
 * what is owed to the client) and a `recourse_payment` row, unique per entry and recourse
 * invoice: an import matched again places nothing twice.
 */
@Injectable()
export class RecoursePayments {
  constructor(
    private readonly ledger: Ledger,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly standing: RecourseStanding,
    private readonly refunds: Refunds,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Places what is still held of these bank entries where their references name a recourse invoice or a bought-back invoice. */
  async placeEntries(tx: EntityManager, entryIds: string[]): Promise<RecoursePlacement[]> {
    if (!entryIds.length) return [];
    // Only entries one of whose references names a recourse invoice or an invoice with something bought back (both indexed on the reference).
    const entries: HeldEntry[] = await tx.query(
      `WITH held AS (
         SELECT e.id, e.currency, e.unplaced::text, e.value_date::text, e.entry_key,
                array_remove(array_prepend(ltrim(e.reference, '0'), coalesce((SELECT array_agg(ltrim(x, '0')) FROM unnest(e.extra_references) x), '{}'::text[])), NULL) AS refs
           FROM bank_entry e
          WHERE e.id = ANY($1::uuid[]) AND e.kind = 'NOTIFIED' AND e.state = 'UNMATCHED' AND e.unplaced > 0 AND NOT e.reference_check_failed AND e.claimed_by IS NULL)
       SELECT h.id, h.currency, h.unplaced, h.value_date, h.refs FROM held h
        WHERE EXISTS (SELECT 1 FROM unnest(h.refs) ref
                       WHERE EXISTS (SELECT 1 FROM recourse_invoice r WHERE ltrim(r.reference, '0') = ref)
                          OR EXISTS (SELECT 1 FROM invoice i WHERE ltrim(i.payment_reference, '0') = ref AND i.recourse_amount > 0))
        ORDER BY h.value_date, h.entry_key`,
      [entryIds],
    );
    const placements: RecoursePlacement[] = [];
    for (const entry of entries) placements.push(...(await this.placeEntry(tx, entry)));
    return placements;
  }

  private async placeEntry(tx: EntityManager, entry: HeldEntry): Promise<RecoursePlacement[]> {
    let left = new Decimal(entry.unplaced);
    const placed: Array<RecoursePlacement & { recourse: LockedRecourse }> = [];
    const feesPaid: FeesPaid[] = [];
    for (const ref of entry.refs) {
      if (left.isZero()) break;
      // The client's own payment of a recourse invoice (its OCR/KID).
      const [own] = await this.lockRecourse(tx, `ltrim(r.reference, '0') = $1`, [ref]);
      if (own) {
        if (own.status !== 'OPEN' || own.currency !== entry.currency) continue;
        const settles = Decimal.min(left, new Decimal(own.amount).minus(own.paid_amount));
        if (settles.lte(0)) continue;
        left = left.minus(settles);
        placed.push({ entryId: entry.id, recourseInvoiceId: own.id, payer: 'CLIENT', settled: settles.toFixed(2), owedToClient: '0.00', recourse: own });
        continue;
      }
      // The debtor's payment of an invoice bought back (the invoice's own OCR/KID).
      const [invoice] = await tx.query(
        `SELECT i.id, i.client_id, i.status, i.currency, ${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')}::text AS open_fees, ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')}::text AS open_interest
           FROM invoice i WHERE ltrim(i.payment_reference, '0') = $1 AND i.status IN ('RECOURSE','PURCHASED')`,
        [ref],
      );
      if (!invoice || invoice.currency !== entry.currency) continue;
      const recourses = await this.lockRecourse(tx, `r.invoice_id = $1 AND r.cause IN ('UNPAID','DISPUTE') AND r.status <> 'CANCELLED'`, [invoice.id]);
      if (invoice.status === 'RECOURSE') {
        // Fees first, then interest, then the principal (a PURCHASED invoice's were paid so by the matching already).
        const owes = recourses.reduce((sum, r) => sum.plus(r.amount).minus(r.debtor_paid_amount), new Decimal(0));
        const parts = paymentParts(left.toFixed(2), {
          fees: Decimal.max(invoice.open_fees, 0),
          interest: Decimal.max(invoice.open_interest, 0),
          principal: Decimal.max(owes, 0),
        });
        if (new Decimal(parts.fees).plus(parts.interest).gt(0)) {
          const terms = await recourseTermsOf(tx, invoice.client_id, this.clock.today(BOOK_OF[entry.currency]).toString());
          feesPaid.push({ invoiceId: invoice.id, clientId: invoice.client_id, fees: parts.fees, interest: parts.interest, toClient: terms.feesAfterRecourseTo === 'CLIENT' });
          left = left.minus(parts.fees).minus(parts.interest);
        }
      }
      for (const r of recourses) {
        const debtorOwes = new Decimal(r.amount).minus(r.debtor_paid_amount);
        const takes = Decimal.min(left, debtorOwes);
        if (takes.lte(0)) continue;
        const settles = Decimal.min(takes, new Decimal(r.amount).minus(r.paid_amount));
        left = left.minus(takes);
        placed.push({ entryId: entry.id, recourseInvoiceId: r.id, payer: 'DEBTOR', settled: settles.toFixed(2), owedToClient: takes.minus(settles).toFixed(2), recourse: r });
      }
    }
    if (!placed.length && !feesPaid.length) return [];
    await this.book(tx, entry, placed, feesPaid, left);
    return placed.map(({ recourse: _r, ...p }) => p);
  }

  private async book(tx: EntityManager, entry: HeldEntry, placed: Array<RecoursePlacement & { recourse: LockedRecourse }>, feesPaid: FeesPaid[], left: Decimal): Promise<void> {
    const book = BOOK_OF[entry.currency];
    const today = this.clock.today(book).toString();
    const lines = [
      ...feesPaid.flatMap((f) => feesAfterRecoursePostings(f.fees, f.interest, f.toClient).map((line) => ({ ...line, clientId: f.clientId, invoiceId: f.invoiceId }))),
      ...placed.flatMap((p) =>
        recoursePaymentPostings(p.settled, p.owedToClient).map((line) => ({ ...line, clientId: p.recourse.client_id, invoiceId: p.recourse.invoice_id })),
      ),
    ];
    const journal = await this.ledger.post(tx, {
      book,
      date: today,
      causeType: BANK_ENTRY,
      causeId: entry.id,
      event: 'RECOURSE_PAYMENT',
      description: placed.length ? `Payment placed on recourse invoice ${placed.map((p) => p.recourse.reference).join(', ')}` : 'Fees and interest paid after recourse',
      lines: mergeLines(lines),
    });
    for (const f of feesPaid) {
      // Allocation rows by part, as every payment's (the receivables reconcile by them).
      for (const [part, amount] of [['FEE', f.fees], ['INTEREST', f.interest]] as const) {
        if (new Decimal(amount).isZero()) continue;
        await tx.query(
          `INSERT INTO payment_allocation (bank_entry_id, invoice_id, kind, amount, journal_entry_id, note, part) VALUES ($1, $2, 'PAYMENT', $3, $4, $5, $6)`,
          [entry.id, f.invoiceId, amount, journal.id, f.toClient ? 'Paid after recourse: owed to the client by its agreement' : 'Paid after recourse: kept by the factor', part],
        );
      }
      if (f.toClient) {
        await this.refunds.due(tx, {
          kind: 'CLIENT_REPAYMENT',
          cause: `recourse_fees:${entry.id}:${f.invoiceId}`,
          clientId: f.clientId,
          invoiceId: f.invoiceId,
          bankEntryId: entry.id,
          amount: new Decimal(f.fees).plus(f.interest).toFixed(2),
          currency: entry.currency as 'SEK' | 'NOK',
          country: book as 'SE' | 'NO',
          reference: 'Repayment: fees and interest your customer paid after recourse',
          note: 'Fees and late interest the debtor paid after recourse: the client\'s by its agreement (feesAfterRecourseTo CLIENT)',
        });
      }
    }
    for (const p of placed) {
      const [row] = await tx.query(
        `INSERT INTO recourse_payment (recourse_invoice_id, bank_entry_id, payer, settled, owed_to_client, journal_entry_id, paid_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (bank_entry_id, recourse_invoice_id) DO NOTHING RETURNING id`,
        [p.recourseInvoiceId, entry.id, p.payer, p.settled, p.owedToClient, journal.id, entry.value_date],
      );
      if (!row) continue;
      const r = p.recourse;
      const paid = new Decimal(r.paid_amount).plus(p.settled);
      const nowPaid = paid.equals(r.amount);
      await tx.query(
        `UPDATE recourse_invoice SET paid_amount = $2, debtor_paid_amount = debtor_paid_amount + $3, status = $4, paid_on = CASE WHEN $4 = 'PAID' THEN $5::date ELSE paid_on END,
                claimed_by = CASE WHEN $4 = 'PAID' THEN NULL ELSE claimed_by END, version = version + 1
          WHERE id = $1`,
        [r.id, paid.toFixed(2), p.payer === 'DEBTOR' ? new Decimal(p.settled).plus(p.owedToClient).toFixed(2) : '0', nowPaid ? 'PAID' : r.status, entry.value_date],
      );
      r.paid_amount = paid.toFixed(2);
      if (p.payer === 'DEBTOR') r.debtor_paid_amount = new Decimal(r.debtor_paid_amount).plus(p.settled).plus(p.owedToClient).toFixed(2);
      const step = new Decimal(p.owedToClient).gt(0) ? 'RECOURSE_DEBTOR_PAID_AFTER_CLIENT' : nowPaid ? 'RECOURSE_INVOICE_PAID' : 'RECOURSE_INVOICE_PART_PAID';
      await this.timeline.record(tx, {
        entityType: RECOURSE_INVOICE,
        entityId: r.id,
        actor: RECOURSE_SYSTEM,
        fromState: r.status,
        toState: nowPaid ? 'PAID' : r.status,
        reason: `${p.payer === 'CLIENT' ? 'The client' : 'The debtor'} paid ${new Decimal(p.settled).plus(p.owedToClient).toFixed(2)} ${r.currency}`,
        details: { step, payer: p.payer, currency: r.currency, settled: { amount: p.settled }, owedToClient: { amount: p.owedToClient }, bankEntryId: entry.id },
      });
      if (new Decimal(p.owedToClient).gt(0)) {
        // Paid back in full, without deduction (000), by the next payout batch.
        await this.refunds.due(tx, {
          kind: 'CLIENT_REPAYMENT',
          cause: `recourse_payment:${row.id}`,
          clientId: r.client_id,
          invoiceId: r.invoice_id,
          bankEntryId: entry.id,
          amount: p.owedToClient,
          currency: r.currency as 'SEK' | 'NOK',
          country: book as 'SE' | 'NO',
          reference: `Repayment: recourse invoice ${r.reference} paid by your customer`,
          note: `The debtor paid after the client had paid recourse invoice ${r.reference}: owed back in full (seed 000)`,
        });
      }
      if (nowPaid) {
        // The client's step on its invoice (issue 15 s.7); its event is recourse_invoice.paid below.
        await recordClientSteps(tx, null, RECOURSE_SYSTEM, [
          { invoiceId: r.invoice_id, code: 'RECOURSE_INVOICE_PAID', facts: { amount: r.amount, currency: r.currency, on: entry.value_date, reference: r.reference }, reason: `Recourse invoice ${r.reference} paid`, details: { recourseInvoiceId: r.id } },
        ]);
        await this.outbox.write(tx, {
          clientId: r.client_id,
          topic: 'recourse_invoice.paid',
          subjectType: 'INVOICE',
          subjectId: r.invoice_id,
          payload: { recourseInvoiceId: r.id, reference: r.reference, amount: r.amount, currency: r.currency, paidOn: entry.value_date, paidBy: p.payer },
        });
        await this.standing.liftIfPaid(tx, r.client_id, today);
      }
      if (p.payer === 'DEBTOR') await this.invoicePaidByDebtor(tx, r.invoice_id);
    }
    // Fees or interest paid last may be what made a bought-back invoice fully paid.
    for (const f of feesPaid) if (!placed.some((p) => p.payer === 'DEBTOR' && p.recourse.invoice_id === f.invoiceId)) await this.invoicePaidByDebtor(tx, f.invoiceId);
    await tx.query(`UPDATE bank_entry SET unplaced = $2, state = $3, version = version + 1 WHERE id = $1`, [entry.id, left.toFixed(2), left.isZero() ? 'MATCHED' : 'UNMATCHED']);
  }

  /** A bought-back invoice whose debtor has now paid all that was bought back is fully paid (000: "slutbetald"). */
  private async invoicePaidByDebtor(tx: EntityManager, invoiceId: string): Promise<void> {
    const [row] = await tx.query(
      `SELECT i.id, i.client_id, i.invoice_number, i.status, i.version, i.currency,
              (i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount) AS open,
              (SELECT coalesce(sum(r.amount - r.debtor_paid_amount), 0) FROM recourse_invoice r
                WHERE r.invoice_id = i.id AND r.cause IN ('UNPAID','DISPUTE') AND r.status <> 'CANCELLED')::text AS debtor_owes,
              (SELECT coalesce(sum(r.debtor_paid_amount), 0) FROM recourse_invoice r WHERE r.invoice_id = i.id)::text AS debtor_paid,
              (${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')} + ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')})::text AS open_fees_interest
         FROM invoice i WHERE i.id = $1 FOR UPDATE`,
      [invoiceId],
    );
    // Fully paid only when the principal bought back, the fees and the interest are all paid (issue 15 s.2).
    if (!row || row.status !== 'RECOURSE' || !new Decimal(row.open).isZero() || !new Decimal(row.debtor_owes).isZero() || new Decimal(row.open_fees_interest).gt(0)) return;
    await this.lifecycle.transition(tx, row, 'PAID_IN_FULL', SYSTEM_ACTOR, {
      note: 'Fully paid by the debtor after recourse',
      details: { step: 'PAID_IN_FULL', afterRecourse: true, debtorPaid: row.debtor_paid },
      clientPayload: { paidAmount: new Decimal(row.debtor_paid).toFixed(2), currency: row.currency, afterRecourse: true },
    });
  }

  private lockRecourse(tx: EntityManager, where: string, params: unknown[]): Promise<LockedRecourse[]> {
    return tx.query(
      `SELECT r.id, r.invoice_id, r.client_id, r.reference, r.currency, r.amount::text, r.paid_amount::text, r.debtor_paid_amount::text, r.status
         FROM recourse_invoice r WHERE ${where} ORDER BY r.created_at, r.id FOR UPDATE`,
      params,
    );
  }
}

/** One line per role and invoice: several placements of one payment on one invoice read as one entry's lines. */
function mergeLines<T extends { role: string; amount: string; clientId: string; invoiceId: string }>(lines: T[]): T[] {
  const merged = new Map<string, T>();
  for (const line of lines) {
    const key = `${line.role}|${line.invoiceId}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, amount: new Decimal(seen.amount).plus(line.amount).toFixed(2) } : line);
  }
  return [...merged.values()];
}
