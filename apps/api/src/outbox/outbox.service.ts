import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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

/** One numbering of the feed at a time, across every process (any constant will do; this one is the feed's). */
const FEED_NUMBERING_LOCK = 7_2026_09;

/**
 * Gives the committed events that have none the next feed positions, in id order (issue 9 d).
 * Short and serialised by an advisory lock: the statement after the lock sees every numbering
 * before it, so positions become visible in order. A long transaction elsewhere (a bank-file
 * import) stalls nothing: its events are simply numbered after it commits.
 */
export async function numberEventFeed(db: DataSource): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [FEED_NUMBERING_LOCK]);
    const numbered = await tx.query(
      `UPDATE outbox_event o SET feed_position = n.base + n.rn
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn,
                      (SELECT coalesce(max(feed_position), 0) FROM outbox_event) AS base
                 FROM outbox_event WHERE feed_position IS NULL) n
        WHERE o.id = n.id RETURNING o.id`,
    );
    return Array.isArray(numbered[0]) ? numbered[0].length : numbered.length;
  });
}
