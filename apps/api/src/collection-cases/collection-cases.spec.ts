import Decimal from 'decimal.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { newStaff } from '../../test-support/factories';
import { day } from '../../test-support/invoices';
import { errorOf, startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { OperationAccessRegistry } from '../auth/operation-access.registry';
import { Role } from '../auth/role';
import { CreditService } from '../credit/credit.service';
import { AgencyHandoffProcessor } from './agency-handoff.processor';

/** Collection cases (issue 15 s.5-6, seeds 002, 003) against real PostgreSQL: handoff, refusals, one person per case, the agency file, escalation, credit loss with four eyes. */
let t: TestApp;
let credit: CreditService;
let analyst: { token: string };
let admin: { token: string };
let ceci: { id: string; token: string };
let colin: { id: string; token: string };
let fia: { id: string; token: string };
let both: { id: string; token: string };
let folder: string;
const f = creditFixtures(() => t, () => ({ analyst, admin }));

const FIELDS = `id state invoiceNumber clientName debtorName country currency principal fees interest claim interestFrom interestRate claimAsOf ageDays nextStep version
  agencyFile writeOffAmount writtenOffBy { name } claimedBy { name } steps { step onDate actorType note externalRef details }`;
const HAND_OFF = `mutation($i: ID!) { handOffToCollection(invoiceId: $i, note: "Three letters, no answer") { ${FIELDS} } }`;
const CLAIM = `mutation($id: ID!) { claimCollectionCase(id: $id) { id version claimedBy { name } } }`;
const ESCALATE = `mutation($id: ID!, $e: CollectionEscalation!, $v: Int!) { escalateCollectionCase(id: $id, escalation: $e, note: "Agency got nowhere", expectedVersion: $v) { ${FIELDS} } }`;
const ANSWER = `mutation($input: AgencyAnswerInput!) { agencyAnswer(input: $input) { ${FIELDS} } }`;
const PROPOSE = `mutation($id: ID!, $v: Int!) { proposeWriteOff(id: $id, note: "The debtor is bankrupt: no assets", expectedVersion: $v) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approveWriteOff(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const QUEUE = `query { collectionCases(perPage: 200) { total items { id invoiceNumber claim currency clientName debtorName ageDays nextStep } } }`;

const staff = async (roles: Role[], name: string) => {
  const s = await newStaff(t.db, { roles, name });
  return { id: s.id, token: await t.signIn(s.email, s.password) };
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'collection-agency-'));
  process.env.COLLECTION_AGENCY_FOLDER = folder;
  t = await startTestAppOnOwnDatabase();
  credit = t.app.get(CreditService);
  ({ analyst, admin } = await analystAndAdmin(t));
  await f.noSpotChecksInNorway();
  // And in Sweden, for the payment order's invoice (as the follow-up spec does).
  const published = await t.gql(
    `mutation($v: JSON!, $from: String!) { publishRuleSetting(name: "spotCheck", country: SE, validFrom: $from, value: $v, source: "Test: no spot checks") { validFrom } }`,
    { from: day(0), v: { alwaysCheckFirst: 0, halfLifeInvoices: 1, floorRate: '0', intensityFactor: { HIGH: '0', NORMAL: '0', LOW: '0' }, newDebtorMinimumRate: '0', largeAmountThreshold: '100000.00', largeAmountMinimumRate: '0' } },
    admin.token,
  );
  if (!published.data && published.errors?.[0]?.extensions?.reason !== 'SETTING_VERSION_EXISTS') throw new Error(JSON.stringify(published.errors));
  ceci = await staff([Role.COLLECTION], 'Ceci Collection');
  colin = await staff([Role.COLLECTION], 'Colin Collection');
  fia = await staff([Role.FINANCE], 'Fia Finance');
  both = await staff([Role.COLLECTION, Role.FINANCE], 'Bo Both');
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A bought Norwegian invoice 60 days past due, bought without recourse unless said. */
async function overdue(mode: 'WITHOUT_RECOURSE' | 'WITH_RECOURSE' = 'WITHOUT_RECOURSE') {
  const client = await f.clientWithKey('NO');
  const invoice = await f.accepted(client.key, 'NO', f.norwegianDebtor());
  await f.setLimit(invoice.debtorId, '1000000');
  expect(await credit.decide(invoice.id)).toBe('APPROVE');
  await t.db.query(`UPDATE invoice SET invoice_date = current_date - 90, delivery_date = current_date - 90, due_date = current_date - 60, recourse_mode = $2 WHERE id = $1`, [invoice.id, mode]);
  const [row] = await t.db.query(`SELECT payable::text, exposure::text, invoice_number FROM invoice WHERE id = $1`, [invoice.id]);
  return { ...invoice, ...row } as { id: string; debtorId: string; payable: string; exposure: string; invoice_number: string };
}

async function handedOff(mode?: 'WITHOUT_RECOURSE' | 'WITH_RECOURSE') {
  const invoice = await overdue(mode);
  const result = await t.gql(HAND_OFF, { i: invoice.id }, ceci.token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { invoice, c: result.data.handOffToCollection };
}

const countCases = async (invoiceId: string) => (await t.db.query(`SELECT count(*)::int AS n FROM collection_case WHERE invoice_id = $1`, [invoiceId]))[0].n;

describe('handing an invoice to collection', () => {
  it('opens the case with its claim (principal, late interest to today), its steps, the invoice\'s step, the debtor marked, the audit row and the agency\'s outbox row', async () => {
    const { invoice, c } = await handedOff();
    expect(c).toMatchObject({ state: 'HANDED_OFF', principal: invoice.payable, fees: '0.00', currency: 'NOK', country: 'NO', version: 1, ageDays: 0, nextStep: 'AGENCY_ANSWER_OR_CONCILIATION_BOARD' });
    // 60 days of Norwegian forsinkelsesrente on the principal: above zero, and the claim adds up.
    expect(new Decimal(c.interest).gt(0)).toBe(true);
    expect(c.claim).toBe(new Decimal(c.principal).plus(c.fees).plus(c.interest).toFixed(2));
    expect(c.interestRate).toMatch(/^\d+\.\d+$/);
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual(['OPENED', 'CLIENT_APPROVAL_NOT_NEEDED', 'HANDED_OFF']);
    const [debtor] = await t.db.query(`SELECT has_unpaid_before FROM debtor WHERE id = $1`, [invoice.debtorId]);
    expect(debtor.has_unpaid_before).toBe(true);
    const steps = await t.db.query(`SELECT details->>'step' AS step FROM timeline_event WHERE entity_type = 'INVOICE' AND entity_id = $1 AND details->>'step' = 'HANDED_TO_COLLECTION'`, [invoice.id]);
    expect(steps).toHaveLength(1);
    const [audit] = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'handOffToCollection' AND target_id = $1`, [c.id]);
    expect(audit?.outcome).toBe('SUCCEEDED');
    expect(await t.db.query(`SELECT written_at FROM collection_agency_outbox WHERE case_id = $1`, [c.id])).toEqual([{ written_at: null }]);
    const queue = (await t.gql(QUEUE, {}, fia.token)).data!.collectionCases;
    expect(queue.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ invoiceNumber: invoice.invoice_number, claim: c.claim, currency: 'NOK' });
    // Still owed, so still in the aging; the overdue queue points to the case instead of a reminder that will not come.
    const overdueQueue = (await t.gql(`query { overdueInvoices(perPage: 200) { items { invoiceId nextStep nextStepOn collectionCaseId } } }`, {}, ceci.token)).data!.overdueInvoices;
    expect(overdueQueue.items.find((i: { invoiceId: string }) => i.invoiceId === invoice.id)).toEqual({ invoiceId: invoice.id, nextStep: 'WITH_COLLECTION', nextStepOn: null, collectionCaseId: c.id });
  });

  it('refuses an invoice already handed off, paid or disputed, each with its code naming the invoice, and changes nothing', async () => {
    const { invoice } = await handedOff();
    const again = errorOf(await t.gql(HAND_OFF, { i: invoice.id }, colin.token));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_ALREADY_HANDED_OFF' });
    expect(again!.message).toContain(invoice.invoice_number);
    expect(await countCases(invoice.id)).toBe(1);

    const paid = await overdue();
    await t.db.query(`UPDATE invoice SET paid_amount = payable WHERE id = $1`, [paid.id]);
    const refusedPaid = errorOf(await t.gql(HAND_OFF, { i: paid.id }, ceci.token));
    expect(refusedPaid).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_INVOICE_PAID' });
    expect(refusedPaid!.message).toContain(paid.invoice_number);
    expect(await countCases(paid.id)).toBe(0);
    const [debtor] = await t.db.query(`SELECT has_unpaid_before FROM debtor WHERE id = $1`, [paid.debtorId]);
    expect(debtor.has_unpaid_before).toBe(false);

    const disputed = await overdue();
    await t.gql(`mutation($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`, {
      input: { invoiceId: disputed.id, channel: 'LETTER', amount: '10.00', reason: 'Wrong goods', nextStep: 'Ask the client', nextStepDue: '2099-01-01' },
    }, ceci.token);
    const refusedDisputed = errorOf(await t.gql(HAND_OFF, { i: disputed.id }, ceci.token));
    expect(refusedDisputed).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_INVOICE_DISPUTED' });
    expect(refusedDisputed!.message).toContain(disputed.invoice_number);
    expect(await countCases(disputed.id)).toBe(0);
    const [audit] = await t.db.query(`SELECT outcome, error_code FROM audit_entry WHERE operation = 'handOffToCollection' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ outcome: 'FAILED', error_code: 'COLLECTION_CASE_INVOICE_DISPUTED' });

    // Falling due today is not overdue: nothing to collect yet, and the refusal names the due date.
    const notDue = await overdue();
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today`);
    await t.db.query(`UPDATE invoice SET due_date = $2 WHERE id = $1`, [notDue.id, today]);
    const refusedNotDue = errorOf(await t.gql(HAND_OFF, { i: notDue.id }, ceci.token));
    expect(refusedNotDue).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_INVOICE_NOT_DUE' });
    expect(refusedNotDue!.message).toContain(today);
    expect(await countCases(notDue.id)).toBe(0);
  });

  it('two handoffs of one invoice at the same moment: one case, the other a CONFLICT', async () => {
    const invoice = await overdue();
    const results = await Promise.all([t.gql(HAND_OFF, { i: invoice.id }, ceci.token), t.gql(HAND_OFF, { i: invoice.id }, colin.token)]);
    expect(results.filter((r) => r.data?.handOffToCollection).length).toBe(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_ALREADY_HANDED_OFF' });
    expect(await countCases(invoice.id)).toBe(1);
  });
});

describe('two people on one case', () => {
  it('one claims, the other is refused with a CONFLICT naming the first; a stale version is a CONFLICT too; nothing changes', async () => {
    const { c } = await handedOff();
    expect((await t.gql(CLAIM, { id: c.id }, ceci.token)).data!.claimCollectionCase.claimedBy.name).toBe('Ceci Collection');
    const other = errorOf(await t.gql(ESCALATE, { id: c.id, e: 'CONCILIATION_BOARD', v: 2 }, colin.token));
    expect(other).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_CLAIMED' });
    expect(other!.message).toContain('Ceci Collection');
    expect(errorOf(await t.gql(ESCALATE, { id: c.id, e: 'CONCILIATION_BOARD', v: 1 }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_CHANGED' });
    const [row] = await t.db.query(`SELECT state, version FROM collection_case WHERE id = $1`, [c.id]);
    expect(row).toEqual({ state: 'HANDED_OFF', version: 2 });
  });
});

describe('the agency handoff', () => {
  it('writes one documented JSON file per case; the job run twice writes it once, with the same name and bytes', async () => {
    const { invoice, c } = await handedOff();
    const processor = new AgencyHandoffProcessor(t.app.get(DataSource));
    await processor.drain(10_000);
    const [row] = await t.db.query(`SELECT file_name, written_at FROM collection_agency_outbox WHERE case_id = $1`, [c.id]);
    expect(row.written_at).not.toBeNull();
    const mine = () => readdirSync(folder).filter((name) => name.includes(c.id));
    expect(mine()).toEqual([row.file_name]);
    const first = readFileSync(join(folder, row.file_name), 'utf8');
    const body = JSON.parse(first);
    expect(body).toMatchObject({ format: 'factoring.collection-handoff.v1', caseId: c.id, country: 'NO', currency: 'NOK', invoice: { number: invoice.invoice_number }, claim: { principal: c.principal, interest: c.interest, total: c.claim } });
    // Again (a rerun, and a crash before the mark: the row made pending again): the same single file, the same bytes.
    await processor.drain(10_000);
    await t.db.query(`UPDATE collection_agency_outbox SET written_at = NULL WHERE case_id = $1`, [c.id]);
    await processor.drain(10_000);
    expect(mine()).toEqual([row.file_name]);
    expect(readFileSync(join(folder, row.file_name), 'utf8')).toBe(first);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('ends PAID when the invoice is paid in full (through its status), with a step; a later answer is refused', async () => {
    const { invoice, c } = await handedOff();
    await t.db.query(`UPDATE invoice SET paid_amount = payable, status = 'FULLY_PAID' WHERE id = $1`, [invoice.id]);
    const paid = (await t.gql(`query($id: ID!) { collectionCase(id: $id) { ${FIELDS} } }`, { id: c.id }, ceci.token)).data!.collectionCase;
    expect(paid).toMatchObject({ state: 'PAID', version: 2, nextStep: null });
    expect(paid.steps.at(-1)).toMatchObject({ step: 'PAID', actorType: 'SYSTEM' });
    const late = await t.gql(ANSWER, { input: { caseId: c.id, reference: 'AG-LATE', kind: 'RECEIVED', answeredOn: '2026-11-20' } }, ceci.token);
    expect(errorOf(late)).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_ANSWER_ON_ENDED_CASE' });
  });

  it('records the agency\'s answers as steps, the same reference once', async () => {
    const { c } = await handedOff();
    const input = { caseId: c.id, reference: 'AG-7781', kind: 'NO_ASSETS', answeredOn: '2026-11-20', note: 'No attachable assets found' };
    await t.gql(ANSWER, { input }, ceci.token);
    const again = (await t.gql(ANSWER, { input }, ceci.token)).data!.agencyAnswer;
    expect(again.steps.filter((s: { externalRef: string | null }) => s.externalRef === 'AG-7781')).toEqual([
      expect.objectContaining({ step: 'AGENCY_NO_ASSETS', actorType: 'AGENCY', onDate: '2026-11-20', note: 'No attachable assets found' }),
    ]);
  });
});

describe('escalation', () => {
  it('Sweden: an application for a payment order at Kronofogden, with the claim, fees and interest from which day at which rate, citing lag (1990:746)', async () => {
    const client = await f.clientWithKey('SE');
    const invoice = await f.accepted(client.key, 'SE', f.swedishDebtor());
    await f.setLimit(invoice.debtorId, '1000000');
    expect(await credit.decide(invoice.id)).toBe('APPROVE');
    await t.db.query(`UPDATE invoice SET invoice_date = current_date - 90, delivery_date = current_date - 90, due_date = current_date - 60 WHERE id = $1`, [invoice.id]);
    const c = (await t.gql(HAND_OFF, { i: invoice.id }, ceci.token)).data!.handOffToCollection;
    expect(errorOf(await t.gql(ESCALATE, { id: c.id, e: 'CONCILIATION_BOARD', v: 1 }, ceci.token))).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_WRONG_COUNTRY' });
    const escalated = (await t.gql(ESCALATE, { id: c.id, e: 'PAYMENT_ORDER', v: 1 }, ceci.token)).data!.escalateCollectionCase;
    expect(escalated.state).toBe('PAYMENT_ORDER_APPLIED');
    const step = escalated.steps.find((s: { step: string }) => s.step === 'PAYMENT_ORDER_APPLIED');
    const details = JSON.parse(step.details);
    expect(details.authority).toBe('Kronofogdemyndigheten');
    expect(details.law).toMatch(/1990:746/);
    expect(details.claim).toMatchObject({ principal: c.principal, fees: c.fees, currency: 'SEK' });
    expect(details.interest.fromDay > c.interestFrom).toBe(true);
    expect(details.interest.ratePercent).toBe(c.interestRate);
    expect(details.interest.basis).toMatch(/1975:635/);
  });

  it('Norway: the forliksråd, then the namsmann', async () => {
    const { c } = await handedOff();
    const board = (await t.gql(ESCALATE, { id: c.id, e: 'CONCILIATION_BOARD', v: 1 }, ceci.token)).data!.escalateCollectionCase;
    expect(JSON.parse(board.steps.at(-1).details)).toMatchObject({ authority: 'Forliksrådet' });
    const enforced = (await t.gql(ESCALATE, { id: c.id, e: 'ENFORCEMENT', v: board.version }, ceci.token)).data!.escalateCollectionCase;
    expect(enforced.state).toBe('ENFORCEMENT');
    expect(JSON.parse(enforced.steps.at(-1).details).authority).toMatch(/Namsmann/);
  });
});

describe('credit loss', () => {
  it('proposed by collection, approved by another person in finance: a balanced entry with no VAT line, the exposure released, the case written off', async () => {
    const { invoice, c } = await handedOff();
    const proposed = (await t.gql(PROPOSE, { id: c.id, v: 1 }, both.token)).data!.proposeWriteOff;
    expect(proposed.state).toBe('WRITE_OFF_PROPOSED');
    // Four eyes: the proposer (who is also in finance) may not approve.
    expect(errorOf(await t.gql(APPROVE, { id: c.id, v: proposed.version }, both.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'COLLECTION_CASE_FOUR_EYES' });
    expect((await t.db.query(`SELECT state FROM collection_case WHERE id = $1`, [c.id]))[0].state).toBe('WRITE_OFF_PROPOSED');
    const approved = (await t.gql(APPROVE, { id: c.id, v: proposed.version }, fia.token)).data!.approveWriteOff;
    expect(approved).toMatchObject({ state: 'WRITTEN_OFF', writtenOffBy: { name: 'Fia Finance' }, writeOffAmount: invoice.payable });
    const postings: Array<{ entry: string; role: string; amount: string }> = await t.db.query(
      `SELECT e.id::text AS entry, a.role, p.amount::text FROM journal_entry e JOIN journal_posting p ON p.entry_id = e.id
         JOIN LATERAL (SELECT role FROM ledger_account WHERE book = p.book AND number = p.account ORDER BY valid_from DESC LIMIT 1) a ON true
        WHERE e.cause_type = 'COLLECTION_CASE' AND e.cause_id = $1 AND e.event = 'CREDIT_LOSS' ORDER BY p.id`,
      [c.id],
    );
    expect(postings.map(({ role, amount }) => ({ role, amount }))).toEqual([
      { role: 'CREDIT_LOSSES', amount: invoice.payable },
      { role: 'PURCHASED_RECEIVABLES', amount: new Decimal(invoice.payable).negated().toFixed(2) },
    ]);
    expect(postings.reduce((s, p) => s.plus(p.amount), new Decimal(0)).isZero()).toBe(true);
    // What the invoice's receivable holds is zero now.
    const [{ left }] = await t.db.query(
      `SELECT coalesce(sum(p.amount), 0)::text AS left FROM journal_posting p JOIN (SELECT DISTINCT book, number FROM ledger_account WHERE role = 'PURCHASED_RECEIVABLES') a ON a.book = p.book AND a.number = p.account WHERE p.invoice_id = $1`,
      [invoice.id],
    );
    expect(new Decimal(left).isZero()).toBe(true);
    const [row] = await t.db.query(`SELECT exposure::text FROM invoice WHERE id = $1`, [invoice.id]);
    expect(row.exposure).toBe('0.00');
    const [audit] = await t.db.query(`SELECT outcome FROM audit_entry WHERE operation = 'approveWriteOff' AND target_id = $1 ORDER BY id DESC LIMIT 1`, [c.id]);
    expect(audit.outcome).toBe('SUCCEEDED');
  });

  it('refuses a write-off of an invoice bought with recourse (the client buys it back), naming the invoice', async () => {
    const { invoice, c } = await handedOff('WITH_RECOURSE');
    const refused = errorOf(await t.gql(PROPOSE, { id: c.id, v: 1 }, ceci.token));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'COLLECTION_CASE_WITH_RECOURSE' });
    expect(refused!.message).toContain(invoice.invoice_number);
  });
});

describe('who may do what', () => {
  it('collection acts, finance approves, analysts and admins read; the client never sees these operations', async () => {
    const registry = t.app.get(OperationAccessRegistry);
    const roles = (root: string, name: string) => {
      const access = registry.accessFor(root, name);
      return access.kind === 'roles' ? [...access.roles].sort() : access.kind;
    };
    for (const m of ['handOffToCollection', 'handOffRecourseInvoiceToCollection', 'claimCollectionCase', 'releaseCollectionCase', 'escalateCollectionCase', 'agencyAnswer', 'proposeWriteOff']) expect(roles('Mutation', m)).toEqual(['COLLECTION']);
    for (const m of ['approveWriteOff', 'rejectWriteOff']) expect(roles('Mutation', m)).toEqual(['FINANCE']);
    for (const q of ['collectionCases', 'collectionCase']) expect(roles('Query', q)).toEqual(['ADMIN', 'COLLECTION', 'CREDIT_ANALYST', 'FINANCE']);
    const invoice = await overdue();
    expect(errorOf(await t.gql(HAND_OFF, { i: invoice.id }, fia.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await t.gql(HAND_OFF, { i: invoice.id }, analyst.token))).toMatchObject({ code: 'FORBIDDEN' });
    const client = await f.clientWithKey('NO');
    expect(errorOf(await t.gql(HAND_OFF, { i: invoice.id }, client.key))?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect(await countCases(invoice.id)).toBe(0);
  });
});
