import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The factor's own books (issue 12, s.1): one book per country (a Swedish company's in SEK, a
 * Norwegian's in NOK: an invoice is sold only in its country's currency, so no entry mixes
 * currencies), each with its chart of accounts and bank accounts as dated data.
 *
 * The database, not the application, keeps the books honest:
 * - an entry balances (a deferred constraint trigger sums its postings at commit);
 * - postings belong to an entry made in the same transaction, in the book's currency;
 * - nothing posted is updated or deleted (corrections are reversing entries), and the
 *   application's role has no UPDATE, DELETE or TRUNCATE on them;
 * - an entry is idempotent by its cause (cause type, id, event and attempt);
 * - a closed period takes no new entries.
 * Balances at any date come from monthly summaries kept by a trigger (striped by backend, so
 * the fee-income and bank accounts touched by every purchase are no single hot row) plus the
 * postings of the current month.
 */
export class Ledger1764200005000 implements MigrationInterface {
  name = 'Ledger1764200005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_book (
        code text PRIMARY KEY CHECK (code IN ('SE','NO')),
        country text NOT NULL UNIQUE,
        currency text NOT NULL CHECK (currency IN ('SEK','NOK')),
        name text NOT NULL,
        -- Where the period closes and which export the book's accountant reads.
        export_format text NOT NULL CHECK (export_format IN ('SIE4','SAF_T'))
      )`);
    await q.query(`INSERT INTO ledger_book (code, country, currency, name, export_format) VALUES
      ('SE', 'SE', 'SEK', 'Factoring AB (Sverige)', 'SIE4'),
      ('NO', 'NO', 'NOK', 'Factoring AS (Norge)', 'SAF_T')`);

    // The chart: BAS-style numbers an accountant recognises (BAS kontoplan, bas.se), each with its role for the code.
    await q.query(`
      CREATE TABLE ledger_account (
        book text NOT NULL REFERENCES ledger_book(code),
        number text NOT NULL CHECK (number ~ '^[0-9]{4}$'),
        role text CHECK (role IN ('PURCHASED_RECEIVABLES','CLIENT_PAYABLES','FEE_INCOME','OUTPUT_VAT','BANK','RECOURSE_RECEIVABLES',
                                  'UNALLOCATED_PAYMENTS','REFUNDS_DUE','CREDIT_LOSSES','PAYOUTS_IN_TRANSIT')),
        kind text NOT NULL CHECK (kind IN ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')),
        name_en text NOT NULL,
        name_sv text NOT NULL,
        name_nb text NOT NULL,
        valid_from date NOT NULL,
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        PRIMARY KEY (book, number, valid_from)
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_account_role ON ledger_account (book, role, valid_from) WHERE role IS NOT NULL`);
    await q.query(`CREATE TRIGGER ledger_account_append_only BEFORE UPDATE OR DELETE ON ledger_account FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    const accounts: Array<[string, string, string, string, string, string]> = [
      ['1511', 'PURCHASED_RECEIVABLES', 'ASSET', 'Purchased receivables', 'Köpta kundfordringar', 'Kjøpte kundefordringer'],
      ['1560', 'RECOURSE_RECEIVABLES', 'ASSET', 'Recourse receivables from clients', 'Regressfordringar på klienter', 'Regressfordringer på klienter'],
      ['1930', 'BANK', 'ASSET', 'Bank account', 'Företagskonto', 'Bankinnskudd'],
      ['2421', 'CLIENT_PAYABLES', 'LIABILITY', 'Payables to clients (settlement)', 'Skulder till klienter (avräkning)', 'Gjeld til klienter (avregning)'],
      // Sent to the bank, not yet seen leaving the account (the statement settles it, issue 14).
      ['2425', 'PAYOUTS_IN_TRANSIT', 'LIABILITY', 'Payouts sent, not yet debited', 'Utbetalningar under överföring', 'Utbetalinger under overføring'],
      ['2611', 'OUTPUT_VAT', 'LIABILITY', 'Output VAT on fees, 25 %', 'Utgående moms på avgifter 25 %', 'Utgående merverdiavgift på gebyrer 25 %'],
      ['2893', 'UNALLOCATED_PAYMENTS', 'LIABILITY', 'Unallocated incoming payments', 'Ej fördelade inbetalningar', 'Ikke fordelte innbetalinger'],
      ['2894', 'REFUNDS_DUE', 'LIABILITY', 'Refunds due to payers', 'Återbetalningar till betalare', 'Tilbakebetalinger til betalere'],
      ['3011', 'FEE_INCOME', 'INCOME', 'Factoring fees', 'Factoringavgifter', 'Factoringgebyrer'],
      ['6351', 'CREDIT_LOSSES', 'EXPENSE', 'Confirmed credit losses on receivables', 'Konstaterade förluster på kundfordringar', 'Konstaterte tap på kundefordringer'],
    ];
    for (const book of ['SE', 'NO']) {
      for (const [number, role, kind, en, sv, nb] of accounts) {
        await q.query(
          `INSERT INTO ledger_account (book, number, role, kind, name_en, name_sv, name_nb, valid_from, source) VALUES ($1,$2,$3,$4,$5,$6,$7,'2024-01-01',$8)`,
          [book, number, role, kind, en, sv, nb, 'BAS kontoplan 2024 (bas.se), numbered for a factoring company; approved by the factor\'s accountant'],
        );
      }
    }

    // The factor's accounts that debtors pay to and payouts leave from: dated data of the book, not settings.
    await q.query(`
      CREATE TABLE ledger_bank_account (
        book text NOT NULL REFERENCES ledger_book(code),
        valid_from date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BANKGIRO','BANK_ACCOUNT','IBAN')),
        number text NOT NULL,
        bic text,
        -- The payment agreement with the bank: who initiates payment files (pain.001 InitgPty), as the bank knows us.
        bank_agreement_id text NOT NULL,
        ledger_number text NOT NULL,
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        PRIMARY KEY (book, valid_from)
      )`);
    await q.query(`CREATE TRIGGER ledger_bank_account_append_only BEFORE UPDATE OR DELETE ON ledger_bank_account FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`INSERT INTO ledger_bank_account (book, valid_from, kind, number, bic, bank_agreement_id, ledger_number, source) VALUES
      ('SE', '2024-01-01', 'BANKGIRO', '5050-1055', 'NDEASESS', 'FACTORSE01', '1930', 'The factor''s bankgiro agreement with its bank'),
      ('NO', '2024-01-01', 'BANK_ACCOUNT', '1503.12.34562', 'NDEANOKK', 'FACTORNO01', '1930', 'The factor''s account agreement with its bank')`);

    await q.query(`
      CREATE TABLE ledger_period (
        book text NOT NULL REFERENCES ledger_book(code),
        period_start date NOT NULL CHECK (extract(day FROM period_start) = 1),
        exported_at timestamptz,
        closed_at timestamptz,
        closed_by uuid REFERENCES staff_member(id),
        PRIMARY KEY (book, period_start)
      )`);

    await q.query(`
      CREATE TABLE journal_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        book text NOT NULL REFERENCES ledger_book(code),
        entry_date date NOT NULL,
        -- What caused it, and which event and attempt: the same one posted twice is one entry.
        cause_type text NOT NULL,
        cause_id uuid NOT NULL,
        event text NOT NULL,
        attempt text NOT NULL DEFAULT '1',
        description text NOT NULL,
        reverses bigint REFERENCES journal_entry(id),
        posted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT journal_entry_once_per_cause UNIQUE (book, cause_type, cause_id, event, attempt)
      )`);
    await q.query(`CREATE INDEX journal_entry_cause ON journal_entry (cause_type, cause_id)`);
    await q.query(`CREATE INDEX journal_entry_date ON journal_entry (book, entry_date)`);
    await q.query(`
      CREATE TABLE journal_posting (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id bigint NOT NULL REFERENCES journal_entry(id),
        book text NOT NULL,
        entry_date date NOT NULL,
        account text NOT NULL,
        -- A debit is positive, a credit negative; an entry's postings sum to zero.
        amount numeric(18,2) NOT NULL CHECK (amount <> 0),
        client_id uuid REFERENCES client(id),
        invoice_id uuid REFERENCES invoice(id)
      )`);
    await q.query(`CREATE INDEX journal_posting_entry ON journal_posting (entry_id)`);
    await q.query(`CREATE INDEX journal_posting_account_date ON journal_posting (book, account, entry_date)`);
    await q.query(`CREATE INDEX journal_posting_client ON journal_posting (client_id, account, entry_date) WHERE client_id IS NOT NULL`);

    for (const table of ['journal_entry', 'journal_posting']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }

    // A closed period takes nothing new; corrections go into the open one.
    await q.query(`
      CREATE FUNCTION refuse_entry_in_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM ledger_period WHERE book = NEW.book AND period_start = date_trunc('month', NEW.entry_date)::date AND closed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'the period of % is closed in book %: post the correction in the open period', NEW.entry_date, NEW.book
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_period_open';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER journal_entry_period_open BEFORE INSERT ON journal_entry FOR EACH ROW EXECUTE FUNCTION refuse_entry_in_closed_period()`);

    // A posting joins only an entry of its own transaction, in its book, on an account of the book's chart.
    await q.query(`
      CREATE FUNCTION check_journal_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE e journal_entry%ROWTYPE; made_here boolean;
      BEGIN
        SELECT * INTO e FROM journal_entry WHERE id = NEW.entry_id;
        SELECT xmin = xid(pg_current_xact_id()) INTO made_here FROM journal_entry WHERE id = NEW.entry_id;
        IF NOT made_here THEN
          RAISE EXCEPTION 'entry % is posted: add a new entry instead', NEW.entry_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.book <> e.book OR NEW.entry_date <> e.entry_date THEN
          RAISE EXCEPTION 'a posting has its entry''s book and date' USING ERRCODE = 'check_violation';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM ledger_account WHERE book = NEW.book AND number = NEW.account AND valid_from <= NEW.entry_date) THEN
          RAISE EXCEPTION 'account % is not in book %''s chart on %', NEW.account, NEW.book, NEW.entry_date USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER journal_posting_checked BEFORE INSERT ON journal_posting FOR EACH ROW EXECUTE FUNCTION check_journal_posting()`);

    // Balanced at commit: checked once per entry, after all its postings are in.
    await q.query(`
      CREATE FUNCTION check_journal_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total numeric; lines integer;
      BEGIN
        SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM journal_posting WHERE entry_id = NEW.id;
        IF lines < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'journal entry % does not balance: % postings summing to %', NEW.id, lines, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'journal_entry_balances';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_entry
                   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_journal_entry_balances()`);

    // Monthly summaries per account (and per client), kept by the database itself.
    await q.query(`
      CREATE TABLE ledger_month_balance (
        book text NOT NULL,
        account text NOT NULL,
        month date NOT NULL,
        client_key uuid NOT NULL,
        stripe smallint NOT NULL,
        debit numeric(20,2) NOT NULL DEFAULT 0,
        credit numeric(20,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (book, account, month, client_key, stripe)
      )`);
    // SECURITY DEFINER: the application's role may read the summaries but never write them.
    await q.query(`
      CREATE FUNCTION add_to_month_balance() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO ledger_month_balance (book, account, month, client_key, stripe, debit, credit)
        VALUES (NEW.book, NEW.account, date_trunc('month', NEW.entry_date)::date, coalesce(NEW.client_id, '00000000-0000-0000-0000-000000000000'),
                pg_backend_pid() % 16, greatest(NEW.amount, 0), greatest(-NEW.amount, 0))
        ON CONFLICT (book, account, month, client_key, stripe)
        DO UPDATE SET debit = ledger_month_balance.debit + EXCLUDED.debit, credit = ledger_month_balance.credit + EXCLUDED.credit;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER journal_posting_month_balance AFTER INSERT ON journal_posting FOR EACH ROW EXECUTE FUNCTION add_to_month_balance()`);

    // The application's role (issue 10, s.4), where it exists: it posts entries, never changes them or the summaries.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON journal_entry, journal_posting, ledger_account, ledger_bank_account FROM factoring_app;
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ledger_month_balance FROM factoring_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_month_balance`);
    await q.query(`DROP FUNCTION add_to_month_balance() CASCADE`);
    await q.query(`DROP TABLE journal_posting`);
    await q.query(`DROP TABLE journal_entry`);
    await q.query(`DROP FUNCTION check_journal_entry_balances()`);
    await q.query(`DROP FUNCTION check_journal_posting()`);
    await q.query(`DROP FUNCTION refuse_entry_in_closed_period()`);
    await q.query(`DROP TABLE ledger_period`);
    await q.query(`DROP TABLE ledger_bank_account`);
    await q.query(`DROP TABLE ledger_account`);
    await q.query(`DROP TABLE ledger_book`);
  }
}
