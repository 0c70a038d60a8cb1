import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PayoutCandidateRow } from './payouts.repository';

/**
 * The hook where collection sets an amount off against a client's payout (issue 12, for issue
 * 15: an overdue recourse invoice is taken from the client's next payout). Preparing a batch asks
 * it, in the batch's transaction, how much of each due payout is set off; the line keeps the
 * amount (payout_line.set_off) and pays the rest, and a payout set off whole waits out of the
 * batch. Nothing is set off until the collection issue fills this in, with its own postings.
 */
@Injectable()
export class PayoutSetOffs {
  async against(_tx: EntityManager, _due: readonly PayoutCandidateRow[]): Promise<Map<string, string>> {
    return new Map();
  }
}
