import { createHash } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { analystAndAdmin } from '../../test-support/clients';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { QUEUES } from './queues.module';

/**
 * Bull Board for admins (issue 9 g), over HTTP against the real app: the console's bearer
 * token cannot ride on a link, so an admin asks for a one-time link (openQueueBoard), and
 * visiting it swaps the link for a short cookie session on /admin/queues, checked on every
 * request of the board, read-only.
 */
const OPEN = `mutation { openQueueBoard { url expiresAt } }`;
const BOARD = '/admin/queues';

let t: TestApp;
let people: Awaited<ReturnType<typeof analystAndAdmin>>;

beforeAll(async () => {
  t = await startTestApp();
  people = await analystAndAdmin(t);
});

afterAll(() => t?.close());

/** An admin of their own (tests below deactivate or demote them). */
async function newAdmin() {
  const admin = await newStaff(t.db, { roles: [Role.ADMIN] });
  return { ...admin, token: await t.signIn(admin.email, admin.password) };
}

async function openLink(token: string): Promise<{ url: string; expiresAt: string }> {
  const response = await t.gql(OPEN, undefined, token);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.openQueueBoard;
}

function visit(path: string, cookie?: string, method = 'GET') {
  return fetch(`${t.url}${path}`, { method, redirect: 'manual', headers: cookie ? { cookie } : {} });
}

/** Follows the link; the cookie the board set, as a Cookie header. */
async function enter(url: string): Promise<string> {
  const response = await visit(url);
  expect(response.status).toBe(303);
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error('no cookie set');
  return setCookie.split(';')[0];
}

async function boardFor(admin: { token: string }): Promise<string> {
  return enter((await openLink(admin.token)).url);
}

const tokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('token')!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('openQueueBoard', () => {
  it('is refused to anyone but an admin', async () => {
    const response = await t.gql(OPEN, undefined, people.analyst.token);
    expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  });

  it('gives an admin a one-time link to the board, valid for about a minute, and audits it without the token', async () => {
    const before = Date.now();
    const { url, expiresAt } = await openLink(people.admin.token);
    expect(url).toMatch(/^\/admin\/queues\/enter\?token=[\w-]{43}$/);
    const lifetime = Date.parse(expiresAt) - before;
    expect(lifetime).toBeGreaterThan(30_000);
    expect(lifetime).toBeLessThanOrEqual(65_000);

    const [entry] = await t.db.query(
      `SELECT outcome, actor_id, input_summary::text AS input FROM audit_entry WHERE operation = 'openQueueBoard' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [people.admin.id],
    );
    expect(entry).toMatchObject({ outcome: 'SUCCEEDED', actor_id: people.admin.id });
    expect(entry.input ?? '').not.toContain(tokenOf(url));
    // Only the token's hash is kept.
    const stored = await t.db.query(`SELECT 1 FROM queue_board_session WHERE link_token_hash = $1`, [sha256(tokenOf(url))]);
    expect(stored).toHaveLength(1);
    const plain = await t.db.query(`SELECT 1 FROM queue_board_session WHERE link_token_hash = $1`, [tokenOf(url)]);
    expect(plain).toHaveLength(0);
  });
});

describe('entering the board', () => {
  it('swaps the link for an HttpOnly, SameSite=Strict cookie on the board path, and sends the admin to the board', async () => {
    const { url } = await openLink(people.admin.token);
    const response = await visit(url);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${BOARD}/`);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/admin\/queues(;|$)/i);
    expect(cookie).toMatch(/Max-Age=900/i);
    // Not production: the API is reached over plain http here.
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('works once, not twice', async () => {
    const { url } = await openLink(people.admin.token);
    await enter(url);
    const again = await visit(url);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toMatch(/console/i);
  });

  it('does not work once expired', async () => {
    const { url } = await openLink(people.admin.token);
    await t.db.query(`UPDATE queue_board_session SET link_expires_at = now() - interval '1 second' WHERE link_token_hash = $1`, [sha256(tokenOf(url))]);
    const late = await visit(url);
    expect(late.status).toBe(401);
    expect(late.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a made-up or missing token', async () => {
    expect((await visit(`${BOARD}/enter?token=${'a'.repeat(43)}`)).status).toBe(401);
    expect((await visit(`${BOARD}/enter`)).status).toBe(401);
  });
});

describe('the board', () => {
  it('answers its page and its API to the cookie, with the same BullMQ queues under the run prefix', async () => {
    const cookie = await boardFor(people.admin);
    const page = await visit(`${BOARD}/`, cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('__UI_CONFIG__');

    // A job put on the app's own credit queue (delayed: no worker of a neighbouring test takes it) shows on the board.
    const credit = t.app.get<Queue>(getQueueToken(QUEUES.credit));
    const probe = await credit.add('board-probe', { probe: true }, { delay: 3600_000, jobId: `board-probe-${Date.now()}` });
    try {
      const api = await visit(`${BOARD}/api/queues?activeQueue=credit&status=delayed&page=1&jobsPerPage=100`, cookie);
      expect(api.status).toBe(200);
      const body = (await api.json()) as { queues: Array<{ name: string; readOnlyMode: boolean; jobs: Array<{ id: string }> }> };
      const names = body.queues.map((q) => q.name);
      expect(names).toEqual(expect.arrayContaining(Object.values(QUEUES)));
      const creditQueue = body.queues.find((q) => q.name === QUEUES.credit)!;
      expect(creditQueue.readOnlyMode).toBe(true);
      expect(creditQueue.jobs.map((job) => job.id)).toContain(probe.id);
    } finally {
      await probe.remove();
    }
  });

  it('is read-only: retry, clean and remove are refused', async () => {
    const cookie = await boardFor(people.admin);
    for (const path of ['/api/queues/credit/retry/failed', '/api/queues/credit/clean/failed', '/api/queues/credit/some-job/remove-unprocessed-children']) {
      const response = await visit(`${BOARD}${path}`, cookie, 'PUT');
      expect({ path, status: response.status }).toEqual({ path, status: 405 });
    }
  });

  it('answers 401 with a short page pointing to the console, without the cookie or with a wrong one', async () => {
    for (const cookie of [undefined, 'factoring_queue_board=not-a-session']) {
      for (const path of [`${BOARD}/`, `${BOARD}/api/queues`, `${BOARD}/queue/credit`]) {
        const response = await visit(path, cookie);
        expect({ path, cookie, status: response.status }).toEqual({ path, cookie, status: 401 });
        expect(await response.text()).toMatch(/open it from the console/i);
      }
    }
  });

  it('lets its own scripts and styles run (CSP relaxed on the board only)', async () => {
    const cookie = await boardFor(people.admin);
    const page = await visit(`${BOARD}/`, cookie);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    // Everywhere else, helmet's default stands.
    const graphql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(graphql.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
  });

  it("stops working when the admin is deactivated or loses the ADMIN role", async () => {
    const leaving = await newAdmin();
    const demoted = await newAdmin();
    const leavingCookie = await boardFor(leaving);
    const demotedCookie = await boardFor(demoted);
    expect((await visit(`${BOARD}/api/queues`, leavingCookie)).status).toBe(200);
    expect((await visit(`${BOARD}/api/queues`, demotedCookie)).status).toBe(200);

    const deactivated = await t.gql(
      `mutation($id: ID!) { deactivateStaffMember(id: $id, reason: "Left the company") { id active } }`,
      { id: leaving.id },
      people.admin.token,
    );
    expect(deactivated.errors).toBeUndefined();
    await t.db.query(`UPDATE staff_member SET roles = ARRAY['FINANCE'] WHERE id = $1`, [demoted.id]);

    expect((await visit(`${BOARD}/api/queues`, leavingCookie)).status).toBe(401);
    expect((await visit(`${BOARD}/api/queues`, demotedCookie)).status).toBe(401);
  });

  it('ends with the console session that asked for it', async () => {
    const admin = await newAdmin();
    const cookie = await boardFor(admin);
    expect((await visit(`${BOARD}/api/queues`, cookie)).status).toBe(200);
    expect((await t.gql(`mutation { signOut }`, undefined, admin.token)).errors).toBeUndefined();
    expect((await visit(`${BOARD}/api/queues`, cookie)).status).toBe(401);
  });

  it('stops working after its lifetime', async () => {
    const cookie = await boardFor(people.admin);
    const token = decodeURIComponent(cookie.split('=')[1]);
    await t.db.query(`UPDATE queue_board_session SET session_expires_at = now() - interval '1 second' WHERE session_token_hash = $1`, [sha256(token)]);
    expect((await visit(`${BOARD}/api/queues`, cookie)).status).toBe(401);
  });
});
