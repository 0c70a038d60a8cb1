/**
 * A small stand-in for a client's accounting program (Fortnox, Visma eEkonomi, Fiken...):
 * it sells invoices through the real integration API with a real integration key, so the
 * demo shows invoices that took the real path. Used by `npm start` and by tests.
 *
 * Idempotent: invoice numbers are fixed, and the API answers a resubmission with the first
 * result; keys are kept in a file and reused while they work.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { computeTotals } from '@factoring/rules';
// The camt generator of the bank-file tests writes the demo's bank file (schema-valid camt.054).
import { camtString } from '../bank-files/fixtures/camt-fixture';

export interface DemoProgramOptions {
  apiUrl: string;
  keysFile: string;
  adminEmail: string;
  adminPassword: string;
  /** The local date today, YYYY-MM-DD (passed in so runs are reproducible). */
  today: string;
  log?: (line: string) => void;
  /**
   * A credit analyst who confirms the spot check of each client's first invoice (the rules always
   * pick a client's first invoices), so the demo has invoices bought and due for payout for finance.
   * Left out, the spot checks stay open for the analyst's queue. Same password as the admin's.
   */
  analystEmail?: string;
  /**
   * A member of collection staff who registers two disputes of bought invoices (issue 15 s.4), so
   * collection has work when the product starts. Needs analystEmail (something bought).
   */
  collectionEmail?: string;
  /**
   * A member of finance staff who imports a bank file with one payment whose reference matches no
   * invoice, so finance's unmatched-payments queue has work when the product starts.
   */
  financeEmail?: string;
  /** A second person with the finance role, who approves one of the demo's payout batches (four eyes). */
  secondFinanceEmail?: string;
  /**
   * Run once the invoices are bought and before collection's work: the demo makes some of them
   * overdue there (demo-overdue.ts), since only an overdue invoice can be handed to collection.
   */
  beforeCollectionWork?: () => Promise<void>;
}

interface Line {
  description: string;
  quantity: string;
  unitPrice: string;
  vatRatePercent: string;
  reverseCharge?: boolean;
}

interface DemoInvoice {
  suffix: string;
  /** The analyst confirms this one's spot check in the demo (analystEmail). */
  confirmSpotCheck?: boolean;
  lines: Line[];
  dueInDays: number;
  deliveredDaysAgo: number;
  accept: boolean;
  debtorIndex: number;
  /** Sold by the clients of one country only. */
  only?: 'SE' | 'NO';
  /** The recourse mode accepted (else the offer's first). */
  recourseMode?: 'WITH_RECOURSE' | 'WITHOUT_RECOURSE';
  /** What collection does with it once bought (collectionEmail): bought back after a dispute, handed to collection, or written off. */
  collection?: 'RECOURSE' | 'HANDOFF' | 'WRITE_OFF';
  /** Made overdue once bought (demo-overdue.ts moves its due date): never disputed by the demo, so its reminders go out. */
  overdue?: boolean;
}

/** A few invoices per client that show each path: sold, left on offer, and refused with reasons. */
const INVOICES: DemoInvoice[] = [
  { suffix: '1001', confirmSpotCheck: true, lines: [{ description: 'Snickeriarbete, kök', quantity: '24', unitPrice: '650', vatRatePercent: '25' }, { description: 'Material', quantity: '1', unitPrice: '4800', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 3, accept: true, debtorIndex: 0 },
  { suffix: '1002', lines: [{ description: 'Konsulttimmar', quantity: '12.5', unitPrice: '1100', vatRatePercent: '25' }], dueInDays: 20, deliveredDaysAgo: 1, accept: true, debtorIndex: 1 },
  { suffix: '1003', lines: [{ description: 'Service', quantity: '3', unitPrice: '900', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 2, accept: false, debtorIndex: 0 },
  { suffix: '1004', lines: [{ description: 'Reparation', quantity: '2', unitPrice: '1500', vatRatePercent: '25' }], dueInDays: 120, deliveredDaysAgo: 60, accept: false, debtorIndex: 1 },
  { suffix: '1005', lines: [{ description: 'Småjobb', quantity: '1', unitPrice: '120', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 1, accept: false, debtorIndex: 0 },
  // A private person above the person cap (seed 001: stricter control): the manual-assessment queue has work.
  { suffix: '1006', only: 'SE', lines: [{ description: 'Altanbygge', quantity: '1', unitPrice: '17000', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 2, accept: true, debtorIndex: 1 },
  // Collection's other queues (Norway's debtor, already disputed in the demo): a recourse invoice open, a case handed off, a write-off for finance to approve.
  { suffix: '1007', only: 'NO', collection: 'RECOURSE', lines: [{ description: 'Takrenovering', quantity: '1', unitPrice: '8400', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 2, accept: true, debtorIndex: 0 },
  // 1008 and 1009 are made overdue (demo-overdue.ts) before they are handed to collection, bought without recourse so they stay there.
  { suffix: '1008', only: 'NO', collection: 'HANDOFF', recourseMode: 'WITHOUT_RECOURSE', lines: [{ description: 'Graving', quantity: '6', unitPrice: '1350', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 3, accept: true, debtorIndex: 0 },
  { suffix: '1009', only: 'NO', collection: 'WRITE_OFF', recourseMode: 'WITHOUT_RECOURSE', lines: [{ description: 'Vinduer, montering', quantity: '4', unitPrice: '2150', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 3, accept: true, debtorIndex: 0 },
  // Made overdue after they are bought (demo data only, demo-overdue.ts): 40 and 75 days past due, bought without recourse so they stay with collection.
  { suffix: '1010', only: 'NO', overdue: true, recourseMode: 'WITHOUT_RECOURSE', lines: [{ description: 'Rørleggerarbeid', quantity: '9', unitPrice: '950', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 2, accept: true, debtorIndex: 0 },
  { suffix: '1011', only: 'NO', overdue: true, recourseMode: 'WITHOUT_RECOURSE', lines: [{ description: 'Maling, fasade', quantity: '1', unitPrice: '14600', vatRatePercent: '25' }], dueInDays: 30, deliveredDaysAgo: 2, accept: true, debtorIndex: 0 },
];

const DEBTORS = {
  SE: [
    // Its e-mail address is one the demo's mail catcher refuses (550): the sold invoice falls back to
    // post, so finance finds it in the failed deliveries and in the day's print batch (issue 13).
    { kind: 'COMPANY', identityNumber: '556123-4567', name: 'Byggvaruhuset i Uppsala AB', email: 'ekonomi@refuse.example', address: { street: 'Kungsgatan 3', postalCode: '753 21', city: 'Uppsala', country: 'SE' } },
    { kind: 'PERSON', identityNumber: '19851224-1236', name: 'Sven Svensson', address: { street: 'Vaksalagatan 10', postalCode: '753 20', city: 'Uppsala', country: 'SE' } },
  ],
  NO: [
    { kind: 'COMPANY', identityNumber: '975312461', name: 'Bergen Eiendom AS', address: { street: 'Bryggen 7', postalCode: '5003', city: 'Bergen', country: 'NO' } },
    { kind: 'COMPANY', identityNumber: '975312461', name: 'Bergen Eiendom AS', address: { street: 'Bryggen 7', postalCode: '5003', city: 'Bergen', country: 'NO' } },
  ],
};

export async function runDemoAccountingProgram(options: DemoProgramOptions): Promise<{ submitted: number; accepted: number; purchased: number; disputed?: number }> {
  const log = options.log ?? (() => undefined);
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${options.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    // A plain GraphQL client, as an outside program would be: answers are read by shape.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    return body;
  };

  const signIn = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: options.adminEmail, p: options.adminPassword });
  if (!signIn.data) throw new Error(`The demo program could not sign in as ${options.adminEmail}: ${signIn.errors?.[0]?.message}`);
  const adminToken: string = signIn.data.signIn.token;
  const clients = await gql(`{ clients(filter: { state: ACTIVE }, perPage: 200) { items { id country legalName } } }`, {}, adminToken);
  const keys: Record<string, string> = existsSync(options.keysFile) ? JSON.parse(readFileSync(options.keysFile, 'utf8')) : {};

  let submitted = 0;
  let accepted = 0;
  const toConfirm: DemoBought[] = [];
  for (const client of clients.data.clients.items as Array<{ id: string; country: 'SE' | 'NO'; legalName: string }>) {
    let key = keys[client.id];
    if (!key || (await gql(`{ myClient { id } }`, {}, key)).errors) {
      const issued = await gql(`mutation($c: ID!) { issueIntegrationKey(clientId: $c, label: "Demo accounting program") { key } }`, { c: client.id }, adminToken);
      key = issued.data.issueIntegrationKey.key;
      keys[client.id] = key;
    }
    for (const spec of INVOICES.filter((invoice) => !invoice.only || invoice.only === client.country)) {
      const input = invoiceFor(client.country, spec, options.today);
      const result = await gql(
        `mutation($input: InvoiceInput!) { submitInvoice(input: $input) { id status reasons { code } offer { recourseModes } } }`,
        { input },
        key,
      );
      if (!result.data) throw new Error(`Submitting ${input.invoiceNumber} failed: ${result.errors?.[0]?.message}`);
      submitted += 1;
      const invoice = result.data.submitInvoice;
      log(`${client.legalName}: ${input.invoiceNumber} ${invoice.status}${invoice.reasons.length ? ` (${invoice.reasons.map((r: { code: string }) => r.code).join(', ')})` : ''}`);
      if (spec.accept && invoice.status === 'OFFERED') {
        const mode = spec.recourseMode && invoice.offer.recourseModes.includes(spec.recourseMode) ? spec.recourseMode : invoice.offer.recourseModes[0];
        const done = await gql(`mutation($id: ID!, $mode: RecourseMode) { acceptOffer(invoiceId: $id, recourseMode: $mode) { status } }`, { id: invoice.id, mode }, key);
        if (done.data) accepted += 1;
      }
      // The first invoice's spot check is confirmed, and so is any other sold to the same debtor: its number is verified by then,
      // so no spot check is left open on a debtor with a contact the analyst has already recorded.
      const sameDebtor = DEBTORS[client.country][spec.debtorIndex].identityNumber === DEBTORS[client.country][0].identityNumber;
      if ((spec.confirmSpotCheck || sameDebtor) && spec.accept) toConfirm.push({ id: invoice.id, number: input.invoiceNumber, country: client.country, collection: spec.collection, overdue: spec.overdue });
    }
  }
  mkdirSync(dirname(options.keysFile), { recursive: true });
  writeFileSync(options.keysFile, JSON.stringify(keys, null, 2), { mode: 0o600 });
  const bought: DemoBought[] = [];
  const purchased = options.analystEmail ? await confirmSpotChecks(gql, options.analystEmail, options.adminPassword, toConfirm, log, bought) : 0;
  const disputed = options.collectionEmail ? await registerDemoDisputes(gql, options.collectionEmail, options.adminPassword, bought.filter((b) => !b.collection && !b.overdue), options.today, log) : 0;
  await options.beforeCollectionWork?.();
  if (options.collectionEmail) await demoCollectionWork(gql, options.collectionEmail, options.adminPassword, bought, options.today, log);
  if (options.financeEmail) {
    await importUnmatchedPayment(gql, options.financeEmail, options.adminPassword, options.today, log);
    if (options.secondFinanceEmail) await prepareDemoPayouts(gql, options.financeEmail, options.secondFinanceEmail, options.adminPassword, log);
  }
  return { submitted, accepted, purchased, disputed };
}

/** Where the demo analyst found each country's debtor's number (the browser test records the Swedish one the same way). */
const VERIFIED_CONTACT = {
  SE: (d: string) => ({ d, phone: '+46 8 555 123 45', where: 'Bolagsverket, the company register' }),
  NO: (d: string) => ({ d, phone: '+47 55 55 12 34', where: 'Brønnøysundregistrene, the company register' }),
};

type DemoBought = { id: string; number: string; country: 'SE' | 'NO'; collection?: DemoInvoice['collection']; overdue?: boolean };

type Gql = (query: string, variables: Record<string, unknown>, token?: string) => Promise<{ data?: any; errors?: Array<{ message: string }> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The analyst's side of a spot check, the way the console does it: a debtor contact found and
 * checked by the analyst (issue 9 h: never the one the client typed), then "Confirmed" on the call,
 * and the invoice is bought. Waits for the worker's credit decision first; an invoice already
 * past its spot check (a second run) is left as it is.
 */
async function confirmSpotChecks(
  gql: Gql,
  email: string,
  password: string,
  invoices: DemoBought[],
  log: (line: string) => void,
  bought: DemoBought[] = [],
): Promise<number> {
  const signIn = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: email, p: password });
  if (!signIn.data) throw new Error(`The demo program could not sign in as ${email}: ${signIn.errors?.[0]?.message}`);
  const token: string = signIn.data.signIn.token;
  let purchased = 0;
  for (const invoice of invoices) {
    let status = 'ACCEPTED';
    for (let tries = 0; tries < 60 && status === 'ACCEPTED'; tries += 1) {
      status = (await gql(`query($id: ID!) { invoice(id: $id) { status } }`, { id: invoice.id }, token)).data?.invoice?.status ?? 'ACCEPTED';
      if (status === 'ACCEPTED') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (status === 'PURCHASED') bought.push(invoice);
    if (status !== 'SPOT_CHECK') continue;
    const reviews = await gql(`{ creditReviews(perPage: 200, filter: { kind: SPOT_CHECK }) { items { id invoiceId debtorId verifiedContacts { id } } } }`, {}, token);
    const review = (reviews.data?.creditReviews.items ?? []).find((item: { invoiceId: string }) => item.invoiceId === invoice.id);
    if (!review?.debtorId) continue;
    if (!review.verifiedContacts.length) {
      await gql(
        `mutation($d: ID!, $phone: String!, $where: String!) { recordVerifiedDebtorContact(debtorId: $d, phone: $phone, source: PUBLIC_REGISTRY, sourceDetail: $where) { id } }`,
        VERIFIED_CONTACT[invoice.country](review.debtorId),
        token,
      );
    }
    await gql(`mutation($id: ID!) { claimCreditReview(id: $id) { id } }`, { id: review.id }, token);
    const done = await gql(
      `mutation($id: ID!, $note: String!) { recordSpotCheckOutcome(id: $id, outcome: CONFIRMED, note: $note) { state } }`,
      { id: review.id, note: SPOT_CHECK_NOTE[invoice.country] },
      token,
    );
    if (done.data) {
      purchased += 1;
      bought.push(invoice);
      log(`${invoice.number}: spot check confirmed, bought`);
    } else {
      log(`${invoice.number}: spot check not confirmed: ${done.errors?.[0]?.message}`);
    }
  }
  return purchased;
}

/** The analyst's note on a confirmed spot check, in the language of the country's staff (what staff type is data, in their language). */
const SPOT_CHECK_NOTE = {
  SE: 'Leverantörsreskontran väntar fakturan; innehåll och pris stämmer (demo).',
  NO: 'Leverandørreskontroen venter fakturaen; innhold og pris stemmer (demo).',
};

/**
 * Two disputes, as collection staff take them by phone and e-mail: one of part of an invoice, one of all of another.
 * All the demo's collection work is on Norwegian invoices, so its notes are in Norwegian, as the staff there would type them.
 */
const DEMO_DISPUTES = [
  { share: 'PART', channel: 'PHONE', reason: 'Fakturamottakeren sier at materialet aldri ble levert (demo).', nextStep: 'Be kunden om følgeseddelen', dueInDays: 3 },
  { share: 'ALL', channel: 'EMAIL', reason: 'Fakturamottakeren sier at arbeidet aldri ble bestilt (demo).', nextStep: 'Ring fakturamottakerens regnskapsavdeling', dueInDays: -1 },
] as const;

/**
 * Registers the demo disputes on the first bought invoices of the Norwegian client, the way the
 * console does. Idempotent: an invoice that has had any dispute, open or ended, is left alone.
 */
async function registerDemoDisputes(gql: Gql, email: string, password: string, bought: Array<{ id: string; number: string; country: 'SE' | 'NO' }>, today: string, log: (line: string) => void): Promise<number> {
  const signIn = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: email, p: password });
  if (!signIn.data) throw new Error(`The demo program could not sign in as ${email}: ${signIn.errors?.[0]?.message}`);
  const token: string = signIn.data.signIn.token;
  // Norway's demo debtor only: a dispute marks its debtor "disputed before", after which the rules refuse
  // new invoices to it (seed 000), and the browser tests sell to the Swedish demo debtor.
  const picked = bought.filter((b) => b.country === 'NO');
  let registered = 0;
  for (const [index, invoice] of picked.slice(0, DEMO_DISPUTES.length).entries()) {
    const spec = DEMO_DISPUTES[index];
    const seen = await gql(
      `query($i: ID!) { invoice(id: $i) { status payable } o: disputes(invoiceId: $i, state: OPEN) { total } w: disputes(invoiceId: $i, state: WITHDRAWN) { total }
        c: disputes(invoiceId: $i, state: CREDITED) { total } r: disputes(invoiceId: $i, state: RECOURSE) { total } }`,
      { i: invoice.id },
      token,
    );
    if (!seen.data) {
      log(`${invoice.number}: its disputes could not be read: ${seen.errors?.[0]?.message}`);
      continue;
    }
    if (seen.data.invoice.status !== 'PURCHASED' || seen.data.o.total + seen.data.w.total + seen.data.c.total + seen.data.r.total > 0) continue;
    const payable = Number(seen.data.invoice.payable);
    // A part: a fifth of the invoice in whole kronor (the debtor disputes one item).
    const amount = spec.share === 'ALL' ? String(seen.data.invoice.payable) : `${Math.max(1, Math.floor(payable / 5))}.00`;
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + spec.dueInDays * 86400_000).toISOString().slice(0, 10);
    const done = await gql(
      `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`,
      { input: { invoiceId: invoice.id, channel: spec.channel, amount, reason: spec.reason, nextStep: spec.nextStep, nextStepDue: due } },
      token,
    );
    if (done.data) {
      registered += 1;
      log(`${invoice.number}: dispute registered`);
    } else {
      log(`${invoice.number}: dispute not registered: ${done.errors?.[0]?.message}`);
    }
  }
  return registered;
}

async function signedIn(gql: Gql, email: string, password: string): Promise<string> {
  const signIn = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: email, p: password });
  if (!signIn.data) throw new Error(`The demo program could not sign in as ${email}: ${signIn.errors?.[0]?.message}`);
  return signIn.data.signIn.token;
}

/**
 * Collection's other work, done the way collection staff do it in the console: a dispute ended as
 * bought back by the client (an open recourse invoice), an invoice handed to collection (an open
 * case), and one handed off and proposed for write-off (for finance to approve). Idempotent: an
 * invoice that has had a dispute or a case of any state is left alone.
 */
async function demoCollectionWork(gql: Gql, email: string, password: string, bought: DemoBought[], today: string, log: (line: string) => void): Promise<void> {
  const token = await signedIn(gql, email, password);
  const due = new Date(Date.parse(`${today}T12:00:00Z`) + 2 * 86400_000).toISOString().slice(0, 10);
  for (const invoice of bought.filter((b) => b.collection)) {
    const seen = await gql(
      `query($i: ID!) { invoice(id: $i) { status payable }
        o: disputes(invoiceId: $i, state: OPEN) { total } w: disputes(invoiceId: $i, state: WITHDRAWN) { total }
        c: disputes(invoiceId: $i, state: CREDITED) { total } r: disputes(invoiceId: $i, state: RECOURSE) { total }
        active: collectionCases(invoiceId: $i) { total } paid: collectionCases(invoiceId: $i, state: PAID) { total }
        closed: collectionCases(invoiceId: $i, state: CLOSED) { total } off: collectionCases(invoiceId: $i, state: WRITTEN_OFF) { total } }`,
      { i: invoice.id },
      token,
    );
    if (!seen.data) {
      log(`${invoice.number}: could not be read: ${seen.errors?.[0]?.message}`);
      continue;
    }
    const d = seen.data;
    const had = d.o.total + d.w.total + d.c.total + d.r.total + d.active.total + d.paid.total + d.closed.total + d.off.total;
    if (d.invoice.status !== 'PURCHASED' || had > 0) continue;
    if (invoice.collection === 'RECOURSE') {
      const registered = await gql(
        `mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id version } }`,
        { input: { invoiceId: invoice.id, channel: 'LETTER', amount: String(d.invoice.payable), reason: 'Kunden solgte en faktura som fakturamottakeren allerede hadde betalt kontant (demo).', nextStep: 'Be kunden kjøpe fakturaen tilbake', nextStepDue: due } },
        token,
      );
      const dispute = registered.data?.registerDispute;
      const ended = dispute
        ? await gql(
            `mutation($id: ID!, $v: Int!) { resolveDispute(id: $id, expectedVersion: $v, ending: RECOURSE, note: "Kunden har sagt ja til å kjøpe fakturaen tilbake (demo).") { state recourseInvoiceId } }`,
            { id: dispute.id, v: dispute.version },
            token,
          )
        : registered;
      log(`${invoice.number}: ${ended.data ? 'bought back by the client, recourse invoice open' : `not bought back: ${ended.errors?.[0]?.message}`}`);
      continue;
    }
    const handed = await gql(
      `mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "Fakturamottakeren svarer ikke når vi ringer (demo).") { id version } }`,
      { i: invoice.id },
      token,
    );
    if (!handed.data) {
      log(`${invoice.number}: not handed off: ${handed.errors?.[0]?.message}`);
      continue;
    }
    log(`${invoice.number}: handed to collection`);
    if (invoice.collection !== 'WRITE_OFF') continue;
    const c = handed.data.handOffToCollection;
    const proposed = await gql(
      `mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, expectedVersion: $v, note: "Fakturamottakerens konkursbo har ingen midler (demo).") { state } }`,
      { id: c.id, v: c.version },
      token,
    );
    log(`${invoice.number}: ${proposed.data ? 'write-off proposed, for finance to approve' : `write-off not proposed: ${proposed.errors?.[0]?.message}`}`);
  }
}

/**
 * Finance's payout batches, so both batch queues have work when the product starts (four eyes): the
 * day's Norwegian batch is prepared by finance and approved by a second person (all@, who has every
 * role), waiting to be exported and sent; the day's Swedish batch is prepared and left for a
 * second person's approval. Once per book: a book with a batch still open is left alone.
 */
async function prepareDemoPayouts(gql: Gql, email: string, approverEmail: string, password: string, log: (line: string) => void): Promise<void> {
  const token = await signedIn(gql, email, password);
  const open = await gql(`{ a: payoutBatches(state: PREPARED, perPage: 50) { items { book } } b: payoutBatches(state: APPROVED, perPage: 50) { items { book } } c: payoutBatches(state: EXPORTED, perPage: 50) { items { book } } }`, {}, token);
  const busy = new Set(['a', 'b', 'c'].flatMap((k) => (open.data?.[k]?.items ?? []).map((b: { book: string }) => b.book)));
  for (const book of ['NO', 'SE'] as const) {
    if (busy.has(book)) continue;
    const due = await gql(`query($b: Country!) { payoutsDue(book: $b) { included { invoiceId } } }`, { b: book }, token);
    if (!due.data?.payoutsDue.included.length) continue;
    const prepared = await gql(`mutation($b: Country!) { preparePayoutBatch(book: $b) { id version lineCount } }`, { b: book }, token);
    if (!prepared.data) {
      log(`No ${book} payout batch prepared: ${prepared.errors?.[0]?.message}`);
      continue;
    }
    const batch = prepared.data.preparePayoutBatch;
    if (book === 'SE') {
      log(`A Swedish payout batch of ${batch.lineCount} payouts prepared, waiting for a second person's approval`);
      continue;
    }
    const approverToken = await signedIn(gql, approverEmail, password);
    const approved = await gql(`mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state } }`, { id: batch.id, v: batch.version }, approverToken);
    log(approved.data ? `A Norwegian payout batch of ${batch.lineCount} payouts prepared and approved, waiting to be exported and sent` : `The Norwegian payout batch was not approved: ${approved.errors?.[0]?.message}`);
  }
}

/** The factor's Swedish bankgiro as a camt.054 names it (migrations' ledger_bank_account). */
const FACTOR_BANKGIRO = '50501055';
/** The bank's reference of the demo's unmatched payment: importing it again adds nothing (bank_entry_once). */
const UNMATCHED_PAYMENT_REF = 'DEMO-UNMATCHED-0001';
const DOUBLE_PAYMENT_REF = 'DEMO-UNMATCHED-0002';
/** A valid Swedish IBAN (the format's published example) the double payment came from: the refund goes back to it. */
const DOUBLE_PAYER_IBAN = 'SE4550000000058398257466';

/**
 * Finance imports a camt.054 from the bank with one payment whose reference matches no invoice (a
 * debtor who wrote its own invoice number): the unmatched-payments queue has work. Idempotent: the
 * bank's entry reference is fixed, so a second import finds it already booked.
 */
async function importUnmatchedPayment(gql: Gql, email: string, password: string, today: string, log: (line: string) => void): Promise<void> {
  const token = await signedIn(gql, email, password);
  // Imported once: a second run would add an import (of one duplicate entry) to the bank files' list.
  const imports = await gql(`{ bankImports(perPage: 100) { items { fileIdentity } } }`, {}, token);
  if ((imports.data?.bankImports.items ?? []).some((i: { fileIdentity: string | null }) => i.fileIdentity === UNMATCHED_PAYMENT_REF)) return;
  const xml = await camtString({
    kind: '054',
    version: '08',
    msgId: UNMATCHED_PAYMENT_REF,
    sections: [
      {
        id: `NTF-${UNMATCHED_PAYMENT_REF}`,
        otherAccountId: FACTOR_BANKGIRO,
        currency: 'SEK',
        entries: [
          { amount: '12437.50', valueDate: today, bookingDate: today, acctSvcrRef: UNMATCHED_PAYMENT_REF, txs: [{ ustrd: ['Faktura 4471 Lindqvist Fastigheter'], name: 'Lindqvist Fastigheter AB' }] },
          // Paid twice by mistake, from an account the bank names: finance marks it for refund below, so a refund is due in the next payout batch.
          { amount: '850.00', valueDate: today, bookingDate: today, acctSvcrRef: DOUBLE_PAYMENT_REF, txs: [{ ustrd: ['Dubbelbetalning'], name: 'Byggvaruhuset i Uppsala AB', account: DOUBLE_PAYER_IBAN }] },
        ],
      },
    ],
  });
  const done = await gql(
    `mutation($c: String!, $f: String!) { importBankFile(content: $c, fileName: $f) { id } }`,
    { c: Buffer.from(xml, 'utf8').toString('base64'), f: 'demo-camt054-unmatched.xml' },
    token,
  );
  log(done.data ? 'A bank file with two unmatched payments imported' : `The demo bank file was not imported: ${done.errors?.[0]?.message}`);
  if (!done.data) return;
  // Finance marks the double payment for refund to the account it came from.
  const waiting = await gql(`{ incomingPayments(perPage: 200) { items { id amount payerAccount version } } }`, {}, token);
  const double = (waiting.data?.incomingPayments.items ?? []).find((p: { amount: string; payerAccount: string | null }) => p.amount === '850.00' && p.payerAccount === DOUBLE_PAYER_IBAN);
  if (!double) return;
  const refunded = await gql(
    `mutation($id: ID!, $v: Int!) { refundIncomingPayment(id: $id, amount: "850.00", expectedVersion: $v, note: "Betalt två gånger (demo).") { state } }`,
    { id: double.id, v: double.version },
    token,
  );
  log(refunded.data ? 'The double payment marked for refund: due in the next payout batch' : `The double payment was not marked for refund: ${refunded.errors?.[0]?.message}`);
}

function invoiceFor(country: 'SE' | 'NO', spec: DemoInvoice, today: string) {
  const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
  const lines = spec.lines.map((l) => ({ ...l, reverseCharge: l.reverseCharge ?? false }));
  // The same arithmetic the eligibility rules check the totals against.
  const { net, vat, gross } = computeTotals({ lines, totals: { net: '0', vat: '0', gross: '0' } });
  return {
    invoiceNumber: `DEMO-${country}-${spec.suffix}`,
    currency: country === 'SE' ? 'SEK' : 'NOK',
    invoiceDate: shift(-spec.deliveredDaysAgo),
    deliveryDate: shift(-spec.deliveredDaysAgo),
    dueDate: shift(spec.dueInDays - spec.deliveredDaysAgo),
    debtor: DEBTORS[country][spec.debtorIndex],
    lines,
    totals: { net: net.toFixed(2), vat: vat.toFixed(2), gross: gross.toFixed(2) },
    payable: gross.toFixed(2),
  };
}
