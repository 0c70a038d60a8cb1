import { Injectable } from '@nestjs/common';
import { blockClient, BusinessCalendar, canSellInvoices, ClientBlockReason, ClientStanding, CountryCode, liftClientBlock, LocalDate } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { TimelineActor } from '../audit/timeline.service';
import { ClientLifecycle, LockedClient } from '../clients/client-lifecycle';

const REASON: ClientBlockReason = 'OVERDUE_RECOURSE_INVOICE';
export const RECOURSE_SYSTEM: TimelineActor = { type: 'SYSTEM', name: null };

/**
 * A recourse invoice is late once the day after its due date (moved to a bank day) has begun
 * unpaid: seed 000 blocks the client "om du blir försenad med din betalning av regressfakturan".
 */
export function recourseInvoiceLate(country: CountryCode, dueDate: string, today: string): boolean {
  const due = BusinessCalendar.for(country).sameOrNextBusinessDay(LocalDate.parse(dueDate, 'dueDate'));
  return LocalDate.parse(today, 'today').isAfter(due);
}

/**
 * The client's block for an overdue recourse invoice (issue 15 s.3), through the client's one
 * door (ClientLifecycle: open offers withdrawn, queued decisions denied, the client's event),
 * with its own reason so that paying lifts it alone and a fraud block is kept.
 */
@Injectable()
export class RecourseStanding {
  constructor(private readonly clients: ClientLifecycle) {}

  async lockClient(tx: EntityManager, clientId: string): Promise<LockedClient> {
    const [row] = await tx.query(`SELECT id, state, block_reasons, version FROM client WHERE id = $1 FOR UPDATE`, [clientId]);
    return row;
  }

  /** The client's open recourse invoices that are late today (its country's bank days). */
  async lateOnes(tx: EntityManager, clientId: string, today: string): Promise<Array<{ id: string; reference: string; due_date: string }>> {
    const open: Array<{ id: string; reference: string; due_date: string; country: CountryCode }> = await tx.query(
      `SELECT id, reference, due_date::text, country FROM recourse_invoice WHERE client_id = $1 AND status = 'OPEN' ORDER BY due_date, id`,
      [clientId],
    );
    return open.filter((r) => recourseInvoiceLate(r.country, r.due_date, today));
  }

  /** Blocks the client for its late recourse invoices, once: a client already blocked for it, or not active or blocked, is left as it is. */
  async blockIfLate(tx: EntityManager, client: LockedClient, today: string): Promise<boolean> {
    if (client.state !== 'ACTIVE' && client.state !== 'BLOCKED') return false;
    if (client.block_reasons.includes(REASON)) return false;
    const late = await this.lateOnes(tx, client.id, today);
    if (!late.length) return false;
    const next = blockClient(standing(client), REASON);
    await this.clients.change(tx, client, next, RECOURSE_SYSTEM, `Recourse invoice ${late.map((r) => r.reference).join(', ')} not paid by its due date`, {
      step: 'CLIENT_BLOCKED',
      blockReason: REASON,
      recourseInvoices: late.map((r) => ({ id: r.id, reference: r.reference, dueDate: r.due_date })),
    });
    return true;
  }

  /** Lifts that block alone once no recourse invoice of the client is late any more (a fraud block stays). */
  async liftIfPaid(tx: EntityManager, clientId: string, today: string): Promise<boolean> {
    const client = await this.lockClient(tx, clientId);
    if (!client || client.state !== 'BLOCKED' || !client.block_reasons.includes(REASON)) return false;
    if ((await this.lateOnes(tx, client.id, today)).length) return false;
    const next = liftClientBlock(standing(client), REASON);
    await this.clients.change(tx, client, next, RECOURSE_SYSTEM, 'Overdue recourse invoices paid: that block is lifted', {
      step: 'CLIENT_UNBLOCKED',
      blockReason: REASON,
      canSellInvoices: canSellInvoices(next.state),
    });
    return true;
  }
}

const standing = (client: LockedClient): ClientStanding => ({ state: client.state, blockReasons: client.block_reasons as ClientBlockReason[] });
