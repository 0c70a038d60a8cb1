import { Injectable } from '@nestjs/common';
import { BUSINESS_TIME_ZONES, LocalDate } from '@factoring/domain';
import { creditNoteBeforePayoutPostings, purchasePostings } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { Ledger } from './ledger.service';

/**
 * What an invoice's life books (the lifecycle table's `books`): the purchase, and a credit
 * note on a bought invoice before payout. Called by the lifecycle seam in the step's own
 * transaction, so the status and its entry commit together or not at all.
 */
@Injectable()
export class InvoiceBooks {
  constructor(private readonly ledger: Ledger) {}

  async purchase(tx: EntityManager, invoiceId: string, now = new Date()): Promise<void> {
    const [invoice] = await tx.query(
      `SELECT id, client_id, country, invoice_number, (payable - credited_amount)::text AS open, fee::text, vat_on_fee::text FROM invoice WHERE id = $1`,
      [invoiceId],
    );
    const lines = purchasePostings({ open: invoice.open, fee: invoice.fee, vatOnFee: invoice.vat_on_fee });
    await this.ledger.post(tx, {
      book: invoice.country,
      date: LocalDate.today(BUSINESS_TIME_ZONES[invoice.country as 'SE' | 'NO'], now).toString(),
      causeType: 'INVOICE',
      causeId: invoice.id,
      event: 'PURCHASE',
      description: `Purchase of invoice ${invoice.invoice_number}`,
      lines: lines.map((line) => ({ ...line, clientId: invoice.client_id, invoiceId: invoice.id })),
    });
  }

  /** A credit note on a bought invoice (before payout; after payout it becomes a recourse invoice, issue 15). */
  async creditNote(tx: EntityManager, invoiceId: string, creditNumber: string, amount: string, now = new Date()): Promise<void> {
    const [invoice] = await tx.query(`SELECT id, client_id, country, invoice_number FROM invoice WHERE id = $1`, [invoiceId]);
    await this.ledger.post(tx, {
      book: invoice.country,
      date: LocalDate.today(BUSINESS_TIME_ZONES[invoice.country as 'SE' | 'NO'], now).toString(),
      causeType: 'INVOICE',
      causeId: invoice.id,
      event: 'CREDIT_NOTE',
      attempt: creditNumber,
      description: `Credit note ${creditNumber} on invoice ${invoice.invoice_number}`,
      lines: creditNoteBeforePayoutPostings(amount).map((line) => ({ ...line, clientId: invoice.client_id, invoiceId: invoice.id })),
    });
  }
}
