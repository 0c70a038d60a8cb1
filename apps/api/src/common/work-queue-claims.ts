import { ConflictError } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';

/**
 * One person at a time works an item of a staff queue (applications, credit reviews, and the
 * later dispute, collection and payment queues): claim, claim the oldest, give back. The item's
 * table has `id`, `claimed_by`, `claimed_at` and `version`; the caller has locked the row
 * (SELECT ... FOR UPDATE) in the same transaction, so two people pressing at once are
 * serialised and the second gets a CONFLICT naming the first.
 */
export interface WorkQueue<Item extends { id: string; claimed_by: string | null }> {
  /** The item's table: a constant of the calling service, never input. */
  table: string;
  /** Prefix of the reason codes: `${prefix}_CLAIMED`, `${prefix}_NOT_YOURS`. */
  codePrefix: string;
  /** How staff call one item: "application", "item". */
  noun: string;
  /** Writes the claim or the release into the item's timeline: a sentence for the database, and the step the console words. */
  record(tx: EntityManager, item: Item, by: StaffPrincipal, reason: string, step: 'CLAIMED' | 'RELEASED'): Promise<void>;
}

export class WorkQueueClaims<Item extends { id: string; claimed_by: string | null }> {
  constructor(private readonly queue: WorkQueue<Item>) {}

  /** Someone else holds the item: a CONFLICT naming them. Free or one's own: nothing. */
  async assertFreeOrMine(tx: EntityManager, item: Item, by: StaffPrincipal): Promise<void> {
    if (!item.claimed_by || item.claimed_by === by.id) return;
    const [owner] = await tx.query(`SELECT name FROM staff_member WHERE id = $1`, [item.claimed_by]);
    throw new ConflictError(`${this.queue.codePrefix}_CLAIMED`, `${owner?.name ?? 'Another analyst'} is already working on this ${this.queue.noun}.`, {
      claimedBy: owner?.name ?? null,
    });
  }

  /** Takes a locked item; claiming one's own item again changes nothing. */
  async claim(tx: EntityManager, item: Item, by: StaffPrincipal): Promise<void> {
    await this.assertFreeOrMine(tx, item, by);
    if (item.claimed_by === by.id) return;
    await tx.query(`UPDATE ${this.queue.table} SET claimed_by = $2, claimed_at = now(), version = version + 1 WHERE id = $1`, [item.id, by.id]);
    await this.queue.record(tx, item, by, `Claimed by ${by.name}`, 'CLAIMED');
  }

  /**
   * Claims the first free item that `select` finds. `select` must end in
   * `FOR UPDATE ... SKIP LOCKED` so two people pressing "claim next" at once get two items.
   */
  async claimNext(tx: EntityManager, select: string, params: unknown[], by: StaffPrincipal): Promise<Item | null> {
    const [next] = (await tx.query(select, params)) as Item[];
    if (!next) return null;
    await this.claim(tx, next, by);
    return next;
  }

  /** Gives a locked item back to the queue; only its holder can. */
  async release(tx: EntityManager, item: Item, by: StaffPrincipal): Promise<void> {
    if (item.claimed_by !== by.id) {
      throw new ConflictError(`${this.queue.codePrefix}_NOT_YOURS`, `Only the analyst who claimed this ${this.queue.noun} can release it.`);
    }
    await tx.query(`UPDATE ${this.queue.table} SET claimed_by = NULL, claimed_at = NULL, version = version + 1 WHERE id = $1`, [item.id]);
    await this.queue.record(tx, item, by, `Released by ${by.name}`, 'RELEASED');
  }
}
