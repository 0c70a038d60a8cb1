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

  /**
   * Releases many invoices at once (a bank file of thousands of payments, issue 14): each by up
   * to `amount` of what it holds (all of it when null), in few statements, the clients, debtors
   * and pairs locked in the credit decision's order (all clients, then all debtors, then all
   * pairs, each in id order). Returns what each released.
   */
  async releaseMany(tx: EntityManager, releases: Array<{ invoice: ExposedInvoice; amount: string | null }>): Promise<Map<string, string>> {
    const released = new Map<string, string>();
    if (!releases.length) return released;
    const rows: Array<{ id: string; released: string }> = await tx.query(
      `WITH wanted AS (SELECT u.id, least(i.exposure, coalesce(u.amount, i.exposure)) AS released
                         FROM unnest($1::uuid[], $2::numeric[]) AS u(id, amount) JOIN invoice i ON i.id = u.id),
            changed AS (UPDATE invoice i SET exposure = i.exposure - w.released FROM wanted w WHERE i.id = w.id AND w.released > 0 RETURNING i.id, w.released)
       SELECT id::text, released::text FROM changed`,
      [releases.map((r) => r.invoice.id), releases.map((r) => r.amount)],
    );
    // Callers hold the invoices' row locks, so what `wanted` reads is what the UPDATE changes.
    const moved = rows.filter((r) => new Decimal(r.released).gt(0));
    if (!moved.length) return released;
    const byId = new Map(releases.map((r) => [r.invoice.id, r.invoice]));
    const sums = (key: (i: ExposedInvoice) => string) => {
      const totals = new Map<string, Decimal>();
      for (const r of moved) {
        const k = key(byId.get(r.id)!);
        totals.set(k, (totals.get(k) ?? new Decimal(0)).plus(r.released));
      }
      return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
    };
    const clients = sums((i) => i.client_id);
    const debtors = sums((i) => i.debtor_id);
    const pairs = sums((i) => `${i.client_id}|${i.debtor_id}`);
    await tx.query(`SELECT 1 FROM client WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [clients.map(([k]) => k)]);
    await tx.query(`SELECT 1 FROM debtor WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [debtors.map(([k]) => k)]);
    await tx.query(
      `WITH c AS (UPDATE client SET exposure = exposure - u.amount FROM unnest($1::uuid[], $2::numeric[]) AS u(id, amount) WHERE client.id = u.id),
            d AS (UPDATE debtor SET exposure = exposure - u.amount FROM unnest($3::uuid[], $4::numeric[]) AS u(id, amount) WHERE debtor.id = u.id)
       UPDATE client_debtor SET exposure = exposure - u.amount FROM unnest($5::uuid[], $6::uuid[], $7::numeric[]) AS u(client_id, debtor_id, amount)
        WHERE client_debtor.client_id = u.client_id AND client_debtor.debtor_id = u.debtor_id`,
      [
        clients.map(([k]) => k),
        clients.map(([, v]) => v.toFixed(2)),
        debtors.map(([k]) => k),
        debtors.map(([, v]) => v.toFixed(2)),
        pairs.map(([k]) => k.split('|')[0]),
        pairs.map(([k]) => k.split('|')[1]),
        pairs.map(([, v]) => v.toFixed(2)),
      ],
    );
    for (const r of moved) released.set(r.id, new Decimal(r.released).toFixed(2));
    return released;
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
