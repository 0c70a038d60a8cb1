import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xsdErrors } from '../../test-support/bank-files';
import { readPain002 } from './pain002';

/** The bank's status reports as Nordea writes them (its published samples, kept in fixtures/ with their licence). */
const sample = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

it('reads a rejection of the whole file, with its reason', async () => {
  const xml = sample('nordea-pain_002_v3_group_reject.xml');
  expect(await xsdErrors(xml, 'pain.002.001.03')).toEqual([]);
  expect(readPain002(xml)).toMatchObject({
    originalMessageId: 'MSGID-PS-TEST-0708-01',
    group: { status: 'RJCT', reasons: [{ code: 'DU01', text: 'ISO Duplicate Message ID' }] },
    transactions: [],
  });
});

it('reads a rejection of a payment block', () => {
  expect(readPain002(sample('nordea-pain_002_v3_payment_reject.xml'))).toMatchObject({
    group: null,
    paymentBlocks: [{ paymentInformationId: 'PMTINFID-COM-SCE25-1707-01', status: 'RJCT', reasons: [{ code: 'NARR' }] }],
  });
});

it('refuses a file that is not a pain.002', () => {
  expect(() => readPain002('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"/>')).toThrow('not a pain.002');
  expect(() => readPain002('<Document')).toThrow();
});
