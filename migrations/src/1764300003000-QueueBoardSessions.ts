import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9 g: admins open Bull Board (mounted in the API under /admin/queues) from the console.
 * The console's session is a bearer token, which a link cannot carry, so an admin asks for a
 * one-time link (about a minute) and visiting it swaps the link for a short cookie session of
 * the board (15 minutes). One row per such sign-in; only SHA-256 hashes of both tokens are kept.
 * A link is used once: entering sets `entered_at` and the session's hash together. The board's
 * session holds only while its admin is active, still an admin, and still signed in to the
 * console session that asked for it.
 */
export class QueueBoardSessions1764300003000 implements MigrationInterface {
  name = 'QueueBoardSessions1764300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_board_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff_member(id),
        console_session_id uuid NOT NULL REFERENCES staff_session(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        link_token_hash text NOT NULL UNIQUE CHECK (link_token_hash ~ '^[0-9a-f]{64}$'),
        link_expires_at timestamptz NOT NULL,
        entered_at timestamptz,
        session_token_hash text UNIQUE CHECK (session_token_hash ~ '^[0-9a-f]{64}$'),
        session_expires_at timestamptz,
        ip text,
        user_agent text,
        CHECK ((entered_at IS NULL) = (session_token_hash IS NULL) AND (entered_at IS NULL) = (session_expires_at IS NULL))
      )`);
    await q.query(`CREATE INDEX queue_board_session_staff_idx ON queue_board_session (staff_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_board_session`);
  }
}
