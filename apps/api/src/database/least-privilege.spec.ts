import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { Ledger } from '../ledger/ledger.service';
import { APP_ROLE, ensureRoles, OWNER_ROLE } from './migrate';

/**
 * Least privilege in the database (issue 10, s.4): the API and the workers connect as a role
 * that owns nothing and has only the rights they use, so the append-only guarantees hold even
 * against the application's own connection, not only while the application behaves.
 */
let t: TestApp;
let app: Client;
// Append-only by their triggers, and so by the application role's grants.
const APPEND_ONLY = [
  'audit_entry',
  'timeline_event',
  'client_agreement',
  'rule_setting',
  'credit_decision',
  'bank_file',
  'payout_account_confirmation',
  'journal_entry',
  'journal_posting',
  'ledger_account',
  'ledger_bank_account',
  'ledger_month_balance',
  'debtor_verified_contact',
  'invoice_status_transition',
  'client_state_transition',
  'payout_batch_transition',
  'client_logo',
  'collection_routine',
];
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  app = new Client({ connectionString: process.env.DATABASE_URL });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await t?.close();
});

/** A posted, balanced journal entry, written by the app's own Ledger through the app's own connection. */
async function postedEntry(): Promise<string> {
  const appDb = t.app.get(DataSource);
  const [{ id: causeId }] = await appDb.query(`SELECT gen_random_uuid() AS id`);
  const posted = await appDb.transaction((tx) =>
    t.app.get(Ledger).post(tx, {
      book: 'SE',
      date: today(),
      causeType: 'TEST',
      causeId,
      event: 'X',
      description: 'least privilege',
      lines: [{ role: 'BANK', amount: '3.00' }, { role: 'FEE_INCOME', amount: '-3.00' }],
    }),
  );
  return String(posted.id);
}

describe('the role the API and the workers connect as', () => {
  it(`is ${APP_ROLE}, the app under test included: no superuser, no CREATEROLE, no CREATEDB, not a member of the owner`, async () => {
    expect((await app.query(`SELECT current_user AS me`)).rows[0].me).toBe(APP_ROLE);
    expect((await t.app.get(DataSource).query(`SELECT current_user AS me`))[0].me).toBe(APP_ROLE);
    const [role] = (
      await app.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, pg_has_role(current_user, $1, 'MEMBER') AS owner_member
           FROM pg_roles WHERE rolname = current_user`,
        [OWNER_ROLE],
      )
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false, owner_member: false });
  });

  it('owns nothing in the database: the owner role owns the schema objects', async () => {
    const owned = await app.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL
       SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned.rows).toEqual([]);
    const [{ owner }] = (await app.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'audit_entry'`)).rows;
    expect(owner).toBe(OWNER_ROLE);
  });

  it('reads, and writes what the application writes', async () => {
    expect((await app.query(`SELECT count(*)::int AS n FROM invoice`)).rows[0].n).toBeGreaterThanOrEqual(0);
    await app.query(`INSERT INTO audit_entry (operation, operation_type, outcome) VALUES ('leastPrivilegeTest', 'job', 'SUCCEEDED')`);
    expect((await app.query(`SELECT nextval('payment_reference_se') > 0 AS ok`)).rows[0].ok).toBe(true);
  });

  it('posts journal entries (the monthly summaries are kept by the owner\'s trigger, never written by the app)', async () => {
    const id = await postedEntry();
    expect((await app.query(`SELECT count(*)::int AS n FROM journal_posting WHERE entry_id = $1`, [id])).rows[0].n).toBe(2);
    await expect(app.query(`UPDATE ledger_month_balance SET debit = 0`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`INSERT INTO ledger_month_balance (book, account, month, client_key, stripe) VALUES ('SE', '1930', '2020-01-01', gen_random_uuid(), 0)`)).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('what the application role is refused', () => {
  it('disabling or dropping a trigger, or altering a table', async () => {
    await expect(app.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE journal_posting DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TRIGGER timeline_event_append_only ON timeline_event`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`ALTER TABLE invoice ADD COLUMN sneaky text`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('skipping every trigger for its session', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  });

  it.each(['audit_entry', 'timeline_event', 'journal_entry', 'journal_posting', 'invoice', 'staff_member'])('TRUNCATE %s', async (table) => {
    await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
  });

  it('UPDATE or DELETE of an audit row', async () => {
    const [{ id }] = (await app.query(`INSERT INTO audit_entry (operation, operation_type, outcome) VALUES ('leastPrivilegeTest', 'job', 'SUCCEEDED') RETURNING id`)).rows;
    await expect(app.query(`UPDATE audit_entry SET outcome = 'FAILED' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_entry WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
  });

  it('UPDATE or DELETE of a timeline row', async () => {
    const [{ id }] = (
      await app.query(`INSERT INTO timeline_event (entity_type, entity_id, actor_type, to_state) VALUES ('TEST', gen_random_uuid(), 'SYSTEM', 'X') RETURNING id`)
    ).rows;
    await expect(app.query(`UPDATE timeline_event SET to_state = 'Y' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM timeline_event WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
  });

  it('UPDATE or DELETE of a posted journal entry or its lines', async () => {
    const id = await postedEntry();
    await expect(app.query(`UPDATE journal_entry SET description = 'rewritten' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE journal_posting SET amount = 4 WHERE entry_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM journal_posting WHERE entry_id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM journal_entry WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
  });

  it('by its grants, on every table: no TRUNCATE, REFERENCES or TRIGGER anywhere; no UPDATE or DELETE on the append-only ones', async () => {
    const { rows } = await app.query(
      `SELECT c.relname AS table, array_remove(ARRAY[
                CASE WHEN has_table_privilege(current_user, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                CASE WHEN has_table_privilege(current_user, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                CASE WHEN has_table_privilege(current_user, c.oid, 'TRIGGER') THEN 'TRIGGER' END,
                CASE WHEN c.relname = ANY($1) AND has_table_privilege(current_user, c.oid, 'UPDATE') THEN 'UPDATE' END,
                CASE WHEN c.relname = ANY($1) AND has_table_privilege(current_user, c.oid, 'DELETE') THEN 'DELETE' END], NULL) AS too_much
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY 1`,
      [APPEND_ONLY],
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => row.too_much.length)).toEqual([]);
  });
});

describe('the roles themselves', () => {
  it('are created idempotently, also by test runs that start at the same moment', async () => {
    const admin = process.env.TEST_FIXTURE_DATABASE_URL!;
    await expect(Promise.all([ensureRoles(admin), ensureRoles(admin), ensureRoles(admin), ensureRoles(admin)])).resolves.toBeDefined();
  });

  it('give tables of later migrations the application role\'s rights by default, TRUNCATE never', async () => {
    const owner = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      expect((await owner.query(`SELECT current_user AS me`)).rows[0].me).toBe(OWNER_ROLE);
      await owner.query(`CREATE TABLE later_migration_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)`);
      const [rights] = (
        await owner.query(
          `SELECT has_table_privilege($1, 'later_migration_table', 'SELECT, INSERT, UPDATE, DELETE') AS dml,
                  has_table_privilege($1, 'later_migration_table', 'TRUNCATE') AS truncate,
                  has_sequence_privilege($1, pg_get_serial_sequence('later_migration_table', 'id'), 'USAGE') AS sequence`,
          [APP_ROLE],
        )
      ).rows;
      expect(rights).toEqual({ dml: true, truncate: false, sequence: true });
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
  });
});
