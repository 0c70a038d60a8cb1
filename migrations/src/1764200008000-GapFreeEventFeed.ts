import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The polling feed numbers events after they commit (issue 9 d). An identity taken inside a
 * transaction says nothing about when it commits, so a feed read by id skips an event whose
 * transaction took a lower id and committed after a higher one was read. Positions are given
 * to committed events only, one numbering at a time, so a reader that sees a position sees
 * every position below it. Existing events keep their id as position: old cursors stay valid.
 */
export class GapFreeEventFeed1764200008000 implements MigrationInterface {
  name = 'GapFreeEventFeed1764200008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event ADD COLUMN feed_position bigint UNIQUE`);
    await q.query(`UPDATE outbox_event SET feed_position = id`);
    await q.query(`CREATE INDEX outbox_event_unnumbered ON outbox_event (id) WHERE feed_position IS NULL`);
    await q.query(`CREATE INDEX outbox_event_feed ON outbox_event (client_id, feed_position) WHERE feed_position IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_event_feed`);
    await q.query(`DROP INDEX outbox_event_unnumbered`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN feed_position`);
  }
}
