import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from './credit.service';

const REVIEWS = `query($f: CreditReviewFilter) { creditReviews(filter: $f, perPage: 200) { total items { id invoiceId kind state overdue claimedBy { name } attempts reasons { code } } } }`;
const CLAIM = `mutation($id: ID!) { claimCreditReview(id: $id) { id claimedBy { name } } }`;
const APPROVE = `mutation($id: ID!, $note: String) { approveCreditReview(id: $id, note: $note) { state outcome } }`;
const DENY = `mutation($id: ID!, $note: String!, $reasons: [String!]) { denyCreditReview(id: $id, note: $note, reasons: $reasons) { state outcome } }`;
const ASK = `mutation($id: ID!, $note: String!) { askClientForInformation(id: $id, note: $note) { state } }`;
const RESUME = `mutation($id: ID!, $note: String!) { resumeCreditReview(id: $id, note: $note) { state dueAt } }`;
const SPOT = `mutation($id: ID!, $o: SpotCheckOutcome!, $deny: Boolean) { recordSpotCheckOutcome(id: $id, outcome: $o, deny: $deny) { state outcome attempts } }`;

let t: TestApp;
let credit: CreditService;
let analyst: { token: string; name: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

/** An invoice the rules sent to manual assessment: a private person above the person cap. */
async function manualItem() {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor(), [{ quantity: '1', unitPrice: '40000' }]);
  await f.setLimit(invoice.debtorId, '1000000');
  await t.db.query(`UPDATE debtor SET kind = 'PERSON' WHERE id = $1`, [invoice.debtorId]);
  expect(await credit.decide(invoice.id)).toBe('MANUAL_ASSESSMENT');
  const [{ id }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoice.id]);
  return { reviewId: id as string, ...invoice, client };
}

async function spotCheckItem() {
  const client = await f.clientWithKey('SE');
  const invoice = await f.accepted(client.key, 'SE', f.swedishDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('SPOT_CHECK');
  const [{ id }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoice.id]);
  return { reviewId: id as string, ...invoice };
}

const status = async (id: string) => (await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [id]))[0].status;

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  const staff = await analystAndAdmin(t);
  analyst = { ...staff.analyst, name: 'Anna Analyst' };
  admin = staff.admin;
  await f.noSpotChecksInNorway();
});
afterAll(() => t?.close());

describe('the manual-assessment queue', () => {
  it('shows the item with the rules\' reasons; one analyst at a time: the other gets CONFLICT naming the first', async () => {
    const item = await manualItem();
    const listed = (await t.gql(REVIEWS, { f: { kind: 'MANUAL_ASSESSMENT' } }, analyst.token)).data!.creditReviews.items;
    expect(listed.find((r: { id: string }) => r.id === item.reviewId).reasons.map((r: { code: string }) => r.code)).toContain('CREDIT_PERSON_AMOUNT_ABOVE_CAP');

    const other = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST], name: 'Bo Bengtsson' });
    const otherToken = await t.signIn(other.email, other.password);
    expect((await t.gql(CLAIM, { id: item.reviewId }, analyst.token)).data!.claimCreditReview.claimedBy.name).toBe('Anna Analyst');
    const stolen = await t.gql(CLAIM, { id: item.reviewId }, otherToken);
    expect(errorOf(stolen)).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_REVIEW_CLAIMED' });
    expect(stolen.errors![0].message).toContain('Anna Analyst');
    expect(errorOf(await t.gql(APPROVE, { id: item.reviewId }, otherToken))?.code).toBe('CONFLICT');
    const RELEASE = `mutation($id: ID!) { releaseCreditReview(id: $id) { claimedBy { name } } }`;
    expect(errorOf(await t.gql(RELEASE, { id: item.reviewId }, otherToken))?.code).toBe('CONFLICT');
    expect((await t.gql(RELEASE, { id: item.reviewId }, analyst.token)).data!.releaseCreditReview.claimedBy).toBeNull();
    await t.gql(CLAIM, { id: item.reviewId }, analyst.token);

    expect((await t.gql(APPROVE, { id: item.reviewId, note: 'Known customer' }, analyst.token)).data!.approveCreditReview).toEqual({ state: 'CLOSED', outcome: 'APPROVED' });
    expect(await status(item.id)).toBe('PURCHASED');
    expect((await t.db.query(`SELECT exposure::text FROM debtor WHERE id = $1`, [item.debtorId]))[0].exposure).toBe('50000.00');
    expect(errorOf(await t.gql(APPROVE, { id: item.reviewId }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_REVIEW_CLOSED' });
  });

  it('lets exactly one of two analysts deciding at once win', async () => {
    const item = await manualItem();
    const other = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST] });
    const otherToken = await t.signIn(other.email, other.password);
    const [a, b] = await Promise.all([t.gql(APPROVE, { id: item.reviewId }, analyst.token), t.gql(DENY, { id: item.reviewId, note: 'Not today' }, otherToken)]);
    expect([a, b].map((r) => (r.errors ? errorOf(r)!.code : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('will not approve over a limit: raise it first', async () => {
    const item = await manualItem();
    // Meanwhile another purchase used most of the debtor's limit.
    await t.db.query(`UPDATE debtor SET credit_limit = 45000, exposure = 10000 WHERE id = $1`, [item.debtorId]);
    expect(errorOf(await t.gql(APPROVE, { id: item.reviewId }, analyst.token))).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_LIMIT_WOULD_BE_EXCEEDED' });
    expect(await status(item.id)).toBe('MANUAL_ASSESSMENT');
    await f.setLimit(item.debtorId, '100000');
    expect((await t.gql(APPROVE, { id: item.reviewId }, analyst.token)).data!.approveCreditReview.outcome).toBe('APPROVED');
  });

  it('denies with a note, and the client hears why', async () => {
    const item = await manualItem();
    expect(errorOf(await t.gql(DENY, { id: item.reviewId, note: '' }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(errorOf(await t.gql(DENY, { id: item.reviewId, note: 'Unknown', reasons: ['NOPE'] }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasons' });
    expect((await t.gql(DENY, { id: item.reviewId, note: 'Payment remarks at the credit agency', reasons: ['DENIAL_DEBTOR_CREDITWORTHINESS'] }, analyst.token)).data!.denyCreditReview.outcome).toBe('DENIED');
    expect(await status(item.id)).toBe('DENIED');
    const [event] = await t.db.query(`SELECT topic, payload FROM outbox_event WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`, [item.id]);
    expect(event).toMatchObject({ topic: 'invoice.denied', payload: { status: 'DENIED', reasons: [{ code: 'DENIAL_DEBTOR_CREDITWORTHINESS' }] } });
  });

  it('pauses the clock while the client is asked for information, and adds the wait to the promised time', async () => {
    const item = await manualItem();
    const [{ due_at: before }] = await t.db.query(`SELECT due_at FROM credit_review WHERE id = $1`, [item.reviewId]);
    expect((await t.gql(ASK, { id: item.reviewId, note: 'Please send the delivery note' }, analyst.token)).data!.askClientForInformation.state).toBe('WAITING_FOR_CLIENT');
    const [event] = await t.db.query(`SELECT topic, payload FROM outbox_event WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`, [item.id]);
    expect(event).toMatchObject({ topic: 'invoice.information_requested', payload: { question: 'Please send the delivery note' } });
    await t.db.query(`UPDATE credit_review SET paused_at = paused_at - interval '2 hours' WHERE id = $1`, [item.reviewId]);
    const resumed = (await t.gql(RESUME, { id: item.reviewId, note: 'Delivery note received' }, analyst.token)).data!.resumeCreditReview;
    expect(resumed.state).toBe('OPEN');
    expect(new Date(resumed.dueAt).getTime() - new Date(before).getTime()).toBeGreaterThanOrEqual(2 * 3600_000 - 1000);
  });

  it('flags items past their promised time', async () => {
    const item = await manualItem();
    await t.db.query(`UPDATE credit_review SET due_at = now() - interval '1 hour' WHERE id = $1`, [item.reviewId]);
    const listed = (await t.gql(REVIEWS, { f: { kind: 'MANUAL_ASSESSMENT' } }, analyst.token)).data!.creditReviews.items;
    expect(listed.find((r: { id: string }) => r.id === item.reviewId).overdue).toBe(true);
  });
});

describe('manual assessment before an offer', () => {
  it('takes a refused invoice the client asks about; approving it gives the client an offer', async () => {
    const client = await f.clientWithKey('NO');
    const base = invoiceInput('NO', { dueDate: day(120) });
    const denied = (await t.gql(SUBMIT_INVOICE, { input: base }, client.key)).data!.submitInvoice;
    expect(denied.status).toBe('DENIED');
    const REQUEST = `mutation($id: ID!, $why: String) { requestManualAssessment(invoiceId: $id, reason: $why) { status } }`;
    expect((await t.gql(REQUEST, { id: denied.id, why: 'The customer agreed to the long term' }, client.key)).data!.requestManualAssessment).toEqual({ status: 'PROCESSING' });
    expect(await status(denied.id)).toBe('OFFER_REVIEW');
    expect(errorOf(await t.gql(REQUEST, { id: denied.id }, client.key))).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_NOT_DENIED' });
    const [{ id }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state = 'OPEN'`, [denied.id]);
    expect((await t.gql(APPROVE, { id, note: 'Long term agreed in writing' }, analyst.token)).data!.approveCreditReview.outcome).toBe('APPROVED');
    const offered = (await t.gql(`query($id: ID!) { myInvoice(invoiceId: $id) { status offer { fee payout } } }`, { id: denied.id }, client.key)).data!.myInvoice;
    expect(offered).toMatchObject({ status: 'OFFERED', offer: { fee: expect.any(String), payout: expect.any(String) } });
  });

  it('puts a suspected twin in the manual-assessment queue at once', async () => {
    const client = await f.clientWithKey('NO');
    const original = invoiceInput('NO');
    await t.gql(SUBMIT_INVOICE, { input: original }, client.key);
    const twin = (await t.gql(SUBMIT_INVOICE, { input: { ...original, invoiceNumber: `${original.invoiceNumber}-2` } }, client.key)).data!.submitInvoice;
    const [review] = await t.db.query(`SELECT kind, state FROM credit_review WHERE invoice_id = $1`, [twin.id]);
    expect(review).toEqual({ kind: 'MANUAL_ASSESSMENT', state: 'OPEN' });
  });
});

const VERIFY = `mutation($d: ID!, $phone: String, $email: String, $source: VerifiedContactSource!, $detail: String!) {
  recordVerifiedDebtorContact(debtorId: $d, phone: $phone, email: $email, source: $source, sourceDetail: $detail) { id phone email source sourceDetail recordedBy { name } } }`;
const CONTACTS = `query($id: ID!) { creditReview(id: $id) { debtorContact verifiedContacts { id phone source sourceDetail recordedBy { name } } } }`;

describe('the spot-check queue', () => {
  it('buys the invoice when the debtor confirms it on a contact the analyst verified', async () => {
    const item = await spotCheckItem();
    await t.gql(VERIFY, { d: item.debtorId, phone: '+46 8 555 123 45', source: 'PUBLIC_REGISTRY', detail: 'Bolagsverket' }, analyst.token);
    expect((await t.gql(SPOT, { id: item.reviewId, o: 'CONFIRMED' }, analyst.token)).data!.recordSpotCheckOutcome.outcome).toBe('APPROVED');
    expect(await status(item.id)).toBe('PURCHASED');
  });

  it('marks a contact the client typed as the client\'s, and takes no "Confirmed" until a verified contact says where it came from (issue 9 h)', async () => {
    const client = await f.clientWithKey('SE');
    const base = invoiceInput('SE');
    const offered = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, email: 'ekonomi@fraudster.example', identityNumber: f.swedishDebtor() } } }, client.key)).data!.submitInvoice;
    await t.gql(`mutation($id: ID!) { acceptOffer(invoiceId: $id) { status } }`, { id: offered.id }, client.key);
    const [{ debtor_id: debtorId }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
    await f.setLimit(debtorId, '1000000');
    expect(await credit.decide(offered.id)).toBe('SPOT_CHECK');
    const [{ id: reviewId }] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [offered.id]);

    const before = (await t.gql(CONTACTS, { id: reviewId }, analyst.token)).data!.creditReview;
    expect(before.debtorContact.registered).toMatchObject({ email: 'ekonomi@fraudster.example', givenBy: 'CLIENT_INVOICE' });
    expect(before.verifiedContacts).toEqual([]);

    const refused = await t.gql(SPOT, { id: reviewId, o: 'CONFIRMED' }, analyst.token);
    expect(errorOf(refused)).toMatchObject({ code: 'CONFLICT', reason: 'SPOT_CHECK_CONTACT_NOT_VERIFIED' });
    expect(await status(offered.id)).toBe('SPOT_CHECK');

    expect(errorOf(await t.gql(VERIFY, { d: debtorId, phone: '+46 8 555 123 45', source: 'PUBLIC_REGISTRY', detail: '  ' }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceDetail' });
    expect(errorOf(await t.gql(VERIFY, { d: debtorId, source: 'COMPANY_WEBSITE', detail: 'www.example.se/kontakt' }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    const verified = (await t.gql(VERIFY, { d: debtorId, phone: '+46 8 555 123 45', source: 'PUBLIC_REGISTRY', detail: 'Bolagsverket, switchboard' }, analyst.token)).data!.recordVerifiedDebtorContact;
    expect(verified).toMatchObject({ phone: '+46 8 555 123 45', source: 'PUBLIC_REGISTRY', sourceDetail: 'Bolagsverket, switchboard', recordedBy: { name: 'Anna Analyst' } });
    expect((await t.gql(CONTACTS, { id: reviewId }, analyst.token)).data!.creditReview.verifiedContacts).toEqual([expect.objectContaining({ id: verified.id })]);

    expect((await t.gql(SPOT, { id: reviewId, o: 'CONFIRMED' }, analyst.token)).data!.recordSpotCheckOutcome.outcome).toBe('APPROVED');
    const [step] = await t.db.query(`SELECT details FROM timeline_event WHERE entity_id = $1 AND to_state = 'PURCHASED'`, [offered.id]);
    expect(step.details).toMatchObject({ verifiedContactId: verified.id });
    // A verified contact is kept as recorded: history, not a field to overwrite.
    await expect(t.db.query(`UPDATE debtor_verified_contact SET phone = '+46 8 000' WHERE id = $1`, [verified.id])).rejects.toThrow();
  });

  it('retries an unreachable debtor, then escalates to manual assessment', async () => {
    const item = await spotCheckItem();
    expect((await t.gql(SPOT, { id: item.reviewId, o: 'UNREACHABLE' }, analyst.token)).data!.recordSpotCheckOutcome).toMatchObject({ state: 'OPEN', attempts: 1 });
    expect((await t.gql(SPOT, { id: item.reviewId, o: 'UNREACHABLE' }, analyst.token)).data!.recordSpotCheckOutcome).toMatchObject({ state: 'OPEN', attempts: 2 });
    expect((await t.gql(SPOT, { id: item.reviewId, o: 'UNREACHABLE' }, analyst.token)).data!.recordSpotCheckOutcome).toMatchObject({ state: 'CLOSED', outcome: 'UNREACHABLE' });
    expect(await status(item.id)).toBe('MANUAL_ASSESSMENT');
    const [review] = await t.db.query(`SELECT kind, state FROM credit_review WHERE invoice_id = $1 AND state = 'OPEN'`, [item.id]);
    expect(review).toEqual({ kind: 'MANUAL_ASSESSMENT', state: 'OPEN' });
  });

  it('denies at once when the debtor does not confirm and the analyst says so', async () => {
    const item = await spotCheckItem();
    expect((await t.gql(SPOT, { id: item.reviewId, o: 'NOT_CONFIRMED', deny: true }, analyst.token)).data!.recordSpotCheckOutcome.outcome).toBe('DENIED');
    expect(await status(item.id)).toBe('DENIED');
  });

  it('shows the achieved spot-check rate per client, and the rate for its next invoice', async () => {
    const item = await spotCheckItem();
    const [{ client_id: clientId }] = await t.db.query(`SELECT client_id FROM invoice WHERE id = $1`, [item.id]);
    const rate = (await t.gql(`query($id: ID!) { client(id: $id) { spotCheckRate { decisions selected achieved expectedNext } } }`, { id: clientId }, analyst.token)).data!.client.spotCheckRate;
    expect(rate).toEqual({ decisions: 1, selected: 1, achieved: '1.000000', expectedNext: expect.stringMatching(/^\d\.\d{6}$/) });
  });

  it('is for credit analysts', async () => {
    const finance = await newStaff(t.db, { roles: [Role.FINANCE] });
    const token = await t.signIn(finance.email, finance.password);
    expect(errorOf(await t.gql(REVIEWS, {}, token))?.code).toBe('FORBIDDEN');
  });
});

describe('items whose debtor could not be identified', () => {
  it('still shows in the queue, named as on the invoice (issue 9 j)', async () => {
    const client = await f.clientWithKey('SE');
    const base = invoiceInput('SE');
    // The last digit moved by one: the check digit fails, so no debtor record is made.
    const wrong = base.debtor.identityNumber.replace(/\d$/, (d: string) => String((Number(d) + 1) % 10));
    const refused = (await t.gql(SUBMIT_INVOICE, { input: { ...base, debtor: { ...base.debtor, identityNumber: wrong } } }, client.key)).data!.submitInvoice;
    expect((await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [refused.id]))[0].debtor_id).toBeNull();
    await t.gql(`mutation($id: ID!) { requestManualAssessment(invoiceId: $id, reason: "The number is right") { id } }`, { id: refused.id }, client.key);
    const listed = (await t.gql(`query { creditReviews(perPage: 200) { items { invoiceId debtorId } } }`, {}, analyst.token)).data!.creditReviews.items;
    expect(listed).toContainEqual({ invoiceId: refused.id, debtorId: null });
  });
});

describe("an item's whole story (issue 11 s.4)", () => {
  const STORY = `query($id: ID!) { creditReview(id: $id) { state story {
    cameFromReviewId cameFromOutcome followUpReviewId clockPaused pausedAt
    steps { code by text attempt }
    exposureNow { debtor { limit raiseInForce exposureBefore exposureAfter headroomAfter } client { limit exposureBefore } pair { limit } }
  } } }`;
  const SPOT_WITH_NOTE = `mutation($id: ID!, $o: SpotCheckOutcome!, $note: String) { recordSpotCheckOutcome(id: $id, outcome: $o, note: $note) { state story { followUpReviewId } } }`;

  it('links a spot check sent to manual assessment both ways, with the calls and their notes', async () => {
    const item = await spotCheckItem();
    await t.gql(SPOT_WITH_NOTE, { id: item.reviewId, o: 'UNREACHABLE', note: 'No answer on the switchboard' }, analyst.token);
    const sent = (await t.gql(SPOT_WITH_NOTE, { id: item.reviewId, o: 'NOT_CONFIRMED', note: 'They do not know the order' }, analyst.token)).data!.recordSpotCheckOutcome;
    const [manual] = await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND kind = 'MANUAL_ASSESSMENT'`, [item.id]);
    expect(sent).toEqual({ state: 'CLOSED', story: { followUpReviewId: manual.id } });

    const story = (await t.gql(STORY, { id: manual.id }, analyst.token)).data!.creditReview.story;
    expect(story).toMatchObject({ cameFromReviewId: item.reviewId, cameFromOutcome: 'NOT_CONFIRMED', followUpReviewId: null, clockPaused: false, pausedAt: null });
    expect(story.steps).toEqual([
      { code: 'SPOT_CHECK_UNREACHABLE_ATTEMPT', by: 'Anna Analyst', text: 'No answer on the switchboard', attempt: 1 },
      { code: 'SPOT_CHECK_NOT_CONFIRMED', by: 'Anna Analyst', text: 'They do not know the order', attempt: null },
    ]);
    // The spot check, closed, has no exposure "now" to weigh; the open manual assessment has.
    expect((await t.gql(STORY, { id: item.reviewId }, analyst.token)).data!.creditReview.story.exposureNow).toBeNull();
    expect(story.exposureNow.debtor).toMatchObject({ limit: '1000000.00', raiseInForce: false });
  });

  it('shows the question, the paused clock, the answer and the exposure now beside the snapshot', async () => {
    const item = await manualItem();
    await t.gql(ASK, { id: item.reviewId, note: 'Please send the delivery note' }, analyst.token);
    const waiting = (await t.gql(STORY, { id: item.reviewId }, analyst.token)).data!.creditReview.story;
    expect(waiting.clockPaused).toBe(true);
    expect(new Date(waiting.pausedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(waiting.steps).toEqual([{ code: 'QUESTION_TO_CLIENT', by: 'Anna Analyst', text: 'Please send the delivery note', attempt: null }]);
    expect(waiting.cameFromReviewId).toBeNull();

    await t.gql(RESUME, { id: item.reviewId, note: 'Delivery note received by mail' }, analyst.token);
    // Something else bought from the same debtor meanwhile: "now" differs from the rules' snapshot.
    await t.db.query(`UPDATE debtor SET exposure = exposure + 1000 WHERE id = $1`, [item.debtorId]);
    const resumed = (await t.gql(STORY, { id: item.reviewId }, admin.token)).data!.creditReview.story;
    expect(resumed.clockPaused).toBe(false);
    expect(resumed.steps.map((step: { code: string; text: string }) => [step.code, step.text])).toEqual([
      ['QUESTION_TO_CLIENT', 'Please send the delivery note'],
      ['CLIENT_ANSWER', 'Delivery note received by mail'],
    ]);
    const [{ payable }] = await t.db.query(`SELECT payable::text FROM invoice WHERE id = $1`, [item.id]);
    expect(resumed.exposureNow.debtor.exposureBefore).toBe('1000.00');
    expect(resumed.exposureNow.debtor.exposureAfter).toBe((1000 + Number(payable)).toFixed(2));
    expect(resumed.exposureNow.debtor.headroomAfter).toBe((1000000 - 1000 - Number(payable)).toFixed(2));
    await t.db.query(`UPDATE debtor SET exposure = exposure - 1000 WHERE id = $1`, [item.debtorId]);
  });

  it('is told only to credit analysts and admins', async () => {
    const item = await manualItem();
    const finance = await newStaff(t.db, { roles: [Role.FINANCE] });
    const token = await t.signIn(finance.email, finance.password);
    expect(errorOf(await t.gql(STORY, { id: item.reviewId }, token))?.code).toBe('FORBIDDEN');
    expect((await t.gql(STORY, { id: item.reviewId }, admin.token)).data!.creditReview.story.steps).toEqual([]);
  });
});
