import Decimal from 'decimal.js';
import type { TestApp } from './test-app';

/**
 * The receivable accounts of one invoice in the ledger (issue 15 "Done when": "with the
 * receivable accounts reconciling to the open items at every step").
 */
export interface LedgerReceivables {
  /** PURCHASED_RECEIVABLES: the principal still owed by the debtor. */
  principal: string;
  /** COLLECTION_FEE_RECEIVABLES: reminder/collection fees and compensation still owed. */
  fees: string;
  /** LATE_INTEREST_RECEIVABLES: late interest booked and still owed. */
  interest: string;
}

/** The invoice's receivable accounts, summed from the journal's postings that name it. */
export async function ledgerReceivables(t: TestApp, invoiceId: string): Promise<LedgerReceivables> {
  const rows: Array<{ role: string; amount: string }> = await t.db.query(
    // An account may have several dated versions: its role is read once per posting (latest version).
    `SELECT a.role, coalesce(sum(p.amount), 0)::text AS amount
       FROM journal_posting p
       JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
      WHERE p.invoice_id = $1 AND a.role IN ('PURCHASED_RECEIVABLES', 'COLLECTION_FEE_RECEIVABLES', 'LATE_INTEREST_RECEIVABLES')
      GROUP BY a.role`,
    [invoiceId],
  );
  const of = (role: string) => new Decimal(rows.find((r) => r.role === role)?.amount ?? 0).toFixed(2);
  return { principal: of('PURCHASED_RECEIVABLES'), fees: of('COLLECTION_FEE_RECEIVABLES'), interest: of('LATE_INTEREST_RECEIVABLES') };
}

/**
 * What is open on the invoice by its own records, without the ledger: the principal from the
 * invoice's amounts (payable less credited, recourse, paid and paid to the client; nothing
 * before it is bought), the fees and interest the follow-up charged for letters sent less what
 * payments paid of them (payment_allocation.part), and nothing after a written-off credit loss.
 */
export async function openItems(t: TestApp, invoiceId: string): Promise<LedgerReceivables> {
  const [row] = await t.db.query(
    `SELECT i.status,
            (i.payable - i.credited_amount - i.recourse_amount - i.paid_amount - i.paid_to_client_amount)::text AS principal,
            EXISTS (SELECT 1 FROM journal_entry e WHERE e.cause_type = 'INVOICE' AND e.cause_id = i.id AND e.event = 'PURCHASE') AS bought,
            EXISTS (SELECT 1 FROM collection_case k WHERE k.invoice_id = i.id AND k.write_off_entry_id IS NOT NULL) AS written_off,
            (SELECT coalesce(sum(s.fee_amount), 0) FROM collection_step s WHERE s.invoice_id = i.id AND s.fee_entry_id IS NOT NULL)::text AS fees_charged,
            (SELECT coalesce(sum(s.interest_amount), 0) FROM collection_step s WHERE s.invoice_id = i.id AND s.interest_entry_id IS NOT NULL)::text AS interest_charged
       FROM invoice i WHERE i.id = $1`,
    [invoiceId],
  );
  if (!row) throw new Error(`No invoice ${invoiceId}`);
  // What payments (and payments to the client directly) paid of the fees and the interest: one allocation row per part.
  const parts: Array<{ part: string; amount: string }> = await t.db.query(
    `SELECT part, coalesce(sum(amount), 0)::text AS amount FROM payment_allocation WHERE invoice_id = $1 AND part IN ('FEE', 'INTEREST') GROUP BY part`,
    [invoiceId],
  );
  const feesPaid = new Decimal(parts.find((p) => p.part === 'FEE')?.amount ?? 0);
  const interestPaid = new Decimal(parts.find((p) => p.part === 'INTEREST')?.amount ?? 0);
  if (row.written_off) return { principal: '0.00', fees: '0.00', interest: '0.00' };
  return {
    principal: row.bought ? new Decimal(row.principal).toFixed(2) : '0.00',
    fees: new Decimal(row.fees_charged).minus(feesPaid).toFixed(2),
    interest: new Decimal(row.interest_charged).minus(interestPaid).toFixed(2),
  };
}

/**
 * Asserts that the ledger's receivable accounts of the invoice (purchased receivables, fee
 * receivables, interest receivables) equal the open items its own records show, and returns
 * them for further expectations. Call it after every step of a whole-life spec.
 */
export async function expectReceivablesReconcile(t: TestApp, invoiceId: string): Promise<LedgerReceivables> {
  const books = await ledgerReceivables(t, invoiceId);
  const open = await openItems(t, invoiceId);
  expect({ invoiceId, ...books }).toEqual({ invoiceId, ...open });
  return books;
}
