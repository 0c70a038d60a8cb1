import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analystAndAdmin } from '../../test-support/clients';
import { creditFixtures } from '../../test-support/credit';
import { invoiceInput, SUBMIT_INVOICE } from '../../test-support/invoices';
import { startTestApp, TestApp } from '../../test-support/test-app';

/**
 * Issue 10 s.3: a page costs a few queries, whatever its size. The per-row fields of a list
 * (timeline, credit notes, decisions, verified contacts) are batched per request.
 */
let t: TestApp;
let analyst: { token: string };
let admin: { token: string };
const f = creditFixtures(() => t, () => ({ analyst, admin }));

beforeAll(async () => {
  t = await startTestApp();
  ({ analyst, admin } = await analystAndAdmin(t));
});
afterAll(() => t?.close());

async function queriesDuring(run: () => Promise<unknown>): Promise<number> {
  const db = t.app.get<DataSource>(getDataSourceToken());
  const spy = jest.spyOn(db, 'query');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

it('reads a page of a client\'s invoices with their timelines and credit notes in the same number of queries for 1 row as for 12', async () => {
  const client = await f.clientWithKey('SE');
  for (let i = 0; i < 12; i += 1) await t.gql(SUBMIT_INVOICE, { input: invoiceInput('SE') }, client.key);
  const page = (perPage: number) => async () => {
    const answer = await t.gql(`query($n: Int!) { myInvoices(perPage: $n) { items { id timeline { step } creditNotes { id } } } }`, { n: perPage }, client.key);
    expect(answer.data!.myInvoices.items).toHaveLength(perPage);
  };
  expect(await queriesDuring(page(12))).toBe(await queriesDuring(page(1)));
});

it('reads a page of staff invoices with timelines, credit notes and decisions in the same number of queries for 1 row as for 12', async () => {
  const page = (perPage: number) => async () => {
    const answer = await t.gql(
      `query($n: Int!) { invoices(perPage: $n) { items { id timeline { toState } creditNotes { id } creditDecisions { outcome } } } }`,
      { n: perPage },
      analyst.token,
    );
    expect(answer.data!.invoices.items).toHaveLength(perPage);
  };
  expect(await queriesDuring(page(12))).toBe(await queriesDuring(page(1)));
});
