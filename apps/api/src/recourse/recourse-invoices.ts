import { Inject, Injectable } from '@nestjs/common';
import { Clock, CountryCode, KidReference, OcrReference } from '@factoring/domain';
import { creditedRecoursePostings, defaultRecourseTermsOn, recoursePostings } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { insertDelivery } from '../delivery/delivery-requests';
import { recordClientSteps } from '../invoices/client-steps';
import { Ledger } from '../ledger/ledger.service';
import { RECOURSE_INVOICE_DOCUMENT } from './documents/recourse-invoice.template';

export const RECOURSE_INVOICE = 'RECOURSE_INVOICE';

const CAUSE_WORDS: Record<RecourseFor['cause'], string> = { DISPUTE: 'disputed amount', CREDIT_NOTE: 'credited amount', UNPAID: 'unpaid after the agreement\'s days past due' };

export interface RecourseFor {
  invoice: { id: string; client_id: string; country: CountryCode; currency: string; invoice_number: string };
  cause: 'DISPUTE' | 'CREDIT_NOTE' | 'UNPAID';
  disputeId: string | null;
  amount: string;
  actor: TimelineActor;
  /** UNPAID: the day recourse fell due by the agreement (a day missed is caught up: dated today, remembering this day). */
  fellDueOn?: string;
}

/**
 * The recourse terms of the client's agreement version in force on `on` (its valid_from's day;
 * the latest version when the clock stands before every version, as in a test's past).
 */
export async function recourseTermsOf(tx: EntityManager, clientId: string, on: string): Promise<{ recourseAfterDays: number; recourseInvoiceDaysToPay: number; feesAfterRecourseTo: 'FACTOR' | 'CLIENT'; version: number }> {
  const [row] = await tx.query(
    `SELECT recourse_after_days AS "recourseAfterDays", recourse_invoice_days_to_pay AS "recourseInvoiceDaysToPay", fees_after_recourse_to AS "feesAfterRecourseTo", version
       FROM client_agreement WHERE client_id = $1
      ORDER BY (valid_from::date <= $2::date) DESC, version DESC LIMIT 1`,
    [clientId, on],
  );
  const fallback = defaultRecourseTermsOn(on).value;
  return row ?? { ...fallback, version: 0 };
}

/**
 * Makes recourse invoices (regressfaktura, seed 000): one row with its own OCR/KID (the
 * invoices' sequence, so no reference is ever shared), its journal entry (the client now owes
 * the factor) and a timeline step, in the caller's transaction. The caller holds the invoice's
 * lock and writes the client's event with its own step. The recourse invoice goes to the client as a
 * letter (RECOURSE_INVOICE), by the delivery worker.
 */
@Injectable()
export class RecourseInvoices {
  constructor(
    private readonly ledger: Ledger,
    private readonly timeline: TimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(tx: EntityManager, r: RecourseFor): Promise<{ id: string; reference: string; dueDate: string }> {
    const issued = this.clock.today(r.invoice.country);
    // The days to pay are the client's agreement's (issue 15 s.3), in force on the day it is issued.
    const terms = await recourseTermsOf(tx, r.invoice.client_id, issued.toString());
    const dueDate = issued.plusDays(terms.recourseInvoiceDaysToPay).toString();
    const reference = await this.reference(tx, r.invoice.country);
    const fellDueOn = r.fellDueOn ?? issued.toString();
    const [row] = await tx.query(
      `INSERT INTO recourse_invoice (invoice_id, client_id, dispute_id, cause, country, currency, amount, issue_date, due_date, reference, status, fell_due_on, caught_up)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OPEN', $11, $12) RETURNING id`,
      [r.invoice.id, r.invoice.client_id, r.disputeId, r.cause, r.invoice.country, r.invoice.currency, r.amount, issued.toString(), dueDate, reference, fellDueOn, fellDueOn < issued.toString()],
    );
    // A disputed or unpaid amount moves from the debtor's receivable to the client's; a credit note's was already charged to the client.
    const lines = r.cause === 'CREDIT_NOTE' ? creditedRecoursePostings(r.amount) : recoursePostings(r.amount);
    await this.ledger.post(tx, {
      book: r.invoice.country,
      date: issued.toString(),
      causeType: RECOURSE_INVOICE,
      causeId: row.id,
      event: 'RECOURSE_INVOICE',
      description: `Recourse invoice ${reference} for invoice ${r.invoice.invoice_number}`,
      lines: lines.map((line) => ({ ...line, clientId: r.invoice.client_id, invoiceId: r.invoice.id })),
    });
    await this.timeline.record(tx, {
      entityType: RECOURSE_INVOICE,
      entityId: row.id,
      actor: r.actor,
      toState: 'OPEN',
      reason: `Recourse invoice of ${r.amount} ${r.invoice.currency} (${CAUSE_WORDS[r.cause]})`,
      details: { step: 'RECOURSE_INVOICE_ISSUED', cause: r.cause, amount: r.amount, invoiceId: r.invoice.id, disputeId: r.disputeId, dueDate, daysToPay: terms.recourseInvoiceDaysToPay, fellDueOn },
    });
    // The client's step on its invoice and its event (issue 15 s.7): what it owes, by when, to which OCR/KID.
    await recordClientSteps(tx, 'invoice.recourse_invoice_issued', r.actor, [
      {
        invoiceId: r.invoice.id,
        code: 'RECOURSE_INVOICE_ISSUED',
        facts: { amount: r.amount, currency: r.invoice.currency, dueDate, reference },
        reason: `Recourse invoice ${reference} issued to the client: ${r.amount} ${r.invoice.currency}, due ${dueDate}`,
        details: { recourseInvoiceId: row.id, cause: r.cause },
      },
    ]);
    // The recourse invoice is a letter to the client (issue 15 s.3), asked for in this transaction (the delivery and its job in the
    // outbox): by e-mail to the client's address, else by post, the letter naming this recourse invoice.
    const [{ email }] = await tx.query(`SELECT nullif(btrim(contact->>'email'), '') AS email FROM client WHERE id = $1`, [r.invoice.client_id]);
    await insertDelivery(tx, {
      invoiceId: r.invoice.id,
      clientId: r.invoice.client_id,
      documentKind: RECOURSE_INVOICE_DOCUMENT,
      recipient: 'CLIENT',
      channel: email ? 'EMAIL' : 'POST',
      address: email ?? null,
      recourseInvoiceId: row.id,
    });
    return { id: row.id, reference, dueDate };
  }

  /** OCR with length digit in Sweden, KID MOD10 in Norway, as the invoices' (one sequence per country, never reused). */
  private async reference(tx: EntityManager, country: CountryCode): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('payment_reference_${country.toLowerCase()}')::text AS n`);
    return country === 'SE' ? OcrReference.generate(n, { withLengthDigit: true }).value : KidReference.generate(n, { algorithm: 'MOD10', length: 12 }).reference.value;
  }
}
