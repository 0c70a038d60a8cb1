import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { swedishPersonalNumber } from '../../test-support/identities';
import { ACCEPT, day, invoiceInput, LineSpec, SUBMIT_INVOICE } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { DocumentTemplates } from './document-template';
import { sha256 } from './documents.service';
import { pdfText } from './pdf-text.spec-support';

/**
 * Documents (issue 13, s.1 and s.2) against the real app and PostgreSQL: each document is made
 * from a bought invoice or a client's period, read back as text (amounts, OCR/KID, the
 * factor's account, the assignment notice; Swedish and Norwegian), made again to the same
 * bytes, kept once, and read by a client only when it is its own.
 */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let collection: string;
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const ISSUE = `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { id kind subjectType subjectId clientId invoiceId language fileName mediaType byteSize sha256 templateVersion contentBase64 } }`;
const ISSUE_MINE = `mutation($input: IssueMyDocumentInput!) { issueMyDocument(input: $input) { id kind invoiceId periodFrom periodTo language fileName byteSize sha256 contentBase64 } }`;
const DOCUMENTS = `query($invoiceId: ID, $clientId: ID) { documents(invoiceId: $invoiceId, clientId: $clientId) { id kind sha256 language } }`;
const MY_DOCUMENTS = `query($invoiceId: ID) { myDocuments(invoiceId: $invoiceId) { id kind sha256 } }`;
const MY_DOCUMENT = `query($id: ID!) { myDocument(id: $id) { id sha256 contentBase64 } }`;

/** The PDF's text, whitespace (NBSP included) folded to single spaces. */
function textOf(base64: string): Promise<string> {
  return pdfText(Buffer.from(base64, 'base64'));
}

/** With DOCUMENTS_OUT set, the PDFs land there too, to be looked at (pdftoppm -png -r 80). */
function keep(name: string, base64: string) {
  const dir = process.env.DOCUMENTS_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), Buffer.from(base64, 'base64'));
}

async function noSpotChecks(country: 'SE' | 'NO') {
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!, $c: Country!) { publishRuleSetting(name: "spotCheck", country: $c, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    {
      c: country,
      from: day(0),
      v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' },
    },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
}

/** Submits, accepts and has the rules buy an invoice; returns its id, number, payable and OCR/KID. */
async function bought(key: string, country: 'SE' | 'NO', input: Record<string, unknown>) {
  const offered = (await t.gql(SUBMIT_INVOICE, { input }, key)).data!.submitInvoice;
  if (offered.status !== 'OFFERED') throw new Error(`Not offered: ${JSON.stringify(offered.reasons)}`);
  const accepted = (await t.gql(ACCEPT, { id: offered.id }, key)).data!.acceptOffer;
  const [{ debtor_id }] = await t.db.query(`SELECT debtor_id FROM invoice WHERE id = $1`, [offered.id]);
  await f.setLimit(debtor_id, '1000000');
  expect(await credit.decide(offered.id)).toBe('APPROVE');
  return { id: offered.id as string, number: offered.invoiceNumber as string, payable: offered.payable as string, reference: accepted.paymentInstructions.reference as string, fee: offered.offer.fee as string, payout: offered.offer.payout as string };
}

let se: { clientId: string; key: string };
let no: { clientId: string; key: string };
let seInvoice: Awaited<ReturnType<typeof bought>>;
let seRot: Awaited<ReturnType<typeof bought>>;
let noInvoice: Awaited<ReturnType<typeof bought>>;

beforeAll(async () => {
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  const person = await newStaff(t.db, { roles: [Role.COLLECTION] });
  collection = await t.signIn(person.email, person.password);
  await noSpotChecks('SE');
  await noSpotChecks('NO');
  se = await f.clientWithKey('SE');
  no = await f.clientWithKey('NO');

  const lines: LineSpec[] = [
    { description: 'Snickeriarbete, kök', quantity: '10', unitPrice: '100', vatRatePercent: '25' },
    { description: 'Material', quantity: '2', unitPrice: '250.50', vatRatePercent: '25' },
    { description: 'Livsmedel till fika', quantity: '1', unitPrice: '80', vatRatePercent: '12' },
    { description: 'Byggtjänst, omvänd moms', quantity: '5', unitPrice: '400', vatRatePercent: '25', reverseCharge: true },
  ];
  const base = invoiceInput('SE', {}, lines);
  seInvoice = await bought(se.key, 'SE', { ...base, sellerVatNumber: 'SE556677889901', debtor: { ...base.debtor, vatNumber: 'SE559988776601' } });

  const rot = invoiceInput('SE', {}, [{ description: 'Målning av fasad (arbete)', quantity: '10', unitPrice: '500', vatRatePercent: '25' }]);
  seRot = await bought(se.key, 'SE', {
    ...rot,
    debtor: { ...rot.debtor, kind: 'PERSON', identityNumber: swedishPersonalNumber(), name: 'Karin Andersson' },
    deduction: { kind: 'ROT', amount: '1875.00' },
    payable: '4375.00',
  });
  noInvoice = await bought(no.key, 'NO', invoiceInput('NO', {}, [{ description: 'Tømrerarbeid, bad', quantity: '12', unitPrice: '850', vatRatePercent: '25' }]));
}, 120_000);
afterAll(() => t?.close());

describe('the sold invoice', () => {
  it('in Swedish: every line, VAT per rate, reverse charge with both VAT numbers, the OCR, the bankgiro and the assignment notice', async () => {
    const made = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: seInvoice.id } }, collection)).data!.issueDocument;
    expect(made).toMatchObject({ kind: 'SOLD_INVOICE', subjectType: 'INVOICE', subjectId: seInvoice.id, invoiceId: seInvoice.id, clientId: se.clientId, language: 'SV', mediaType: 'application/pdf', templateVersion: 1 });
    expect(made.sha256).toBe(sha256(Buffer.from(made.contentBase64, 'base64')));
    keep('sold-invoice-sv.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    for (const expected of [
      'Faktura',
      seInvoice.number,
      'Snickeri Lindqvist AB',
      'Kund i Sverige AB',
      'Snickeriarbete, kök',
      'Livsmedel till fika',
      'Byggtjänst, omvänd moms',
      // 1000 + 501 at 25 %, 80 at 12 %, 2000 reverse charge: VAT 375.25 + 9.60.
      '1 501,00',
      '375,25',
      '9,60',
      'Omvänd betalningsskyldighet',
      'SE556677889901',
      'SE559988776601',
      `OCR-nummer ${seInvoice.reference}`,
      'Bankgiro 5050-1055',
      'Överlåtelse av fordran',
      'har överlåtits till Factoring AB (Sverige)',
      'Betalning med befriande verkan kan endast ske till Factoring AB (Sverige)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(`${seInvoice.payable.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`);
  });

  it('with ROT: the deduction and the amount left to pay', async () => {
    const made = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: seRot.id } }, collection)).data!.issueDocument;
    keep('sold-invoice-rot-sv.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    expect(text).toContain('Skattereduktion för rotarbete');
    expect(text).toContain('\u22121 875,00');
    expect(text).toContain('6 250,00');
    expect(text).toContain('Att betala 4 375,00 kr');
    expect(text).toContain('säljaren begär resterande belopp från Skatteverket');
  });

  it('in Norwegian: the KID, the account and the transport clause', async () => {
    const made = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: noInvoice.id } }, collection)).data!.issueDocument;
    expect(made.language).toBe('NB');
    keep('sold-invoice-nb.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    for (const expected of ['Faktura', noInvoice.number, 'Fjordbygg AS', 'Tømrerarbeid, bad', '10 200,00', '2 550,00', `KID ${noInvoice.reference}`, 'Kontonummer 1503.12.34562', 'Transportklausul', 'er overdratt til Factoring AS (Norge)', 'Betaling med frigjørende virkning kan bare skje til Factoring AS (Norge)', 'Å betale 12 750,00 kr']) {
      expect(text).toContain(expected);
    }
  });

  it('in English when asked, as a document of its own beside the Swedish one', async () => {
    const made = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: seInvoice.id, language: 'EN' } }, collection)).data!.issueDocument;
    expect(made.language).toBe('EN');
    keep('sold-invoice-en.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    expect(text).toContain('Notice of assignment');
    expect(text).toContain('Payment discharges the debt only when made to Factoring AB (Sverige), Bankgiro 5050-1055');
    expect(text).toContain('Reverse charge');
    const listed = (await t.gql(DOCUMENTS, { invoiceId: seInvoice.id }, analyst.token)).data!.documents;
    expect(listed.map((d: { language: string }) => d.language).sort()).toEqual(['EN', 'SV']);
  });

  it('is not made for an invoice the factor has not bought', async () => {
    const offered = await f.accepted(se.key, 'SE', f.swedishDebtor());
    expect(errorOf(await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: offered.id } }, collection))).toMatchObject({ code: 'CONFLICT', reason: 'DOCUMENT_NOT_AVAILABLE' });
    expect(await t.db.query(`SELECT id FROM document WHERE invoice_id = $1`, [offered.id])).toEqual([]);
  });
});

describe('kept once, rendered the same', () => {
  it('renders the same data to the same bytes, and asking again returns the kept document', async () => {
    const first = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: noInvoice.id } }, collection)).data!.issueDocument;
    const again = (await t.gql(ISSUE, { input: { kind: 'SOLD_INVOICE', invoiceId: noInvoice.id } }, analyst.token)).data!.issueDocument;
    expect(again).toEqual(first);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM document WHERE invoice_id = $1 AND kind = 'SOLD_INVOICE' AND language = 'nb'`, [noInvoice.id]);
    expect(n).toBe(1);

    // Every template, straight from its kept data: the same bytes, twice, as kept.
    const templates = t.app.get(DocumentTemplates);
    const kept: Array<{ kind: string; language: 'sv' | 'nb' | 'en'; data: unknown; sha256: string }> = await t.db.query(`SELECT kind, language, data, sha256 FROM document`);
    expect(new Set(kept.map((k) => k.kind))).toEqual(new Set(['SOLD_INVOICE']));
    for (const row of kept) {
      const template = templates.get(row.kind)!;
      const [a, b] = [await template.render(row.data, row.language), await template.render(row.data, row.language)];
      expect(sha256(a)).toBe(sha256(b));
      expect(sha256(a)).toBe(row.sha256);
    }
  });

  it('is append-only: the application cannot change or delete a document, and the trigger refuses even the owner', async () => {
    const [doc] = await t.db.query(`SELECT id FROM document LIMIT 1`);
    await expect(t.db.query(`UPDATE document SET file_name = 'x.pdf' WHERE id = $1`, [doc.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM document WHERE id = $1`, [doc.id])).rejects.toThrow(/append-only/);
    const [rights] = await t.db.query(
      `SELECT has_table_privilege('factoring_app', 'document', 'UPDATE') AS upd, has_table_privilege('factoring_app', 'document', 'DELETE') AS del,
              has_table_privilege('factoring_app', 'document', 'INSERT') AS ins, has_table_privilege('factoring_app', 'document', 'TRUNCATE') AS trunc`,
    );
    expect(rights).toEqual({ upd: false, del: false, ins: true, trunc: false });
  });
});

describe("the client's documents", () => {
  const period = () => ({ periodFrom: day(-30), periodTo: day(1) });

  it('the receipt of a sold invoice: amount, fee, VAT on the fee, payout and the booking of seed 000', async () => {
    const made = (await t.gql(ISSUE_MINE, { input: { kind: 'INVOICE_RECEIPT', invoiceId: seInvoice.id } }, se.key)).data!.issueMyDocument;
    expect(made).toMatchObject({ kind: 'INVOICE_RECEIPT', invoiceId: seInvoice.id, language: 'SV' });
    keep('receipt-sv.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    const sv = (v: string) => v.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(text).toContain('Kvitto på såld faktura');
    expect(text).toContain(`Fakturabelopp ${sv(seInvoice.payable)} kr`);
    expect(text).toContain(`Utbetalt till er ${sv(seInvoice.payout)} kr`);
    expect(text).toContain(`6064 Factoringavgifter ${sv(seInvoice.fee)}`);
    expect(text).toContain('2641 Ingående moms');
    expect(text).toContain(seInvoice.reference);
  });

  it('the sales report of a period, in Norwegian, with the totals', async () => {
    const made = (await t.gql(ISSUE_MINE, { input: { kind: 'SALES_REPORT', ...period() } }, no.key)).data!.issueMyDocument;
    expect(made).toMatchObject({ kind: 'SALES_REPORT', invoiceId: null, language: 'NB', ...period() });
    keep('sales-report-nb.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    expect(text).toContain('Salgsrapport');
    expect(text).toContain(noInvoice.number);
    expect(text).toContain('12 750,00');
    expect(text).toContain('Sum 1 fakturaer');
  });

  it('the account statement of every event on the account, with the balance', async () => {
    const made = (await t.gql(ISSUE_MINE, { input: { kind: 'ACCOUNT_STATEMENT', ...period() } }, se.key)).data!.issueMyDocument;
    keep('account-statement-sv.pdf', made.contentBase64);
    const text = await textOf(made.contentBase64);
    expect(text).toContain('Kontoutdrag');
    expect(text).toContain(`Faktura ${seInvoice.number} köpt`);
    expect(text).toContain(`Faktura ${seRot.number} köpt`);
    const closing = Number(seInvoice.payout) + Number(seRot.payout);
    expect(text).toContain(`Utgående saldo ${closing.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`);
    // Made by staff for the same period: the same data, so the same document.
    const byStaff = (await t.gql(ISSUE, { input: { kind: 'ACCOUNT_STATEMENT', clientId: se.clientId, ...period() } }, analyst.token)).data!.issueDocument;
    expect(byStaff).toMatchObject({ id: made.id, sha256: made.sha256 });
    keep('account-statement-en.pdf', (await t.gql(ISSUE, { input: { kind: 'ACCOUNT_STATEMENT', clientId: se.clientId, language: 'EN', ...period() } }, analyst.token)).data!.issueDocument.contentBase64);
    keep('receipt-nb.pdf', (await t.gql(ISSUE, { input: { kind: 'INVOICE_RECEIPT', invoiceId: noInvoice.id } }, analyst.token)).data!.issueDocument.contentBase64);
    keep('sales-report-sv.pdf', (await t.gql(ISSUE, { input: { kind: 'SALES_REPORT', clientId: se.clientId, ...period() } }, analyst.token)).data!.issueDocument.contentBase64);
  });

  it("a client reads only its own documents, and cannot have another client's made", async () => {
    const mine = (await t.gql(MY_DOCUMENTS, {}, se.key)).data!.myDocuments;
    expect(mine.length).toBeGreaterThan(0);
    const allSe = (await t.gql(DOCUMENTS, { clientId: se.clientId }, analyst.token)).data!.documents;
    expect(new Set(mine.map((d: { id: string }) => d.id))).toEqual(new Set(allSe.map((d: { id: string }) => d.id)));
    const theirs = (await t.gql(MY_DOCUMENTS, {}, no.key)).data!.myDocuments;
    expect(theirs.some((d: { id: string }) => mine.some((m: { id: string }) => m.id === d.id))).toBe(false);

    const one = (await t.gql(MY_DOCUMENT, { id: mine[0].id }, se.key)).data!.myDocument;
    expect(one.sha256).toBe(sha256(Buffer.from(one.contentBase64, 'base64')));
    expect(errorOf(await t.gql(MY_DOCUMENT, { id: mine[0].id }, no.key))).toMatchObject({ code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND' });
    expect(errorOf(await t.gql(ISSUE_MINE, { input: { kind: 'INVOICE_RECEIPT', invoiceId: seInvoice.id } }, no.key))).toMatchObject({ code: 'NOT_FOUND', reason: 'DOCUMENT_SUBJECT_NOT_FOUND' });
    expect((await t.gql(MY_DOCUMENTS, { invoiceId: seInvoice.id }, no.key)).data!.myDocuments).toEqual([]);
  });

  it('refuses an unknown kind, a missing subject or period, naming the field', async () => {
    expect(errorOf(await t.gql(ISSUE_MINE, { input: { kind: 'LOVE_LETTER' } }, se.key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOCUMENT_KIND_UNKNOWN', field: 'input.kind' });
    expect(errorOf(await t.gql(ISSUE_MINE, { input: { kind: 'INVOICE_RECEIPT' } }, se.key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOCUMENT_SUBJECT_REQUIRED', field: 'input.invoiceId' });
    expect(errorOf(await t.gql(ISSUE_MINE, { input: { kind: 'SALES_REPORT', periodFrom: '2026-02-01', periodTo: '2026-01-01' } }, se.key))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DOCUMENT_PERIOD_INVALID', field: 'input.periodTo' });
    expect(errorOf(await t.gql(ISSUE_MINE, { input: { kind: 'SALES_REPORT', periodFrom: '2026-02-30', periodTo: '2026-03-01' } }, se.key))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.periodFrom' });
    expect(errorOf(await t.gql(ISSUE, { input: { kind: 'ACCOUNT_STATEMENT', periodFrom: '2026-01-01', periodTo: '2026-01-31' } }, analyst.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientId' });
  });
});
