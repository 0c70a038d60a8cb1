import { KidReference, OcrReference } from '@factoring/domain';
import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestApp, TestApp } from '../../test-support/test-app';

const ISSUE = `mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "test") { key } }`;
const DECLINE = `mutation($id: ID!) { declineOffer(invoiceId: $id) { status } }`;
const CREDIT = `mutation($id: ID!, $n: String!, $amount: Decimal!) { creditInvoice(invoiceId: $id, creditNumber: $n, amount: $amount) { status creditedAmount creditNotes { creditNumber amount } } }`;
const MY_INVOICE = `query($id: ID!) { myInvoice(invoiceId: $id) { id status timeline { step status } } }`;
const EVENTS = `query($after: String) { myEvents(after: $after) { cursor events { id topic subjectId data } } }`;

let t: TestApp;
let analyst: { token: string };
let admin: { token: string };
let se: { clientId: string; key: string };
let no: { clientId: string; key: string };

async function clientWithKey(country: 'SE' | 'NO', terms?: Record<string, unknown>) {
  const { clientId } = await newActiveClient(t, analyst.token, country, terms as never);
  const key = (await t.gql(ISSUE, { c: clientId }, admin.token)).data!.issueIntegrationKey.key as string;
  return { clientId, key };
}

const submit = (key: string, input: unknown, idempotencyKey?: string) => t.gql(SUBMIT_INVOICE, { input, key: idempotencyKey }, key);
const codes = (response: { data?: any }) => response.data!.submitInvoice.reasons.map((r: { code: string }) => r.code).sort();
/** The back office's status and facts, which the client's answer does not carry (issue 9 c). */
const backOffice = async (id: string) => (await t.db.query(`SELECT status, debtor_id AS "debtorId", eligibility FROM invoice WHERE id = $1`, [id]))[0];

beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
  se = await clientWithKey('SE', { feePercent: '2', recourseModes: ['WITH_RECOURSE'], creditLimit: '500000', spotCheckIntensity: 'HIGH', deliveryChannel: 'EMAIL' });
  no = await clientWithKey('NO');
});
afterAll(() => t?.close());

describe('submitting an invoice', () => {
  it('answers with an offer: fee from the agreement, VAT on the fee, payout and payout date; the client is told', async () => {
    const input = invoiceInput('SE', {}, [{ quantity: '8', unitPrice: '100' }]); // 800 + 200 VAT = 1000.00
    const response = await submit(se.key, input);
    expect(response.errors).toBeUndefined();
    const invoice = response.data!.submitInvoice;
    expect(invoice).toMatchObject({ status: 'OFFERED', payable: '1000.00', reasons: [] });
    expect(invoice.offer).toMatchObject({ amount: '1000.00', fee: '20.00', vatOnFee: '5.00', payout: '975.00', currency: 'SEK', recourseModes: ['WITH_RECOURSE'] });
    expect(invoice.offer.plannedPayoutDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(invoice.offer.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const events = (await t.gql(EVENTS, {}, se.key)).data!.myEvents.events;
    expect(events.find((e: { subjectId: string }) => e.subjectId === invoice.id)).toMatchObject({ topic: 'invoice.offered', data: { status: 'OFFERED' } });
  });

  it('returns the first result when the same invoice is submitted again, and creates nothing', async () => {
    const input = invoiceInput('SE');
    const first = (await submit(se.key, input, 'retry-key-0001')).data!.submitInvoice;
    const again = (await submit(se.key, input)).data!.submitInvoice;
    const byKey = (await submit(se.key, input, 'retry-key-0001')).data!.submitInvoice;
    expect(again.id).toBe(first.id);
    expect(byKey.id).toBe(first.id);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM invoice WHERE client_id = $1 AND invoice_number = $2`, [se.clientId, input.invoiceNumber]);
    expect(n).toBe(1);
    const [{ e }] = await t.db.query(`SELECT count(*)::int AS e FROM outbox_event WHERE subject_id = $1`, [first.id]);
    expect(e).toBe(1);
  });

  it('refuses the same invoice number with other content with CONFLICT', async () => {
    const input = invoiceInput('SE');
    await submit(se.key, input);
    const changed = await submit(se.key, { ...input, dueDate: day(20) });
    expect(errorOf(changed)).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_ALREADY_SUBMITTED' });
    const otherKey = await submit(se.key, invoiceInput('SE'), 'retry-key-0001');
    expect(errorOf(otherKey)?.code).toBe('CONFLICT');
  });

  it('lets two submissions of one invoice racing each other create it once', async () => {
    const input = invoiceInput('NO');
    const [a, b] = await Promise.all([submit(no.key, input), submit(no.key, input)]);
    expect(a.data!.submitInvoice.id).toBe(b.data!.submitInvoice.id);
  });
});

describe('eligibility', () => {
  const debtorFlags = async (identityNumber: string, set: string) => {
    // Register the debtor through a first harmless invoice, then mark its history.
    const first = (await submit(se.key, invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, identityNumber } }))).data!.submitInvoice;
    await t.db.query(`UPDATE debtor SET ${set} WHERE id = $1`, [(await backOffice(first.id)).debtorId]);
  };

  it.each([
    ['a foreign currency', () => invoiceInput('SE', { currency: 'EUR' }), ['FOREIGN_CURRENCY']],
    ['delivery more than 45 days ago', () => invoiceInput('SE', { deliveryDate: day(-46), invoiceDate: day(-46) }), ['DELIVERY_TOO_OLD']],
    ['a due date more than 90 days ahead', () => invoiceInput('SE', { dueDate: day(91) }), ['DUE_DATE_TOO_FAR']],
    ['an amount of 200 or less', () => invoiceInput('SE', {}, [{ quantity: '1', unitPrice: '160' }]), ['AMOUNT_TOO_SMALL']],
    ['a debtor company without a valid organisation number', () => invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, identityNumber: '556036-0794' } }), ['DEBTOR_ORGANISATION_NUMBER_INVALID']],
    ['a debtor without a domestic address', () => invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, address: { street: 'Main St 1', postalCode: '10001', city: 'New York', country: 'US' } } }), ['DEBTOR_ADDRESS_NOT_DOMESTIC']],
    ['totals that do not add up', () => ({ ...invoiceInput('SE'), totals: { net: '1000.00', vat: '260.00', gross: '1260.00' }, payable: '1260.00' }), ['TOTALS_DO_NOT_ADD_UP']],
    ['a private person with an invalid personnummer', () => invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, kind: 'PERSON', identityNumber: '19851224-1237' } }), ['DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID']],
    ['a due date already passed', () => invoiceInput('SE', { invoiceDate: day(-40), deliveryDate: day(-40), dueDate: day(-1) }), ['DUE_DATE_PASSED']],
    ['a delivery in the future', () => invoiceInput('SE', { deliveryDate: day(10) }), ['DELIVERY_IN_THE_FUTURE']],
    ['a rounding of a krona or more', () => { const i = invoiceInput('SE'); return { ...i, totals: { ...i.totals, rounding: '1.00', gross: '1251.00' }, payable: '1251.00' }; }, ['ROUNDING_TOO_LARGE']],
    ['a deduction larger than the invoice', () => { const i = invoiceInput('SE'); return { ...i, deduction: { kind: 'ROT', amount: '2000.00' }, payable: '1.00' }; }, ['DEDUCTION_EXCEEDS_GROSS']],
  ])('refuses %s, saying why in three languages', async (_what, build, expected) => {
    const response = await submit(se.key, build());
    expect(response.errors).toBeUndefined();
    const invoice = response.data!.submitInvoice;
    expect(invoice).toMatchObject({ status: 'DENIED', offer: null });
    expect((await backOffice(invoice.id)).status).toBe('REFUSED');
    expect(codes(response)).toEqual(expect.arrayContaining(expected));
    for (const reason of invoice.reasons) expect(reason.en && reason.sv && reason.nb).toBeTruthy();
  });

  it('returns every reason at once, not just the first', async () => {
    const foreign = invoiceInput('SE', { currency: 'EUR', dueDate: day(120), deliveryDate: day(-60), invoiceDate: day(-60) });
    expect(codes(await submit(se.key, foreign))).toEqual(['DELIVERY_TOO_OLD', 'DUE_DATE_TOO_FAR', 'FOREIGN_CURRENCY']);
    // The minimum is in the country's own currency, so it is checked on domestic invoices.
    const small = invoiceInput('SE', { dueDate: day(120), deliveryDate: day(-60), invoiceDate: day(-60) }, [{ quantity: '1', unitPrice: '100' }]);
    expect(codes(await submit(se.key, small))).toEqual(['AMOUNT_TOO_SMALL', 'DELIVERY_TOO_OLD', 'DUE_DATE_TOO_FAR']);
  });

  it('refuses debtors who disputed or left unpaid an invoice before, and internal invoices', async () => {
    const disputed = invoiceInput('SE').debtor.identityNumber;
    await debtorFlags(disputed, 'has_disputed_before = true, has_unpaid_before = true');
    const response = await submit(se.key, invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, identityNumber: disputed } }));
    expect(codes(response)).toEqual(expect.arrayContaining(['DEBTOR_DISPUTED_BEFORE', 'DEBTOR_UNPAID_BEFORE']));

    const related = invoiceInput('SE').debtor.identityNumber;
    const first = (await submit(se.key, invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, identityNumber: related } }))).data!.submitInvoice;
    await t.gql(`mutation($c: ID!, $d: ID!) { markClientDebtorRelation(clientId: $c, debtorId: $d, relation: SAME_GROUP, note: "Same group") { relation } }`, { c: se.clientId, d: (await backOffice(first.id)).debtorId }, analyst.token);
    const internal = await submit(se.key, invoiceInput('SE', { debtor: { ...invoiceInput('SE').debtor, identityNumber: related } }));
    expect(codes(internal)).toContain('INTERNAL_INVOICE');
  });

  it('refuses a blocked client, saying why in words chosen for the client, never the note staff wrote (issue 9 c)', async () => {
    const blocked = await clientWithKey('SE');
    await t.gql(`mutation($id: ID!) { blockClient(id: $id, reason: "R-7 unpaid, Greta called", blockReason: OVERDUE_RECOURSE_INVOICE) { state } }`, { id: blocked.clientId }, analyst.token);
    const response = await submit(blocked.key, invoiceInput('SE'));
    expect(codes(response)).toContain('CLIENT_BLOCKED');
    const why = response.data!.submitInvoice.reasons.find((r: { code: string }) => r.code === 'CLIENT_BLOCKED');
    expect(why.en).toContain('a recourse invoice is overdue');
    expect(JSON.stringify(response.data)).not.toContain('Greta');
  });

  it('refuses a Swedish tax deduction on a Norwegian invoice, and accepts ROT in Sweden with the payable after it', async () => {
    const i = invoiceInput('NO');
    const norwegian = await submit(no.key, { ...i, deduction: { kind: 'RUT', amount: '100.00' }, payable: (Number(i.payable) - 100).toFixed(2) });
    expect(codes(norwegian)).toContain('DEDUCTION_NOT_ALLOWED');
    const s = invoiceInput('SE');
    const rot = (await submit(se.key, { ...s, deduction: { kind: 'ROT', amount: '300.00' }, payable: '950.00' })).data!.submitInvoice;
    expect(rot).toMatchObject({ status: 'OFFERED', payable: '950.00' });
  });

  it('refuses a client that is not active', async () => {
    const ended = await clientWithKey('SE');
    await t.gql(`mutation($id: ID!) { terminateClient(id: $id, reason: "Agreement ended") { state } }`, { id: ended.clientId }, admin.token);
    expect(codes(await submit(ended.key, invoiceInput('SE')))).toContain('CLIENT_NOT_ACTIVE');
  });

  it('sends an invoice another client already sold to manual assessment, without naming that client', async () => {
    const original = invoiceInput('NO');
    await submit(no.key, original);
    const other = await clientWithKey('NO');
    const twin = (await submit(other.key, { ...original, invoiceNumber: 'OTHER-1' })).data!.submitInvoice;
    expect(twin.status).toBe('PROCESSING');
    expect((await backOffice(twin.id)).status).toBe('OFFER_REVIEW');
    expect((await backOffice(twin.id)).eligibility.suspectedDuplicates[0]).toMatchObject({ sameClient: false, kind: 'SOLD_BY_ANOTHER_CLIENT' });
    expect(JSON.stringify(twin.reasons)).not.toContain(original.invoiceNumber);
  });

  it('sends a suspected twin to manual assessment, naming it', async () => {
    const original = invoiceInput('SE');
    const first = (await submit(se.key, original)).data!.submitInvoice;
    const twin = await submit(se.key, { ...original, invoiceNumber: `${original.invoiceNumber}-B` });
    expect(twin.data!.submitInvoice).toMatchObject({ status: 'PROCESSING' });
    expect((await backOffice(twin.data!.submitInvoice.id)).status).toBe('OFFER_REVIEW');
    expect((await backOffice(twin.data!.submitInvoice.id)).eligibility.suspectedDuplicates).toEqual([
      expect.objectContaining({ invoiceId: first.id, invoiceNumber: original.invoiceNumber, sameClient: true, kind: 'SAME_DEBTOR_AMOUNT_AND_DATES' }),
    ]);
    expect(twin.data!.submitInvoice.reasons[0].en).toContain(`your invoice ${original.invoiceNumber}`);
    expect(codes(twin)).toContain('DUPLICATE_SUSPECTED');
  });
});

describe('accepting or declining the offer', () => {
  it('gives an accepted Swedish invoice a valid OCR and the factor\'s bankgiro, and the client a processing status', async () => {
    const offered = (await submit(se.key, invoiceInput('SE'))).data!.submitInvoice;
    const accepted = (await t.gql(ACCEPT, { id: offered.id }, se.key)).data!.acceptOffer;
    expect(accepted).toMatchObject({ status: 'PROCESSING', recourseMode: 'WITH_RECOURSE' });
    expect((await backOffice(accepted.id)).status).toBe('ACCEPTED');
    expect(accepted.paymentInstructions).toMatchObject({ referenceKind: 'OCR', accountKind: 'BANKGIRO', account: '5050-1055' });
    expect(OcrReference.parse(accepted.paymentInstructions.reference, { withLengthDigit: true }).value).toBe(accepted.paymentInstructions.reference);
    expect(accepted.timeline.map((e: { step: string }) => e.step)).toEqual(['OFFER_MADE', 'ACCEPT']);
    expect(errorOf(await t.gql(ACCEPT, { id: offered.id }, se.key))).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_NOT_OPEN' });
  });

  it('gives an accepted Norwegian invoice a valid KID; both recourse modes allowed means the client chooses', async () => {
    const offered = (await submit(no.key, invoiceInput('NO'))).data!.submitInvoice;
    expect(errorOf(await t.gql(ACCEPT, { id: offered.id }, no.key))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recourseMode' });
    const accepted = (await t.gql(ACCEPT, { id: offered.id, mode: 'WITHOUT_RECOURSE' }, no.key)).data!.acceptOffer;
    expect(accepted.paymentInstructions.referenceKind).toBe('KID');
    expect(KidReference.parse(accepted.paymentInstructions.reference, { algorithm: 'MOD10' }).value).toBe(accepted.paymentInstructions.reference);
  });

  it('declines; and an expired offer can no longer be accepted', async () => {
    const declined = (await submit(se.key, invoiceInput('SE'))).data!.submitInvoice;
    expect((await t.gql(DECLINE, { id: declined.id }, se.key)).data!.declineOffer).toEqual({ status: 'DECLINED' });

    const late = (await submit(se.key, invoiceInput('SE'))).data!.submitInvoice;
    await t.db.query(`UPDATE invoice SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [late.id]);
    expect(errorOf(await t.gql(ACCEPT, { id: late.id }, se.key))).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_EXPIRED' });
    expect((await t.gql(MY_INVOICE, { id: late.id }, se.key)).data!.myInvoice.status).toBe('EXPIRED');
  });

  it('keeps each client to its own invoices: B\'s key cannot read or accept A\'s invoice', async () => {
    const offered = (await submit(se.key, invoiceInput('SE'))).data!.submitInvoice;
    expect(errorOf(await t.gql(MY_INVOICE, { id: offered.id }, no.key))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(ACCEPT, { id: offered.id, mode: 'WITH_RECOURSE' }, no.key))?.code).toBe('NOT_FOUND');
    expect((await t.gql(MY_INVOICE, { id: offered.id }, se.key)).data!.myInvoice.status).toBe('OFFERED');
  });
});

describe('credit notes', () => {
  it('records partial and whole credits against a sold invoice, once per credit number', async () => {
    const offered = (await submit(se.key, invoiceInput('SE'))).data!.submitInvoice; // 1250.00
    expect(errorOf(await t.gql(CREDIT, { id: offered.id, n: 'K-1', amount: '100.00' }, se.key))).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_NOT_SOLD' });
    await t.gql(ACCEPT, { id: offered.id }, se.key);
    expect((await t.gql(CREDIT, { id: offered.id, n: 'K-1', amount: '250.00' }, se.key)).data!.creditInvoice).toMatchObject({ status: 'PROCESSING', creditedAmount: '250.00' });
    expect((await t.gql(CREDIT, { id: offered.id, n: 'K-1', amount: '250.00' }, se.key)).data!.creditInvoice.creditedAmount).toBe('250.00');
    expect(errorOf(await t.gql(CREDIT, { id: offered.id, n: 'K-2', amount: '1000.01' }, se.key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CREDIT_MORE_THAN_OPEN' });
    const whole = (await t.gql(CREDIT, { id: offered.id, n: 'K-2', amount: '1000.00' }, se.key)).data!.creditInvoice;
    expect(whole).toMatchObject({ status: 'CREDITED', creditedAmount: '1250.00' });
    expect(whole.creditNotes.map((c: { creditNumber: string }) => c.creditNumber)).toEqual(['K-1', 'K-2']);
  });
});

describe('bad input changes nothing', () => {
  const count = async (invoiceNumber: string) => Number((await t.db.query(`SELECT count(*) AS n FROM invoice WHERE invoice_number = $1`, [invoiceNumber]))[0].n);

  it.each([
    ['a negative quantity', (i: any) => ({ ...i, lines: [{ ...i.lines[0], quantity: '-1' }] }), 'input.lines.0.quantity'],
    ['a due date before the invoice date', (i: any) => ({ ...i, dueDate: day(-10) }), 'input.dueDate'],
    ['an unknown currency', (i: any) => ({ ...i, currency: 'XYZ' }), 'input.currency'],
    ['a date that does not exist', (i: any) => ({ ...i, dueDate: '2026-02-30' }), 'input.dueDate'],
    ['a malformed invoice number', (i: any) => ({ ...i, invoiceNumber: '' }), 'input.invoiceNumber'],
    ['no lines', (i: any) => ({ ...i, lines: [] }), 'input.lines'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    const input = change(invoiceInput('SE'));
    const response = await submit(se.key, input);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count(input.invoiceNumber)).toBe(0);
  });

  it('refuses a missing field and an amount sent as a number before anything runs', async () => {
    const { payable: _payable, ...missing } = invoiceInput('SE');
    expect(errorOf(await submit(se.key, missing))?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await submit(se.key, { ...invoiceInput('SE'), payable: 1250 }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DECIMAL_NOT_A_STRING' });
  });

  it('refuses a revoked key and a staff token', async () => {
    const issued = (await t.gql(`mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "soon revoked") { key integrationKey { id } } }`, { c: se.clientId }, admin.token)).data!.issueIntegrationKey;
    await t.gql(`mutation($id: ID!) { revokeIntegrationKey(id: $id, reason: "Test") { id } }`, { id: issued.integrationKey.id }, admin.token);
    const input = invoiceInput('SE');
    expect(errorOf(await submit(issued.key, input))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await submit(analyst.token, input))?.code).toBe('FORBIDDEN');
    expect(await count(input.invoiceNumber)).toBe(0);
  });

  it('refuses a body of 10 MB with a clear error', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${se.key}` },
      body: JSON.stringify({ query: SUBMIT_INVOICE, variables: { input: { ...invoiceInput('SE'), padding: 'x'.repeat(10 * 1024 * 1024) } } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE' });
  });
});

describe('the worked example of seed 000', () => {
  it('prices 100.00 at 2 % as fee 2.00, VAT 0.50, payout 97.50 (with the minimum amount lowered by a published setting)', async () => {
    const versions = (await t.gql(`{ ruleSettings(name: "eligibility", country: NO) { validFrom value source builtIn } }`, {}, admin.token)).data!.ruleSettings;
    const inForce = versions[versions.length - 1];
    const published = await t.gql(
      `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "eligibility", country: NO, validFrom: $from, value: $v, source: "Test: small invoices allowed") { validFrom builtIn } }`,
      { v: { ...inForce.value, minimumAmount: '50' }, from: day(0) },
      admin.token,
    );
    expect(published.data!.publishRuleSetting).toEqual({ validFrom: day(0), builtIn: false });
    const client = await clientWithKey('NO', { feePercent: '2', recourseModes: ['WITH_RECOURSE'], creditLimit: '500000', spotCheckIntensity: 'HIGH', deliveryChannel: 'EMAIL' });
    const response = await submit(client.key, invoiceInput('NO', {}, [{ quantity: '1', unitPrice: '80' }])); // 80 + 25 % = 100.00
    expect(response.data!.submitInvoice.offer).toMatchObject({ amount: '100.00', fee: '2.00', vatOnFee: '0.50', payout: '97.50' });
  });
});
