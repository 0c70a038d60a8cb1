import { xsdErrors } from '../../test-support/bank-files';
import { Pain001Payment, writePain001 } from './pain001';

/** The bank file validates against the official XSD, and its header agrees with its payments. */
const validatePain001 = (xml: string) => xsdErrors(xml, 'pain.001.001.03');

async function file(payments: Pain001Payment[], summary = { count: payments.length, total: payments.reduce((t, p) => t + Number(p.amount) * 100, 0) / 100 }) {
  let xml = '';
  await writePain001(
    {
      messageId: 'FBSE20261130A1B2C3D4E5F6',
      createdAt: new Date('2026-11-30T09:15:00Z'),
      payoutDate: '2026-11-30',
      currency: 'SEK',
      debtor: { name: 'Factoring AB (Sverige)', country: 'SE', agreementId: 'FACTORSE01', account: { kind: 'BANKGIRO', number: '5050-1055' }, bic: 'NDEASESS' },
    },
    { count: summary.count, total: summary.total.toFixed(2) },
    payments,
    (chunk) => (xml += chunk),
  );
  return xml;
}

const payments: Pain001Payment[] = [
  { endToEndId: '1234567897-1', amount: '97.50', reference: '1234567897', payee: { name: 'Snickeri Lindqvist AB', kind: 'SE_BANKGIRO', value: '505-1057' } },
  { endToEndId: '2234567896-1', amount: '1000.00', reference: '2234567896', payee: { name: 'Bageri & Söner HB', kind: 'SE_PLUSGIRO', value: '83279' } },
  { endToEndId: '3234567895-1', amount: '12.34', reference: '3234567895', payee: { name: 'Måleri <Norr> AB', kind: 'SE_BANK_ACCOUNT', value: '8327-9123456789' } },
  { endToEndId: '4234567894-2', amount: '5.00', reference: '4234567894', payee: { name: 'Fjordbygg AS', kind: 'IBAN', value: 'SE4550000000058398257466', bic: 'ESSESESS' } },
];

it('writes a pain.001.001.03 that the official XSD accepts, with every kind of Swedish payee', async () => {
  const xml = await file(payments);
  expect(await validatePain001(xml)).toEqual([]);
  expect(xml).toContain('<NbOfTxs>4</NbOfTxs>');
  expect(xml).toContain('<CtrlSum>1114.84</CtrlSum>');
  // The OCR goes in the unstructured remittance information; bankgiro as BGNR with the clearing member 9900.
  expect(xml).toMatch(/<RmtInf>\s*<Ustrd>1234567897<\/Ustrd>/);
  expect(xml).toMatch(/<Id>5051057<\/Id>\s*<SchmeNm>\s*<Prtry>BGNR<\/Prtry>/);
  expect(xml).toContain('<MmbId>9900</MmbId>');
  expect(xml).toContain('Måleri &lt;Norr&gt; AB');
});

it('writes Norwegian payees by their 11-digit account', async () => {
  let xml = '';
  await writePain001(
    {
      messageId: 'FBNO20261130X',
      createdAt: new Date('2026-11-30T09:15:00Z'),
      payoutDate: '2026-11-30',
      currency: 'NOK',
      debtor: { name: 'Factoring AS (Norge)', country: 'NO', agreementId: 'FACTORNO01', account: { kind: 'BANK_ACCOUNT', number: '1503.12.34562' }, bic: 'NDEANOKK' },
    },
    { count: 1, total: '470.00' },
    [{ endToEndId: '000000001230-1', amount: '470', reference: '000000001230', payee: { name: 'Fjordbygg AS', kind: 'NO_BANK_ACCOUNT', value: '15031234562' } }],
    (chunk) => (xml += chunk),
  );
  expect(await validatePain001(xml)).toEqual([]);
  expect(xml).toContain('<InstdAmt Ccy="NOK">470.00</InstdAmt>');
});

it('refuses to finish a file whose payments do not match its header', async () => {
  await expect(file(payments, { count: 4, total: 1000 })).rejects.toThrow('do not match');
});

it('fails the XSD when a field is broken (the check is real)', async () => {
  const xml = (await file(payments)).replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>XXX</PmtMtd>');
  expect((await validatePain001(xml)).length).toBeGreaterThan(0);
});
