import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidValueError } from '@factoring/domain';
import { RefundKind } from '@factoring/rules';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { PayoutError } from './payout-errors';

export type { RefundKind } from '@factoring/rules';

/** Where a refund goes: the account kinds a pain.001 of ours can pay (see pain001.ts). */
export interface RefundPayee {
  kind: 'IBAN' | 'SE_BANKGIRO' | 'SE_PLUSGIRO' | 'SE_BANK_ACCOUNT' | 'NO_BANK_ACCOUNT';
  value: string;
  name: string;
  bic?: string;
}

export interface RefundDue {
  kind: RefundKind;
  clientId?: string | null;
  debtorId?: string | null;
  invoiceId?: string | null;
  bankEntryId?: string | null;
  /** Above zero in whole öre/øre (numeric(18,2)). */
  amount: string;
  currency: 'SEK' | 'NOK';
  country: 'SE' | 'NO';
  /** Required for a debtor's refund; a client's repayment goes to its payout account when the batch is made, unless given. */
  payee?: RefundPayee | null;
  /** What owes the money, unique: the same cause twice records one refund (e.g. `bank_entry:<id>:refund:<n>`, `recourse_invoice:<id>:repayment`). */
  cause: string;
  /** What the payee reads on its statement; a default per kind if not given. */
  reference?: string | null;
  note?: string | null;
  /** The staff member who decided it, if a person did. */
  createdBy?: string | null;
}

/** A refund not yet in a live payout line, as batch preparation reads it. */
export interface RefundCandidateRow {
  refund_id: string;
  kind: RefundKind;
  client_id: string | null;
  client_name: string | null;
  client_state: string | null;
  amount: string;
  reference: string;
  payee: RefundPayee | null;
  /** The client's payout account (for a repayment without a payee of its own). */
  client_payee: { kind: string; value: string; display?: string } | null;
  account_changed_on: string | null;
  account_confirmed: boolean;
  attempts: number;
  /** The day it was recorded (YYYY-MM-DD, UTC). */
  recorded_on: string;
}

const CURRENCY = { SE: 'SEK', NO: 'NOK' } as const;
/** What the payee reads on its statement when none is given: in the book's language (a Swedish or a Norwegian payee). */
const DEFAULT_REFERENCE: Record<RefundKind, Record<'SE' | 'NO', string>> = {
  DEBTOR_REFUND: { SE: 'Återbetalning av överbetalning', NO: 'Tilbakebetaling av overbetaling' },
  CLIENT_REPAYMENT: { SE: 'Återbetalning från factoring', NO: 'Tilbakebetaling fra factoring' },
};
export const PAYABLE_KINDS: ReadonlySet<string> = new Set(['IBAN', 'SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'NO_BANK_ACCOUNT']);

/**
 * Money the factor owes and pays in the next payout batch like any payout (issue 14 s.3): a
 * debtor's overpayment marked for refund, or money owed back to a client (issue 15's recourse:
 * what the debtor paid after the client bought the invoice back). The caller books the
 * obligation in its own entry (a debtor's refund on REFUNDS_DUE, a client's repayment on
 * CLIENT_PAYABLES: see refund-postings in libs/rules) and calls `due` in the same transaction;
 * the batch then pays it, clears that account when sent, and the bank's debit settles it.
 */
@Injectable()
export class Refunds {
  /** Records a refund owed; idempotent per cause (the same cause again returns the first, and refuses a different amount). */
  async due(tx: EntityManager, r: RefundDue): Promise<{ id: string; created: boolean }> {
    const amount = refundAmount(r.amount);
    if (CURRENCY[r.country] !== r.currency) throw new Error(`A refund in ${r.currency} cannot be paid from the ${r.country} book`);
    if (r.kind === 'CLIENT_REPAYMENT' && !r.clientId) throw new Error('A client repayment names its client');
    if (r.kind === 'DEBTOR_REFUND' && !r.payee) throw new Error('A debtor refund names the account it goes to');
    if (r.payee && !PAYABLE_KINDS.has(r.payee.kind)) throw new Error(`A refund cannot be paid to an account of kind ${r.payee.kind}`);
    const reference = (r.reference ?? DEFAULT_REFERENCE[r.kind][r.country]).slice(0, 140);
    const [inserted] = await tx.query(
      `INSERT INTO payout_refund (kind, cause, book, currency, client_id, debtor_id, invoice_id, bank_entry_id, amount, payee, reference, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (cause) DO NOTHING RETURNING id`,
      [r.kind, r.cause, r.country, r.currency, r.clientId ?? null, r.debtorId ?? null, r.invoiceId ?? null, r.bankEntryId ?? null, amount.toFixed(2), r.payee ?? null, reference, r.note ?? null, r.createdBy ?? null],
    );
    if (inserted) return { id: inserted.id, created: true };
    const [kept] = await tx.query(`SELECT id, kind, amount::text AS amount FROM payout_refund WHERE cause = $1`, [r.cause]);
    if (kept.kind !== r.kind || !new Decimal(kept.amount).eq(amount)) {
      throw new ConflictError(PayoutError.REFUND_CAUSE_TAKEN, `A refund of ${kept.amount} for this cause is already recorded.`, { refundId: kept.id, amount: kept.amount });
    }
    return { id: kept.id, created: false };
  }

  /**
   * The refunds of a book that no live payout line pays yet (a rejected or returned one is due
   * again), locked for the batch being prepared (unless only read, for the payouts-due view),
   * with the client's payout account and holds.
   */
  async unpaid(tx: EntityManager, book: 'SE' | 'NO', lock = true): Promise<RefundCandidateRow[]> {
    return tx.query(
      `SELECT r.id AS refund_id, r.kind, r.client_id, c.legal_name AS client_name, c.state AS client_state, r.amount::text AS amount, r.reference, r.payee,
              ag.payout_account AS client_payee,
              CASE WHEN prev.payout_account IS DISTINCT FROM ag.payout_account AND prev.version IS NOT NULL
                   THEN (ag.valid_from AT TIME ZONE 'UTC')::date::text END AS account_changed_on,
              coalesce(EXISTS (SELECT 1 FROM payout_account_confirmation k WHERE k.client_id = r.client_id AND k.agreement_version = ag.version), false) AS account_confirmed,
              (SELECT count(*)::int FROM payout_line l WHERE l.refund_id = r.id) AS attempts, (r.created_at AT TIME ZONE 'UTC')::date::text AS recorded_on
         FROM payout_refund r
         LEFT JOIN client c ON c.id = r.client_id
         LEFT JOIN LATERAL (SELECT version, payout_account, valid_from FROM client_agreement WHERE client_id = r.client_id ORDER BY version DESC LIMIT 1) ag ON true
         LEFT JOIN LATERAL (SELECT version, payout_account FROM client_agreement WHERE client_id = r.client_id AND version = ag.version - 1) prev ON true
        WHERE r.book = $1 AND NOT EXISTS (SELECT 1 FROM payout_line l WHERE l.refund_id = r.id AND l.state IN ('INCLUDED','SETTLED'))
        ORDER BY r.created_at, r.id ${lock ? 'FOR UPDATE OF r' : ''}`,
      [book],
    );
  }
}

/**
 * The account a debtor's payment came from, as one a pain.001 can pay: an IBAN, an 11-digit
 * Norwegian account (Nets OCR's debit account), or a Swedish bankgiro number (BgMax TK20's
 * payer bankgiro). Anything else (a camt proprietary id, nothing at all) is unknown: finance
 * then gives the account (the refusal says so).
 */
export function payeeFromPayerAccount(account: string | null | undefined, currency: 'SEK' | 'NOK', name: string | null | undefined): RefundPayee | null {
  const compact = (account ?? '').replace(/\s+/g, '').toUpperCase();
  const payee = (kind: RefundPayee['kind'], value: string): RefundPayee => ({ kind, value, name: (name ?? '').trim().slice(0, 70) || 'Payer' });
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) return payee('IBAN', compact);
  if (currency === 'NOK' && /^\d{11}$/.test(compact)) return payee('NO_BANK_ACCOUNT', compact);
  if (currency === 'SEK' && /^\d{7,8}$/.test(compact)) return payee('SE_BANKGIRO', compact);
  return null;
}

/**
 * An account finance gives for a refund ('IBAN SE45…', 'BG 5050-1055', 'PG 4711-2', 'SE 8327-9 123 456 789',
 * 'NO 1234.56.78903'), or a refusal naming `field`.
 */
export function payeeFromGiven(given: string, currency: 'SEK' | 'NOK', name: string | null | undefined, field: string): RefundPayee {
  const compact = given.replace(/\s+/g, '').toUpperCase();
  const known = payeeFromPayerAccount(compact, currency, name);
  if (known && known.kind === 'IBAN') return known;
  const withName = (kind: RefundPayee['kind'], value: string): RefundPayee => ({ kind, value, name: (name ?? '').trim().slice(0, 70) || 'Payer' });
  const bg = /^BG(\d{3,4}-?\d{4})$/.exec(compact);
  if (bg && currency === 'SEK') return withName('SE_BANKGIRO', bg[1].replace('-', ''));
  const pg = /^PG(\d{1,7}-?\d)$/.exec(compact);
  if (pg && currency === 'SEK') return withName('SE_PLUSGIRO', pg[1].replace('-', ''));
  const se = /^SE(\d{4,5})-?(\d{1,12})$/.exec(compact.replace(/[.,]/g, ''));
  if (se && currency === 'SEK') return withName('SE_BANK_ACCOUNT', `${se[1]}-${se[2]}`);
  const no = /^NO(\d{11})$/.exec(compact.replace(/[.]/g, ''));
  if (no && currency === 'NOK') return withName('NO_BANK_ACCOUNT', no[1]);
  throw new InvalidValueError(
    PayoutError.REFUND_ACCOUNT_INVALID,
    `${given} is not an account a refund in ${currency} can be paid to: give an IBAN${currency === 'SEK' ? ', BG bankgiro, PG PlusGiro or SE clearing-account' : ' or NO and the 11-digit account'}.`,
    field,
  );
}

function refundAmount(amount: string): Decimal {
  let value: Decimal;
  try {
    value = new Decimal(amount);
  } catch {
    throw new Error(`A refund amount is a number, not ${amount}`);
  }
  if (!value.isFinite() || value.lte(0) || value.decimalPlaces() > 2 || value.gte('1e16')) throw new Error(`A refund amount is above zero in whole öre/øre, not ${amount}`);
  return value;
}
