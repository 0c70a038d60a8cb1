import { analystAndAdmin, newActiveClient } from '../../test-support/clients';
import { invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { startTestApp, TestApp } from '../../test-support/test-app';

/**
 * Issue 15 s.2: the Swedish reminder fee only where it was agreed when the debt arose (lag
 * 1981:739 2 §): the invoice input says so, and both the client and staff read it back.
 */
const ISSUE = `mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "test") { key } }`;
const MY_INVOICE = `query($id: ID!) { myInvoice(invoiceId: $id) { id reminderFeeAgreed } }`;
const STAFF_INVOICE = `query($id: ID!) { invoice(id: $id) { id reminderFeeAgreed } }`;

let t: TestApp;
let analystToken: string;
let key: string;

beforeAll(async () => {
  t = await startTestApp();
  const { analyst, admin } = await analystAndAdmin(t);
  analystToken = analyst.token;
  const { clientId } = await newActiveClient(t, analyst.token, 'SE');
  key = (await t.gql(ISSUE, { c: clientId }, admin.token)).data!.issueIntegrationKey.key as string;
});
afterAll(() => t?.close());

describe('reminderFeeAgreed on the invoice input', () => {
  it('is kept as submitted, and read by the client and by staff', async () => {
    const agreed = await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE', { reminderFeeAgreed: true }) }, key);
    expect(agreed.errors).toBeUndefined();
    const id = agreed.data!.submitInvoice.id as string;
    expect((await t.gql(MY_INVOICE, { id }, key)).data!.myInvoice.reminderFeeAgreed).toBe(true);
    expect((await t.gql(STAFF_INVOICE, { id }, analystToken)).data!.invoice.reminderFeeAgreed).toBe(true);
  });

  it('is false when the client does not say so', async () => {
    const silent = await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, key);
    expect(silent.errors).toBeUndefined();
    const id = silent.data!.submitInvoice.id as string;
    expect((await t.gql(MY_INVOICE, { id }, key)).data!.myInvoice.reminderFeeAgreed).toBe(false);
    const [row] = await t.db.query(`SELECT reminder_fee_agreed FROM invoice WHERE id = $1`, [id]);
    expect(row.reminder_fee_agreed).toBe(false);
  });

  it('refuses a value that is not a boolean, naming the field', async () => {
    const response = await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE', { reminderFeeAgreed: 'yes' }) }, key);
    expect(response.data ?? null).toBeNull();
    expect(JSON.stringify(response.errors)).toContain('reminderFeeAgreed');
  });
});
