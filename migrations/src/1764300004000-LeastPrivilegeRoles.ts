import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege in the database (issue 10, s.4). Migrations run as the owner role
 * (`factoring_owner` on a development machine; the provider's admin user on a managed
 * PostgreSQL, see the README), which owns every table, sequence and function. The API and the
 * workers connect as `factoring_app`, which owns nothing, so it can never ALTER a table,
 * DISABLE or DROP a trigger, or TRUNCATE; it has only the rights the application uses:
 *
 * - SELECT on every table, USAGE on the sequences (payment references; identities);
 * - INSERT and UPDATE on the tables whose rows change (UPDATE also lets it lock rows with
 *   SELECT ... FOR UPDATE / FOR SHARE and upsert with ON CONFLICT DO UPDATE);
 * - INSERT only on the append-only tables: the audit trail, the timeline, agreements, rule
 *   settings, credit decisions, bank files, payout-account confirmations, the journal and
 *   verified debtor contacts;
 * - nothing but SELECT on the tables only a migration fills (the transition tables, books,
 *   charts of accounts) and on the monthly ledger summaries, kept by a SECURITY DEFINER trigger;
 * - DELETE on none of these: nothing in the application deletes rows.
 *
 * Roles are cluster-wide, so `factoring_app` exists before this runs (`npm start` and the
 * tests create it; on a managed PostgreSQL the README's steps do). Grants here only add, apart
 * from what must never be granted: a migration that ran before this one (an earlier timestamp
 * added later) keeps the rights it gave.
 *
 * LATER MIGRATIONS: the owner's default privileges below give every table they create SELECT,
 * INSERT, UPDATE and DELETE for `factoring_app` (and USAGE on its sequences), TRUNCATE never.
 * A migration that makes an append-only table (a history, a log, anything its triggers keep
 * immutable) must restrict it itself, in the same migration:
 *   REVOKE UPDATE, DELETE ON <table> FROM factoring_app;
 * and a table only migrations fill: REVOKE INSERT, UPDATE, DELETE ON <table> FROM factoring_app.
 * A table of the application that is never deleted from may drop DELETE the same way.
 * `apps/api/src/database/least-privilege.spec.ts` lists the append-only tables it checks.
 */
export class LeastPrivilegeRoles1764300004000 implements MigrationInterface {
  name = 'LeastPrivilegeRoles1764300004000';

  static readonly MUTABLE = [
    'staff_member',
    'staff_session',
    'client',
    'client_application',
    'client_debtor',
    'debtor',
    'integration_key',
    'invoice',
    'outbox_event',
    'webhook_endpoint',
    'webhook_delivery',
    'job_outbox',
    'credit_review',
    'payout_batch',
    'payout_line',
  ];
  /** Written once, never changed by the application (no trigger needed: it has no UPDATE). */
  static readonly INSERT_ONLY = ['invoice_line', 'credit_note'];
  /** Append-only by their triggers as well: never UPDATE, DELETE or TRUNCATE for the application. */
  static readonly APPEND_ONLY = [
    'audit_entry',
    'timeline_event',
    'client_agreement',
    'rule_setting',
    'credit_decision',
    'bank_file',
    'payout_account_confirmation',
    'journal_entry',
    'journal_posting',
    'debtor_verified_contact',
  ];
  /** Filled by migrations (or, for the summaries, by the owner's trigger): read only. */
  static readonly READ_ONLY = [
    'invoice_status_transition',
    'client_state_transition',
    'payout_batch_transition',
    'ledger_book',
    'ledger_account',
    'ledger_month_balance',
    'migrations',
  ];
  /** Append-only dated data a later feature may let the application add to; read only for now. */
  static readonly APPEND_ONLY_NOT_WRITTEN = ['ledger_bank_account'];
  /** Read only here; 1764300007000-LedgerPeriodClosing lets the application record a close (never undo one). */
  static readonly NOT_WRITTEN_YET = ['ledger_period'];

  async up(q: QueryRunner): Promise<void> {
    const self = LeastPrivilegeRoles1764300004000;
    const list = (tables: string[]) => tables.join(', ');
    const known = [...self.MUTABLE, ...self.INSERT_ONLY, ...self.APPEND_ONLY, ...self.READ_ONLY, ...self.APPEND_ONLY_NOT_WRITTEN, ...self.NOT_WRITTEN_YET];

    // The application's role: made by whoever prepared the server, or here when this runs with the right to.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'role factoring_app does not exist: create it before migrating (README: "The database roles")';
          END IF;
          BEGIN
            CREATE ROLE factoring_app LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app' AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls)) THEN
          RAISE EXCEPTION 'role factoring_app must not be a superuser nor create roles or databases nor bypass row security';
        END IF;
        IF pg_has_role('factoring_app', current_user, 'MEMBER') THEN
          RAISE EXCEPTION 'role factoring_app must not be a member of %, the owner of the schema', current_user;
        END IF;
      END $$`);

    // Nobody else creates objects in the schema (PostgreSQL 15 no longer lets PUBLIC; older versions did).
    await q.query(`
      DO $$ BEGIN
        IF pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER') THEN
          REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO factoring_app`);

    await q.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO factoring_app`);
    await q.query(`GRANT INSERT, UPDATE ON ${list(self.MUTABLE)} TO factoring_app`);
    await q.query(`GRANT INSERT ON ${list([...self.INSERT_ONLY, ...self.APPEND_ONLY])} TO factoring_app`);
    // Tables of migrations this one does not know (earlier timestamps added later): what the default privileges give.
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL (ARRAY[${known.map((t) => `'${t}'`).join(', ')}]) LOOP
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO factoring_app', t);
        END LOOP;
      END $$`);

    // What the application must never have, whatever was granted before.
    await q.query(`REVOKE UPDATE, DELETE ON ${list([...self.APPEND_ONLY, ...self.APPEND_ONLY_NOT_WRITTEN])} FROM factoring_app`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON ${list(self.READ_ONLY)} FROM factoring_app`);
    await q.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM factoring_app`);

    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO factoring_app`);

    // Tables and sequences later migrations make (as the role running this one, the owner): the rights an ordinary table needs.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO factoring_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO factoring_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON SEQUENCES FROM factoring_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM factoring_app`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM factoring_app`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM factoring_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM factoring_app`);
  }
}
