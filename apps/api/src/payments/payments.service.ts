import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clientStepDetails, Clock, ConflictError, CountryCode, DomainError, InvalidValueError, NotFoundError } from '@factoring/domain';
import { daysLate, heldPaymentPlacedPostings, OpenReceivables, paidToClientPostings, PaymentParts, paymentParts, paymentReceivedPostings, refundMarkedPostings } from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { TimelineActor, TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import type { Readable } from 'node:stream';
import type { BankEntry, BankFileHeader } from '../bank-files/bank-entry';
import { openBankFile } from '../bank-files/read-bank-file';
import { CLOCK } from '../collection/clock';
import { OPEN_OF_ROLE } from '../collection/reminders.repository';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { Exposure } from '../exposure/exposure.service';
import { partlyPaidSteps, recordClientSteps, tellClient } from '../invoices/client-steps';
import { InvoiceLifecycle, LockedInvoice, SYSTEM_ACTOR } from '../invoices/invoice-lifecycle';
import { Book, JournalEntryInput, Ledger } from '../ledger/ledger.service';
import { BankMoneyOut } from './bank-money-out';
import { BankImportsArgs, IncomingPaymentsArgs } from './dto/payment.types';
import { PaymentError } from './payment-errors';
import { PaymentsRepository } from './payments.repository';
import { PayoutError } from '../payouts/payout-errors';
import { payeeFromGiven, payeeFromPayerAccount, Refunds } from '../payouts/refunds';
import { RecoursePayments } from '../recourse/recourse-payments';

export const BANK_ENTRY = 'BANK_ENTRY';
export type ImportSource = 'UPLOAD' | 'FOLDER' | 'API';

/** What the parsers hand over: the header, then the entries (which may throw a BankFileError, possibly only at the end). */
export interface BankFileInput {
  header: BankFileHeader;
  entries: AsyncIterable<BankEntry>;
}

export interface ImportMeta {
  source: ImportSource;
  fileName: string;
  by?: StaffPrincipal | null;
}

export interface ImportSummary {
  id: string;
  status: 'DONE' | 'REFUSED';
  entriesRead: number;
  entriesNew: number;
  entriesDuplicate: number;
  entriesMatched: number;
  entriesUnmatched: number;
  amountIn: string;
  amountMatched: string;
  amountUnmatched: string;
  /** Milliseconds per phase of the import (read and store, match, book, allocate, settle invoices, money out, statement), for the bench. */
  phases: Record<string, number>;
}

export interface Share {
  invoiceId: string;
  amount: string;
}

/** A payment row held FOR UPDATE. */
interface EntryRow {
  id: string;
  amount: string;
  unplaced: string;
  currency: 'SEK' | 'NOK';
  value_date: string;
  state: string;
  kind: string;
  claimed_by: string | null;
  version: number;
  payer_name: string | null;
  payer_account: string | null;
}

/** An invoice a payment may settle, held FOR UPDATE. */
interface PayableInvoice extends LockedInvoice {
  debtor_id: string;
  country: CountryCode;
  currency: string;
  due_date: string;
  /** Everything open: the principal, the fees and the late interest (OPEN_COLUMNS). */
  open: string;
  open_principal: string;
  open_fees: string;
  open_interest: string;
  deduction_kind: 'ROT' | 'RUT' | 'GREEN_TECH' | null;
  deduction_amount: string | null;
}

const BATCH = 2000;
/** Entries matched, booked and settled at a time, inside the import's one transaction: memory stays flat however long the file. */
const MATCH_CHUNK = 5000;

/** The principal still open on an invoice `i`, from its amounts. */
const OPEN_PRINCIPAL_OF_I = `(i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount)`;
/**
 * What is open on an invoice `i` by receivable (issue 15 s.2): the principal, the fees and the
 * late interest charged for letters sent (their receivables in the ledger), and the sum, which a
 * payment may pay: fees first, then interest, then the principal (paymentParts).
 */
const OPEN_COLUMNS = `${OPEN_PRINCIPAL_OF_I}::text AS open_principal,
                ${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')}::text AS open_fees, ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')}::text AS open_interest,
                (${OPEN_PRINCIPAL_OF_I} + ${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')} + ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')})::text AS open`;
const BOOK_OF: Record<'SEK' | 'NOK', Book> = { SEK: 'SE', NOK: 'NO' };
const staffActor = (staff: StaffPrincipal): TimelineActor => ({ type: 'STAFF', id: staff.id, name: staff.name });

/** The words the client gets when an invoice with a tax deduction is fully paid (seed 000): the rest may now be claimed from the tax agency. */
export const TAX_AGENCY_CLAIM_TEXT: Record<'ROT' | 'RUT' | 'GREEN_TECH', { en: string; sv: string; nb: string }> = {
  ROT: {
    en: 'The customer has paid its part: you may now claim the ROT deduction from the Swedish Tax Agency.',
    sv: 'Kunden har betalat sin del: ni kan nu begära utbetalning av ROT-avdraget från Skatteverket.',
    nb: 'Kunden har betalt sin del: dere kan nå kreve ROT-fradraget utbetalt fra Skatteverket.',
  },
  RUT: {
    en: 'The customer has paid its part: you may now claim the RUT deduction from the Swedish Tax Agency.',
    sv: 'Kunden har betalat sin del: ni kan nu begära utbetalning av RUT-avdraget från Skatteverket.',
    nb: 'Kunden har betalt sin del: dere kan nå kreve RUT-fradraget utbetalt fra Skatteverket.',
  },
  GREEN_TECH: {
    en: 'The customer has paid its part: you may now claim the green technology deduction from the Swedish Tax Agency.',
    sv: 'Kunden har betalat sin del: ni kan nu begära utbetalning av skattereduktionen för grön teknik från Skatteverket.',
    nb: 'Kunden har betalt sin del: dere kan nå kreve skattereduksjonen for grønn teknologi utbetalt fra Skatteverket.',
  },
};

/**
 * Money in (issue 14 s.1-4). A bank file's entries are stored once each (unique on account and
 * the entry's stable key), matched by their OCR/KID reference to bought invoices, and booked,
 * all in one transaction: a file the parser refuses (possibly at its very end) books nothing,
 * and its refusal is written on the import's row in a transaction of its own. Matching is
 * set-based: the entries go in by thousands per statement, the invoices are read and locked in
 * one statement, the shares are worked out here and written back by thousands per statement.
 *
 * What a reference cannot place (no reference, a failed check digit, an invoice not open, an
 * overpayment's surplus) waits in the unmatched-payments queue, booked as unallocated, until a
 * person in finance places it on invoices or marks it for refund.
 *
 * Lock order: the invoices (in id order), then through the exposure the client, debtor and pair.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly ledger: Ledger,
    private readonly exposure: Exposure,
    private readonly lifecycle: InvoiceLifecycle,
    private readonly timeline: TimelineService,
    private readonly moneyOut: BankMoneyOut,
    private readonly repository: PaymentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly refunds: Refunds,
    private readonly recourse: RecoursePayments,
  ) {}

  // ------------------------------------------------------------------ reads (the repository's, for the resolver)

  imports(args: BankImportsArgs) {
    return this.repository.imports(args);
  }

  importOne(id: string) {
    return this.repository.importOne(id);
  }

  payments(args: IncomingPaymentsArgs) {
    return this.repository.payments(args);
  }

  payment(id: string) {
    return this.repository.payment(id);
  }

  ofInvoice(invoiceId: string) {
    return this.repository.ofInvoice(invoiceId);
  }

  allocationsOfInvoice(invoiceId: string) {
    return this.repository.allocationsOfInvoice(invoiceId);
  }

  statementDifferences(importId?: string | null) {
    return this.repository.statementDifferences(importId);
  }

  /** Exposure against the books per debtor (issue 14 s.2): run daily and in tests; empty when all agree. */
  exposureLedgerDifferences(debtorIds?: string[]) {
    return this.repository.exposureLedgerDifferences(debtorIds);
  }

  private readonly claims = new WorkQueueClaims<EntryRow>({
    table: 'bank_entry',
    codePrefix: 'PAYMENT',
    noun: 'payment',
    record: (tx, entry, by, reason, step) =>
      this.timeline.record(tx, { entityType: BANK_ENTRY, entityId: entry.id, actor: staffActor(by), fromState: entry.state, toState: entry.state, reason, details: { step } }),
  });

  // ------------------------------------------------------------------ import

  /**
   * Reads a bank file into the books. Returns the import's counts; a refused file throws an
   * InvalidValueError with the parser's (or our) code, after the refusal is on the import's row.
   */
  async importFile(file: BankFileInput, meta: ImportMeta, onProgress?: (read: number) => void): Promise<ImportSummary> {
    return this.importOpened(async () => file, meta, onProgress);
  }

  /** Reads a bank file from a stream (upload, watched folder, API): the format is detected from its first bytes. */
  async importStream(stream: NodeJS.ReadableStream | Readable, meta: ImportMeta, onProgress?: (read: number) => void): Promise<ImportSummary> {
    return this.importOpened(() => openBankFile(stream), meta, onProgress);
  }

  private async importOpened(open: () => Promise<BankFileInput>, meta: ImportMeta, onProgress?: (read: number) => void): Promise<ImportSummary> {
    const [row] = await this.db.query(`INSERT INTO bank_import (source, file_name, status, started_by) VALUES ($1, $2, 'RUNNING', $3) RETURNING id`, [
      meta.source,
      meta.fileName,
      meta.by?.id ?? null,
    ]);
    const importId: string = row.id;
    try {
      const file = await open();
      await this.db.query(`UPDATE bank_import SET format = $2, version = $3, file_identity = $4 WHERE id = $1`, [importId, file.header.format, file.header.version, file.header.fileIdentity]);
      return await this.uow.transaction((tx) => this.importInto(tx, importId, file, onProgress));
    } catch (error) {
      const refusal = refusalOf(error);
      // Its own transaction: the import's rolled back, its refusal stays.
      await this.db.query(
        `UPDATE bank_import SET status = 'REFUSED', refusal_code = $2, refusal_message = $3, refusal_place = $4, finished_at = now() WHERE id = $1`,
        [importId, refusal.code, refusal.message, refusal.place],
      );
      if (error instanceof DomainError) throw error;
      if (refusal.code === PaymentError.BANK_IMPORT_FAILED) throw error; // ours, not the file's: a 500, with the import marked
      throw new InvalidValueError(refusal.code, refusal.message, 'file', { place: refusal.place, importId });
    }
  }

  private async importInto(tx: EntityManager, importId: string, file: BankFileInput, onProgress?: (read: number) => void): Promise<ImportSummary> {
    const ours = await this.ourAccounts(tx);
    const phases: Record<string, number> = {};
    let mark = performance.now();
    // Added up over the matching's chunks.
    const lap = (name: string) => {
      const now = performance.now();
      phases[name] = (phases[name] ?? 0) + Math.round(now - mark);
      mark = now;
    };
    let read = 0;
    let stored = 0;
    let batch: BankEntry[] = [];
    // A statement's credits per account and day, including lines an earlier notification already brought (same key).
    const statementDays = new Map<string, Decimal>();
    const flush = async () => {
      if (!batch.length) return;
      stored += await this.store(tx, importId, file.header.format, batch);
      batch = [];
      onProgress?.(read);
    };
    for await (const entry of file.entries) {
      read += 1;
      if (entry.status && entry.status !== 'BOOK') continue; // pending or for information: not money yet
      if (!ours.has(entry.section.accountId)) {
        if (!isOurs(entry.section.accountId, entry.section.currency, ours)) {
          throw new InvalidValueError(PaymentError.BANK_FILE_NOT_OUR_ACCOUNT, `The file pays into account ${entry.section.accountId}, which is not one of the factor's accounts.`, 'file', {
            place: entry.place,
          });
        }
        ours.set(entry.section.accountId, entry.section.currency);
      }
      if (file.header.format === 'CAMT_053' && entry.direction === 'CREDIT' && !entry.returnReason) {
        const day = `${entry.section.accountId}|${entry.valueDate}`;
        statementDays.set(day, (statementDays.get(day) ?? new Decimal(0)).plus(entry.amount));
      }
      batch.push(entry);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    lap('readAndStore');
    const matched = await this.matchImport(tx, importId, lap);
    await this.moneyOut.settleDebits(tx, importId);
    await this.moneyOut.returns(tx, importId);
    await this.reconcileStatement(tx, importId, statementDays);
    lap('moneyOutAndStatement');
    const summary = rowsOf<Record<string, never>>(await tx.query(
      `UPDATE bank_import b SET status = 'DONE', finished_at = now(), entries_read = $2::int, entries_new = $3::int, entries_duplicate = $2::int - $3::int,
              entries_matched = s.matched, entries_unmatched = s.unmatched, entries_reconciled = s.reconciled,
              amount_in = s.amount_in, amount_out = s.amount_out, amount_matched = s.amount_matched, amount_unmatched = s.amount_unmatched
         FROM (SELECT count(*) FILTER (WHERE state = 'MATCHED')::int AS matched,
                      count(*) FILTER (WHERE state IN ('UNMATCHED','REFUND'))::int AS unmatched,
                      count(*) FILTER (WHERE state = 'RECONCILED')::int AS reconciled,
                      coalesce(sum(amount) FILTER (WHERE direction = 'CREDIT' AND kind = 'NOTIFIED'), 0) AS amount_in,
                      coalesce(sum(amount) FILTER (WHERE direction = 'DEBIT'), 0) AS amount_out,
                      coalesce(sum(amount - unplaced) FILTER (WHERE kind = 'NOTIFIED'), 0) AS amount_matched,
                      coalesce(sum(unplaced) FILTER (WHERE kind = 'NOTIFIED'), 0) AS amount_unmatched
                 FROM bank_entry WHERE import_id = $1) s
        WHERE b.id = $1
        RETURNING b.id, b.status, b.entries_read, b.entries_new, b.entries_duplicate, b.entries_matched, b.entries_unmatched, b.amount_in::text, b.amount_matched::text, b.amount_unmatched::text`,
      [importId, read, stored],
    ));
    void matched;
    const r = summary[0];
    return {
      id: r.id,
      status: r.status,
      entriesRead: r.entries_read,
      entriesNew: r.entries_new,
      entriesDuplicate: r.entries_duplicate,
      entriesMatched: r.entries_matched,
      entriesUnmatched: r.entries_unmatched,
      amountIn: new Decimal(r.amount_in).toFixed(2),
      amountMatched: new Decimal(r.amount_matched).toFixed(2),
      amountUnmatched: new Decimal(r.amount_unmatched).toFixed(2),
      phases,
    };
  }

  /**
   * A camt.053 statement repeats what the day's notifications (camt.054, a BgMax deposit, Nets)
   * already booked: its credit lines are reconciled, never booked again. Per account and value
   * day, the statement's credits are compared with the notified ones; a difference is recorded
   * for finance (statement_difference), not booked.
   */
  private async reconcileStatement(tx: EntityManager, importId: string, days: Map<string, Decimal>): Promise<void> {
    await tx.query(`UPDATE bank_entry SET state = 'RECONCILED' WHERE import_id = $1 AND kind = 'STATEMENT' AND state = 'NEW'`, [importId]);
    if (!days.size) return;
    const keys = [...days.keys()].map((k) => k.split('|'));
    const notified: Array<{ account_id: string; value_date: string; total: string }> = await tx.query(
      `SELECT u.account_id, u.value_date::text, coalesce(sum(e.amount), 0)::text AS total
         FROM unnest($1::text[], $2::date[]) AS u(account_id, value_date)
         LEFT JOIN bank_entry e ON e.account_id = u.account_id AND e.value_date = u.value_date AND e.kind = 'NOTIFIED' AND e.direction = 'CREDIT'
        GROUP BY u.account_id, u.value_date`,
      [keys.map((k) => k[0]), keys.map((k) => k[1])],
    );
    const differing = notified.filter((n) => !days.get(`${n.account_id}|${n.value_date}`)!.eq(n.total));
    if (!differing.length) return;
    await tx.query(
      `INSERT INTO statement_difference (import_id, account_id, value_date, statement_credits, notified_credits, difference)
       SELECT $1, u.account_id, u.value_date, u.statement, u.notified, u.statement - u.notified
         FROM unnest($2::text[], $3::date[], $4::numeric[], $5::numeric[]) AS u(account_id, value_date, statement, notified)`,
      [
        importId,
        differing.map((d) => d.account_id),
        differing.map((d) => d.value_date),
        differing.map((d) => days.get(`${d.account_id}|${d.value_date}`)!.toFixed(2)),
        differing.map((d) => new Decimal(d.total).toFixed(2)),
      ],
    );
  }

  /** The factor's receiving accounts, by the digits the files name them with. */
  private async ourAccounts(tx: EntityManager): Promise<Map<string, string>> {
    const rows: Array<{ digits: string; currency: string }> = await tx.query(
      `SELECT DISTINCT regexp_replace(number, '\\D', '', 'g') AS digits, CASE book WHEN 'SE' THEN 'SEK' ELSE 'NOK' END AS currency FROM ledger_bank_account`,
    );
    return new Map(rows.map((r) => [`#${r.digits}`, r.currency]));
  }

  /** Inserts a batch in one statement; an entry already stored (same account and key) is skipped. Returns how many were new. */
  private async store(tx: EntityManager, importId: string, format: string, entries: BankEntry[]): Promise<number> {
    const cols: unknown[][] = Array.from({ length: 20 }, () => []);
    for (const e of entries) {
      const kind =
        e.direction === 'DEBIT'
          ? e.paymentInformationId || e.endToEndId
            ? 'PAYOUT_DEBIT'
            : 'OTHER_DEBIT'
          : e.returnReason
            ? 'PAYOUT_RETURN'
            : format === 'CAMT_053'
              ? 'STATEMENT'
              : 'NOTIFIED';
      const values = [
        e.section.accountId,
        e.section.sectionIdentity,
        e.entryKey,
        e.direction,
        e.amount,
        e.currency,
        e.valueDate,
        e.bookingDate ?? null,
        normaliseReference(e.reference),
        e.referenceCheckFailed === true,
        extraReferencesOf(e),
        e.payerName ?? null,
        e.payerAccount ?? null,
        e.message ?? null,
        e.bankReference ?? null,
        e.endToEndId ?? null,
        e.paymentInformationId ?? null,
        e.returnReason ?? null,
        e.place,
        kind,
      ];
      values.forEach((v, i) => cols[i].push(v));
    }
    const inserted = await tx.query(
      `INSERT INTO bank_entry (import_id, format, account_id, section_identity, entry_key, direction, amount, currency, value_date, booking_date, reference,
                               reference_check_failed, extra_references, payer_name, payer_account, message, bank_reference, end_to_end_id,
                               payment_information_id, return_reason, place, kind, state)
       SELECT $1, $2, u.account_id, u.section_identity, u.entry_key, u.direction, u.amount, u.currency, u.value_date, u.booking_date, u.reference,
              u.reference_check_failed, string_to_array(u.extra_references, ','), u.payer_name, u.payer_account, u.message, u.bank_reference, u.end_to_end_id,
              u.payment_information_id, u.return_reason, u.place, u.kind, 'NEW'
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::date[], $10::date[], $11::text[],
                                  $12::boolean[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[])
                     AS u(account_id, section_identity, entry_key, direction, amount, currency, value_date, booking_date, reference, reference_check_failed,
                          extra_references, payer_name, payer_account, message, bank_reference, end_to_end_id, payment_information_id, return_reason, place, kind)
       ON CONFLICT ON CONSTRAINT bank_entry_once DO NOTHING
       RETURNING 1`,
      [importId, format, ...cols],
    );
    return inserted.length;
  }

  // ------------------------------------------------------------------ matching

  /**
   * Matches the import's new credits by their references, books each one (one journal entry per
   * payment), releases the exposure it covered, and moves invoices with nothing left open to
   * FULLY_PAID through the lifecycle seam. Everything not placed waits in the queue.
   */
  private async matchImport(tx: EntityManager, importId: string, lap: (phase: string) => void = () => undefined): Promise<number> {
    // MATCH_CHUNK entries at a time in the file's order (value day, then key), by keyset (index bank_entry_import_order), all in
    // the import's transaction: a later chunk reads what the earlier ones left open on an invoice, as one pass over all would.
    let placed = 0;
    let after: { value_date: string; entry_key: string; id: string } | null = null;
    for (;;) {
      const entries: Array<{ id: string; amount: string; currency: 'SEK' | 'NOK'; value_date: string; entry_key: string }> = await tx.query(
        `SELECT id, amount::text, currency, value_date::text, entry_key FROM bank_entry
          WHERE import_id = $1 AND kind = 'NOTIFIED' AND state = 'NEW' AND ($2::date IS NULL OR (value_date, entry_key, id) > ($2::date, $3::text, $4::uuid))
          ORDER BY value_date, entry_key, id LIMIT $5`,
        [importId, after?.value_date ?? null, after?.entry_key ?? null, after?.id ?? null, MATCH_CHUNK],
      );
      if (!entries.length) return placed;
      after = entries[entries.length - 1];
      placed += await this.matchChunk(tx, entries, lap);
    }
  }

  /** Matches, books and settles one chunk of an import's new credits (see matchImport). */
  private async matchChunk(
    tx: EntityManager,
    entries: Array<{ id: string; amount: string; currency: 'SEK' | 'NOK'; value_date: string }>,
    lap: (phase: string) => void,
  ): Promise<number> {
    // Every invoice a reference names, locked in id order, with what is open on it.
    const candidates: Array<PayableInvoice & { entry_id: string; ord: string }> = await tx.query(
      `WITH refs AS (
         SELECT e.id AS entry_id, r.ref, r.ord FROM bank_entry e
          CROSS JOIN LATERAL unnest(array_prepend(e.reference, coalesce(e.extra_references, '{}'::text[]))) WITH ORDINALITY AS r(ref, ord)
          WHERE e.id = ANY($1::uuid[]) AND NOT e.reference_check_failed AND r.ref IS NOT NULL),
       locked AS (
         SELECT i.id, i.client_id, i.debtor_id, i.invoice_number, i.status, i.version, i.country, i.currency, i.due_date::text,
                ${OPEN_COLUMNS},
                i.deduction_kind, i.deduction_amount::text, ltrim(i.payment_reference, '0') AS normalised_reference
           FROM invoice i
          -- Each reference looked up through the index invoice_reference_normalised (a probe per reference: OFFSET 0 keeps the
          -- planner from folding it into a hash join over the whole table, which it did for every chunk: 24 s of matching at 100 000).
          WHERE i.id = ANY(ARRAY(SELECT j.id FROM refs CROSS JOIN LATERAL (
                  SELECT j.id FROM invoice j WHERE ltrim(j.payment_reference, '0') = refs.ref AND j.payment_reference IS NOT NULL OFFSET 0) j))
          ORDER BY i.id FOR UPDATE)
       SELECT refs.entry_id, refs.ord::text, l.* FROM refs JOIN locked l ON l.normalised_reference = refs.ref`,
      [entries.map((e) => e.id)],
    );
    const byEntry = new Map<string, Array<PayableInvoice & { ord: string }>>();
    for (const c of candidates) {
      const list = byEntry.get(c.entry_id) ?? [];
      list.push(c);
      byEntry.set(c.entry_id, list);
    }
    const openLeft = new Map<string, Decimal>();
    const partsLeft = new Map<string, OpenReceivables>();
    const invoices = new Map<string, PayableInvoice>();
    const shares: Array<{ entryId: string; invoice: PayableInvoice; amount: Decimal; valueDate: string } & SplitShare> = [];
    const unplaced = new Map<string, Decimal>();
    for (const entry of entries) {
      let left = new Decimal(entry.amount);
      const targets = (byEntry.get(entry.id) ?? []).sort((a, b) => Number(a.ord) - Number(b.ord));
      for (const invoice of targets) {
        // Bought and open, in the payment's currency. A RECOURSE invoice's payments go to its recourse invoices below (RecoursePayments).
        if (invoice.status !== 'PURCHASED' || invoice.currency !== entry.currency || left.isZero()) continue;
        invoices.set(invoice.id, invoice);
        const open = openLeft.get(invoice.id) ?? new Decimal(invoice.open);
        const share = Decimal.min(open, left);
        if (share.lte(0)) continue;
        openLeft.set(invoice.id, open.minus(share));
        left = left.minus(share);
        shares.push({ entryId: entry.id, invoice, amount: share, valueDate: entry.value_date, ...splitShare(partsLeft, invoice, share) });
      }
      unplaced.set(entry.id, left);
    }
    lap('match');
    const bookDay = (currency: 'SEK' | 'NOK') => this.clock.today(BOOK_OF[currency]).toString();
    const sharesOf = new Map<string, typeof shares>();
    for (const s of shares) sharesOf.set(s.entryId, [...(sharesOf.get(s.entryId) ?? []), s]);
    const journal: JournalEntryInput[] = entries.map((entry) => {
      const own = sharesOf.get(entry.id) ?? [];
      const lines = paymentReceivedPostings(
        entry.amount,
        own.flatMap((s) => s.parts.map((p) => ({ invoiceId: s.invoice.id, amount: p.amount, part: p.part }))),
      );
      const clientOf = new Map(own.map((s) => [s.invoice.id, s.invoice.client_id]));
      return {
        book: BOOK_OF[entry.currency],
        date: bookDay(entry.currency),
        causeType: BANK_ENTRY,
        causeId: entry.id,
        event: 'PAYMENT_RECEIVED',
        description: own.length ? `Payment for invoice ${own.map((s) => s.invoice.invoice_number).join(', ')}` : 'Payment not yet placed',
        lines: lines.map((l) => ({ role: l.role, amount: l.amount, invoiceId: l.invoiceId ?? null, clientId: l.invoiceId ? clientOf.get(l.invoiceId) : null })),
      };
    });
    await this.ledger.postMany(tx, journal);
    lap('book');
    const journalIds = await this.journalIds(tx, entries.map((e) => e.id), 'PAYMENT_RECEIVED', '1');
    // The allocations: each share, and each surplus held.
    const surplus = entries.filter((e) => unplaced.get(e.id)!.gt(0) && (sharesOf.get(e.id) ?? []).length > 0);
    await this.insertAllocations(tx, [
      // One row per part paid, in the order paid: fees, interest, principal.
      ...shares.flatMap((s) =>
        s.parts.map((p) => ({
          entryId: s.entryId,
          invoiceId: s.invoice.id,
          kind: 'PAYMENT',
          part: p.part,
          amount: p.amount,
          daysLate: daysLate(s.invoice.country, s.invoice.due_date, s.valueDate),
          journalId: journalIds.get(s.entryId)!,
          by: null,
        })),
      ),
      ...surplus.map((e) => ({ entryId: e.id, invoiceId: null, kind: 'SURPLUS', amount: unplaced.get(e.id)!.toFixed(2), daysLate: null, journalId: journalIds.get(e.id)!, by: null })),
    ]);
    await tx.query(
      `UPDATE bank_entry e SET unplaced = u.unplaced, state = CASE WHEN u.unplaced = 0 THEN 'MATCHED' ELSE 'UNMATCHED' END
         FROM unnest($1::uuid[], $2::numeric[]) AS u(id, unplaced) WHERE e.id = u.id`,
      [entries.map((e) => e.id), entries.map((e) => unplaced.get(e.id)!.toFixed(2))],
    );
    lap('allocate');
    await this.settleInvoices(tx, shares.map((s) => ({ invoice: s.invoice, amount: s.amount, principal: s.principal, valueDate: s.valueDate })), null);
    lap('settleInvoices');
    // What is still held and names a recourse invoice (the client's OCR/KID) or an invoice bought back (the debtor's): placed there (issue 15 s.3).
    await this.recourse.placeEntries(tx, entries.map((e) => e.id));
    return shares.length;
  }

  private async journalIds(tx: EntityManager, causeIds: string[], event: string, attempt: string): Promise<Map<string, string>> {
    const rows: Array<{ id: string; cause_id: string }> = await tx.query(
      `SELECT id::text, cause_id::text FROM journal_entry WHERE cause_type = $1 AND event = $2 AND attempt = $3 AND cause_id = ANY($4::uuid[])`,
      [BANK_ENTRY, event, attempt, causeIds],
    );
    return new Map(rows.map((r) => [r.cause_id, r.id]));
  }

  private async insertAllocations(
    tx: EntityManager,
    rows: Array<{ entryId: string | null; invoiceId: string | null; kind: string; part?: PaymentParts['lines'][number]['part'] | null; amount: string; daysLate: number | null; journalId: string; by: string | null; note?: string | null }>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO payment_allocation (bank_entry_id, invoice_id, kind, amount, days_late, journal_entry_id, allocated_by, note, part)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::int[], $6::bigint[], $7::uuid[], $8::text[], $9::text[])`,
        [
          chunk.map((r) => r.entryId),
          chunk.map((r) => r.invoiceId),
          chunk.map((r) => r.kind),
          chunk.map((r) => r.amount),
          chunk.map((r) => r.daysLate),
          chunk.map((r) => r.journalId),
          chunk.map((r) => r.by),
          chunk.map((r) => r.note ?? null),
          // A row that pays an invoice without a part named (paid to the client) paid its principal.
          chunk.map((r) => r.part ?? (r.invoiceId && (r.kind === 'PAYMENT' || r.kind === 'PAID_TO_CLIENT') ? 'PRINCIPAL' : null)),
        ],
      );
    }
  }

  /**
   * What payments did to their invoices: paid amounts raised (one statement), the exposure each
   * covered released through the one place that holds exposure, and every invoice with nothing
   * left open moved to FULLY_PAID through the lifecycle seam (its event tells the client; ROT,
   * RUT and green-technology invoices say the rest may now be claimed from the tax agency).
   */
  private async settleInvoices(tx: EntityManager, paid: Array<{ invoice: PayableInvoice; amount: Decimal; principal?: Decimal; valueDate: string }>, by: StaffPrincipal | null): Promise<void> {
    if (!paid.length) return;
    // `principal`: what the payment paid of the principal after fees and interest (issue 15 s.2); all of it when not given.
    const perInvoice = new Map<string, { invoice: PayableInvoice; amount: Decimal; last: string }>();
    for (const p of paid) {
      const principal = p.principal ?? p.amount;
      const seen = perInvoice.get(p.invoice.id);
      if (seen) {
        seen.amount = seen.amount.plus(principal);
        if (p.valueDate > seen.last) seen.last = p.valueDate;
      } else perInvoice.set(p.invoice.id, { invoice: p.invoice, amount: principal, last: p.valueDate });
    }
    const list = [...perInvoice.values()];
    // paid_amount is the principal paid; the invoice is fully paid when its principal, fees and late interest are all zero.
    const after: Array<{ id: string; client_id: string; invoice_number: string; status: string; version: number; open: string; paid_amount: string }> = rowsOf(await tx.query(
      `UPDATE invoice i SET paid_amount = i.paid_amount + u.amount, last_paid_on = greatest(i.last_paid_on, u.last), updated_at = now(), version = i.version + 1
         FROM unnest($1::uuid[], $2::numeric[], $3::date[]) AS u(id, amount, last) WHERE i.id = u.id
       RETURNING i.id, i.client_id, i.invoice_number, i.status, i.version,
                 ((i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount)
                  + ${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')} + ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')})::text AS open, i.paid_amount::text`,
      [list.map((p) => p.invoice.id), list.map((p) => p.amount.toFixed(2)), list.map((p) => p.last)],
    ));
    const paidOff = new Set(after.filter((row) => new Decimal(row.open).isZero()).map((row) => row.id));
    // What each payment covered of the principal (the exposure is the principal's), and for an invoice with nothing left whatever it still holds (none, normally): one set-based release.
    await this.exposure.releaseMany(
      tx,
      list
        .filter((p) => paidOff.has(p.invoice.id) || p.amount.gt(0))
        .map((p) => ({ invoice: { id: p.invoice.id, client_id: p.invoice.client_id, debtor_id: p.invoice.debtor_id }, amount: paidOff.has(p.invoice.id) ? null : p.amount.toFixed(2) })),
    );
    const done = after.filter((row) => paidOff.has(row.id));
    // The client hears of a partial payment too (issue 15 s.7): how much came in, on which day; a full one is the lifecycle's PAID_IN_FULL below.
    await recordClientSteps(tx, 'invoice.partly_paid', by ? staffActor(by) : { type: 'SYSTEM', name: null }, partlyPaidSteps(paid, paidOff));
    await this.lifecycle.transitionMany(
      tx,
      done.map((row) => {
        const invoice = perInvoice.get(row.id)!.invoice;
        const deduction = invoice.deduction_kind;
        return {
          invoice: { id: row.id, client_id: row.client_id, invoice_number: row.invoice_number, status: row.status as LockedInvoice['status'], version: row.version },
          step: {
            note: by ? `Fully paid (placed by ${by.name})` : 'Fully paid',
            details: { step: 'PAID_IN_FULL', paidAmount: row.paid_amount, ...(by ? { placedBy: by.name } : {}) },
            clientPayload: {
              paidAmount: new Decimal(row.paid_amount).toFixed(2),
              currency: invoice.currency,
              ...(deduction ? { deductionKind: deduction, deductionAmount: invoice.deduction_amount, taxAgencyClaim: TAX_AGENCY_CLAIM_TEXT[deduction] } : {}),
            },
          },
        };
      }),
      'PAID_IN_FULL',
      SYSTEM_ACTOR,
    );
  }

  // ------------------------------------------------------------------ the unmatched-payments queue

  async claim(id: string, by: StaffPrincipal): Promise<void> {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.lockEntry(tx, id), by));
  }

  async release(id: string, by: StaffPrincipal): Promise<void> {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.lockEntry(tx, id), by));
  }

  /**
   * A person places what is left of a payment on one invoice (match) or several (split); the
   * shares are booked from the unallocated money, release their exposure, and may make
   * invoices fully paid. What is still left stays in the queue. A surplus may go only to
   * invoices of the debtor it came from.
   */
  async place(id: string, shares: Share[], expectedVersion: number, by: StaffPrincipal, note?: string | null): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (!shares.length) throw new InvalidValueError(PaymentError.PAYMENT_AMOUNT_INVALID, 'Name at least one invoice and amount.', 'shares');
      const seen = new Set<string>();
      shares.forEach((s, i) => {
        if (seen.has(s.invoiceId)) throw new InvalidValueError(PaymentError.PAYMENT_INVOICE_TWICE, 'Each invoice once: add its amounts together.', `shares.${i}.invoiceId`);
        seen.add(s.invoiceId);
      });
      // Invoices first (id order), then the payment: the import's order.
      const ids = [...seen].sort();
      const invoices: PayableInvoice[] = await tx.query(
        `SELECT i.id, i.client_id, i.debtor_id, i.invoice_number, i.status, i.version, i.country, i.currency, i.due_date::text,
                ${OPEN_COLUMNS},
                i.deduction_kind, i.deduction_amount::text
           FROM invoice i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR UPDATE`,
        [ids],
      );
      const entry = await this.lockEntry(tx, id);
      await this.claims.assertFreeOrMine(tx, entry, by);
      assertVersion(entry, expectedVersion);
      const left = new Decimal(entry.unplaced);
      if (left.isZero()) throw new ConflictError(PaymentError.PAYMENT_NOTHING_TO_PLACE, 'Nothing of this payment is left to place.');
      const byId = new Map(invoices.map((i) => [i.id, i]));
      let total = new Decimal(0);
      const checked = shares.map((s, i) => {
        const amount = money(s.amount, `shares.${i}.amount`);
        const invoice = byId.get(s.invoiceId);
        if (!invoice) throw new NotFoundError(PaymentError.PAYMENT_INVOICE_NOT_FOUND, `No invoice has the id ${s.invoiceId}.`, { field: `shares.${i}.invoiceId` });
        if (invoice.status !== 'PURCHASED') {
          throw new InvalidValueError(PaymentError.PAYMENT_INVOICE_NOT_OPEN, `Invoice ${invoice.invoice_number} is not a bought invoice that is still open.`, `shares.${i}.invoiceId`);
        }
        if (invoice.currency !== entry.currency) {
          throw new InvalidValueError(PaymentError.PAYMENT_CURRENCY_MISMATCH, `Invoice ${invoice.invoice_number} is in ${invoice.currency}, the payment in ${entry.currency}.`, `shares.${i}.invoiceId`);
        }
        if (amount.gt(invoice.open)) {
          throw new InvalidValueError(PaymentError.PAYMENT_MORE_THAN_OPEN, `Only ${new Decimal(invoice.open).toFixed(2)} is open on invoice ${invoice.invoice_number}.`, `shares.${i}.amount`, {
            open: new Decimal(invoice.open).toFixed(2),
          });
        }
        total = total.plus(amount);
        // Fees first, then late interest, then the principal (issue 15 s.2).
        return { invoice, amount, ...splitShare(new Map(), invoice, amount) };
      });
      if (total.gt(left)) {
        throw new InvalidValueError(PaymentError.PAYMENT_SHARES_EXCEED, `The shares add up to ${total.toFixed(2)}; only ${left.toFixed(2)} of the payment is left.`, 'shares', { left: left.toFixed(2) });
      }
      // A surplus of an overpayment goes only to the same debtor's invoices.
      const [origin] = await tx.query(`SELECT DISTINCT i.debtor_id FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id WHERE a.bank_entry_id = $1 AND a.kind = 'PAYMENT' LIMIT 1`, [entry.id]);
      if (origin?.debtor_id) {
        checked.forEach(({ invoice }, i) => {
          if (invoice.debtor_id !== origin.debtor_id) {
            throw new InvalidValueError(PaymentError.PAYMENT_OTHER_DEBTOR, `Invoice ${invoice.invoice_number} is another debtor's: a surplus is set only against the same debtor's invoices.`, `shares.${i}.invoiceId`);
          }
        });
      }
      const attempt = String(entry.version);
      const lines = heldPaymentPlacedPostings(checked.flatMap((c) => c.parts.map((p) => ({ invoiceId: c.invoice.id, amount: p.amount, part: p.part }))));
      const clientOf = new Map(checked.map((c) => [c.invoice.id, c.invoice.client_id]));
      const journal = await this.ledger.post(tx, {
        book: BOOK_OF[entry.currency],
        date: this.clock.today(BOOK_OF[entry.currency]).toString(),
        causeType: BANK_ENTRY,
        causeId: entry.id,
        event: 'PAYMENT_PLACED',
        attempt,
        description: `Payment placed by ${by.name} on invoice ${checked.map((c) => c.invoice.invoice_number).join(', ')}`,
        lines: lines.map((l) => ({ role: l.role, amount: l.amount, invoiceId: l.invoiceId ?? null, clientId: l.invoiceId ? clientOf.get(l.invoiceId) : null })),
      });
      await this.insertAllocations(
        tx,
        checked.flatMap((c) =>
          c.parts.map((p) => ({
            entryId: entry.id,
            invoiceId: c.invoice.id,
            kind: 'PAYMENT',
            part: p.part,
            amount: p.amount,
            daysLate: daysLate(c.invoice.country, c.invoice.due_date, entry.value_date),
            journalId: journal.id,
            by: by.id,
            note: note ?? null,
          })),
        ),
      );
      const rest = left.minus(total);
      await tx.query(`UPDATE bank_entry SET unplaced = $2, state = $3, version = version + 1, claimed_by = NULL, claimed_at = NULL WHERE id = $1`, [
        entry.id,
        rest.toFixed(2),
        rest.isZero() ? 'MATCHED' : 'UNMATCHED',
      ]);
      await this.timeline.record(tx, {
        entityType: BANK_ENTRY,
        entityId: entry.id,
        actor: staffActor(by),
        fromState: entry.state,
        toState: rest.isZero() ? 'MATCHED' : 'UNMATCHED',
        reason: note ?? `Placed on ${checked.length} invoice(s)`,
        details: { step: checked.length > 1 ? 'PAYMENT_SPLIT' : 'PAYMENT_MATCHED', shares: checked.map((c) => ({ invoiceId: c.invoice.id, invoiceNumber: c.invoice.invoice_number, amount: c.amount.toFixed(2) })), ...(note ? { typed: note } : {}) },
      });
      await this.settleInvoices(tx, checked.map((c) => ({ invoice: c.invoice, amount: c.amount, principal: c.principal, valueDate: entry.value_date })), by);
    });
  }

  /**
   * Marks (part of) what is left of a payment for refund to the payer: booked from unallocated
   * to refunds due, and a refund due (payouts/refunds.ts) that the next payout batch pays out
   * like any payment. It goes to the account the payment came from (the bank entry's payer
   * account); when the bank did not give one a payment file can pay, finance gives it
   * (`payeeAccount`), and without it the refund is refused (REFUND_ACCOUNT_UNKNOWN).
   */
  async markRefund(id: string, amount: string, expectedVersion: number, by: StaffPrincipal, note?: string | null, payeeAccount?: string | null): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const entry = await this.lockEntry(tx, id);
      await this.claims.assertFreeOrMine(tx, entry, by);
      assertVersion(entry, expectedVersion);
      const refund = money(amount, 'amount');
      const left = new Decimal(entry.unplaced);
      if (refund.gt(left)) throw new InvalidValueError(PaymentError.PAYMENT_SHARES_EXCEED, `Only ${left.toFixed(2)} of the payment is left to refund.`, 'amount', { left: left.toFixed(2) });
      const payee = payeeAccount?.trim() ? payeeFromGiven(payeeAccount, entry.currency, entry.payer_name, 'payeeAccount') : payeeFromPayerAccount(entry.payer_account, entry.currency, entry.payer_name);
      if (!payee) {
        throw new InvalidValueError(PayoutError.REFUND_ACCOUNT_UNKNOWN, `The bank did not say which account this payment came from${entry.payer_account ? ` in a form a payment file can pay (${entry.payer_account})` : ''}: give the account to refund to.`, 'payeeAccount');
      }
      const journal = await this.ledger.post(tx, {
        book: BOOK_OF[entry.currency],
        date: this.clock.today(BOOK_OF[entry.currency]).toString(),
        causeType: BANK_ENTRY,
        causeId: entry.id,
        event: 'REFUND_MARKED',
        attempt: String(entry.version),
        description: `Refund to ${entry.payer_name ?? 'the payer'} marked by ${by.name}`,
        lines: refundMarkedPostings(refund.toFixed(2)),
      });
      await this.insertAllocations(tx, [{ entryId: entry.id, invoiceId: null, kind: 'REFUND', amount: refund.toFixed(2), daysLate: null, journalId: journal.id, by: by.id, note: note ?? null }]);
      const [debtor] = await tx.query(`SELECT i.debtor_id FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id WHERE a.bank_entry_id = $1 LIMIT 1`, [entry.id]);
      await this.refunds.due(tx, {
        kind: 'DEBTOR_REFUND',
        debtorId: debtor?.debtor_id ?? null,
        bankEntryId: entry.id,
        amount: refund.toFixed(2),
        currency: entry.currency,
        country: BOOK_OF[entry.currency],
        payee,
        cause: `bank_entry:${entry.id}:refund:${entry.version}`,
        note: note ?? null,
        createdBy: by.id,
      });
      const rest = left.minus(refund);
      const state = rest.isZero() ? 'REFUND' : 'UNMATCHED';
      await tx.query(`UPDATE bank_entry SET unplaced = $2, state = $3, version = version + 1, claimed_by = NULL, claimed_at = NULL WHERE id = $1`, [entry.id, rest.toFixed(2), state]);
      await this.timeline.record(tx, {
        entityType: BANK_ENTRY,
        entityId: entry.id,
        actor: staffActor(by),
        fromState: entry.state,
        toState: state,
        reason: note ?? `Marked for refund: ${refund.toFixed(2)} ${entry.currency}`,
        details: { step: 'PAYMENT_REFUND_MARKED', amount: refund.toFixed(2), ...(note ? { typed: note } : {}) },
      });
    });
  }

  /**
   * The debtor paid the client directly (issue 14 s.4, seed 000), reported by the client through
   * the API or recorded by staff: the debtor's receivable is settled (exposure released, fully
   * paid when nothing is left, so reminders and collection stop) and the client now owes the
   * factor what it received, booked as a receivable from the client (set off against its next
   * payout or invoiced to it).
   */
  async recordPaidToClient(input: { invoiceId: string; amount: string; paidOn: string; note?: string | null }, actor: { staff?: StaffPrincipal; clientId?: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const [invoice]: PayableInvoice[] = await tx.query(
        `SELECT i.id, i.client_id, i.debtor_id, i.invoice_number, i.status, i.version, i.country, i.currency, i.due_date::text,
                ${OPEN_COLUMNS},
                i.deduction_kind, i.deduction_amount::text
           FROM invoice i WHERE i.id = $1 FOR UPDATE`,
        [input.invoiceId],
      );
      // A client sees only its own invoices: another's is as unknown as a missing one.
      if (!invoice || (actor.clientId && invoice.client_id !== actor.clientId)) {
        throw new NotFoundError(PaymentError.PAYMENT_INVOICE_NOT_FOUND, `No invoice has the id ${input.invoiceId}.`);
      }
      if (invoice.status !== 'PURCHASED') throw new InvalidValueError(PaymentError.PAYMENT_INVOICE_NOT_OPEN, `Invoice ${invoice.invoice_number} is not a bought invoice that is still open.`, 'invoiceId');
      const amount = money(input.amount, 'amount');
      if (amount.gt(invoice.open)) {
        throw new InvalidValueError(PaymentError.PAYMENT_MORE_THAN_OPEN, `Only ${new Decimal(invoice.open).toFixed(2)} is open on invoice ${invoice.invoice_number}.`, 'amount', {
          open: new Decimal(invoice.open).toFixed(2),
        });
      }
      const book = BOOK_OF[invoice.currency as 'SEK' | 'NOK'] ?? (invoice.country as Book);
      // Fees first, then late interest, then the principal (issue 15 s.2); the principal part lowers the exposure.
      const split = splitShare(new Map(), invoice, amount);
      const [{ n }] = await tx.query(`SELECT count(DISTINCT journal_entry_id)::int + 1 AS n FROM payment_allocation WHERE invoice_id = $1 AND kind = 'PAID_TO_CLIENT'`, [invoice.id]);
      const journal = await this.ledger.post(tx, {
        book,
        date: this.clock.today(book).toString(),
        causeType: 'INVOICE',
        causeId: invoice.id,
        event: 'PAID_TO_CLIENT',
        attempt: String(n),
        description: `Invoice ${invoice.invoice_number} paid to the client directly: the client owes the factor ${amount.toFixed(2)}`,
        lines: paidToClientPostings(amount.toFixed(2), split.parts).map((l) => ({ ...l, clientId: invoice.client_id, invoiceId: invoice.id })),
      });
      await this.insertAllocations(
        tx,
        split.parts.map((p) => ({
          entryId: null, invoiceId: invoice.id, kind: 'PAID_TO_CLIENT', part: p.part, amount: p.amount, daysLate: daysLate(invoice.country, invoice.due_date, input.paidOn), journalId: journal.id, by: actor.staff?.id ?? null, note: input.note ?? null,
        })),
      );
      const after = rowsOf<{ open: string; version: number; paid: string }>(
        await tx.query(
          `UPDATE invoice i SET paid_to_client_amount = paid_to_client_amount + $2, last_paid_on = greatest(last_paid_on, $3::date), updated_at = now(), version = version + 1
            WHERE id = $1 RETURNING (i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount
                                     + ${OPEN_OF_ROLE('i', 'COLLECTION_FEE_RECEIVABLES')} + ${OPEN_OF_ROLE('i', 'LATE_INTEREST_RECEIVABLES')})::text AS open, i.version,
                                    (i.paid_amount + i.paid_to_client_amount)::text AS paid`,
          [invoice.id, split.principal.toFixed(2), input.paidOn],
        ),
      )[0];
      if (split.principal.gt(0)) await this.exposure.release(tx, { id: invoice.id, client_id: invoice.client_id, debtor_id: invoice.debtor_id }, split.principal.toFixed(2));
      await this.timeline.record(tx, {
        entityType: 'INVOICE',
        entityId: invoice.id,
        actor: actor.staff ? staffActor(actor.staff) : { type: 'CLIENT', id: invoice.client_id },
        fromState: invoice.status,
        toState: invoice.status,
        reason: `Paid to the client directly: ${amount.toFixed(2)} ${invoice.currency} on ${input.paidOn}`,
        details: {
          step: 'PAID_TO_CLIENT',
          amount: amount.toFixed(2),
          paidOn: input.paidOn,
          clientVisible: true,
          ...(input.note ? { typed: input.note } : {}),
          ...clientStepDetails('PAID_TO_CLIENT', { amount: amount.toFixed(2), currency: invoice.currency, on: input.paidOn }),
        },
      });
      // Its event (issue 15 s.7); paid in full, the lifecycle's PAID_IN_FULL below tells that too.
      await tellClient(tx, invoice, 'invoice.paid_to_client', 'PAID_TO_CLIENT', { amount: amount.toFixed(2), currency: invoice.currency, on: input.paidOn });
      if (new Decimal(after.open).isZero()) {
        await this.exposure.release(tx, { id: invoice.id, client_id: invoice.client_id, debtor_id: invoice.debtor_id });
        await this.lifecycle.transition(tx, { id: invoice.id, client_id: invoice.client_id, invoice_number: invoice.invoice_number, status: invoice.status, version: after.version }, 'PAID_IN_FULL', SYSTEM_ACTOR, {
          note: 'Fully paid (paid to the client directly)',
          details: { step: 'PAID_IN_FULL', paidAmount: after.paid, paidToClient: true },
          clientPayload: {
            paidAmount: new Decimal(after.paid).toFixed(2),
            currency: invoice.currency,
            ...(invoice.deduction_kind ? { deductionKind: invoice.deduction_kind, deductionAmount: invoice.deduction_amount, taxAgencyClaim: TAX_AGENCY_CLAIM_TEXT[invoice.deduction_kind] } : {}),
          },
        });
      }
    });
  }

  private async lockEntry(tx: EntityManager, id: string): Promise<EntryRow> {
    const [entry] = await tx.query(
      `SELECT id, amount::text, unplaced::text, currency, value_date::text, state, kind, claimed_by, version, payer_name, payer_account
         FROM bank_entry WHERE id = $1 AND direction = 'CREDIT' AND kind = 'NOTIFIED' FOR UPDATE`,
      [id],
    );
    if (!entry) throw new NotFoundError(PaymentError.PAYMENT_NOT_FOUND, `No incoming payment has the id ${id}.`);
    return entry;
  }
}

/** A share of a payment on one invoice, by the receivables it pays (fees, then interest, then principal: issue 15 s.2). */
interface SplitShare {
  parts: PaymentParts['lines'];
  principal: Decimal;
}

/** Splits a share by what is still open on its invoice, remembering what is left for the invoice's next share in the same run. */
function splitShare(left: Map<string, OpenReceivables>, invoice: PayableInvoice, share: Decimal): SplitShare {
  const zeroOrMore = (v: string) => Decimal.max(new Decimal(v), 0).toFixed(2);
  const open = left.get(invoice.id) ?? { fees: zeroOrMore(invoice.open_fees), interest: zeroOrMore(invoice.open_interest), principal: zeroOrMore(invoice.open_principal) };
  const split = paymentParts(share.toFixed(2), open);
  left.set(invoice.id, split.remaining);
  return { parts: split.lines, principal: new Decimal(split.principal) };
}

/** TypeORM answers an UPDATE ... RETURNING with [rows, count], a SELECT with rows. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}

function assertVersion(entry: EntryRow, expected: number): void {
  if (entry.version !== expected) {
    throw new ConflictError(PaymentError.PAYMENT_CHANGED, `Someone changed this payment since you opened it (version ${expected}, now ${entry.version}). Reload and try again.`, {
      currentVersion: entry.version,
    });
  }
}

function money(amount: string, field: string): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new InvalidValueError(PaymentError.PAYMENT_AMOUNT_INVALID, 'An amount is a number above zero in whole öre/øre.', field);
  }
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2) throw new InvalidValueError(PaymentError.PAYMENT_AMOUNT_INVALID, 'An amount is a number above zero in whole öre/øre.', field);
  return value;
}

/** Further references that may each name an invoice (one payment for several): those that pass their check digit and are not negative (BgMax TK23). */
function extraReferencesOf(e: BankEntry): string | null {
  const refs = (e.extraReferences ?? []).filter((r) => !r.referenceCheckFailed && !r.negative).map((r) => normaliseReference(r.reference)).filter((r): r is string => !!r);
  return refs.length ? refs.join(',') : null;
}

/** Spaces out, the bank's zero-padding off: '0000 1234 5' and '12345' are one reference. */
export function normaliseReference(reference: string | undefined | null): string | null {
  if (!reference) return null;
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  const trimmed = /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
  return trimmed || null;
}

/** The digits of a file's account end with one of the factor's accounts in that currency (an IBAN ends with the account number). */
function isOurs(accountId: string, currency: string, ours: Map<string, string>): boolean {
  const digits = accountId.replace(/\D/g, '');
  if (!digits) return false;
  for (const [key, cur] of ours) if (key.startsWith('#') && cur === currency && digits.endsWith(key.slice(1))) return true;
  return false;
}

function refusalOf(error: unknown): { code: string; message: string; place: string | null } {
  if (error && typeof error === 'object' && 'code' in error && 'place' in error && typeof (error as { place: unknown }).place === 'string') {
    const e = error as { code: string; message: string; place: string };
    return { code: e.code, message: e.message, place: e.place };
  }
  if (error instanceof DomainError) return { code: error.code, message: error.message, place: typeof error.details?.place === 'string' ? error.details.place : null };
  return { code: PaymentError.BANK_IMPORT_FAILED, message: error instanceof Error ? error.message : String(error), place: null };
}
