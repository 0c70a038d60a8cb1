import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily follow-up of overdue invoices (issue 15 s.1-2, seeds 002, 003).
 *
 * - `collection_routine`: the days of the follow-up (first reminder, second step, collection,
 *   the least gap between two letters) and the grace in bank days for payments on their way,
 *   dated. A row with no client is the factor's default for the country; a client's own row
 *   (seed 003: "the client decides payment terms and routines") takes precedence from its
 *   valid_from. The days are checked against the law by libs/rules (validateCollectionRoutine:
 *   in Norway collection at least 14 days after the inkassovarsel, inkassoloven § 9). Append-only:
 *   a change is a new version.
 * - `collection_step`: one row per invoice and step (REMINDER, SECOND_REMINDER or
 *   COLLECTION_WARNING, COLLECTION), unique, so the follow-up run twice acts once. It keeps the
 *   day the step fell due by the routine, the day it was planned for, the day it was taken (the
 *   clock's today; a missed day is caught up once, dated today), the fee charged and the late
 *   interest the letter stated (per half-year segment, in `interest_segments`), and the letter's
 *   delivery state. COLLECTION marks the invoice ready for the handoff (a later step).
 * - The ledger roles for what the debtor owes besides the principal: fees and late interest are
 *   receivables (issue 15 s.2: "every fee and interest amount is a receivable in the ledger").
 */
const DEFAULT_SOURCE = {
  SE:
    "The factor's default collection routine (policy; libs/rules DEFAULT_COLLECTION_ROUTINES), used where the client's agreement names none (seed 003). " +
    'Sweden sets no waiting time between a reminder and an inkassokrav (lag 1981:739 and inkassolagen 1974:182 set none); grace of 3 bank days for payments on their way.',
  NO:
    "The factor's default collection routine (policy; libs/rules DEFAULT_COLLECTION_ROUTINES), used where the client's agreement names none (seed 003), " +
    'within inkassoloven (LOV-1988-05-13-26) § 9: collection at least 14 days after the inkassovarsel; grace of 3 bank days for payments on their way.',
};

const LEDGER_ROLES_BEFORE = `'PURCHASED_RECEIVABLES','CLIENT_PAYABLES','FEE_INCOME','OUTPUT_VAT','BANK','RECOURSE_RECEIVABLES','UNALLOCATED_PAYMENTS','REFUNDS_DUE','CREDIT_LOSSES','PAYOUTS_IN_TRANSIT'`;
const NEW_ROLES = `'COLLECTION_FEE_RECEIVABLES','LATE_INTEREST_RECEIVABLES','COLLECTION_FEE_INCOME','LATE_INTEREST_INCOME'`;

export class Reminders1764300016000 implements MigrationInterface {
  name = 'Reminders1764300016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collection_routine (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        -- NULL: the factor's default for the country.
        client_id uuid REFERENCES client(id),
        valid_from date NOT NULL,
        first_reminder_days integer NOT NULL CHECK (first_reminder_days BETWEEN 1 AND 365),
        second_step_days integer NOT NULL CHECK (second_step_days BETWEEN 1 AND 365),
        collection_days integer NOT NULL CHECK (collection_days BETWEEN 1 AND 365),
        min_days_between_steps integer NOT NULL CHECK (min_days_between_steps BETWEEN 1 AND 365),
        grace_bank_days integer NOT NULL CHECK (grace_bank_days BETWEEN 0 AND 10),
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        created_by uuid REFERENCES staff_member(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (first_reminder_days < second_step_days AND second_step_days < collection_days),
        -- Inkassoloven § 9: the inkassovarsel gives at least 14 days to pay before collection.
        CHECK (country <> 'NO' OR collection_days - second_step_days >= 14)
      )`);
    await q.query(`CREATE UNIQUE INDEX collection_routine_default_version ON collection_routine (country, valid_from) WHERE client_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX collection_routine_client_version ON collection_routine (client_id, country, valid_from) WHERE client_id IS NOT NULL`);
    await q.query(`CREATE TRIGGER collection_routine_append_only BEFORE UPDATE OR DELETE ON collection_routine FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`REVOKE UPDATE, DELETE ON collection_routine FROM factoring_app`);
    await q.query(
      `INSERT INTO collection_routine (country, client_id, valid_from, first_reminder_days, second_step_days, collection_days, min_days_between_steps, grace_bank_days, source)
       VALUES ('SE', NULL, '2024-01-01', 10, 24, 38, 10, 3, $1), ('NO', NULL, '2024-01-01', 14, 28, 42, 14, 3, $2)`,
      [DEFAULT_SOURCE.SE, DEFAULT_SOURCE.NO],
    );

    await q.query(`
      CREATE TABLE collection_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        client_id uuid NOT NULL REFERENCES client(id),
        country text NOT NULL CHECK (country IN ('SE','NO')),
        currency text NOT NULL,
        step text NOT NULL CHECK (step IN ('REMINDER','SECOND_REMINDER','COLLECTION_WARNING','COLLECTION')),
        routine_id uuid NOT NULL REFERENCES collection_routine(id),
        -- The day the routine set for it (from the due date), the day planned (held back by the gap after the last letter), the day taken.
        fell_due_on date NOT NULL,
        planned_on date NOT NULL,
        taken_on date NOT NULL,
        caught_up boolean NOT NULL,
        -- The principal still owed on the day, and the day the debtor is asked to pay by.
        principal numeric(18,2) NOT NULL CHECK (principal > 0),
        pay_by date NOT NULL CHECK (pay_by >= taken_on),
        -- LETTER: a reminder or inkassovarsel to the debtor; READY: collection, waiting for the handoff.
        kind text NOT NULL CHECK (kind IN ('LETTER','READY')),
        delivery_state text NOT NULL CHECK (delivery_state IN ('TO_SEND','SENT','NOT_A_LETTER')),
        sent_on date,
        fee_kind text,
        fee_amount numeric(18,2) CHECK (fee_amount > 0),
        fee_reason text,
        fee_entry_id bigint REFERENCES journal_entry(id),
        -- The late interest the letter states: accrued from the due date to taken_on, less what earlier letters booked.
        interest_to date,
        interest_amount numeric(18,2) CHECK (interest_amount >= 0),
        interest_segments jsonb,
        interest_entry_id bigint REFERENCES journal_entry(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collection_step_once UNIQUE (invoice_id, step),
        CHECK ((kind = 'READY') = (delivery_state = 'NOT_A_LETTER')),
        CHECK ((delivery_state = 'SENT') = (sent_on IS NOT NULL)),
        CHECK ((fee_kind IS NULL) = (fee_amount IS NULL)),
        CHECK (fee_entry_id IS NULL OR fee_amount IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX collection_step_invoice ON collection_step (invoice_id, taken_on)`);
    await q.query(`CREATE INDEX collection_step_taken ON collection_step (country, taken_on)`);
    await q.query(`REVOKE DELETE ON collection_step FROM factoring_app`);

    // What is still owed on an invoice is read from its postings (the receivables reconcile to the open items).
    await q.query(`CREATE INDEX journal_posting_invoice ON journal_posting (invoice_id, account, entry_date) WHERE invoice_id IS NOT NULL`);

    // Fees and late interest owed by the debtor, and what they earn (BAS kontoplan: 1500-group receivables, 3590 other income, 8313 interest income).
    await q.query(`ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_role_check`);
    await q.query(`ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_role_check CHECK (role IN (${LEDGER_ROLES_BEFORE}, ${NEW_ROLES}))`);
    const accounts: Array<[string, string, string, string, string, string]> = [
      ['1516', 'COLLECTION_FEE_RECEIVABLES', 'ASSET', 'Reminder and collection fees receivable from debtors', 'Fordringar påminnelse- och inkassoavgifter', 'Fordringer purre- og inkassogebyrer'],
      ['1517', 'LATE_INTEREST_RECEIVABLES', 'ASSET', 'Late interest receivable from debtors', 'Fordringar dröjsmålsränta', 'Fordringer forsinkelsesrente'],
      ['3591', 'COLLECTION_FEE_INCOME', 'INCOME', 'Reminder and collection fees', 'Påminnelse- och inkassoavgifter', 'Purre- og inkassogebyrer'],
      ['8313', 'LATE_INTEREST_INCOME', 'INCOME', 'Late interest on receivables', 'Ränteintäkter från kortfristiga fordringar (dröjsmålsränta)', 'Forsinkelsesrente på fordringer'],
    ];
    for (const book of ['SE', 'NO']) {
      for (const [number, role, kind, en, sv, nb] of accounts) {
        await q.query(
          `INSERT INTO ledger_account (book, number, role, kind, name_en, name_sv, name_nb, valid_from, source) VALUES ($1,$2,$3,$4,$5,$6,$7,'2024-01-01',$8)`,
          [book, number, role, kind, en, sv, nb, "BAS kontoplan 2024 (bas.se): 1510-group receivables, 3590 other income, 8313 interest income on short-term receivables; numbered for the factor's collection"],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX journal_posting_invoice`);
    await q.query(`DROP TABLE collection_step`);
    await q.query(`DROP TABLE collection_routine`);
  }
}
