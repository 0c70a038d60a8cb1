import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A board session that holds: whose it is. */
export interface QueueBoardSessionOwner {
  sessionId: string;
  staffId: string;
  email: string;
}

/**
 * The board's sign-ins (issue 9 g), kept as SHA-256 hashes only. Every check that a link or a
 * session still holds is made here in SQL, on the database's clock: the admin is active, still
 * an admin, and the console session that asked for the link has not ended.
 */
const HOLDS = `m.active AND 'ADMIN' = ANY(m.roles) AND c.revoked_at IS NULL AND c.expires_at > now()`;

@Injectable()
export class QueueBoardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new one-time link; returns the row's id and when the link expires. */
  async insertLink(
    tx: EntityManager,
    link: { staffId: string; consoleSessionId: string; linkTokenHash: string; ttlSeconds: number },
  ): Promise<{ id: string; expiresAt: Date }> {
    const [row]: Array<{ id: string; link_expires_at: Date }> = await tx.query(
      `INSERT INTO queue_board_session (staff_id, console_session_id, link_token_hash, link_expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       RETURNING id, link_expires_at`,
      [link.staffId, link.consoleSessionId, link.linkTokenHash, link.ttlSeconds],
    );
    return { id: row.id, expiresAt: row.link_expires_at };
  }

  /**
   * Uses a link: only an unused, unexpired one whose admin still holds. The row lock makes two
   * visits of the same link race to one winner (the loser re-reads `entered_at` and matches nothing).
   */
  async enter(entry: {
    linkTokenHash: string;
    sessionTokenHash: string;
    ttlSeconds: number;
    ip: string | null;
    userAgent: string | null;
  }): Promise<{ id: string; expiresAt: Date } | null> {
    const [rows]: [Array<{ id: string; session_expires_at: Date }>, number] = await this.db.query(
      `UPDATE queue_board_session s
          SET entered_at = now(), session_token_hash = $2, session_expires_at = now() + make_interval(secs => $3), ip = $4, user_agent = $5
         FROM staff_member m, staff_session c
        WHERE s.link_token_hash = $1 AND s.entered_at IS NULL AND s.link_expires_at > now()
          AND m.id = s.staff_id AND c.id = s.console_session_id AND ${HOLDS}
        RETURNING s.id, s.session_expires_at`,
      [entry.linkTokenHash, entry.sessionTokenHash, entry.ttlSeconds, entry.ip, entry.userAgent],
    );
    const row = rows[0];
    return row ? { id: row.id, expiresAt: row.session_expires_at } : null;
  }

  /** The owner of a board session that still holds, or null. */
  async ownerOf(sessionTokenHash: string): Promise<QueueBoardSessionOwner | null> {
    const rows: Array<{ id: string; staff_id: string; email: string }> = await this.db.query(
      `SELECT s.id, m.id AS staff_id, m.email
         FROM queue_board_session s
         JOIN staff_member m ON m.id = s.staff_id
         JOIN staff_session c ON c.id = s.console_session_id
        WHERE s.session_token_hash = $1 AND s.session_expires_at > now() AND ${HOLDS}`,
      [sessionTokenHash],
    );
    const row = rows[0];
    return row ? { sessionId: row.id, staffId: row.staff_id, email: row.email } : null;
  }
}
