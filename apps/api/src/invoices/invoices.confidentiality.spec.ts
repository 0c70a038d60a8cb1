import { GraphQLSchemaHost } from '@nestjs/graphql';
import Decimal from 'decimal.js';
import { getNamedType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { startTestApp, TestApp } from '../../test-support/test-app';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';

/**
 * Issue 9 c: what a client reads never holds another client's data, the factor's internal
 * figures, staff names or notes. Structurally (no client-facing operation reaches a staff type)
 * and by content (after a full life, every client-facing field is read and searched).
 */

/** Types only staff may read; a client-facing operation must not reach any of them. */
const STAFF_TYPES = ['Invoice', 'InvoiceTimelineEntry', 'CreditDecision', 'CreditReview', 'SuspectedDuplicate', 'StaffRef', 'Client', 'Debtor', 'Offer'];
/** Field names that mean an internal figure or a person's words when they appear on a client type. */
const STAFF_FIELDS = /^(note|notes|figures|decidedBy|claimedBy|exposure|creditLimit|headroom|clientId|clientName|debtorId|suspectedDuplicates|creditDecisions|actorName)$/;

let t: TestApp;
let credit: CreditService;
let analyst: { token: string; name: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

beforeAll(async () => {
  t = await startTestApp();
  credit = t.app.get(CreditService);
  const staff = await analystAndAdmin(t);
  const greta = await newStaff(t.db, { roles: [Role.CREDIT_ANALYST], name: 'Greta Granskare-Hemlig' });
  analyst = { token: await t.signIn(greta.email, greta.password), name: 'Greta Granskare-Hemlig' };
  admin = staff.admin;
  await f.noSpotChecksInNorway();
});
afterAll(() => t?.close());

/** Every type a client-facing root field can reach, with the path that reaches it. */
function reachableFromClientOperations(schema: GraphQLSchema, registry: OperationAccessRegistry): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (type: GraphQLNamedType, path: string) => {
    if (seen.has(type.name)) return;
    seen.set(type.name, path);
    if (!isObjectType(type)) return;
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type), `${path}.${field.name}`);
  };
  for (const [key, access] of registry.all()) {
    if (access.kind !== 'integration') continue;
    const [rootType, name] = key.split('.');
    const root = (rootType === 'Query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
    visit(getNamedType(root.getFields()[name].type), key);
  }
  return seen;
}

/** A selection of every field of a type, to the given depth (the client types have no field arguments). */
function everyField(type: GraphQLNamedType, depth = 6): string {
  if (!isObjectType(type) || depth === 0) return '';
  const parts = Object.values(type.getFields()).map((field) => {
    const named = getNamedType(field.type);
    return isObjectType(named) ? `${field.name} { ${everyField(named, depth - 1)} }` : field.name;
  });
  return parts.join(' ');
}

describe('client-facing types', () => {
  it('reach no staff type and no field that names a person, a note or an internal figure', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const reachable = reachableFromClientOperations(schema, t.app.get(OperationAccessRegistry));
    expect(reachable.has('ClientInvoice')).toBe(true);
    for (const name of STAFF_TYPES) expect(reachable.has(name) ? `${name} via ${reachable.get(name)}` : null).toBeNull();
    for (const [name, path] of reachable) {
      const type = schema.getType(name);
      if (!isObjectType(type)) continue;
      const bad = Object.keys(type.getFields()).filter((field) => STAFF_FIELDS.test(field));
      expect(bad.length ? `${name} (via ${path}) has ${bad.join(', ')}` : null).toBeNull();
    }
  });
});

describe('after a full life', () => {
  it('the client reads no staff name, note, internal figure or other client\'s reference anywhere', async () => {
    const a = await f.clientWithKey('SE');
    const b = await f.clientWithKey('SE');
    const debtorNumber = f.swedishDebtor();
    const toDebtor = (input: ReturnType<typeof invoiceInput>) => ({ ...input, debtor: { ...input.debtor, identityNumber: debtorNumber } });
    const submit = async (key: string, input: unknown) => {
      const result = await t.gql(SUBMIT_INVOICE, { input }, key);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.submitInvoice as { id: string; invoiceNumber: string; status: string };
    };
    const review = async (invoiceId: string) => (await t.db.query(`SELECT id FROM credit_review WHERE invoice_id = $1 AND state <> 'CLOSED'`, [invoiceId]))[0].id as string;
    const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
      const result = await t.gql(query, variables, token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const CLAIM = `mutation($id: ID!) { claimCreditReview(id: $id) { id } }`;

    // Client B sells an invoice to the debtor (bought: it raises the debtor's exposure) and offers a second one.
    const bBought = await submit(b.key, toDebtor(invoiceInput('SE', { invoiceNumber: 'B-HEMLIG-1' }, [{ quantity: '1', unitPrice: '13750' }])));
    const [{ debtor_id: debtorId }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [bBought.id]);
    await f.setLimit(debtorId, '987654');
    await gql(`mutation($id: ID!) { acceptOffer(invoiceId: $id) { status } }`, { id: bBought.id }, b.key);
    await credit.decide(bBought.id);
    await gql(
      `mutation($d: ID!) { recordVerifiedDebtorContact(debtorId: $d, phone: "+46 8 555 000 11", source: PUBLIC_REGISTRY, sourceDetail: "KÄLLA-HEMLIG") { id } }`,
      { d: debtorId },
      analyst.token,
    );
    if ((await t.db.query(`SELECT status FROM invoice WHERE id = $1`, [bBought.id]))[0].status === 'SPOT_CHECK') {
      const id = await review(bBought.id);
      await gql(CLAIM, { id }, analyst.token);
      await gql(`mutation($id: ID!) { recordSpotCheckOutcome(id: $id, outcome: CONFIRMED, note: "ANTECKNING-B") { state } }`, { id }, analyst.token);
    }
    const twinInput = toDebtor(invoiceInput('SE', { invoiceNumber: 'B-HEMLIG-2' }, [{ quantity: '3', unitPrice: '1111' }]));
    const bOffered = await submit(b.key, twinInput);

    // 1. A refusal: a due date long past.
    await submit(a.key, toDebtor(invoiceInput('SE', { invoiceNumber: 'A-1', invoiceDate: day(-200), deliveryDate: day(-200), dueDate: day(-170) })));
    // 2. A twin of B's offered invoice: held for a person before any offer, approved with a note, accepted.
    const twin = await submit(a.key, { ...twinInput, invoiceNumber: 'A-2' });
    expect(twin.status).toBe('PROCESSING');
    const twinReview = await review(twin.id);
    await gql(CLAIM, { id: twinReview }, analyst.token);
    await gql(`mutation($id: ID!) { approveCreditReview(id: $id, note: "ANTECKNING-1 checked with B-HEMLIG-2") { state } }`, { id: twinReview }, analyst.token);
    await gql(`mutation($id: ID!) { acceptOffer(invoiceId: $id) { status } }`, { id: twin.id }, a.key);
    // 3. The credit decision on it: a first invoice is spot-checked; the analyst confirms with a note.
    await credit.decide(twin.id);
    const spot = await review(twin.id);
    await gql(CLAIM, { id: spot }, analyst.token);
    await gql(`mutation($id: ID!) { recordSpotCheckOutcome(id: $id, outcome: CONFIRMED, note: "ANTECKNING-2 debtor said yes") { state } }`, { id: spot }, analyst.token);
    // 4. A manual assessment (a private person above the cap), a question to the client, a denial with a note.
    const person = await submit(a.key, toDebtor(invoiceInput('SE', { invoiceNumber: 'A-3' }, [{ quantity: '1', unitPrice: '40000' }])));
    await gql(`mutation($id: ID!) { acceptOffer(invoiceId: $id) { status } }`, { id: person.id }, a.key);
    await t.db.query(`UPDATE debtor SET kind = 'PERSON' WHERE id = $1`, [debtorId]);
    await credit.decide(person.id);
    const manual = await review(person.id);
    await gql(CLAIM, { id: manual }, analyst.token);
    await gql(`mutation($id: ID!) { askClientForInformation(id: $id, note: "Please send the signed order") { state } }`, { id: manual }, analyst.token);
    await gql(`mutation($id: ID!) { resumeCreditReview(id: $id, note: "ANTECKNING-3 order received") { state } }`, { id: manual }, analyst.token);
    await gql(`mutation($id: ID!) { denyCreditReview(id: $id, note: "ANTECKNING-4 too much on one person", reasons: ["DENIAL_DEBTOR_CREDITWORTHINESS"]) { state } }`, { id: manual }, analyst.token);

    // Read every client-facing field.
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = (name: string) => everyField(schema.getType(name) as GraphQLObjectType);
    const read = await t.gql(
      `{ myInvoices(perPage: 100) { total items { ${fields('ClientInvoice')} timeline { ${fields('ClientInvoiceStep')} } creditNotes { ${fields('CreditNote')} } } }
         myEvents(limit: 500) { ${fields('ClientEventPage')} }
         myClient { ${fields('IntegrationClient')} } }`,
      {},
      a.key,
    );
    expect(read.errors).toBeUndefined();
    const seen = JSON.stringify(read.data);
    expect(read.data!.myInvoices.total).toBe(3);

    const [figures] = await t.db.query(
      `SELECT d.exposure::text AS debtor_exposure, d.credit_limit::text AS debtor_limit, cd.exposure::text AS pair_exposure, c.id AS b_client
         FROM debtor d JOIN client_debtor cd ON cd.debtor_id = d.id AND cd.client_id = $2 JOIN client c ON c.id = $2 WHERE d.id = $1`,
      [debtorId, b.clientId],
    );
    const decisionFigures: string[] = (await t.db.query(`SELECT figures FROM credit_decision WHERE invoice_id = ANY($1) AND figures IS NOT NULL`, [[twin.id, person.id]])).flatMap(
      (row: { figures: Record<string, unknown> }) => Object.values(row.figures).map(String),
    );
    const forbidden = [
      'Greta',
      'Granskare',
      'ANTECKNING',
      'B-HEMLIG',
      'KÄLLA-HEMLIG',
      '555 000 11',
      bBought.id,
      bOffered.id,
      b.clientId,
      debtorId,
      figures.debtor_exposure,
      figures.debtor_limit,
      figures.pair_exposure,
      // Figures behind the decisions that the client cannot know from its own invoice (limits, headroom, draws, rates).
      ...decisionFigures.filter((value) => /\d{3,}|0\.\d+/.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value) && !ownAmounts(read.data!).has(value)),
    ];
    for (const word of forbidden) expect(seen.includes(word) ? word : null).toBeNull();
    // The client's words are there: the denial, the question, and a twin hinted at without naming it.
    expect(seen).toContain('Please send the signed order');
    expect(seen).toContain('an invoice offered to us earlier looks like the same invoice');
    // The back office's statuses stay inside: the client reads PROCESSING.
    expect(seen).not.toMatch(/"(SPOT_CHECK|OFFER_REVIEW|MANUAL_ASSESSMENT|REFUSED|PURCHASED)"/);
  });
});

describe('after the rest of the life (issue 15 s.7)', () => {
  it('the client reads its steps after the sale (dispute, payment to it, collection, write-off, recourse invoice, approvals) without a staff name, note or the case\'s figures', async () => {
    const client = await f.clientWithKey('NO');
    const collector = await newStaff(t.db, { roles: [Role.COLLECTION], name: 'Sune Samlare-Hemlig' });
    const financier = await newStaff(t.db, { roles: [Role.FINANCE], name: 'Fanny Ekonom-Hemlig' });
    const sune = await t.signIn(collector.email, collector.password);
    const fanny = await t.signIn(financier.email, financier.password);
    const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
      const result = await t.gql(query, variables, token);
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const bought = async () => {
      const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
      await f.setLimit(invoice.debtorId, '1000000');
      expect(await credit.decide(invoice.id)).toBe('APPROVE');
      await t.db.query(`UPDATE invoice SET due_date = current_date - 40, recourse_mode = 'WITHOUT_RECOURSE' WHERE id = $1`, [invoice.id]);
      const [{ payable }] = await t.db.query(`SELECT payable::text FROM invoice WHERE id = $1`, [invoice.id]);
      return { ...invoice, payable: payable as string };
    };
    const REGISTER = `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id version } }`;
    const RESOLVE = `mutation($id: ID!, $e: DisputeEnding!, $v: Int!) { resolveDispute(id: $id, ending: $e, note: "NOTERING-SLUT", expectedVersion: $v) { id } }`;
    const dispute = (invoiceId: string, amount: string) => ({ input: { invoiceId, channel: 'PHONE', amount, reason: 'NOTERING-TVIST', nextStep: 'NOTERING-NÄSTA', nextStepDue: '2099-01-01' } });

    // One invoice: disputed and withdrawn, partly paid to the client, handed to collection, written off.
    const one = await bought();
    const d1 = (await gql(REGISTER, dispute(one.id, '50.00'), sune)).registerDispute;
    await gql(RESOLVE, { id: d1.id, e: 'WITHDRAW', v: d1.version }, sune);
    await gql(`mutation($i: ID!) { reportPaidToClient(invoiceId: $i, amount: "100.00", paidOn: "${day(0)}") { status } }`, { i: one.id }, client.key);
    const c = (await gql(`mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "NOTERING-INKASSO") { id version } }`, { i: one.id }, sune)).handOffToCollection;
    const proposed = (await gql(`mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, note: "NOTERING-KONKURS", expectedVersion: $v) { version } }`, { id: c.id, v: c.version }, sune)).proposeWriteOff;
    await gql(`mutation($id: ID!, $v: Int!) { approveWriteOff(id: $id, expectedVersion: $v) { state } }`, { id: c.id, v: proposed.version }, fanny);
    // Another: disputed in full and bought back (a recourse invoice to the client).
    const two = await bought();
    const d2 = (await gql(REGISTER, dispute(two.id, two.payable), sune)).registerDispute;
    await gql(RESOLVE, { id: d2.id, e: 'RECOURSE', v: d2.version }, sune);

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = (name: string) => everyField(schema.getType(name) as GraphQLObjectType);
    const read = await t.gql(
      `{ myInvoices(perPage: 100) { items { ${fields('ClientInvoice')} timeline { ${fields('ClientInvoiceStep')} } approvals { ${fields('ClientApprovalRequest')} } } }
         myRecourseInvoices { ${fields('ClientRecourseInvoice')} }
         myApprovals { ${fields('ClientApprovalRequest')} }
         myEvents(limit: 500) { ${fields('ClientEventPage')} } }`,
      {},
      client.key,
    );
    expect(read.errors).toBeUndefined();
    const outbox = await t.db.query(`SELECT payload FROM outbox_event WHERE client_id = $1`, [client.clientId]);
    const seen = JSON.stringify({ data: read.data, outbox });
    const steps = read.data!.myInvoices.items.flatMap((i: { timeline: Array<{ step: string }> }) => i.timeline.map((s) => s.step));
    expect(steps).toEqual(expect.arrayContaining(['DISPUTE_REGISTERED', 'DISPUTE_WITHDRAWN', 'PAID_TO_CLIENT', 'HANDED_TO_COLLECTION', 'WRITTEN_OFF', 'RECOURSE_INVOICE_ISSUED', 'BOUGHT_BACK', 'DISPUTE_RECOURSE']));
    expect(read.data!.myRecourseInvoices).toHaveLength(1);

    const [theCase] = await t.db.query(`SELECT interest::text, write_off_amount::text FROM collection_case WHERE id = $1`, [c.id]);
    // The case's figures: what was written off, and the interest it claimed (when long enough not to match any other number by chance).
    const forbidden = ['Sune', 'Fanny', 'Samlare', 'Ekonom', 'Hemlig', 'NOTERING', collector.id, financier.id, c.id, d1.id, d2.id, `"${theCase.write_off_amount}"`];
    if (new Decimal(theCase.interest).gte(10)) forbidden.push(`"${theCase.interest}"`);
    for (const word of forbidden) expect(seen.includes(word) ? word : null).toBeNull();
  });
});

/** Every amount that is the client's own (its invoices' amounts, its offers): these may appear. */
function ownAmounts(data: Record<string, any>): Set<string> {
  const own = new Set<string>();
  for (const invoice of data.myInvoices.items) {
    for (const key of ['net', 'vat', 'gross', 'payable', 'creditedAmount']) own.add(invoice[key]);
    if (invoice.offer) for (const key of ['amount', 'fee', 'vatOnFee', 'payout']) own.add(invoice.offer[key]);
    for (const line of invoice.lines) for (const key of ['quantity', 'unitPrice', 'vatRatePercent', 'net']) own.add(line[key]);
  }
  return own;
}
