import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@factoring/domain';
import { payoutRejectedPostings, payoutReturnedPostings, payoutSettledPostings, refundRejectedPostings, refundReturnedPostings } from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { CLOCK } from '../collection/clock';
import { Book, Ledger } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';

const PAYOUT_BATCH = 'PAYOUT_BATCH';
const BANK_ENTRY = 'BANK_ENTRY';
const BOOK_OF: Record<string, Book> = { SEK: 'SE', NOK: 'NO' };

interface OutEntry {
  id: string;
  amount: string;
  currency: string;
  payment_information_id: string | null;
  end_to_end_id: string | null;
  return_reason: string | null;
}

/**
 * Money out as the bank shows it (issue 14 s.1). The debit of a payout batch (the whole batch by
 * our pain.001 PmtInfId, or one payment by its EndToEndId) settles its lines: the money in
 * transit since the batch was sent has left the bank, and a batch whose lines are all settled
 * is SETTLED. A payout the client's bank sends back (a credit carrying our EndToEndId and a
 * return reason) is rejected again: its postings reversed, the client told why, and the invoice
 * due again in the next batch (a rejected line frees the invoice, as a pain.002 rejection does).
 * A debit that names no batch we sent, or whose amount differs, is left for finance (UNMATCHED).
 */
@Injectable()
export class BankMoneyOut {
  constructor(
    private readonly ledger: Ledger,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async settleDebits(tx: EntityManager, importId: string): Promise<void> {
    const debits: OutEntry[] = await tx.query(
      `SELECT id, amount::text, currency, payment_information_id, end_to_end_id, return_reason FROM bank_entry WHERE import_id = $1 AND kind = 'PAYOUT_DEBIT' AND state = 'NEW' ORDER BY id`,
      [importId],
    );
    for (const debit of debits) {
      const lines: Array<{ id: string; batch_id: string; state: string; amount: string }> = await tx.query(
        debit.payment_information_id
          ? `SELECT l.id, l.batch_id, l.state, l.amount::text FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
              WHERE b.message_id = $1 AND l.state IN ('INCLUDED','SETTLED') ORDER BY l.id FOR UPDATE OF l`
          : `SELECT l.id, l.batch_id, l.state, l.amount::text FROM payout_line l WHERE l.end_to_end_id = $1 AND l.state IN ('INCLUDED','SETTLED') FOR UPDATE`,
        [debit.payment_information_id ?? debit.end_to_end_id],
      );
      const open = lines.filter((l) => l.state === 'INCLUDED');
      const total = open.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
      if (!lines.length || (open.length && !total.eq(debit.amount))) {
        await tx.query(`UPDATE bank_entry SET state = 'UNMATCHED' WHERE id = $1`, [debit.id]);
        continue;
      }
      if (!open.length) {
        // Settled already (the day's notification came first): the statement line is reconciled, not booked again.
        await tx.query(`UPDATE bank_entry SET state = 'RECONCILED' WHERE id = $1`, [debit.id]);
        continue;
      }
      const book = BOOK_OF[debit.currency];
      await this.ledger.post(tx, {
        book,
        date: this.clock.today(book).toString(),
        causeType: BANK_ENTRY,
        causeId: debit.id,
        event: 'PAYOUT_SETTLED',
        description: `Payout debited by the bank (${debit.payment_information_id ?? debit.end_to_end_id})`,
        lines: payoutSettledPostings(total.toFixed(2)),
      });
      await tx.query(`UPDATE payout_line SET state = 'SETTLED' WHERE id = ANY($1::uuid[])`, [open.map((l) => l.id)]);
      await tx.query(`UPDATE bank_entry SET state = 'SETTLED' WHERE id = $1`, [debit.id]);
      for (const batchId of new Set(open.map((l) => l.batch_id))) {
        const [batch] = await tx.query(
          `SELECT id, state, version, NOT EXISTS (SELECT 1 FROM payout_line WHERE batch_id = $1 AND state = 'INCLUDED') AS all_settled FROM payout_batch WHERE id = $1 FOR UPDATE`,
          [batchId],
        );
        if (!batch.all_settled || !['ACCEPTED', 'PARTLY_REJECTED'].includes(batch.state)) continue;
        await tx.query(`UPDATE payout_batch SET state = 'SETTLED', updated_at = now(), version = version + 1 WHERE id = $1`, [batch.id]);
        await this.timeline.record(tx, {
          entityType: PAYOUT_BATCH,
          entityId: batch.id,
          actor: { type: 'SYSTEM' },
          fromState: batch.state,
          toState: 'SETTLED',
          reason: 'Debited by the bank',
          details: { step: 'BATCH_SETTLED', bankEntryId: debit.id },
        });
      }
    }
  }

  async returns(tx: EntityManager, importId: string): Promise<void> {
    const returned: OutEntry[] = await tx.query(
      `SELECT id, amount::text, currency, payment_information_id, end_to_end_id, return_reason FROM bank_entry WHERE import_id = $1 AND kind = 'PAYOUT_RETURN' AND state = 'NEW' ORDER BY id`,
      [importId],
    );
    for (const entry of returned) {
      const [line] = await tx.query(
        `SELECT l.id, l.invoice_id, l.client_id, l.amount::text, l.attempt, l.state, i.invoice_number, l.refund_id, r.kind AS refund_kind
           FROM payout_line l LEFT JOIN invoice i ON i.id = l.invoice_id LEFT JOIN payout_refund r ON r.id = l.refund_id
          WHERE l.end_to_end_id = $1 AND l.state IN ('INCLUDED','SETTLED') FOR UPDATE OF l`,
        [entry.end_to_end_id],
      );
      if (!line || !new Decimal(line.amount).eq(entry.amount)) {
        await tx.query(`UPDATE bank_entry SET state = 'UNMATCHED' WHERE id = $1`, [entry.id]);
        continue;
      }
      const book = BOOK_OF[entry.currency];
      const why = { code: entry.return_reason, text: 'Returned by the payee\'s bank' };
      await tx.query(`UPDATE payout_line SET state = 'REJECTED', rejection = $2 WHERE id = $1`, [line.id, why]);
      if (line.refund_id) {
        // A refund sent back: owed again (back in the bank if its debit was seen), due in the next batch.
        await this.ledger.post(tx, {
          book,
          date: this.clock.today(book).toString(),
          causeType: BANK_ENTRY,
          causeId: entry.id,
          event: 'PAYOUT_RETURNED',
          description: `Refund returned by the payee's bank (${entry.return_reason ?? 'no reason given'})`,
          lines: (line.state === 'SETTLED' ? refundReturnedPostings(line.refund_kind, line.amount) : refundRejectedPostings(line.refund_kind, line.amount)).map((p) => ({ ...p, clientId: line.client_id })),
        });
        await tx.query(`UPDATE bank_entry SET state = 'SETTLED' WHERE id = $1`, [entry.id]);
        continue;
      }
      // Settled: back in the bank and owed to the client again. Still in transit (its debit not yet seen): it went out and
      // came back, so the bank nets to nothing and only the payout is undone.
      const lines = line.state === 'SETTLED' ? payoutReturnedPostings(line.amount) : payoutRejectedPostings(line.amount);
      await this.ledger.post(tx, {
        book,
        date: this.clock.today(book).toString(),
        causeType: BANK_ENTRY,
        causeId: entry.id,
        event: 'PAYOUT_RETURNED',
        description: `Payout of invoice ${line.invoice_number} returned by the payee's bank (${entry.return_reason ?? 'no reason given'})`,
        lines: lines.map((p) => ({ ...p, clientId: line.client_id, invoiceId: line.invoice_id })),
      });
      await tx.query(`UPDATE bank_entry SET state = 'SETTLED' WHERE id = $1`, [entry.id]);
      await this.outbox.write(tx, {
        clientId: line.client_id,
        topic: 'invoice.payout_delayed',
        subjectType: 'INVOICE',
        subjectId: line.invoice_id,
        payload: { invoiceNumber: line.invoice_number, reason: 'PAYOUT_RETURNED_BY_BANK', returnReason: entry.return_reason },
      });
      await this.timeline.record(tx, {
        entityType: 'INVOICE',
        entityId: line.invoice_id,
        actor: { type: 'SYSTEM' },
        fromState: 'PURCHASED',
        toState: 'PURCHASED',
        reason: `Payout returned by the payee's bank (${entry.return_reason ?? 'no reason given'}); due again in the next batch`,
        details: { step: 'PAYOUT_RETURNED', returnReason: entry.return_reason, bankEntryId: entry.id, clientVisible: false },
      });
    }
  }
}
