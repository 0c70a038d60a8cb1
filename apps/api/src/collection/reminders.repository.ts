import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CountryCode } from '@factoring/domain';
import { CollectionFeeKind, CollectionRoutine, ScheduledStep, StepTaken } from '@factoring/rules';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What the principal still owed on an invoice is: the sum of its lines on the purchased-receivables
 * account (the purchase debits it; payments, credit notes and recourse credit it). Read from the
 * books, so the follow-up and the queue agree with the ledger at every step.
 */
export const OPEN_PRINCIPAL = (invoice: string) => `(SELECT coalesce(sum(p.amount), 0) FROM journal_posting p
   WHERE p.invoice_id = ${invoice}.id
     AND EXISTS (SELECT 1 FROM ledger_account a WHERE a.book = p.book AND a.number = p.account AND a.role = 'PURCHASED_RECEIVABLES'))`;

/** The same for any receivable role of an invoice (fees, late interest). */
export const OPEN_OF_ROLE = (invoice: string, role: string) => `(SELECT coalesce(sum(p.amount), 0) FROM journal_posting p
   WHERE p.invoice_id = ${invoice}.id
     AND EXISTS (SELECT 1 FROM ledger_account a WHERE a.book = p.book AND a.number = p.account AND a.role = '${role}'))`;

export interface FollowUpInvoice {
  id: string;
  client_id: string;
  country: CountryCode;
  currency: string;
  invoice_number: string;
  status: string;
  due_date: string;
  open_dispute_id: string | null;
  reminder_fee_agreed: boolean;
  debtor_is_business: boolean;
  open_principal: string;
}

export interface RoutineRow extends CollectionRoutine {
  id: string;
  graceBankDays: number;
  clientId: string | null;
}

export interface StepRow extends StepTaken {
  id: string;
  feeKind: CollectionFeeKind | null;
  interestAmount: string | null;
  /** TO_SEND (made, its fee and interest stated), SENT (charged), FAILED (not delivered: nothing charged), NOT_A_LETTER. */
  deliveryState: 'TO_SEND' | 'SENT' | 'FAILED' | 'NOT_A_LETTER';
}

/** A letter whose delivery went out, with its invoice, held for booking what it states. */
export interface SentLetterRow {
  id: string;
  step: ScheduledStep;
  delivery_state: StepRow['deliveryState'];
  taken_on: string;
  /** The debtor's new pay-by day the letter gives. */
  pay_by: string | null;
  fee_kind: CollectionFeeKind | null;
  fee_amount: string | null;
  interest_amount: string | null;
  invoice_id: string;
  client_id: string;
  country: CountryCode;
  currency: string;
  invoice_number: string;
  status: string;
  open_principal: string;
}

/** A change of the principal on a day: the purchase (+) and what lowered it (payments, credit notes, recourse: -). */
export interface PrincipalMovement {
  on: string;
  amount: string;
}

/** Reads and writes of the follow-up: the invoices to look at, the client's routine, the steps taken. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Bought invoices of a country past their due date, with something still owed and not yet
   * ready for collection: the follow-up looks at each (disputed ones too: the rule says why
   * nothing is sent). `today` is the clock's, never current_date.
   */
  async candidates(country: CountryCode, today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT i.id FROM invoice i
        WHERE i.country = $1 AND i.status = 'PURCHASED' AND i.due_date < $2::date
          AND NOT EXISTS (SELECT 1 FROM collection_step s WHERE s.invoice_id = i.id AND s.step = 'COLLECTION')
          -- Handed to collection (collection-cases): the agency and the case's steps take over; no more letters.
          AND NOT EXISTS (SELECT 1 FROM collection_case k WHERE k.invoice_id = i.id AND k.recourse_invoice_id IS NULL AND k.state <> 'CLOSED')
          AND ${OPEN_PRINCIPAL('i')} > 0
        ORDER BY i.due_date, i.id`,
      [country, today],
    );
    return rows.map((r) => r.id);
  }

  /** The invoice, locked for the follow-up's transaction (a dispute registered meanwhile waits, then is seen). */
  async lockInvoice(tx: EntityManager, id: string): Promise<FollowUpInvoice | null> {
    const [row] = await tx.query(
      `SELECT i.id, i.client_id, i.country, i.currency, i.invoice_number, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.open_dispute_id,
              i.reminder_fee_agreed, coalesce(d.kind, i.debtor->>'kind', 'COMPANY') = 'COMPANY' AS debtor_is_business,
              ${OPEN_PRINCIPAL('i')}::text AS open_principal
         FROM invoice i LEFT JOIN debtor d ON d.id = i.debtor_id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    return row ?? null;
  }

  /** The client's routine in force on the day, else the factor's default for the country. */
  async routine(tx: EntityManager, clientId: string, country: CountryCode, on: string): Promise<RoutineRow> {
    const [row] = await tx.query(
      `SELECT id, client_id AS "clientId", first_reminder_days AS "firstReminderDays", second_step_days AS "secondStepDays", collection_days AS "collectionDays",
              min_days_between_steps AS "minDaysBetweenSteps", grace_bank_days AS "graceBankDays"
         FROM collection_routine
        WHERE country = $2 AND (client_id = $1 OR client_id IS NULL) AND valid_from <= $3::date
        ORDER BY (client_id IS NOT NULL) DESC, valid_from DESC LIMIT 1`,
      [clientId, country, on],
    );
    if (!row) throw new Error(`No collection routine is in force in ${country} on ${on}: the migration's defaults are missing`);
    return row;
  }

  /** Routines of many clients at once (the queue's page), by client id; the default under ''. */
  async routines(clientIds: string[], country: CountryCode, on: string): Promise<Map<string, RoutineRow>> {
    const rows: RoutineRow[] = await this.db.query(
      `SELECT DISTINCT ON (coalesce(client_id::text, '')) id, client_id AS "clientId", first_reminder_days AS "firstReminderDays", second_step_days AS "secondStepDays",
              collection_days AS "collectionDays", min_days_between_steps AS "minDaysBetweenSteps", grace_bank_days AS "graceBankDays"
         FROM collection_routine
        WHERE country = $2 AND (client_id = ANY($1::uuid[]) OR client_id IS NULL) AND valid_from <= $3::date
        ORDER BY coalesce(client_id::text, ''), valid_from DESC`,
      [clientIds, country, on],
    );
    return new Map(rows.map((r) => [r.clientId ?? '', r]));
  }

  async steps(tx: EntityManager, invoiceId: string): Promise<StepRow[]> {
    return tx.query(
      `SELECT id, step, to_char(taken_on, 'YYYY-MM-DD') AS "on", fee_kind AS "feeKind", interest_amount::text AS "interestAmount", delivery_state AS "deliveryState"
         FROM collection_step WHERE invoice_id = $1 ORDER BY taken_on, created_at`,
      [invoiceId],
    );
  }

  /**
   * A letter's step and its invoice, both locked (the invoice first, as payments lock it), for
   * the delivery's hook: null when the step is not a letter.
   */
  async lockLetter(tx: EntityManager, stepId: string): Promise<SentLetterRow | null> {
    const [peek] = await tx.query(`SELECT invoice_id FROM collection_step WHERE id = $1 AND kind = 'LETTER'`, [stepId]);
    if (!peek) return null;
    await tx.query(`SELECT 1 FROM invoice WHERE id = $1 FOR UPDATE`, [peek.invoice_id]);
    const [row] = await tx.query(
      `SELECT s.id, s.step, s.delivery_state, to_char(s.taken_on, 'YYYY-MM-DD') AS taken_on, to_char(s.pay_by, 'YYYY-MM-DD') AS pay_by, s.fee_kind, s.fee_amount::text, s.interest_amount::text,
              i.id AS invoice_id, i.client_id, i.country, i.currency, i.invoice_number, i.status, ${OPEN_PRINCIPAL('i')}::text AS open_principal
         FROM collection_step s JOIN invoice i ON i.id = s.invoice_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [stepId],
    );
    return row ?? null;
  }

  /**
   * How the debtor gets a reminder letter: by e-mail where the invoice goes by e-mail (the
   * client-debtor setting, else the client's agreement) and the debtor has an address;
   * otherwise by post (an e-invoice carries invoices, not reminders).
   */
  async letterChannel(tx: EntityManager, invoiceId: string): Promise<{ channel: 'EMAIL' | 'POST'; address: string | null }> {
    const [row] = await tx.query(
      `SELECT d.email, coalesce(cd.delivery_channel,
                     (SELECT a.delivery_channel FROM client_agreement a WHERE a.client_id = i.client_id ORDER BY a.version DESC LIMIT 1)) AS channel
         FROM invoice i JOIN debtor d ON d.id = i.debtor_id
         LEFT JOIN client_debtor cd ON cd.client_id = i.client_id AND cd.debtor_id = i.debtor_id
        WHERE i.id = $1`,
      [invoiceId],
    );
    return row?.channel === 'EMAIL' && row.email ? { channel: 'EMAIL', address: row.email } : { channel: 'POST', address: null };
  }

  /** Every change of the invoice's principal, summed per day, oldest first. */
  async principalMovements(tx: EntityManager, invoiceId: string): Promise<PrincipalMovement[]> {
    return tx.query(
      `SELECT to_char(p.entry_date, 'YYYY-MM-DD') AS "on", sum(p.amount)::text AS amount
         FROM journal_posting p
        WHERE p.invoice_id = $1
          AND EXISTS (SELECT 1 FROM ledger_account a WHERE a.book = p.book AND a.number = p.account AND a.role = 'PURCHASED_RECEIVABLES')
        GROUP BY p.entry_date ORDER BY p.entry_date`,
      [invoiceId],
    );
  }

  /** Records the step once: null when this invoice already has it (a second run, or two workers at once). */
  async insertStep(
    tx: EntityManager,
    s: {
      invoice: FollowUpInvoice;
      step: ScheduledStep;
      routineId: string;
      fellDueOn: string;
      plannedOn: string;
      takenOn: string;
      caughtUp: boolean;
      payBy: string;
      kind: 'LETTER' | 'READY';
    },
  ): Promise<string | null> {
    const [row] = await tx.query(
      `INSERT INTO collection_step (invoice_id, client_id, country, currency, step, routine_id, fell_due_on, planned_on, taken_on, caught_up, principal, pay_by, kind, delivery_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT ON CONSTRAINT collection_step_once DO NOTHING RETURNING id`,
      [
        s.invoice.id,
        s.invoice.client_id,
        s.invoice.country,
        s.invoice.currency,
        s.step,
        s.routineId,
        s.fellDueOn,
        s.plannedOn,
        s.takenOn,
        s.caughtUp,
        s.invoice.open_principal,
        s.payBy,
        s.kind,
        s.kind === 'LETTER' ? 'TO_SEND' : 'NOT_A_LETTER',
      ],
    );
    return row?.id ?? null;
  }
}
