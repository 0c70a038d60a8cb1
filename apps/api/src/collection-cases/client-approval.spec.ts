import Decimal from 'decimal.js';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { FollowUpService } from '../collection/follow-up.service';
import { CreditService } from '../credit/credit.service';

/**
 * The client's approvals its agreement asks for (issue 15 s.2 last sentence, s.5 first; seed 003)
 * against real PostgreSQL: a handoff waits for the client's approval (refused with its own code,
 * the question asked and shown to collection staff with since when), the client answers through
 * the integration API (its own invoice only), staff record an answer given by phone (audited), a
 * decline is recorded and shown, and a late-interest invoice waits for the approval too.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let ceci: { id: string; token: string };
let colin: { id: string; token: string };
let fia: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const HAND_OFF = `mutation($i: ID!) { handOffToCollection(invoiceId: $i) { id state approvalNeeded steps { step note details } } }`;
const ANSWER = `mutation($i: ID!, $k: ClientApprovalKind!, $a: Boolean!) { answerMyApproval(invoiceId: $i, kind: $k, approve: $a) { id invoiceId invoiceNumber kind state askedOn answeredAt answeredBy } }`;
const RECORD = `mutation($i: ID!, $k: ClientApprovalKind!, $a: Boolean!, $n: String!) { recordClientApproval(invoiceId: $i, kind: $k, approve: $a, note: $n) { id kind state askedOn answeredBy recordedBy { name } note version } }`;
const MINE = `query($s: ClientApprovalState) { myApprovals(state: $s) { id invoiceId invoiceNumber kind state askedOn answeredBy } }`;
const UPDATE_AGREEMENT = `mutation($id: ID!, $terms: AgreementTermsInput!, $v: Int!) { updateClientAgreement(id: $id, terms: $terms, expectedVersion: $v, reason: "Seed 003: the client approves first") { id } }`;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  const staff = async (roles: Role[], name: string) => {
    const s = await newStaff(t.db, { roles, name });
    return { id: s.id, token: await t.signIn(s.email, s.password) };
  };
  ceci = await staff([Role.COLLECTION], 'Ceci Collection');
  colin = await staff([Role.COLLECTION], 'Colin Collection');
  fia = await staff([Role.FINANCE], 'Fia Finance');
}, 60_000);
afterAll(() => t?.close());

/** A client whose agreement (a new version) asks for the given approvals. */
async function clientAsking(terms: { lateInterestInvoiceNeedsClientApproval?: boolean; collectionHandoffNeedsClientApproval?: boolean }) {
  const client = await f.clientWithKey('NO');
  const updated = await t.gql(
    UPDATE_AGREEMENT,
    { id: client.clientId, v: 1, terms: { feePercent: '2', recourseModes: ['WITH_RECOURSE'], creditLimit: '500000', spotCheckIntensity: 'HIGH', deliveryChannel: 'EMAIL', ...terms } },
    admin.token,
  );
  if (!updated.data) throw new Error(JSON.stringify(updated.errors));
  return client;
}

/** A bought Norwegian invoice of the client, `daysPastDue` past its due date. */
async function overdueOf(client: { key: string; clientId: string }, daysPastDue = 60) {
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(
    `UPDATE invoice SET invoice_date = current_date - $2::int - 30, delivery_date = current_date - $2::int - 30, due_date = current_date - $2::int, recourse_mode = 'WITHOUT_RECOURSE' WHERE id = $1`,
    [invoice.id, daysPastDue],
  );
  const [row] = await t.db.query(`SELECT invoice_number FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, invoiceNumber: row.invoice_number as string };
}

const approvalsOf = (invoiceId: string) => t.db.query(`SELECT kind, state, answered_by_type FROM client_approval WHERE invoice_id = $1 ORDER BY kind`, [invoiceId]);
const eventsOf = (invoiceId: string, topic: string) => t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1 AND topic = $2 ORDER BY id`, [invoiceId, topic]);

describe('a collection handoff the agreement makes wait for the client', () => {
  it('is refused with CLIENT_APPROVAL_MISSING: the client is asked (event, its timeline) and collection sees since when; nothing else changes', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    const refused = errorOf(await t.gql(HAND_OFF, { i: invoice.id }, ceci.token));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_MISSING' });
    expect(refused!.message).toContain(invoice.invoiceNumber);
    expect(await t.db.query(`SELECT id FROM collection_case WHERE invoice_id = $1`, [invoice.id])).toEqual([]);
    // The question stands although the handoff was refused: asked once, told to the client.
    expect(await approvalsOf(invoice.id)).toEqual([{ kind: 'COLLECTION_HANDOFF', state: 'ASKED', answered_by_type: null }]);
    const [asked] = await eventsOf(invoice.id, 'invoice.approval_requested');
    expect(asked.payload).toMatchObject({ invoiceNumber: invoice.invoiceNumber, status: 'SOLD', step: 'APPROVAL_ASKED', approvalKind: 'COLLECTION_HANDOFF' });
    const [audit] = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE operation = 'handOffToCollection' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ outcome: 'FAILED', error_code: 'CLIENT_APPROVAL_MISSING' });
    // Asked again: still one question, one event.
    expect(errorOf(await t.gql(HAND_OFF, { i: invoice.id }, colin.token))).toMatchObject({ reason: 'CLIENT_APPROVAL_MISSING' });
    expect(await eventsOf(invoice.id, 'invoice.approval_requested')).toHaveLength(1);

    // Collection staff see it waiting, with since when, on the overdue queue and the invoice.
    const queue = await t.gql(`query { overdueInvoices(perPage: 200) { items { invoiceId clientApprovals { kind state askedOn answeredBy } } } }`, {}, ceci.token);
    expect(queue.errors).toBeUndefined();
    const row = queue.data!.overdueInvoices.items.find((i: { invoiceId: string }) => i.invoiceId === invoice.id);
    expect(row.clientApprovals).toEqual([{ kind: 'COLLECTION_HANDOFF', state: 'ASKED', askedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), answeredBy: null }]);
    const staffInvoice = await t.gql(`query($id: ID!) { invoice(id: $id) { clientApprovals { kind state askedAt } } }`, { id: invoice.id }, fia.token);
    expect(staffInvoice.data?.invoice.clientApprovals).toEqual([{ kind: 'COLLECTION_HANDOFF', state: 'ASKED', askedAt: expect.any(String) }]);

    // The client reads what waits for it.
    const mine = await t.gql(MINE, { s: 'ASKED' }, client.key);
    expect(mine.data!.myApprovals).toEqual([{ id: expect.any(String), invoiceId: invoice.id, invoiceNumber: invoice.invoiceNumber, kind: 'COLLECTION_HANDOFF', state: 'ASKED', askedOn: row.clientApprovals[0].askedOn, answeredBy: null }]);
  });

  it('goes ahead once the client approves through its program; the case records the approval', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    expect(errorOf(await t.gql(HAND_OFF, { i: invoice.id }, ceci.token))).toMatchObject({ reason: 'CLIENT_APPROVAL_MISSING' });
    const answered = await t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true }, client.key);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerMyApproval).toMatchObject({ invoiceId: invoice.id, kind: 'COLLECTION_HANDOFF', state: 'APPROVED', answeredBy: 'CLIENT', answeredAt: expect.any(String) });
    const [audit] = await t.db.query(`SELECT outcome, actor_email, target_id FROM audit_entry WHERE operation = 'answerMyApproval' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ outcome: 'SUCCEEDED', actor_email: `client:${client.clientId}`, target_id: answered.data!.answerMyApproval.id });
    const [event] = await eventsOf(invoice.id, 'invoice.approval_answered');
    expect(event.payload).toMatchObject({ step: 'APPROVAL_GIVEN', approvalKind: 'COLLECTION_HANDOFF' });

    const handed = await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
    expect(handed.errors).toBeUndefined();
    const c = handed.data!.handOffToCollection;
    expect(c).toMatchObject({ state: 'HANDED_OFF', approvalNeeded: true });
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual(['OPENED', 'CLIENT_APPROVED', 'HANDED_OFF']);
    expect(JSON.parse(c.steps[1].details)).toMatchObject({ answeredBy: 'CLIENT' });
    // An answer is final.
    expect(errorOf(await t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: false }, client.key))).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_ALREADY_ANSWERED' });
  });

  it('a decline is recorded, shown to collection and to the client, and refuses the handoff with CLIENT_APPROVAL_DECLINED', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
    expect((await t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: false }, client.key)).data!.answerMyApproval.state).toBe('DECLINED');
    const refused = errorOf(await t.gql(HAND_OFF, { i: invoice.id }, ceci.token));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_DECLINED' });
    expect(await t.db.query(`SELECT id FROM collection_case WHERE invoice_id = $1`, [invoice.id])).toEqual([]);
    const staffInvoice = await t.gql(`query($id: ID!) { invoice(id: $id) { clientApprovals { state answeredBy answeredAt } } }`, { id: invoice.id }, ceci.token);
    expect(staffInvoice.data!.invoice.clientApprovals).toEqual([{ state: 'DECLINED', answeredBy: 'CLIENT', answeredAt: expect.any(String) }]);
    const mine = await t.gql(`query($i: ID!) { myInvoice(invoiceId: $i) { approvals { kind state } timeline { step } } }`, { i: invoice.id }, client.key);
    expect(mine.data!.myInvoice.approvals).toEqual([{ kind: 'COLLECTION_HANDOFF', state: 'DECLINED' }]);
    expect(mine.data!.myInvoice.timeline.map((s: { step: string }) => s.step)).toEqual(expect.arrayContaining(['APPROVAL_ASKED', 'APPROVAL_DECLINED']));
    // Staff cannot overturn it by phone either.
    expect(errorOf(await t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone' }, colin.token))).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_ALREADY_ANSWERED' });
  });

  it('collection records an approval given by phone, with how (audited); an empty note is refused naming the field', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    const empty = errorOf(await t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: '  ' }, ceci.token));
    expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CLIENT_APPROVAL_NOTE_EMPTY', field: 'note' });
    expect(await approvalsOf(invoice.id)).toEqual([]);
    const [refusedAudit] = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE operation = 'recordClientApproval' ORDER BY id DESC LIMIT 1`);
    expect(refusedAudit).toEqual({ outcome: 'FAILED', error_code: 'CLIENT_APPROVAL_NOTE_EMPTY' });

    const recorded = await t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone with the CFO, 10:12' }, ceci.token);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordClientApproval).toMatchObject({ kind: 'COLLECTION_HANDOFF', state: 'APPROVED', answeredBy: 'STAFF', recordedBy: { name: 'Ceci Collection' }, note: 'By phone with the CFO, 10:12' });
    const [audit] = await t.db.query(`SELECT outcome, actor_id FROM audit_entry WHERE operation = 'recordClientApproval' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ outcome: 'SUCCEEDED', actor_id: ceci.id });
    // The client hears of it, without the staff's name or note.
    const events = JSON.stringify(await t.db.query(`SELECT payload FROM outbox_event WHERE subject_id = $1`, [invoice.id]));
    expect(events).toContain('APPROVAL_GIVEN');
    expect(events).not.toMatch(/Ceci|CFO/);
    const handed = await t.gql(HAND_OFF, { i: invoice.id }, colin.token);
    expect(handed.data!.handOffToCollection.steps[1].step).toBe('CLIENT_APPROVED');
    expect(JSON.parse(handed.data!.handOffToCollection.steps[1].details)).toMatchObject({ answeredBy: 'STAFF' });
  });

  it('late interest the client has not approved is not claimed by the case (both terms agreed; the handoff approved by phone)', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true, lateInterestInvoiceNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    await t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone with the owner' }, ceci.token);
    const handed = await t.gql(`mutation($i: ID!) { handOffToCollection(invoiceId: $i) { interest principal claim } }`, { i: invoice.id }, colin.token);
    expect(handed.errors).toBeUndefined();
    expect(handed.data!.handOffToCollection).toMatchObject({ interest: '0.00' });
    expect(handed.data!.handOffToCollection.claim).toBe(handed.data!.handOffToCollection.principal);
  });

  it('no approval where the agreement asks for none: the handoff goes ahead and recording one is refused', async () => {
    const client = await f.clientWithKey('NO');
    const invoice = await overdueOf(client);
    expect(errorOf(await t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone' }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_NOT_NEEDED' });
    const handed = await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
    expect(handed.data!.handOffToCollection).toMatchObject({ approvalNeeded: false, steps: [{ step: 'OPENED' }, { step: 'CLIENT_APPROVAL_NOT_NEEDED' }, { step: 'HANDED_OFF' }] });
  });

  it('another client can neither see nor answer it: NOT_FOUND, and nothing changes', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const other = await f.clientWithKey('NO');
    const invoice = await overdueOf(client);
    await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
    expect(errorOf(await t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true }, other.key))).toMatchObject({ code: 'NOT_FOUND', reason: 'CLIENT_APPROVAL_NOT_FOUND' });
    expect((await t.gql(MINE, {}, other.key)).data!.myApprovals).toEqual([]);
    expect(await approvalsOf(invoice.id)).toEqual([{ kind: 'COLLECTION_HANDOFF', state: 'ASKED', answered_by_type: null }]);
  });

  it('the client and a member of staff answering at the same moment: one answer stands, the other is a CONFLICT', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
    const results = await Promise.all([
      t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: false }, client.key),
      t.gql(RECORD, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone' }, ceci.token),
    ]);
    expect(results.filter((r) => r.data).length).toBe(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_APPROVAL_ALREADY_ANSWERED' });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE subject_id = $1 AND topic = 'invoice.approval_answered'`, [invoice.id])).toEqual([{ n: 1 }]);
  });
});

describe('roles', () => {
  it('recordClientApproval is collection\'s only; answerMyApproval and myApprovals are the client key\'s only', async () => {
    const client = await clientAsking({ collectionHandoffNeedsClientApproval: true });
    const invoice = await overdueOf(client);
    const vars = { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true, n: 'By phone' };
    for (const token of [analyst.token, admin.token, fia.token, client.key]) {
      expect(errorOf(await t.gql(RECORD, vars, token))?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
    for (const token of [ceci.token, analyst.token, admin.token, fia.token]) {
      expect(errorOf(await t.gql(ANSWER, { i: invoice.id, k: 'COLLECTION_HANDOFF', a: true }, token))?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
      expect(errorOf(await t.gql(MINE, {}, token))?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
    expect(await approvalsOf(invoice.id)).toEqual([]);
  });
});

describe('a late-interest invoice the agreement makes wait for the client', () => {
  it('the follow-up states no late interest and asks once; once approved, the next letter states all of it from the due date', async () => {
    const followUp = t.app.get(FollowUpService);
    const client = await clientAsking({ lateInterestInvoiceNeedsClientApproval: true });
    const invoice = await overdueOf(client, 20);
    const today = (await t.db.query(`SELECT current_date::text AS d`))[0].d as string;
    const first = await t.db.transaction((tx) => followUp.followUp(tx, invoice.id, today));
    expect(first).toMatchObject({ action: 'ACTED' });
    const stated = async () => t.db.query(`SELECT step, interest_amount::text FROM collection_step WHERE invoice_id = $1 ORDER BY taken_on, created_at`, [invoice.id]);
    expect((await stated())[0].interest_amount).toBe('0.00');
    expect(await approvalsOf(invoice.id)).toEqual([{ kind: 'LATE_INTEREST_INVOICE', state: 'ASKED', answered_by_type: null }]);

    await t.gql(ANSWER, { i: invoice.id, k: 'LATE_INTEREST_INVOICE', a: true }, client.key);
    const later = (await t.db.query(`SELECT (current_date + 30)::text AS d`))[0].d as string;
    const second = await t.db.transaction((tx) => followUp.followUp(tx, invoice.id, later));
    expect(second).toMatchObject({ action: 'ACTED' });
    const steps = await stated();
    expect(steps).toHaveLength(2);
    // Fifty days of forsinkelsesrente on the principal, all stated on the letter after the approval.
    expect(new Decimal(steps[1].interest_amount).gt(0)).toBe(true);
    expect(await eventsOf(invoice.id, 'invoice.approval_requested')).toHaveLength(1);
  });
});
