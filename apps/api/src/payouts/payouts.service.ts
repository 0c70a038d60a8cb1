import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { assertFourEyes, BusinessCalendar, BUSINESS_TIME_ZONES, ConflictError, InvalidValueError, LocalDate, nextPayoutBatchState, NotFoundError, PayoutBatchEvent, PayoutBatchState } from '@factoring/domain';
import { firstPaymentFileDay, PaymentFileCutOff, payoutHolds, payoutRejectedPostings, payoutSentPostings, RefundKind, refundRejectedPostings, refundSentPostings } from '@factoring/rules';
import { validateXML } from 'xmllint-wasm';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { reasonView } from '../common/dto/common.types';
import { Ledger } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { writePain001 } from './pain001';
import { readPain002, REJECTED, StatusReport } from './pain002';
import { PayoutCandidateRow, PayoutReceipt, PayoutsRepository } from './payouts.repository';
import { PayoutSetOffs } from './payout-set-offs';
import { PayoutError } from './payout-errors';
import { PAYABLE_KINDS, RefundCandidateRow, Refunds } from './refunds';
import { crashPoint } from '../common/crash-point';

const PAIN002_XSD = readFileSync(join(__dirname, 'schemas', 'pain.002.001.03.xsd'), 'utf8');

export const PAYOUT_BATCH = 'PAYOUT_BATCH';
export const PAYOUT_REFUND = 'PAYOUT_REFUND';
const CURRENCY = { SE: 'SEK', NO: 'NOK' } as const;

interface LockedBatch {
  id: string;
  book: 'SE' | 'NO';
  state: PayoutBatchState;
  prepared_by: string;
  version: number;
}

/**
 * The day's payouts (issue 12; seeds 000, 001: paid the same or next business day, one payment
 * per invoice with its OCR/KID as the reference). Finance prepares a batch per book and day;
 * another member of finance approves it exactly as they saw it; held invoices stay out with
 * their reason and their clients are told the payout is delayed.
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: PayoutsRepository,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly ledger: Ledger,
    private readonly setOffs: PayoutSetOffs,
    private readonly refunds: Refunds,
  ) {}

  /** What is due in a book on a day, split into what goes in a batch and what is held (with why). */
  async dueAndHeld(country: 'SE' | 'NO', day?: string) {
    const payoutDay = day ? this.day(country, day) : (await this.firstFileDay(country)).toString();
    const rows = await this.repository.due(country, payoutDay, false);
    // Refunds and repayments go in the same batch (prepare below): shown with the invoices, held ones with why.
    const refunds = this.splitRefunds(await this.refunds.unpaid(this.repository.manager, country, false), payoutDay);
    return { payoutDay, ...this.split(rows, payoutDay), refunds };
  }

  /** Gathers the day's due invoices into one batch; held ones stay out, and their clients hear why once. */
  async prepare(country: 'SE' | 'NO', day: string | undefined, by: StaffPrincipal) {
    const payoutDay = await this.fileDay(country, day);
    const id = await this.uow.transaction(async (tx) => {
      const [open] = await tx.query(`SELECT id FROM payout_batch WHERE book = $1 AND payout_date = $2 AND state IN ('PREPARED','APPROVED')`, [country, payoutDay]);
      if (open) throw new ConflictError(PayoutError.PAYOUT_BATCH_ALREADY_OPEN, 'This day already has a batch waiting for approval or export: cancel it first to prepare it again.', { batchId: open.id });
      const split = this.split(await this.repository.due(country, payoutDay, true, tx), payoutDay);
      const held = split.held;
      const refunds = this.splitRefunds(await this.refunds.unpaid(tx, country), payoutDay);
      if (!split.included.length && !refunds.included.length) throw new ConflictError(PayoutError.PAYOUT_BATCH_NOTHING_DUE, 'Nothing is due for payout on this day.');
      const messageId = `FB${country}${payoutDay.replace(/-/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
      // The batch row first (its total once the set-offs are known): each set-off names the batch that took it.
      const [batch] = await tx.query(
        `INSERT INTO payout_batch (book, currency, payout_date, state, message_id, total, line_count, prepared_by) VALUES ($1, $2, $3, 'PREPARED', $4, 0, 0, $5) RETURNING id`,
        [country, CURRENCY[country], payoutDay, messageId, by.id],
      );
      // What the client owes the factor (paid to it directly, an overdue recourse invoice) is set off and booked here; a payout set off whole is done.
      const setOffs = await this.setOffs.against(tx, split.included, { id: batch.id, book: country });
      const included = split.included
        .map((row) => ({ ...row, setOff: new Decimal(row.set_off_before ?? 0).plus(setOffs.get(row.invoice_id) ?? 0).toFixed(2), amount: new Decimal(row.amount).minus(setOffs.get(row.invoice_id) ?? 0).toFixed(2) }))
        .filter((row) => new Decimal(row.amount).gt(0));
      if (!included.length && !refunds.included.length) throw new ConflictError(PayoutError.PAYOUT_BATCH_NOTHING_DUE, 'Nothing is due for payout on this day.');
      const total = [...included, ...refunds.included].reduce((sum, row) => sum.plus(row.amount), new Decimal(0)).toFixed(2);
      await tx.query(`UPDATE payout_batch SET total = $2, line_count = $3 WHERE id = $1`, [batch.id, total, included.length + refunds.included.length]);
      // One statement whatever the batch's size: columns as arrays (a VALUES list of 10 000 lines would pass PostgreSQL's 65 535 parameters).
      const lines = included.map((row) => {
        const attempt = row.attempts + 1;
        // Unique per invoice and attempt, at most 35 characters (pain.001 EndToEndId).
        return { ...row, attempt, endToEnd: `${row.reference}-${attempt}`, payee: JSON.stringify({ ...row.payee, name: row.client_name }) };
      });
      await tx.query(
        `INSERT INTO payout_line (batch_id, invoice_id, client_id, attempt, amount, set_off, reference, end_to_end_id, payee, state)
         SELECT $1, u.invoice_id, u.client_id, u.attempt, u.amount, u.set_off, u.reference, u.end_to_end_id, u.payee::jsonb, 'INCLUDED'
           FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::numeric[], $6::numeric[], $7::text[], $8::text[], $9::text[])
                AS u(invoice_id, client_id, attempt, amount, set_off, reference, end_to_end_id, payee)`,
        [
          batch.id,
          lines.map((l) => l.invoice_id),
          lines.map((l) => l.client_id),
          lines.map((l) => l.attempt),
          lines.map((l) => l.amount),
          lines.map((l) => l.setOff),
          lines.map((l) => l.reference),
          lines.map((l) => l.endToEnd),
          lines.map((l) => l.payee),
        ],
      );
      await this.insertRefundLines(tx, batch.id, refunds.included);
      crashPoint('payout.prepare.lines-written');
      await this.timeline.record(tx, {
        entityType: PAYOUT_BATCH,
        entityId: batch.id,
        actor: staff(by),
        toState: 'PREPARED',
        reason: `${included.length} payouts${refunds.included.length ? ` and ${refunds.included.length} refunds` : ''}, ${total} ${CURRENCY[country]}`,
        details: { step: 'BATCH_PREPARED', payouts: included.length, refunds: refunds.included.length, amount: total, currency: CURRENCY[country], held: held.length + refunds.held.length },
      });
      for (const row of included.filter((r) => r.planned_payout_date < payoutDay)) {
        // Bought after its promised payout day (a spot check, a review): the client is told the new day (seed 000).
        await this.outbox.write(tx, { clientId: row.client_id, topic: 'invoice.payout_delayed', subjectType: 'INVOICE', subjectId: row.invoice_id, payload: { invoiceNumber: row.invoice_number, plannedPayoutDate: row.planned_payout_date, payoutDate: payoutDay } });
      }
      return batch.id as string;
    });
    crashPoint('payout.prepare.committed');
    return this.batch(id);
  }

  /** Four eyes: not the preparer, and the batch exactly as the approver saw it (its version). */
  async approve(id: string, versionSeen: number, by: StaffPrincipal) {
    await this.uow.transaction(async (tx) => {
      const batch = await this.lock(tx, id);
      assertFourEyes({ preparedBy: batch.prepared_by, version: batch.version }, by.id, versionSeen);
      await this.move(tx, batch, 'APPROVE', by, 'Approved for payment', `approved_by = $4, approved_at = now()`, [by.id], { step: 'BATCH_APPROVED' });
    });
    return this.batch(id);
  }

  /** Before its file goes out, a batch can be cancelled: its invoices are due again for the next one. */
  async cancel(id: string, reason: string, by: StaffPrincipal) {
    await this.uow.transaction(async (tx) => {
      const batch = await this.lock(tx, id);
      await this.move(tx, batch, 'CANCEL', by, reason, `cancelled_by = $4, cancelled_at = now(), cancel_reason = $5`, [by.id, reason], { step: 'BATCH_CANCELLED', typed: reason });
      await tx.query(`UPDATE payout_line SET state = 'CANCELLED' WHERE batch_id = $1 AND state = 'INCLUDED'`, [id]);
    });
    return this.batch(id);
  }

  /**
   * The bank file of an approved batch (pain.001), made once and kept: exporting again returns
   * the same bytes and changes nothing, so a retry after a lost answer cannot pay twice.
   */
  async exportFile(id: string, by: StaffPrincipal): Promise<{ fileName: string; sha256: string; content: Buffer }> {
    const file = await this.uow.transaction(async (tx) => {
      const batch = await this.lock(tx, id);
      const [kept] = await tx.query(`SELECT message_id, sha256, content FROM bank_file WHERE batch_id = $1 AND direction = 'OUT'`, [id]);
      if (kept) return kept;
      nextPayoutBatchState(batch.state, 'EXPORT');
      // The bank's deadline for the file, not the offer's cut-off: a file too late for its day would pay another day than the batch says.
      const [{ payout_date: payoutDate }] = await tx.query(`SELECT payout_date::text FROM payout_batch WHERE id = $1`, [id]);
      // The agreement in force now says when the bank must have the file.
      const cutOff = await this.cutOff(batch.book, LocalDate.today(BUSINESS_TIME_ZONES[batch.book]).toString(), tx);
      if (LocalDate.parse(payoutDate).isBefore(firstPaymentFileDay(new Date(), batch.book, cutOff))) {
        const first = firstPaymentFileDay(new Date(), batch.book, cutOff).toString();
        throw new ConflictError(
          PayoutError.PAYOUT_BATCH_TOO_LATE,
          `The bank's cut-off for payment files on ${payoutDate} (${cutOff.localTime}) has passed: cancel this batch and prepare one for ${first}.`,
          { payoutDate, cutOff: cutOff.localTime, firstDay: first },
        );
      }
      const [header] = await tx.query(
        `SELECT b.message_id, b.payout_date::text AS payout_date, b.currency, b.total::text AS total, b.line_count, k.name AS book_name,
                a.kind AS account_kind, a.number AS account_number, a.bic, a.bank_agreement_id
           FROM payout_batch b JOIN ledger_book k ON k.code = b.book
           JOIN LATERAL (SELECT * FROM ledger_bank_account WHERE book = b.book AND valid_from <= b.payout_date ORDER BY valid_from DESC LIMIT 1) a ON true
          WHERE b.id = $1`,
        [id],
      );
      const lines: Array<{ end_to_end_id: string; amount: string; reference: string; payee: { kind: string; value: string; name: string; bic?: string } }> = await tx.query(
        `SELECT end_to_end_id, amount::text AS amount, reference, payee FROM payout_line WHERE batch_id = $1 AND state = 'INCLUDED' ORDER BY end_to_end_id`,
        [id],
      );
      const chunks: string[] = [];
      await writePain001(
        {
          messageId: header.message_id,
          createdAt: new Date(),
          payoutDate: header.payout_date,
          currency: header.currency,
          debtor: { name: header.book_name, country: batch.book, agreementId: header.bank_agreement_id, account: { kind: header.account_kind, number: header.account_number }, bic: header.bic },
        },
        { count: header.line_count, total: header.total },
        lines.map((l) => ({ endToEndId: l.end_to_end_id, amount: l.amount, reference: l.reference, payee: l.payee })),
        (chunk) => chunks.push(chunk),
      );
      const content = Buffer.from(chunks.join(''), 'utf8');
      const sha256 = createHash('sha256').update(content).digest('hex');
      crashPoint('payout.export.file-built');
      await tx.query(`INSERT INTO bank_file (book, direction, format, message_id, sha256, content, batch_id, created_by) VALUES ($1, 'OUT', 'pain.001.001.03', $2, $3, $4, $5, $6)`, [
        batch.book,
        header.message_id,
        sha256,
        content,
        id,
        by.id,
      ]);
      await this.move(tx, batch, 'EXPORT', by, `Bank file ${header.message_id} made`, `exported_at = now()`, [], { step: 'BATCH_EXPORTED', file: header.message_id });
      return { message_id: header.message_id, sha256, content };
    });
    crashPoint('payout.export.committed');
    return { fileName: `${file.message_id}.xml`, sha256: file.sha256, content: file.content };
  }

  /**
   * The file went to the bank: the clients are no longer owed these amounts, which are on their
   * way until the statement shows the debit (issue 14 settles them). One entry per payout.
   */
  async markSent(id: string, by: StaffPrincipal) {
    await this.uow.transaction(async (tx) => {
      const batch = await this.lock(tx, id);
      await this.move(tx, batch, 'MARK_SENT', by, 'Sent to the bank', `sent_at = now()`, [], { step: 'BATCH_SENT' });
      const lines = await tx.query(
        `SELECT l.id, l.invoice_id, l.client_id, l.amount::text AS amount, l.attempt, i.invoice_number, b.payout_date::text AS payout_date
           FROM payout_line l JOIN invoice i ON i.id = l.invoice_id JOIN payout_batch b ON b.id = l.batch_id WHERE l.batch_id = $1 AND l.state = 'INCLUDED'`,
        [id],
      );
      await this.ledger.postMany(
        tx,
        lines.map((l: Record<string, string>) => ({
          book: batch.book,
          date: this.day(batch.book, undefined),
          causeType: 'INVOICE',
          causeId: l.invoice_id,
          event: 'PAYOUT',
          attempt: String(l.attempt),
          description: `Payout of invoice ${l.invoice_number}`,
          lines: payoutSentPostings(l.amount).map((line) => ({ ...line, clientId: l.client_id, invoiceId: l.invoice_id })),
        })),
      );
      for (const l of lines) {
        await this.outbox.write(tx, { clientId: l.client_id, topic: 'invoice.paid_out', subjectType: 'INVOICE', subjectId: l.invoice_id, payload: { invoiceNumber: l.invoice_number, amount: l.amount, payoutDate: l.payout_date } });
      }
      // Refunds: what was owed (refunds due to a debtor, or owed to a client) is paid and in transit, one entry per refund and attempt.
      const refunds: Array<{ refund_id: string; kind: RefundKind; client_id: string | null; amount: string; attempt: number; reference: string; payout_date: string }> = await tx.query(
        `SELECT l.refund_id, r.kind, r.client_id, l.amount::text AS amount, l.attempt, r.reference, b.payout_date::text AS payout_date
           FROM payout_line l JOIN payout_refund r ON r.id = l.refund_id JOIN payout_batch b ON b.id = l.batch_id WHERE l.batch_id = $1 AND l.state = 'INCLUDED'`,
        [id],
      );
      await this.ledger.postMany(
        tx,
        refunds.map((r) => ({
          book: batch.book,
          date: this.day(batch.book, undefined),
          causeType: PAYOUT_REFUND,
          causeId: r.refund_id,
          event: 'REFUND_PAID',
          attempt: String(r.attempt),
          description: `${r.kind === 'DEBTOR_REFUND' ? 'Refund to a debtor' : 'Repayment to the client'}: ${r.reference}`,
          lines: refundSentPostings(r.kind, r.amount).map((line) => ({ ...line, clientId: r.client_id })),
        })),
      );
      for (const r of refunds.filter((x) => x.kind === 'CLIENT_REPAYMENT' && x.client_id)) {
        await this.outbox.write(tx, { clientId: r.client_id!, topic: 'client.repayment_sent', subjectType: 'CLIENT', subjectId: r.client_id!, payload: { refundId: r.refund_id, amount: r.amount, reference: r.reference, payoutDate: r.payout_date } });
      }
    });
    return this.batch(id);
  }

  /**
   * The bank's status report (pain.002): the batch is accepted, or rejected whole, by payment
   * block or by payment. A rejected payment's invoice is due again in the next batch, its
   * posting is reversed, and its client is told why. The same report twice changes nothing.
   */
  async importStatusReport(xml: string, by: StaffPrincipal) {
    const validation = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'pain.002.001.03.xsd', contents: PAIN002_XSD }] });
    if (validation.errors.length) {
      throw new InvalidValueError(PayoutError.BANK_FILE_INVALID, `The file is not a valid pain.002.001.03: ${validation.errors[0].message}`, 'file', { line: validation.errors[0].loc?.lineNumber });
    }
    const report = readPain002(xml);
    const content = Buffer.from(xml, 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.uow.transaction(async (tx) => {
      const [seen] = await tx.query(`SELECT summary FROM bank_file WHERE direction = 'IN' AND sha256 = $1`, [sha256]);
      if (seen) return { ...seen.summary, alreadyImported: true };
      const [found] = await tx.query(`SELECT id FROM payout_batch WHERE message_id = $1`, [report.originalMessageId]);
      if (!found) throw new InvalidValueError(PayoutError.BANK_FILE_UNKNOWN_BATCH, `The report is about file ${report.originalMessageId}, which we did not send.`, 'file');
      const batch = await this.lock(tx, found.id);
      const rejected = this.rejectedLines(report);
      const lines: Array<{ id: string; invoice_id: string; client_id: string; amount: string; attempt: number; end_to_end_id: string; invoice_number: string; refund_id: string | null; refund_kind: RefundKind | null }> = await tx.query(
        `SELECT l.id, l.invoice_id, l.client_id, l.amount::text AS amount, l.attempt, l.end_to_end_id, i.invoice_number, l.refund_id, r.kind AS refund_kind
           FROM payout_line l LEFT JOIN invoice i ON i.id = l.invoice_id LEFT JOIN payout_refund r ON r.id = l.refund_id WHERE l.batch_id = $1 AND l.state = 'INCLUDED'`,
        [batch.id],
      );
      const refused = rejected.all ? lines : lines.filter((l) => rejected.byEndToEnd.has(l.end_to_end_id));
      const event: PayoutBatchEvent = refused.length === 0 ? 'BANK_ACCEPTED' : refused.length === lines.length ? 'BANK_REJECTED' : 'BANK_PARTLY_REJECTED';
      if (batch.state !== 'SENT') throw new ConflictError(PayoutError.PAYOUT_BATCH_NOT_SENT, 'Only a batch marked sent gets a status report; mark it sent first.', { state: batch.state });
      await this.move(tx, batch, event, by, `Bank status report ${report.messageId}`, '', [], { step: `BATCH_${event}`, file: report.messageId });
      for (const line of refused) {
        const why = rejected.byEndToEnd.get(line.end_to_end_id) ?? rejected.all ?? { code: null, text: null };
        await tx.query(`UPDATE payout_line SET state = 'REJECTED', rejection = $2 WHERE id = $1`, [line.id, why]);
        if (line.invoice_id) await this.outbox.write(tx, { clientId: line.client_id, topic: 'invoice.payout_delayed', subjectType: 'INVOICE', subjectId: line.invoice_id, payload: { invoiceNumber: line.invoice_number, reason: 'PAYOUT_REJECTED_BY_BANK' } });
      }
      // A rejected refund is owed again and due in the next batch.
      await this.ledger.postMany(
        tx,
        refused
          .filter((l) => l.refund_id)
          .map((l) => ({
            book: batch.book,
            date: this.day(batch.book, undefined),
            causeType: PAYOUT_REFUND,
            causeId: l.refund_id!,
            event: 'REFUND_REJECTED',
            attempt: String(l.attempt),
            description: 'Refund rejected by the bank',
            lines: refundRejectedPostings(l.refund_kind!, l.amount).map((p) => ({ ...p, clientId: l.client_id })),
          })),
      );
      await this.ledger.postMany(
        tx,
        refused.filter((l) => l.invoice_id).map((l) => ({
          book: batch.book,
          date: this.day(batch.book, undefined),
          causeType: 'INVOICE',
          causeId: l.invoice_id,
          event: 'PAYOUT_REJECTED',
          attempt: String(l.attempt),
          description: `Payout of invoice ${l.invoice_number} rejected by the bank`,
          lines: payoutRejectedPostings(l.amount).map((p) => ({ ...p, clientId: l.client_id, invoiceId: l.invoice_id })),
        })),
      );
      const summary = { batchId: batch.id, state: nextPayoutBatchState(batch.state, event), rejected: refused.length, accepted: lines.length - refused.length };
      await tx.query(`INSERT INTO bank_file (book, direction, format, message_id, sha256, content, batch_id, summary, created_by) VALUES ($1, 'IN', 'pain.002.001.03', $2, $3, $4, $5, $6, $7)`, [
        batch.book,
        report.messageId,
        sha256,
        content,
        batch.id,
        summary,
        by.id,
      ]);
      return { ...summary, alreadyImported: false };
    });
  }

  /** Which payments the report rejects: all of them (group or block), or some by their end-to-end ids. */
  private rejectedLines(report: StatusReport) {
    const whole = report.group?.status === REJECTED ? report.group : report.paymentBlocks.find((b) => b.status === REJECTED);
    const first = (s: { reasons: Array<{ code: string | null; text: string | null }> }) => s.reasons[0] ?? { code: null, text: null };
    return {
      all: whole ? first(whole) : null,
      byEndToEnd: new Map(report.transactions.filter((t) => t.status === REJECTED).map((t) => [t.endToEndId, first(t)])),
    };
  }

  /** A second person confirms a changed payout account (e.g. called the client on a number we already had). */
  async confirmPayoutAccount(clientId: string, agreementVersion: number, how: string, by: StaffPrincipal): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const [agreement] = await tx.query(`SELECT changed_by FROM client_agreement WHERE client_id = $1 AND version = $2`, [clientId, agreementVersion]);
      if (!agreement) throw new NotFoundError(PayoutError.AGREEMENT_NOT_FOUND, `The client has no agreement version ${agreementVersion}.`);
      if (agreement.changed_by === by.id) {
        throw new ConflictError(PayoutError.PAYOUT_ACCOUNT_SELF_CONFIRMATION, 'Someone other than who changed the payout account must confirm it.');
      }
      const inserted = await tx.query(
        `INSERT INTO payout_account_confirmation (client_id, agreement_version, confirmed_by, how) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING client_id`,
        [clientId, agreementVersion, by.id, how],
      );
      if (!inserted.length) throw new ConflictError(PayoutError.PAYOUT_ACCOUNT_ALREADY_CONFIRMED, 'This payout account is already confirmed.');
      await this.timeline.record(tx, { entityType: 'CLIENT', entityId: clientId, actor: staff(by), toState: 'PAYOUT_ACCOUNT_CONFIRMED', reason: how, details: { step: 'PAYOUT_ACCOUNT_CONFIRMED', typed: how, agreementVersion } });
    });
  }

  async batch(id: string) {
    const row = await this.repository.batch(id);
    if (!row) throw new NotFoundError(PayoutError.PAYOUT_BATCH_NOT_FOUND, `No payout batch has the id ${id}.`);
    return toBatch(row);
  }

  async batches(args: { state?: string; page: number; perPage: number }) {
    const { items, total } = await this.repository.batches(args);
    return { items: items.map(toBatch), total };
  }

  lines(batchId: string) {
    return this.repository.lines(batchId);
  }

  private split(rows: PayoutCandidateRow[], today: string) {
    const included: PayoutCandidateRow[] = [];
    const held: Array<PayoutCandidateRow & { holds: ReturnType<typeof reasonView>[] }> = [];
    for (const row of rows) {
      const holds = payoutHolds({ clientState: row.client_state, clientBlockReasons: row.client_block_reasons, payoutAccountChangedOn: row.account_changed_on, payoutAccountConfirmed: row.account_confirmed, today });
      if (holds.length) held.push({ ...row, holds: holds.map(reasonView) });
      else included.push(row);
    }
    return { included, held };
  }

  /**
   * Refunds go in the batch like payouts: a client's repayment is held as its payouts are (a
   * client not active, a payout account changed and not yet confirmed) and paid to its payout
   * account; a debtor's refund goes to the account recorded with it, and one recorded without an
   * account a payment file can pay (rows from before refunds were paid) waits for finance.
   */
  private splitRefunds(rows: RefundCandidateRow[], today: string) {
    const included: Array<RefundCandidateRow & { payeeOut: Record<string, unknown> }> = [];
    const held: Array<RefundCandidateRow & { holds: ReturnType<typeof reasonView>[] }> = [];
    for (const row of rows) {
      if (row.kind === 'CLIENT_REPAYMENT') {
        const holds = payoutHolds({ clientState: row.client_state ?? '', payoutAccountChangedOn: row.account_changed_on, payoutAccountConfirmed: row.account_confirmed, today });
        const payee = row.payee ?? (row.client_payee ? { ...row.client_payee, name: row.client_name ?? '' } : null);
        if (holds.length || !payee) held.push({ ...row, holds: holds.map(reasonView) });
        else included.push({ ...row, payeeOut: { ...payee } });
      } else if (row.payee && PAYABLE_KINDS.has(row.payee.kind)) included.push({ ...row, payeeOut: { ...row.payee } });
      else held.push({ ...row, holds: [] });
    }
    return { included, held };
  }

  /** The refunds' lines: no invoice; the refund's own end-to-end id (unique per refund and attempt, at most 35 characters). */
  private async insertRefundLines(tx: EntityManager, batchId: string, rows: Array<RefundCandidateRow & { payeeOut: Record<string, unknown> }>): Promise<void> {
    if (!rows.length) return;
    const lines = rows.map((r) => ({ ...r, attempt: r.attempts + 1, endToEnd: `RF${r.refund_id.replace(/-/g, '').slice(0, 24).toUpperCase()}-${r.attempts + 1}` }));
    await tx.query(
      `INSERT INTO payout_line (batch_id, refund_id, client_id, attempt, amount, set_off, reference, end_to_end_id, payee, state)
       SELECT $1, u.refund_id, u.client_id, u.attempt, u.amount, 0, u.reference, u.end_to_end_id, u.payee::jsonb, 'INCLUDED'
         FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::numeric[], $6::text[], $7::text[], $8::text[]) AS u(refund_id, client_id, attempt, amount, reference, end_to_end_id, payee)`,
      [
        batchId,
        lines.map((l) => l.refund_id),
        lines.map((l) => (l.kind === 'CLIENT_REPAYMENT' ? l.client_id : null)),
        lines.map((l) => l.attempt),
        lines.map((l) => l.amount),
        lines.map((l) => l.reference),
        lines.map((l) => l.endToEnd),
        lines.map((l) => JSON.stringify(l.payeeOut)),
      ],
    );
  }

  private async move(tx: EntityManager, batch: LockedBatch, event: PayoutBatchEvent, by: StaffPrincipal, reason: string, set: string, params: unknown[], details: Record<string, unknown>): Promise<void> {
    const next = nextPayoutBatchState(batch.state, event);
    // Wrapped as a SELECT: TypeORM answers a bare UPDATE with [rows, count], which would always look found.
    const [row] = await tx.query(
      `WITH changed AS (UPDATE payout_batch SET state = $2, ${set ? `${set}, ` : ''}updated_at = now(), version = version + 1 WHERE id = $1 AND version = $3 RETURNING version)
       SELECT version FROM changed`,
      [batch.id, next, batch.version, ...params],
    );
    if (!row) throw new ConflictError(PayoutError.PAYOUT_BATCH_CHANGED, 'Someone changed this batch at the same moment. Look at it again.');
    await this.timeline.record(tx, { entityType: PAYOUT_BATCH, entityId: batch.id, actor: staff(by), fromState: batch.state, toState: next, reason, details });
  }

  private async lock(tx: EntityManager, id: string): Promise<LockedBatch> {
    const [batch] = await tx.query(`SELECT id, book, state, prepared_by, version FROM payout_batch WHERE id = $1 FOR UPDATE`, [id]);
    if (!batch) throw new NotFoundError(PayoutError.PAYOUT_BATCH_NOT_FOUND, `No payout batch has the id ${id}.`);
    return batch;
  }

  /** The bank's cut-off for payment files in force on `day` in the book (dated data). */
  private async cutOff(book: 'SE' | 'NO', day: string, manager: EntityManager | undefined = undefined): Promise<PaymentFileCutOff> {
    const [row] = await (manager ?? this.repository.manager).query(
      `SELECT to_char(local_time, 'HH24:MI') AS local_time, time_zone FROM payout_file_cutoff WHERE book = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1`,
      [book, day],
    );
    if (!row) throw new Error(`No payment-file cut-off is set for book ${book} on ${day}`);
    return { localTime: row.local_time, timeZone: row.time_zone };
  }

  /** The first day a payment file made now can still pay on in the book. */
  private async firstFileDay(book: 'SE' | 'NO'): Promise<LocalDate> {
    const today = LocalDate.today(BUSINESS_TIME_ZONES[book]).toString();
    return firstPaymentFileDay(new Date(), book, await this.cutOff(book, today));
  }

  /** The batch's day: the first the bank can still pay on, or the one asked for if it is not too late. */
  private async fileDay(book: 'SE' | 'NO', day: string | undefined): Promise<string> {
    const first = await this.firstFileDay(book);
    if (!day) return first.toString();
    const asked = LocalDate.parse(this.day(book, day));
    const calendar = BusinessCalendar.for(book);
    if (!calendar.isBusinessDay(asked)) {
      throw new InvalidValueError(
        PayoutError.PAYOUT_DAY_NOT_BANKING_DAY,
        `The banks do not pay on ${asked} (${calendar.closedDayOn(asked)?.name ?? 'a weekend'}): the next banking day is ${calendar.nextBusinessDay(asked)}.`,
        'payoutDate',
      );
    }
    if (asked.isBefore(first)) {
      throw new InvalidValueError(
        PayoutError.PAYOUT_DAY_TOO_LATE,
        `A payment file can no longer reach the bank in time for ${asked}: the first day it can pay on is ${first}.`,
        'payoutDate',
      );
    }
    return asked.toString();
  }

  /**
   * The client says the day its payout arrived (DOMAIN "Payout": for the client's books; ours
   * follow the bank statement). Only for a payout that went to the bank, on or after its day and
   * not in the future; the same day again changes nothing, another day is a CONFLICT.
   */
  async confirmPayoutReceived(clientId: string, invoiceId: string, receivedOn: string): Promise<PayoutReceipt> {
    const parsed = (() => {
      try {
        return LocalDate.parse(receivedOn);
      } catch {
        throw new InvalidValueError(PayoutError.DATE_INVALID, `${receivedOn} is not a day that exists.`, 'receivedOn');
      }
    })();
    await this.uow.transaction(async (tx) => {
      const [line] = await tx.query(
        `SELECT l.id, l.client_received_on::text AS received_on, b.payout_date::text AS payout_date, b.book
           FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id
          WHERE l.invoice_id = $1 AND l.client_id = $2 AND l.state IN ('INCLUDED','SETTLED') AND b.state IN ('SENT','ACCEPTED','PARTLY_REJECTED','SETTLED')
          FOR UPDATE OF l`,
        [invoiceId, clientId],
      );
      if (!line) throw new ConflictError(PayoutError.PAYOUT_NOT_SENT, 'This invoice has no payout on its way to you yet.');
      if (line.received_on === parsed.toString()) return;
      if (line.received_on) {
        throw new ConflictError(PayoutError.PAYOUT_RECEIPT_ALREADY_CONFIRMED, `You already said this payout arrived on ${line.received_on}.`, { receivedOn: line.received_on });
      }
      const today = LocalDate.today(BUSINESS_TIME_ZONES[line.book as 'SE' | 'NO']);
      if (parsed.isBefore(LocalDate.parse(line.payout_date)) || parsed.isAfter(today)) {
        throw new InvalidValueError(PayoutError.PAYOUT_RECEIPT_DAY_INVALID, `The payout was sent for ${line.payout_date}: it arrived on that day or later, and not after today (${today}).`, 'receivedOn');
      }
      await tx.query(`UPDATE payout_line SET client_received_on = $2, client_confirmed_at = now() WHERE id = $1`, [line.id, parsed.toString()]);
      await this.timeline.record(tx, { entityType: 'INVOICE', entityId: invoiceId, actor: { type: 'CLIENT', id: clientId, name: null }, toState: 'PAYOUT_RECEIVED', reason: `The client says the payout arrived on ${parsed}`, details: { step: 'PAYOUT_RECEIVED', receivedOn: parsed.toString() } });
    });
    return (await this.payoutsOf([invoiceId])).get(invoiceId)!;
  }

  /** The latest payout of each invoice as its client sees it: amount, day, and when the client said it arrived. */
  async payoutsOf(invoiceIds: readonly string[]): Promise<Map<string, PayoutReceipt>> {
    return this.repository.payoutsOf(invoiceIds);
  }

  private day(country: 'SE' | 'NO', day: string | undefined): string {
    if (!day) return LocalDate.today(BUSINESS_TIME_ZONES[country]).toString();
    try {
      return LocalDate.parse(day).toString();
    } catch {
      throw new InvalidValueError(PayoutError.DATE_INVALID, `${day} is not a day that exists.`, 'payoutDate');
    }
  }
}

const staff = (by: StaffPrincipal) => ({ type: 'STAFF' as const, id: by.id, name: by.name });

function toBatch(row: Record<string, unknown>) {
  return {
    id: row.id,
    book: row.book,
    currency: row.currency,
    payoutDate: row.payout_date,
    state: row.state,
    messageId: row.message_id,
    total: row.total,
    lineCount: row.line_count,
    preparedBy: { id: row.prepared_by, name: row.prepared_by_name },
    preparedAt: row.prepared_at,
    approvedBy: row.approved_by ? { id: row.approved_by, name: row.approved_by_name } : null,
    approvedAt: row.approved_at,
    cancelReason: row.cancel_reason,
    version: row.version,
  };
}
