import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analystAndAdmin } from '../../../test-support/clients';
import { creditFixtures } from '../../../test-support/credit';
import { newStaff } from '../../../test-support/factories';
import { ACCEPT, day, invoiceInput, SUBMIT_INVOICE } from '../../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../../test-support/test-app';
import { Role } from '../../auth/role';
import { CreditService } from '../../credit/credit.service';
import { sha256 } from '../../documents/documents.service';
import { jpegHeader, png } from './logo-fixtures.spec-support';
import { LOGO_MAX_BYTES } from './logo-image';

/**
 * A client's logo (issue 13) against the real app: staff (admin) upload it on the client, the client
 * through its integration; anything that is not a PNG or JPEG, or is too large, is refused with its
 * own code naming the field and nothing is stored (the attempt is audited); the newest logo is what
 * the sold invoice prints, and a new logo makes a new document while the kept one stays.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
const tokens: Partial<Record<Role, string>> = {};
const f = creditFixtures(() => t, () => ({ analyst, admin }));
let se: { clientId: string; key: string };

const UPLOAD = `mutation($c: ID!, $content: String!) { uploadClientLogo(clientId: $c, content: $content) { id clientId mediaType width height byteSize sha256 uploadedBy contentBase64 } }`;
const UPLOAD_MINE = `mutation($content: String!) { uploadMyLogo(content: $content) { id mediaType width height byteSize sha256 } }`;
const CLIENT_LOGO = `query($id: ID!) { client(id: $id) { id logo { id sha256 mediaType width height uploadedBy } } }`;
const ISSUE = `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { id sha256 contentBase64 } }`;

const logos = async (clientId: string) => (await t.db.query(`SELECT count(*)::int AS n FROM client_logo WHERE client_id = $1`, [clientId]))[0].n as number;

/** With DOCUMENTS_OUT set, the PDFs land there too, to be looked at (pdftoppm -png -r 60). */
function keep(name: string, base64: string) {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), Buffer.from(base64, 'base64'));
}

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  for (const role of [Role.CREDIT_ANALYST, Role.COLLECTION, Role.FINANCE, Role.ADMIN]) {
    const person = await newStaff(t.db, { roles: [role] });
    tokens[role] = await t.signIn(person.email, person.password);
  }
  se = await f.clientWithKey('SE');
}, 120_000);
afterAll(() => t?.close());

describe('who may upload a logo', () => {
  it.each([Role.CREDIT_ANALYST, Role.COLLECTION, Role.FINANCE])('%s: FORBIDDEN, nothing stored', async (role) => {
    const response = await t.gql(UPLOAD, { c: se.clientId, content: png(120, 40).toString('base64') }, tokens[role]);
    expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await logos(se.clientId)).toBe(0);
  });

  it('the client through its integration key: its own logo only; staff cannot use that door, nor the key the staff one', async () => {
    const other = await f.clientWithKey('SE');
    const made = (await t.gql(UPLOAD_MINE, { content: png(64, 64).toString('base64') }, other.key)).data!.uploadMyLogo;
    expect(made).toMatchObject({ mediaType: 'image/png', width: 64, height: 64 });
    expect(await logos(other.clientId)).toBe(1);
    expect(await logos(se.clientId)).toBe(0);
    expect(errorOf(await t.gql(UPLOAD_MINE, { content: png(64, 64).toString('base64') }, tokens.ADMIN))).toMatchObject({ code: 'FORBIDDEN', reason: 'INTEGRATION_ONLY' });
    expect(errorOf(await t.gql(UPLOAD, { c: se.clientId, content: png(64, 64).toString('base64') }, other.key))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql(`{ myLogo { sha256 } }`, undefined, other.key)).data!.myLogo.sha256).toBe(made.sha256);
  });
});

describe('bad logos: a specific error naming the field, nothing stored, the attempt audited', () => {
  it.each([
    ['not an image (a text file)', Buffer.from('Hej! Detta är ingen logotyp.').toString('base64'), 'CLIENT_LOGO_NOT_AN_IMAGE'],
    ['not an image (a PNG signature with no image after it)', png(40, 40).subarray(0, 16).toString('base64'), 'CLIENT_LOGO_NOT_AN_IMAGE'],
    ['too large (256 KiB and one byte)', Buffer.concat([png(100, 30), Buffer.alloc(LOGO_MAX_BYTES + 1 - png(100, 30).length)]).toString('base64'), 'CLIENT_LOGO_TOO_LARGE'],
    ['too small (8 x 8 pixels)', png(8, 8).toString('base64'), 'CLIENT_LOGO_DIMENSIONS'],
    ['too wide (5000 pixels)', jpegHeader(5000, 100).toString('base64'), 'CLIENT_LOGO_DIMENSIONS'],
    ['not base64', 'this is not base64!', 'CLIENT_LOGO_NOT_BASE64'],
  ])('%s', async (_, content, reason) => {
    const response = await t.gql(UPLOAD, { c: se.clientId, content }, tokens.ADMIN);
    expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'content' });
    expect(await logos(se.clientId)).toBe(0);
    const [audit] = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE operation = 'uploadClientLogo' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ error_code: reason });
    expect(audit.outcome).not.toBe('SUCCEEDED');
  });

  it('an unknown client: CLIENT_NOT_FOUND', async () => {
    const response = await t.gql(UPLOAD, { c: '00000000-0000-4000-8000-000000000000', content: png(40, 40).toString('base64') }, tokens.ADMIN);
    expect(errorOf(response)).toMatchObject({ code: 'NOT_FOUND', reason: 'CLIENT_NOT_FOUND' });
  });
});

describe('the sold invoice prints the newest logo', () => {
  it('upload, print, upload another, print again: two documents, each naming its logo by hash; the kept one unchanged', async () => {
    // An admin uploads; the client page shows it.
    const first = (await t.gql(UPLOAD, { c: se.clientId, content: png(360, 112).toString('base64') }, tokens.ADMIN)).data!.uploadClientLogo;
    expect(first).toMatchObject({ clientId: se.clientId, mediaType: 'image/png', width: 360, height: 112 });
    expect(first.sha256).toBe(sha256(png(360, 112)));
    expect(Buffer.from(first.contentBase64, 'base64').equals(png(360, 112))).toBe(true);
    expect((await t.gql(CLIENT_LOGO, { id: se.clientId }, tokens.COLLECTION)).data!.client.logo).toMatchObject({ id: first.id, sha256: first.sha256 });
    // The same bytes again: nothing new.
    expect((await t.gql(UPLOAD, { c: se.clientId, content: png(360, 112).toString('base64') }, tokens.ADMIN)).data!.uploadClientLogo.id).toBe(first.id);
    expect(await logos(se.clientId)).toBe(1);

    // A bought invoice's sold invoice.
    await t.gql(
      `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
      { from: day(0), v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' } },
      admin.token,
    );
    const offered = (await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE', {}, [{ description: 'Snickeriarbete, kök', quantity: '10', unitPrice: '650', vatRatePercent: '25' }]) }, se.key)).data!.submitInvoice;
    expect(offered.status).toBe('OFFERED');
    await t.gql(ACCEPT, { id: offered.id }, se.key);
    const [{ debtor_id }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
    await f.setLimit(debtor_id, '1000000');
    expect(await credit.decide(offered.id)).toBe('APPROVE');

    const printed = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: offered.id } }, tokens.COLLECTION)).data!.issueDocument;
    keep('sold-invoice-with-logo.pdf', printed.contentBase64);
    const pdf = Buffer.from(printed.contentBase64, 'base64').toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image/);
    expect(pdf).toMatch(/\/Width 360/);
    const [kept] = await t.db.query(`SELECT data->'seller'->'logo'->>'sha256' AS logo, sha256 FROM document WHERE id = $1`, [printed.id]);
    expect(kept).toEqual({ logo: first.sha256, sha256: printed.sha256 });

    // A new logo: asking again makes a new document; the first stays as it was.
    const second = (await t.gql(UPLOAD, { c: se.clientId, content: png(240, 80).toString('base64') }, tokens.ADMIN)).data!.uploadClientLogo;
    expect(await logos(se.clientId)).toBe(2);
    const again = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: offered.id } }, tokens.COLLECTION)).data!.issueDocument;
    expect(again.id).not.toBe(printed.id);
    expect(Buffer.from(again.contentBase64, 'base64').toString('latin1')).toMatch(/\/Width 240/);
    const rows = await t.db.query(`SELECT id, data->'seller'->'logo'->>'sha256' AS logo, sha256 FROM document WHERE invoice_id = $1 AND kind = 'SOLD_INVOICE' ORDER BY created_at`, [offered.id]);
    expect(rows).toEqual([
      { id: printed.id, logo: first.sha256, sha256: printed.sha256 },
      { id: again.id, logo: second.sha256, sha256: again.sha256 },
    ]);
    // The table keeps every upload: no change, no removal.
    await expect(t.db.query(`DELETE FROM client_logo WHERE id = $1`, [first.id])).rejects.toThrow();
  }, 60_000);
});
