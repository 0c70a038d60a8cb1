import { Injectable } from '@nestjs/common';
import { canSellInvoices, ClientStanding, ConflictError } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { InvoicesService } from '../invoices/invoices.service';
import { OutboxService } from '../outbox/outbox.service';
import { ClientError } from './client-errors';

export const CLIENT = 'CLIENT';

export interface LockedClient {
  id: string;
  state: ClientStanding['state'];
  block_reasons: string[];
  version: number;
}

/**
 * The one door through which a client's state changes (issue 9), as libs/domain's client
 * state machine decides and the database's trigger holds: the state and its block reasons
 * with a version check, the timeline step and the client's event, in the caller's
 * transaction. When the client may no longer sell, nothing in flight is still bought.
 */
@Injectable()
export class ClientLifecycle {
  constructor(
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly invoices: InvoicesService,
  ) {}

  async change(tx: EntityManager, client: LockedClient, next: ClientStanding, actor: TimelineActor, reason: string, details: Record<string, unknown> = {}): Promise<void> {
    // Wrapped as a SELECT: TypeORM answers a bare UPDATE with [rows, count], which would always look found.
    const [row] = await tx.query(
      `WITH changed AS (UPDATE client SET state = $2, block_reasons = $3, state_reason = $4, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $5 RETURNING version)
       SELECT version FROM changed`,
      [client.id, next.state, next.blockReasons, reason, client.version],
    );
    if (!row) throw new ConflictError(ClientError.CLIENT_CHANGED, 'Someone changed this client at the same moment. Reload and try again.');
    const stopped = canSellInvoices(next.state) ? { withdrawn: 0, denied: 0 } : await this.invoices.stopInFlight(tx, client.id, next.state, reason);
    await this.timeline.record(tx, {
      entityType: CLIENT,
      entityId: client.id,
      actor,
      fromState: client.state,
      toState: next.state,
      reason,
      details: { ...details, blockReasons: next.blockReasons, offersWithdrawn: stopped.withdrawn, invoicesDenied: stopped.denied },
    });
    if (client.state !== next.state && client.state !== 'APPLIED' && next.state !== 'APPLIED') {
      // The client's program learns at once whether it may sell; never why (a fraud suspicion is not told).
      await this.outbox.write(tx, {
        clientId: client.id,
        topic: 'client.state_changed',
        subjectType: 'CLIENT',
        subjectId: client.id,
        payload: { state: next.state, canSellInvoices: canSellInvoices(next.state) },
      });
    }
  }
}
