import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';

export interface ExposedInvoice {
  id: string;
  client_id: string;
  debtor_id: string;
}

/**
 * The one place that moves exposure (issue 9 f): what the factor has outstanding per client,
 * per debtor and per pair. Each invoice keeps what it adds now (`invoice.exposure`), so a
 * release is bounded by it and idempotent (releasing twice releases once), and a limit is
 * usable again once what filled it is paid, credited or bought back. Callers hold the
 * invoice's row lock; the client, debtor and pair rows are locked in that order, the order
 * the credit decision takes them in, so two movements cannot deadlock.
 */
@Injectable()
export class Exposure {
  /** The invoice's open amount now counts against its client, debtor and pair. */
  async reserve(tx: EntityManager, invoice: ExposedInvoice, amount: string): Promise<void> {
    await this.move(tx, invoice, new Decimal(amount));
  }

  /**
   * Releases up to `amount` of what the invoice holds (all of it when omitted): credited,
   * denied after a reservation, and later paid or bought back. Returns what was released.
   */
  async release(tx: EntityManager, invoice: ExposedInvoice, amount?: string): Promise<string> {
    const [row] = await tx.query(`SELECT exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
    const held = new Decimal(row?.exposure ?? 0);
    const released = Decimal.min(held, amount === undefined ? held : new Decimal(amount));
    if (released.isZero()) return '0.00';
    // Not called under the credit decision's locks: take them in its order first.
    await tx.query(`SELECT 1 FROM client WHERE id = $1 FOR UPDATE`, [invoice.client_id]);
    await tx.query(`SELECT 1 FROM debtor WHERE id = $1 FOR UPDATE`, [invoice.debtor_id]);
    await tx.query(`SELECT 1 FROM client_debtor WHERE client_id = $1 AND debtor_id = $2 FOR UPDATE`, [invoice.client_id, invoice.debtor_id]);
    await this.move(tx, invoice, released.negated());
    return released.toFixed(2);
  }

  private async move(tx: EntityManager, invoice: ExposedInvoice, delta: Decimal): Promise<void> {
    const amount = delta.toFixed(2);
    // One statement, one round trip; the CHECK on invoice.exposure refuses a release below zero.
    await tx.query(
      `WITH i AS (UPDATE invoice SET exposure = exposure + $4 WHERE id = $3),
            c AS (UPDATE client SET exposure = exposure + $4 WHERE id = $1),
            d AS (UPDATE debtor SET exposure = exposure + $4 WHERE id = $2)
       UPDATE client_debtor SET exposure = exposure + $4 WHERE client_id = $1 AND debtor_id = $2`,
      [invoice.client_id, invoice.debtor_id, invoice.id, amount],
    );
  }
}
