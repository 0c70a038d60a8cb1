import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ClientEvent {
  clientId: string;
  /** e.g. invoice.offered, invoice.denied, invoice.accepted */
  topic: string;
  subjectType: 'INVOICE' | 'CLIENT';
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Every change a client should hear about is written here in the same transaction as the
 * change itself, so it is never lost and never sent for a change that rolled back. The
 * worker's relay delivers it to the client's webhook; the client can also poll it.
 */
@Injectable()
export class OutboxService {
  async write(tx: EntityManager, event: ClientEvent): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload) VALUES ($1, $2, $3, $4, $5) RETURNING event_id`,
      [event.clientId, event.topic, event.subjectType, event.subjectId, event.payload],
    );
    return row.event_id;
  }
}
