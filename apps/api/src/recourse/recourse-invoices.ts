import { Inject, Injectable } from '@nestjs/common';
import { Clock, CountryCode, KidReference, OcrReference } from '@factoring/domain';
import { creditedRecoursePostings, recoursePostings } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { Ledger } from '../ledger/ledger.service';

export const RECOURSE_INVOICE = 'RECOURSE_INVOICE';

/**
 * Days the client has to pay a recourse invoice. Seed 000 says only "betala denna så snart som
 * möjligt"; ten days is this factor's own policy until the agreement carries it (issue 15 s.3
 * names the 30 days before recourse as agreement data; this term should join it there).
 */
export const RECOURSE_INVOICE_DAYS_TO_PAY = 10;

export interface RecourseFor {
  invoice: { id: string; client_id: string; country: CountryCode; currency: string; invoice_number: string };
  cause: 'DISPUTE' | 'CREDIT_NOTE';
  disputeId: string | null;
  amount: string;
  actor: TimelineActor;
}

/**
 * Makes recourse invoices (regressfaktura, seed 000): one row with its own OCR/KID (the
 * invoices' sequence, so no reference is ever shared), its journal entry (the client now owes
 * the factor) and a timeline step, in the caller's transaction. The caller holds the invoice's
 * lock and writes the client's event with its own step.
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
    const dueDate = issued.plusDays(RECOURSE_INVOICE_DAYS_TO_PAY).toString();
    const reference = await this.reference(tx, r.invoice.country);
    const [row] = await tx.query(
      `INSERT INTO recourse_invoice (invoice_id, client_id, dispute_id, cause, country, currency, amount, issue_date, due_date, reference, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OPEN') RETURNING id`,
      [r.invoice.id, r.invoice.client_id, r.disputeId, r.cause, r.invoice.country, r.invoice.currency, r.amount, issued.toString(), dueDate, reference],
    );
    const lines = r.cause === 'DISPUTE' ? recoursePostings(r.amount) : creditedRecoursePostings(r.amount);
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
      reason: `Recourse invoice of ${r.amount} ${r.invoice.currency} (${r.cause === 'DISPUTE' ? 'disputed amount' : 'credited amount'})`,
      details: { step: 'RECOURSE_INVOICE_ISSUED', cause: r.cause, amount: r.amount, invoiceId: r.invoice.id, disputeId: r.disputeId },
    });
    return { id: row.id, reference, dueDate };
  }

  /** OCR with length digit in Sweden, KID MOD10 in Norway, as the invoices' (one sequence per country, never reused). */
  private async reference(tx: EntityManager, country: CountryCode): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('payment_reference_${country.toLowerCase()}')::text AS n`);
    return country === 'SE' ? OcrReference.generate(n, { withLengthDigit: true }).value : KidReference.generate(n, { algorithm: 'MOD10', length: 12 }).reference.value;
  }
}
