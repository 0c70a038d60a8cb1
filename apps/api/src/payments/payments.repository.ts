import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentError } from './payment-errors';
import { BankImportsArgs, BankImportType, ExposureLedgerDifferenceType, IncomingPaymentsArgs, IncomingPaymentType, PaymentAllocationType, PaymentSuggestionType, StatementDifferenceType } from './dto/payment.types';

const staffRef = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;

const IMPORT_COLUMNS = `b.id, b.source, b.file_name AS "fileName", b.format, b.version, b.file_identity AS "fileIdentity", b.status,
  b.entries_read AS "entriesRead", b.entries_new AS "entriesNew", b.entries_duplicate AS "entriesDuplicate", b.entries_matched AS "entriesMatched",
  b.entries_unmatched AS "entriesUnmatched", b.entries_reconciled AS "entriesReconciled", b.amount_in::text AS "amountIn", b.amount_out::text AS "amountOut",
  b.amount_matched::text AS "amountMatched", b.amount_unmatched::text AS "amountUnmatched", b.refusal_code AS "refusalCode", b.refusal_message AS "refusalMessage",
  b.refusal_place AS "refusalPlace", ${staffRef('s')} AS "startedBy", b.started_at AS "startedAt", b.finished_at AS "finishedAt"`;

/** The order a payment's parts were paid in (issue 15 s.2): fees, then late interest, then the principal. */
const PART_ORDER = `CASE a.part WHEN 'FEE' THEN 1 WHEN 'INTEREST' THEN 2 WHEN 'PRINCIPAL' THEN 3 ELSE 4 END`;

const PAYMENT_COLUMNS = `e.id, e.import_id AS "importId", e.account_id AS "accountId", e.amount::text, e.unplaced::text, e.currency, e.value_date::text AS "valueDate",
  e.reference, e.reference_check_failed AS "referenceCheckFailed", e.payer_name AS "payerName", e.payer_account AS "payerAccount", e.message, e.state,
  greatest(0, (now() AT TIME ZONE 'Europe/Stockholm')::date - (e.created_at AT TIME ZONE 'Europe/Stockholm')::date) AS "ageDays",
  ${staffRef('cb')} AS "claimedBy", e.version,
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'part', a.part, 'invoiceId', a.invoice_id, 'invoiceNumber', i.invoice_number, 'amount', a.amount::text,
                    'daysLate', a.days_late, 'journalEntryId', a.journal_entry_id::text, 'allocatedAt', a.allocated_at,
                    'allocatedBy', ${staffRef('ab')}) ORDER BY a.allocated_at, ${PART_ORDER}, a.id)
              FROM payment_allocation a LEFT JOIN invoice i ON i.id = a.invoice_id LEFT JOIN staff_member ab ON ab.id = a.allocated_by
             WHERE a.bank_entry_id = e.id), '[]'::json) AS allocations`;

/** json_agg gives the allocations' times as text; GraphQL's DateTime serialises only a Date (else the whole answer fails). */
const withAllocationDates = (row: IncomingPaymentType): IncomingPaymentType => ({
  ...row,
  allocations: row.allocations.map((a) => ({ ...a, allocatedAt: new Date(a.allocatedAt) })),
});

const OPEN = `(i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount)`;

/** Reads of money in: imports, incoming payments (the unmatched queue), suggestions, and the exposure check. */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async imports(args: BankImportsArgs): Promise<{ items: BankImportType[]; total: number }> {
    const params = [args.status ?? null];
    const where = `WHERE ($1::text IS NULL OR b.status = $1)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM bank_import b ${where}`, params);
    const items = await this.db.query(
      `SELECT ${IMPORT_COLUMNS} FROM bank_import b LEFT JOIN staff_member s ON s.id = b.started_by ${where} ORDER BY b.started_at DESC, b.id LIMIT $2 OFFSET $3`,
      [...params, args.perPage, args.page * args.perPage],
    );
    return { items, total };
  }

  async importOne(id: string): Promise<BankImportType> {
    const [row] = await this.db.query(`SELECT ${IMPORT_COLUMNS} FROM bank_import b LEFT JOIN staff_member s ON s.id = b.started_by WHERE b.id = $1`, [id]);
    if (!row) throw new NotFoundError(PaymentError.BANK_IMPORT_NOT_FOUND, `No bank import has the id ${id}.`);
    return row;
  }

  /** Incoming payments: the unmatched queue (the oldest first) by default, with suggestions for what is left. */
  async payments(args: IncomingPaymentsArgs): Promise<{ items: IncomingPaymentType[]; total: number }> {
    const state = args.state ?? 'UNMATCHED';
    const params = [state, args.importId ?? null];
    const where = `WHERE e.kind = 'NOTIFIED' AND e.state = $1 AND ($2::uuid IS NULL OR e.import_id = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM bank_entry e ${where}`, params);
    const order = state === 'UNMATCHED' ? 'e.value_date, e.created_at, e.id' : 'e.value_date DESC, e.id';
    const rows = await this.db.query(
      `SELECT ${PAYMENT_COLUMNS} FROM bank_entry e LEFT JOIN staff_member cb ON cb.id = e.claimed_by ${where} ORDER BY ${order} LIMIT $3 OFFSET $4`,
      [...params, args.perPage, args.page * args.perPage],
    );
    return { items: await this.withSuggestions(rows), total };
  }

  async payment(id: string, manager: EntityManager = this.db.manager): Promise<IncomingPaymentType> {
    const [row] = await manager.query(`SELECT ${PAYMENT_COLUMNS} FROM bank_entry e LEFT JOIN staff_member cb ON cb.id = e.claimed_by WHERE e.id = $1 AND e.kind = 'NOTIFIED'`, [id]);
    if (!row) throw new NotFoundError(PaymentError.PAYMENT_NOT_FOUND, `No incoming payment has the id ${id}.`);
    return (await this.withSuggestions([row], manager))[0];
  }

  /** The payments of an invoice (the invoice page). */
  async ofInvoice(invoiceId: string): Promise<IncomingPaymentType[]> {
    const rows = await this.db.query(
      `SELECT ${PAYMENT_COLUMNS} FROM bank_entry e LEFT JOIN staff_member cb ON cb.id = e.claimed_by
        WHERE e.id IN (SELECT bank_entry_id FROM payment_allocation WHERE invoice_id = $1) ORDER BY e.value_date DESC`,
      [invoiceId],
    );
    return rows.map((r: IncomingPaymentType) => ({ ...withAllocationDates(r), suggestions: [] }));
  }

  private async withSuggestions(rows: IncomingPaymentType[], manager: EntityManager = this.db.manager): Promise<IncomingPaymentType[]> {
    const out: IncomingPaymentType[] = [];
    for (const row of rows) out.push({ ...withAllocationDates(row), suggestions: new Decimal(row.unplaced).gt(0) ? await this.suggestions(row.id, manager) : [] });
    return out;
  }

  /**
   * What a person might place an unmatched payment on: bought, open invoices in its currency,
   * scored by the open amount equal to what is left (40), the invoice number in the message
   * (30), the payer's name the debtor's (20), a reference one or two characters from the
   * invoice's (15), the debtor of an invoice the payment already settled (25). Best first, at
   * most ten, each with its reasons.
   */
  async suggestions(entryId: string, manager: EntityManager = this.db.manager): Promise<PaymentSuggestionType[]> {
    const rows = await manager.query(
      `WITH e AS (SELECT id, unplaced, currency, reference, lower(coalesce(payer_name, '')) AS payer, lower(coalesce(message, '')) AS message FROM bank_entry WHERE id = $1),
            paid_debtor AS (SELECT DISTINCT i.debtor_id FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id WHERE a.bank_entry_id = $1 AND a.kind = 'PAYMENT'),
            scored AS (
              SELECT i.id, i.invoice_number, i.payment_reference, c.legal_name, coalesce(d.name, i.debtor->>'name') AS debtor_name, ${OPEN} AS open, i.due_date,
                     (${OPEN} = e.unplaced) AS amount_equal,
                     (length(i.invoice_number) >= 3 AND position(lower(i.invoice_number) IN e.message) > 0) AS number_in_message,
                     (e.payer <> '' AND (position(lower(coalesce(d.name, i.debtor->>'name')) IN e.payer) > 0 OR position(e.payer IN lower(coalesce(d.name, i.debtor->>'name'))) > 0)) AS name_matches,
                     (e.reference IS NOT NULL AND i.payment_reference IS NOT NULL AND ltrim(i.payment_reference, '0') <> e.reference
                       AND length(ltrim(i.payment_reference, '0')) = length(e.reference)
                       AND (SELECT count(*) FROM generate_series(1, length(e.reference)) k WHERE substr(e.reference, k, 1) <> substr(ltrim(i.payment_reference, '0'), k, 1)) <= 2) AS reference_close,
                     (i.debtor_id IN (SELECT debtor_id FROM paid_debtor)) AS same_debtor
                FROM e JOIN invoice i ON i.currency = e.currency AND i.status = 'PURCHASED' AND ${OPEN} > 0
                JOIN client c ON c.id = i.client_id LEFT JOIN debtor d ON d.id = i.debtor_id)
       SELECT id AS "invoiceId", invoice_number AS "invoiceNumber", payment_reference AS "paymentReference", legal_name AS "clientName", debtor_name AS "debtorName",
              open::text, due_date::text AS "dueDate",
              (CASE WHEN amount_equal THEN 40 ELSE 0 END + CASE WHEN number_in_message THEN 30 ELSE 0 END + CASE WHEN name_matches THEN 20 ELSE 0 END
               + CASE WHEN reference_close THEN 15 ELSE 0 END + CASE WHEN same_debtor THEN 25 ELSE 0 END) AS score,
              array_remove(ARRAY[CASE WHEN amount_equal THEN 'AMOUNT_EQUALS_OPEN' END, CASE WHEN number_in_message THEN 'INVOICE_NUMBER_IN_MESSAGE' END,
                                 CASE WHEN name_matches THEN 'PAYER_NAME_MATCHES_DEBTOR' END, CASE WHEN reference_close THEN 'REFERENCE_CLOSE' END,
                                 CASE WHEN same_debtor THEN 'SAME_DEBTOR_AS_PAYMENT' END], NULL) AS reasons
         FROM scored WHERE amount_equal OR number_in_message OR name_matches OR reference_close OR same_debtor
        ORDER BY score DESC, due_date, invoice_number LIMIT 10`,
      [entryId],
    );
    return rows;
  }

  /** What payments (and payments to the client directly) did to an invoice, oldest first. */
  async allocationsOfInvoice(invoiceId: string): Promise<PaymentAllocationType[]> {
    return this.db.query(
      `SELECT a.id, a.kind, a.part, a.invoice_id AS "invoiceId", i.invoice_number AS "invoiceNumber", a.amount::text, a.days_late AS "daysLate",
              a.journal_entry_id::text AS "journalEntryId", ${staffRef('ab')} AS "allocatedBy", a.allocated_at AS "allocatedAt"
         FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id LEFT JOIN staff_member ab ON ab.id = a.allocated_by
        WHERE a.invoice_id = $1 ORDER BY a.allocated_at, ${PART_ORDER}, a.id`,
      [invoiceId],
    );
  }

  /** Statement days that differ from the notifications, newest first (of one import, or all). */
  async statementDifferences(importId?: string | null): Promise<StatementDifferenceType[]> {
    return this.db.query(
      `SELECT id, import_id AS "importId", account_id AS "accountId", value_date::text AS "valueDate", statement_credits::text AS "statementCredits",
              notified_credits::text AS "notifiedCredits", difference::text FROM statement_difference WHERE ($1::uuid IS NULL OR import_id = $1)
        ORDER BY value_date DESC, account_id LIMIT 500`,
      [importId ?? null],
    );
  }

  /**
   * Exposure and the books must agree (issue 14 s.2): per debtor, the exposure its bought
   * invoices hold against the purchased receivables the ledger still shows open on them.
   * Returns the debtors that differ (none when all is well); `debtorIds` narrows the check.
   */
  async exposureLedgerDifferences(debtorIds?: string[]): Promise<ExposureLedgerDifferenceType[]> {
    return this.db.query(
      `WITH ours AS (SELECT i.id, i.debtor_id, i.exposure FROM invoice i
                      WHERE i.status IN ('PURCHASED','FULLY_PAID','RECOURSE') AND i.debtor_id IS NOT NULL AND ($1::uuid[] IS NULL OR i.debtor_id = ANY($1::uuid[]))),
            receivable AS (
              SELECT p.invoice_id, sum(p.amount) AS open FROM journal_posting p
                JOIN LATERAL (SELECT role FROM ledger_account a WHERE a.book = p.book AND a.number = p.account ORDER BY a.valid_from DESC LIMIT 1) a ON a.role = 'PURCHASED_RECEIVABLES'
               WHERE p.invoice_id IN (SELECT id FROM ours) GROUP BY p.invoice_id)
       SELECT o.debtor_id AS "debtorId", sum(o.exposure)::text AS exposure, coalesce(sum(r.open), 0)::text AS receivables
         FROM ours o LEFT JOIN receivable r ON r.invoice_id = o.id
        GROUP BY o.debtor_id HAVING sum(o.exposure) <> coalesce(sum(r.open), 0)`,
      [debtorIds ?? null],
    );
  }
}
