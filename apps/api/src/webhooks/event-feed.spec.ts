import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

/** The polling feed loses nothing when writers commit out of order (issue 9 d). */
let t: TestApp;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));
const FEED = `query($after: String) { myEvents(after: $after, limit: 500) { cursor events { id topic subjectId } } }`;

beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
});
afterAll(() => t?.close());

const event = (clientId: string, topic: string) =>
  `INSERT INTO outbox_event (client_id, topic, subject_type, subject_id, payload) VALUES ('${clientId}', '${topic}', 'CLIENT', '${clientId}', '{}') RETURNING event_id`;

it('delivers an event whose transaction took a lower number and committed after a higher one was read', async () => {
  const client = await f.clientWithKey('SE');
  const start = (await t.gql(FEED, {}, client.key)).data!.myEvents.cursor;

  const slow = t.db.createQueryRunner();
  await slow.connect();
  await slow.startTransaction();
  try {
    await slow.query(event(client.clientId, 'test.slow')); // takes the lower id, commits last
    await t.db.query(event(client.clientId, 'test.fast'));
    const first = (await t.gql(FEED, { after: start }, client.key)).data!.myEvents;
    expect(first.events.map((e: { topic: string }) => e.topic)).toEqual(['test.fast']);
    await slow.commitTransaction();
    const second = (await t.gql(FEED, { after: first.cursor }, client.key)).data!.myEvents;
    expect(second.events.map((e: { topic: string }) => e.topic)).toEqual(['test.slow']);
  } finally {
    await slow.release();
  }
});

it('reads from the start when after is null, and refuses a cursor it never gave', async () => {
  const client = await f.clientWithKey('NO');
  await t.db.query(event(client.clientId, 'test.first'));
  const all = (await t.gql(FEED, { after: null }, client.key)).data!.myEvents.events;
  expect(all.map((e: { topic: string }) => e.topic)).toEqual(['test.first']);
  expect(errorOf(await t.gql(FEED, { after: 'x' }, client.key))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

it('refuses a webhook address with a user name and password, and keeps the password out of the audit trail', async () => {
  const client = await f.clientWithKey('SE');
  const REGISTER = `mutation($url: String!) { registerWebhook(url: $url) { url } }`;
  const response = await t.gql(REGISTER, { url: 'https://user:s3cret-pw@hooks.example.com/in' }, client.key);
  expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_URL_HAS_CREDENTIALS', field: 'url' });
  const rows = await t.db.query(`SELECT input_summary::text AS input FROM audit_entry WHERE operation = 'registerWebhook' AND actor_email = $1`, [`client:${client.clientId}`]);
  expect(rows).toHaveLength(1);
  expect(rows[0].input).not.toContain('s3cret-pw');
});
