import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { registerOwnDebtor } from '../support/console';
// The bank-files test generator (schema-valid camt) is test support, not the API's code: the browser test uses it as the API's specs do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { camtString } from '../../apps/api/src/bank-files/fixtures/camt-fixture';

/*
 * Money in (issue 14, "done when": finance matches an unmatched payment in the browser). An invoice
 * is bought (sold through the API to a debtor of the test's own); finance uploads a generated
 * camt.054 with one payment to the factor's bankgiro whose OCR has a wrong check digit, sees the
 * import's counts (one read, one unmatched), opens the unmatched queue, claims the payment and
 * matches it to the suggested invoice; the invoice's page then shows the payment. Screenshots at
 * 1440x900 in English and Swedish. Items at 73 SEK: no other browser spec's amounts.
 */

const CONSOLE_URL = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
const PASSWORD = 'factoring-demo';
const ANALYST = 'analyst@demo.factoring.test';
const FINANCE = 'finance@demo.factoring.test';
/** The factor's Swedish bankgiro (migrations' ledger_bank_account), as a camt.054 names it. */
const FACTOR_BANKGIRO = '50501055';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
});

afterEach(async () => {
  await context?.close();
});

const keepScreenOnFailure = (slug: string, body: () => Promise<void>) => async () => {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${slug}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
};

async function signIn(email: string) {
  await page.goto(`${CONSOLE_URL}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard-welcome').waitFor();
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string }>;
}

const tokens = new Map<string, string>();

async function post<T>(body: unknown, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${CONSOLE_URL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return response.json() as Promise<GraphQLAnswer<T>>;
}

async function api<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  if (!tokens.has(email)) {
    const signed = await post<{ signIn: { token: string } }>({
      query: 'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
      variables: { email, password: PASSWORD },
    });
    tokens.set(email, signed.data!.signIn.token);
  }
  return post<T>({ query, variables }, tokens.get(email));
}

let programKey: string | undefined;

/** A key for Snickeri Lindqvist AB (active in the demo data), issued once per run by the admin. */
async function integrationKey(): Promise<string> {
  if (programKey) return programKey;
  const clients = await api<{ clients: { items: Array<{ id: string; legalName: string }> } }>(
    'admin@demo.factoring.test',
    `query { clients(filter: { state: ACTIVE, q: "Snickeri Lindqvist" }, perPage: 5) { items { id legalName } } }`,
  );
  const client = clients.data!.clients.items.find((item) => item.legalName === 'Snickeri Lindqvist AB')!;
  const issued = await api<{ issueIntegrationKey: { key: string } }>(
    'admin@demo.factoring.test',
    `mutation Issue($clientId: ID!) { issueIntegrationKey(clientId: $clientId, label: "Payments test program") { key } }`,
    { clientId: client.id },
  );
  programKey = issued.data!.issueIntegrationKey.key;
  return programKey;
}

/** A valid Swedish organisation number (Luhn), so the test has a debtor of its own. */

const ownDebtor = () => registerOwnDebtor(`Betalande Kund ${Date.now().toString(36)} AB`);

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

async function sellAndWaitForDecision(debtor: { identityNumber: string; name: string }): Promise<{ id: string; status: string }> {
  const quantity = 40 + Math.floor(Math.random() * 200);
  const net = quantity * 73;
  const vat = net * 0.25;
  const key = await integrationKey();
  const submitted = await post<{ submitInvoice: { id: string; status: string } }>(
    {
      query: `mutation Submit($input: InvoiceInput!) { submitInvoice(input: $input) { id status } }`,
      variables: {
        input: {
          invoiceNumber: `PAY-${Date.now().toString(36)}-${quantity}`,
          currency: 'SEK',
          invoiceDate: dayFromToday(-2),
          deliveryDate: dayFromToday(-2),
          dueDate: dayFromToday(30),
          debtor: { kind: 'COMPANY', identityNumber: debtor.identityNumber, name: debtor.name, address: { street: 'Kungsgatan 12', postalCode: '111 43', city: 'Stockholm', country: 'SE' } },
          lines: [{ description: 'Hyvelbänk', quantity: String(quantity), unitPrice: '73', vatRatePercent: '25' }],
          totals: { net: net.toFixed(2), vat: vat.toFixed(2), gross: (net + vat).toFixed(2) },
          payable: (net + vat).toFixed(2),
        },
      },
    },
    key,
  );
  const invoice = submitted.data?.submitInvoice;
  if (!invoice || invoice.status !== 'OFFERED') throw new Error(`The test invoice was not offered: ${JSON.stringify(submitted.errors ?? invoice)}`);
  await post({ query: `mutation($invoiceId: ID!) { acceptOffer(invoiceId: $invoiceId, recourseMode: WITH_RECOURSE) { status } }`, variables: { invoiceId: invoice.id } }, key);
  for (let tries = 0; tries < 60; tries += 1) {
    const answer = await api<{ invoice: { status: string } }>(ANALYST, `query($id: ID!) { invoice(id: $id) { status } }`, { id: invoice.id });
    const status = answer.data?.invoice.status;
    if (status && status !== 'ACCEPTED') return { id: invoice.id, status };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The worker did not decide the test invoice in 30 seconds');
}

async function confirmSpotCheck(invoiceId: string): Promise<void> {
  const reviews = await api<{ creditReviews: { items: Array<{ id: string; invoiceId: string; debtorId: string; verifiedContacts: Array<{ id: string }> }> } }>(
    ANALYST,
    `query { creditReviews(perPage: 200, filter: { kind: SPOT_CHECK }) { items { id invoiceId debtorId verifiedContacts { id } } } }`,
  );
  const review = reviews.data!.creditReviews.items.find((item) => item.invoiceId === invoiceId)!;
  if (!review.verifiedContacts.length) {
    await api(ANALYST, `mutation($d: ID!) { recordVerifiedDebtorContact(debtorId: $d, phone: "+46 8 555 987 66", source: PUBLIC_REGISTRY, sourceDetail: "Bolagsverket, the company register") { id } }`, { d: review.debtorId });
  }
  await api(ANALYST, `mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: review.id });
  const done = await api(ANALYST, `mutation($id: ID!) { recordSpotCheckOutcome(id: $id, outcome: CONFIRMED, note: "The debtor expects the invoice (payments test).") { state } }`, { id: review.id });
  if (!done.data) throw new Error(`The spot check was not confirmed: ${JSON.stringify(done.errors)}`);
}

async function approveManualAssessment(invoiceId: string): Promise<void> {
  const reviews = await api<{ creditReviews: { items: Array<{ id: string; invoiceId: string }> } }>(
    ANALYST,
    `query { creditReviews(perPage: 200, filter: { kind: MANUAL_ASSESSMENT }) { items { id invoiceId } } }`,
  );
  const review = reviews.data!.creditReviews.items.find((item) => item.invoiceId === invoiceId)!;
  await api(ANALYST, `mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: review.id });
  const done = await api(ANALYST, `mutation($id: ID!) { approveCreditReview(id: $id, note: "A known company (payments test).") { state } }`, { id: review.id });
  if (!done.data) throw new Error(`The manual assessment was not approved: ${JSON.stringify(done.errors)}`);
}

interface Bought {
  id: string;
  invoiceNumber: string;
  payable: string;
  reference: string;
  debtorName: string;
  debtorId: string;
}

/** An invoice the factor has bought, with its OCR. */
async function boughtInvoice(): Promise<Bought> {
  const debtor = await ownDebtor();
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const sold = await sellAndWaitForDecision(debtor);
    if (sold.status === 'SPOT_CHECK') await confirmSpotCheck(sold.id);
    if (sold.status === 'MANUAL_ASSESSMENT') await approveManualAssessment(sold.id);
    const { data } = await api<{ invoice: { status: string; invoiceNumber: string; payable: string; debtorId: string; paymentInstructions: { reference: string } | null } }>(
      ANALYST,
      `query($id: ID!) { invoice(id: $id) { status invoiceNumber payable debtorId paymentInstructions { reference } } }`,
      { id: sold.id },
    );
    if (data?.invoice.status === 'PURCHASED' && data.invoice.paymentInstructions) {
      return { id: sold.id, invoiceNumber: data.invoice.invoiceNumber, payable: data.invoice.payable, reference: data.invoice.paymentInstructions.reference, debtorName: debtor.name, debtorId: data.invoice.debtorId };
    }
  }
  throw new Error('No invoice was bought in six attempts');
}

/** The OCR with its last (check) digit changed: it fails the check, so nothing matches it automatically. */
const wrongCheckDigit = (reference: string) => reference.slice(0, -1) + String((Number(reference.slice(-1)) + 1) % 10);

/** A camt.054 notification of one credit to the factor's bankgiro, written to a temporary file. */
async function camt054(invoice: Bought, reference: string): Promise<string> {
  const key = `BRW-${Date.now().toString(36)}`;
  const xml = await camtString({
    kind: '054',
    version: '08',
    msgId: key,
    sections: [
      {
        id: `NTF-${key}`,
        otherAccountId: FACTOR_BANKGIRO,
        currency: 'SEK',
        entries: [{ amount: invoice.payable, valueDate: dayFromToday(0), bookingDate: dayFromToday(0), acctSvcrRef: key, txs: [{ reference, name: invoice.debtorName }] }],
      },
    ],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'camt-')), `${key}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

test('finance uploads a camt.054, claims the unmatched payment and matches it to the suggested invoice; the invoice page shows it', keepScreenOnFailure('payments', async () => {
  const invoice = await boughtInvoice();
  const reference = wrongCheckDigit(invoice.reference);
  const file = await camt054(invoice, reference);

  await signIn(FINANCE);
  await page.getByTestId('menu-incoming-payments').click();
  await page.getByTestId('bank-imports').waitFor();
  await page.getByTestId('bank-file-upload').click();
  await page.getByTestId('bank-file-input').setInputFiles(file);
  await page.getByTestId('bank-file-send').click();
  // One read, new, and unmatched: its reference fails the check digit.
  await page.getByTestId('bank-file-outcome').filter({ hasText: '1 read, 1 new, 0 already read; 0 matched, 1 unmatched' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-upload-en.png') });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('bank-import-row').first().filter({ hasText: path.basename(file) }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-imports-en.png'), fullPage: true });

  // Finance's home counts it among the unmatched payments, and its card leads to the queue.
  await page.getByTestId('menu-dashboard').click();
  const card = page.getByTestId('home-queue-unmatched-payments');
  await card.waitFor();
  // The home shown at sign-in is kept while it is counted again: wait for the new count.
  await page.locator('[data-testid="home-queue-unmatched-payments-count"]:not([data-value="0"])').waitFor();
  expect(Number(await page.getByTestId('home-queue-unmatched-payments-count').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-finance-home-en.png') });

  // The queue: the payment with its reference marked, then its page with the suggestion.
  await card.click();
  await page.waitForURL(/#\/unmatched-payments/);
  const row = page.getByTestId('unmatched-payments-table').locator('tbody tr', { hasText: reference });
  await row.getByTestId('reference-check-failed').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-unmatched-queue-en.png') });
  await row.click();
  await page.waitForURL(/#\/unmatched-payments\/[^/]+\/show$/);
  const paymentUrl = page.url();
  const suggestion = page.getByTestId('payment-suggestion').filter({ hasText: invoice.invoiceNumber });
  await suggestion.getByTestId('suggestion-reason').filter({ hasText: 'Amount equals what is open' }).waitFor();
  await suggestion.getByTestId('suggestion-reason').filter({ hasText: 'Reference differs by a digit or two' }).waitFor();
  expect(await page.getByTestId(`match-${invoice.invoiceNumber}`).isDisabled()).toBe(true);

  await page.getByTestId('payment-claim').click();
  await page.getByTestId('payment-claimed-by').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-unmatched-payment-en.png'), fullPage: true });
  await page.getByTestId(`match-${invoice.invoiceNumber}`).click();
  await page.getByTestId('match-dialog').waitFor();
  await page.getByTestId('match-confirm').click();
  await page.getByTestId('payment-state').filter({ hasText: /^Matched$/ }).waitFor();
  await page.getByTestId('payment-allocation').filter({ hasText: invoice.invoiceNumber }).waitFor();

  // The invoice's page shows the payment.
  await page.goto(`${CONSOLE_URL}/#/invoices/${invoice.id}/show`);
  await page.getByTestId('invoice-payment').filter({ hasText: invoice.invoiceNumber }).waitFor();
  await page.getByTestId('invoice-payments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-invoice-en.png') });

  // The debtor's statistics follow the payment: one invoice paid, none late.
  await page.goto(`${CONSOLE_URL}/#/debtors/${invoice.debtorId}/show`);
  await page.getByTestId('stats-share-late').filter({ hasText: '(0 / 1)' }).waitFor();
  await page.getByTestId('debtor-payment-statistics').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-debtor-statistics-en.png') });
  await page.goto(`${CONSOLE_URL}/#/invoices/${invoice.id}/show`);
  await page.getByTestId('invoice-payment').first().waitFor();

  // The same pages in Swedish (the app bar hides while the page is scrolled down).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('locale-switcher').locator('button').click();
  await page.getByRole('menuitem', { name: 'Svenska' }).click();
  await page.getByTestId('invoice-payments').getByText('Betalade fakturan').waitFor();
  await page.getByTestId('invoice-payments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-invoice-sv.png') });
  await page.goto(paymentUrl);
  await page.getByTestId('payment-state').filter({ hasText: /^Matchad$/ }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-matched-payment-sv.png'), fullPage: true });
  await page.getByTestId('menu-incoming-payments').click();
  await page.getByTestId('bank-import-row').first().getByText('1 lästa').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'payments-imports-sv.png'), fullPage: true });
}));
