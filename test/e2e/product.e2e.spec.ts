import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { baseEnv, dropDatabase, freshDatabase, gql, ROOT, runEntryPoint, Stack, startStack } from '../support/stack';

/**
 * The product as it runs: the built API and worker processes, started the way `npm start`
 * starts them, against a fresh database.
 */
describe('start-up refuses a broken set-up, saying what is wrong', () => {
  it('names an invalid setting', async () => {
    const result = await runEntryPoint('main.js', baseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:5432/x' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot start the API. Invalid configuration:');
    expect(result.stderr).toContain('PORT: must be a whole number between 0 and 65535');
    expect(result.stderr + result.stdout).not.toContain('s3cret');
  });

  it('names PostgreSQL and the address when it does not answer, without the password', async () => {
    const result = await runEntryPoint('main.js', baseEnv({ DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/factoring' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PostgreSQL did not answer at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/factoring: connect ECONNREFUSED/);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('names Redis and the address when it does not answer', async () => {
    const databaseUrl = await freshDatabase('factoring_e2e_redis');
    try {
      const result = await runEntryPoint('worker.js', baseEnv({ DATABASE_URL: databaseUrl, REDIS_URL: 'redis://127.0.0.1:1' }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Cannot start the workers. Redis did not answer at redis://127.0.0.1:1');
    } finally {
      await dropDatabase(databaseUrl);
    }
  });

  it('asks for the migrations when the schema is behind', async () => {
    const databaseUrl = await freshDatabase('factoring_e2e_empty');
    try {
      const result = await runEntryPoint('main.js', baseEnv({ DATABASE_URL: databaseUrl }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('has migrations not yet applied. Run: npm run migration:run');
    } finally {
      await dropDatabase(databaseUrl);
    }
  });
});

describe('the running product', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ console: false, name: 'e2e' });
  }, 120_000);
  afterAll(() => stack?.stop());

  it('is ready, with PostgreSQL, Redis and a worker', async () => {
    const health = await (await fetch(`${stack.apiUrl}/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.details.workers.status).toBe('up');
  });

  it('signs in the demo admin, who creates a colleague who can then sign in', async () => {
    const signIn = await gql(stack.apiUrl, 'mutation { signIn(email: "admin@demo.factoring.test", password: "factoring-demo") { token } }');
    const token = signIn.data.signIn.token;
    const created = await gql(
      stack.apiUrl,
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { email roles } }',
      { i: { email: 'new.colleague@demo.factoring.test', name: 'New Colleague', roles: ['FINANCE'], initialPassword: 'welcome to the team' } },
      token,
    );
    expect(created.data.createStaffMember).toEqual({ email: 'new.colleague@demo.factoring.test', roles: ['FINANCE'] });
    const colleague = await gql(stack.apiUrl, 'mutation { signIn(email: "new.colleague@demo.factoring.test", password: "welcome to the team") { staff { roles } } }');
    expect(colleague.data.signIn.staff.roles).toEqual(['FINANCE']);
  });

  it('loads the demo data idempotently: a second run adds nothing', async () => {
    const result = await runEntryPoint('seed/seed.main.js', stack.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Demo data loaded (0 new staff members, 0 new clients, 0 new debtors)');
  });

  it('writes structured JSON logs carrying the request id', async () => {
    await gql(stack.apiUrl, '{ me { id } }', undefined, undefined, { 'x-request-id': 'e2e-trace-42' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = readFileSync(stack.logFile('api'), 'utf8').split('\n').filter((line) => line.startsWith('{'));
    const entries = lines.map((line) => JSON.parse(line));
    const request = entries.find((entry) => entry.req?.id === 'e2e-trace-42' || entry.reqId === 'e2e-trace-42');
    expect(request).toBeDefined();
    expect(JSON.stringify(entries)).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
  });

  it('runs the demo accounting program through the real API with real keys; a second run creates nothing new', async () => {
    const env = { ...stack.env, API_URL: stack.apiUrl, DEMO_KEYS_FILE: `${ROOT}/test-output/e2e-demo-keys.json` };
    const first = await runEntryPoint('demo/demo-accounting-program.main.js', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo accounting program: 16 invoices submitted, 10 offers accepted/);
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      // The 10 accepted ones go on to the credit decision in the worker, so count them by what they were not.
      const [{ offered, denied, accepted }] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE status = 'OFFERED')::int AS offered,
                  count(*) FILTER (WHERE status = 'REFUSED')::int AS denied,
                  count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted FROM invoice`,
        )
      ).rows;
      expect({ offered, denied, accepted }).toEqual({ offered: 2, denied: 4, accepted: 10 });
      // The demo hands two invoices to collection, each overdue on the day it went (the API refuses one not yet due).
      const cases = (await db.query(`SELECT i.invoice_number, c.claim_as_of > i.due_date AS overdue FROM collection_case c JOIN invoice i ON i.id = c.invoice_id ORDER BY 1`)).rows;
      expect(cases).toEqual([{ invoice_number: 'DEMO-NO-1008', overdue: true }, { invoice_number: 'DEMO-NO-1009', overdue: true }]);
      const again = await runEntryPoint('demo/demo-accounting-program.main.js', env);
      expect(again.code).toBe(0);
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM invoice`)).rows;
      expect(n).toBe(16);
      const [{ keys }] = (await db.query(`SELECT count(*)::int AS keys FROM integration_key`)).rows;
      expect(keys).toBe(2);
    } finally {
      await db.end();
    }
  });

  it('decides accepted invoices in the worker: each leaves ACCEPTED with a recorded decision', async () => {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const deadline = Date.now() + 20_000;
      let waiting = 1;
      while (waiting > 0 && Date.now() < deadline) {
        waiting = (await db.query(`SELECT count(*)::int AS n FROM invoice WHERE status = 'ACCEPTED'`)).rows[0].n;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(waiting).toBe(0);
      const [{ decided }] = (await db.query(`SELECT count(DISTINCT invoice_id)::int AS decided FROM credit_decision`)).rows;
      expect(decided).toBe(10);
      // The private person above the person cap waits for an analyst: the manual-assessment queue has work.
      const [{ manual }] = (await db.query(`SELECT count(*)::int AS manual FROM credit_review WHERE kind = 'MANUAL_ASSESSMENT' AND state = 'OPEN'`)).rows;
      expect(manual).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('turns off introspection in production', async () => {
    const response = await gql(stack.apiUrl, '{ __schema { types { name } } }');
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports the workers down when the worker process dies', async () => {
    stack.processes.worker.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const response = await fetch(`${stack.apiUrl}/health`);
    expect(response.status).toBe(503);
    expect((await response.json()).details.workers.status).toBe('down');
  });
});
