import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { BankFileErrorCode as Code } from './bank-file-errors';
import { camtString, CamtFileSpec, CamtVersion } from './fixtures/camt-fixture';
import { readAll, refusal } from './fixtures/read-helpers';

const IBAN = 'SE4550000000058398257466';
const buf = async (spec: CamtFileSpec) => Buffer.from(await camtString(spec), 'utf8');

// 1234567897 passes Luhn (OCR) and MOD10 (KID); 1234567890 does not.
const notification = (version: CamtVersion): CamtFileSpec => ({
  kind: '054',
  version,
  msgId: 'NTF-2026-11-27-1',
  sections: [
    {
      id: 'NTF-1',
      iban: IBAN,
      entries: [
        {
          amount: '1500.00',
          acctSvcrRef: 'E1',
          txs: [{ amount: '1500.00', acctSvcrRef: 'T1', reference: '00000000001234567897', name: 'Debtor AB', account: 'SE3550000000054910000003', ustrd: ['Faktura 1', '2 och 3'] }],
        },
        {
          amount: '300.00',
          acctSvcrRef: 'E2',
          txs: [
            { amount: '100.00', reference: '1234567897' },
            { amount: '200.00', reference: '1234567890' },
          ],
        },
        { amount: '42.00', acctSvcrRef: 'E3', addtlNtryInf: 'Insättning' },
        {
          amount: '900.00',
          direction: 'DBIT',
          acctSvcrRef: 'E4',
          batch: { nbOfTxs: 2, pmtInfId: 'PAYOUT-7' },
          txs: [
            { amount: '400.00', direction: 'DBIT', endToEndId: 'PO7-1', name: 'Client One AB' },
            { amount: '500.00', direction: 'DBIT', endToEndId: 'PO7-2' },
          ],
        },
        {
          amount: '400.00',
          acctSvcrRef: 'E5',
          txs: [{ amount: '400.00', endToEndId: 'PO7-1', returnReason: 'AC04' }],
        },
        { amount: '10.00', status: 'PDNG', txs: [{ reference: 'RF18539007547034' }] },
      ],
    },
  ],
});

describe('camt reader', () => {
  for (const version of ['02', '08'] as const) {
    it(`reads a camt.054.001.${version} notification entry by transaction`, async () => {
      const { header, entries } = await readAll(await buf(notification(version)), 97);
      expect(header).toEqual({ format: 'CAMT_054', version: `camt.054.001.${version}`, fileIdentity: 'NTF-2026-11-27-1', createdAt: '2026-11-27T10:00:00' });
      expect(entries.map((e) => e.entryKey)).toEqual([`${IBAN}:T1`, `${IBAN}:E2#1`, `${IBAN}:E2#2`, `${IBAN}:E3`, `${IBAN}:E4#1`, `${IBAN}:E4#2`, `${IBAN}:E5`, `${IBAN}:NTF-1:Ntry6`]);
      expect(entries[0]).toMatchObject({
        section: { accountId: IBAN, currency: 'SEK', sectionIdentity: 'NTF-1' },
        direction: 'CREDIT',
        amount: '1500.00',
        currency: 'SEK',
        valueDate: '2026-11-27',
        bookingDate: '2026-11-27',
        reference: '1234567897',
        referenceCheckFailed: false,
        payerName: 'Debtor AB',
        payerAccount: 'SE3550000000054910000003',
        message: 'Faktura 12 och 3',
        bankReference: 'T1',
        place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]',
      });
      expect(entries[1]).toMatchObject({ amount: '100.00', referenceCheckFailed: false, bankReference: 'E2' });
      expect(entries[2]).toMatchObject({ amount: '200.00', reference: '1234567890', referenceCheckFailed: true });
      expect(entries[3]).toMatchObject({ amount: '42.00', message: 'Insättning', place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[3]' });
      expect(entries[4]).toMatchObject({ direction: 'DEBIT', amount: '400.00', endToEndId: 'PO7-1', paymentInformationId: 'PAYOUT-7', payerName: 'Client One AB' });
      expect(entries[5]).toMatchObject({ direction: 'DEBIT', amount: '500.00', endToEndId: 'PO7-2', paymentInformationId: 'PAYOUT-7' });
      expect(entries[6]).toMatchObject({ direction: 'CREDIT', endToEndId: 'PO7-1', returnReason: 'AC04' });
      expect(entries[7]).toMatchObject({ amount: '10.00', status: 'PDNG', reference: 'RF18539007547034', referenceCheckFailed: false });
    });
  }

  it('yields a payout batch debited as one entry with its PmtInfId and the number of transactions', async () => {
    const spec: CamtFileSpec = {
      kind: '054',
      sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '900.00', direction: 'DBIT', acctSvcrRef: 'B1', batch: { nbOfTxs: 2, pmtInfId: 'PAYOUT-8' } }] }],
    };
    const { entries } = await readAll(await buf(spec));
    expect(entries).toEqual([expect.objectContaining({ entryKey: `${IBAN}:B1`, direction: 'DEBIT', paymentInformationId: 'PAYOUT-8', batchedTransactions: 2 })]);
  });

  it('reads a camt.053 statement whose balances add up, in SEK and NOK, v02 and v08', async () => {
    for (const version of ['02', '08'] as const) {
      const spec: CamtFileSpec = {
        kind: '053',
        version,
        sections: [
          {
            id: 'STMT-1',
            iban: IBAN,
            opening: { amount: '1000.00' },
            summary: { nbOfNtries: 3, credits: { nb: 2, sum: '250.50' }, debits: { nb: 1, sum: '50.00' } },
            entries: [
              { amount: '200.50', acctSvcrRef: 'S1' },
              { amount: '50.00', direction: 'DBIT', acctSvcrRef: 'S2' },
              { amount: '50', acctSvcrRef: 'S3', status: 'PDNG' },
            ],
          },
          { id: 'STMT-2', otherAccountId: '12345678903', currency: 'NOK', opening: { amount: '5.00', direction: 'DBIT' }, entries: [{ amount: '10.000', acctSvcrRef: 'N1' }] },
        ],
      };
      const { header, entries } = await readAll(await buf(spec), 50);
      expect(header.version).toBe(`camt.053.001.${version}`);
      expect(entries.map((e) => [e.section.sectionIdentity, e.section.openingBalance, e.section.closingBalance, e.amount, e.currency])).toEqual([
        ['STMT-1', '1000.00', '1150.50', '200.50', 'SEK'],
        ['STMT-1', '1000.00', '1150.50', '50.00', 'SEK'],
        ['STMT-1', '1000.00', '1150.50', '50.00', 'SEK'],
        ['STMT-2', '-5.00', '5.00', '10.00', 'NOK'],
      ]);
    }
  });

  it('refuses a statement whose closing balance is not the opening plus the booked entries, naming the statement', async () => {
    const spec: CamtFileSpec = {
      kind: '053',
      sections: [{ id: 'S', iban: IBAN, opening: { amount: '100.00' }, closing: { amount: '150.00' }, entries: [{ amount: '40.00', acctSvcrRef: 'A' }] }],
    };
    const err = await refusal(await buf(spec));
    expect(err).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: '/Document/BkToCstmrStmt[1]/Stmt[1]' });
    expect(err.message).toContain('150.00');
  });

  it('refuses TxsSummry counts and sums that do not match, and TxDtls amounts that do not add up to their entry', async () => {
    const count: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, summary: { nbOfNtries: 2 }, entries: [{ amount: '1.00', acctSvcrRef: 'A' }] }] };
    expect(await refusal(await buf(count))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/TxsSummry[1]/TtlNtries[1]/NbOfNtries[1]' });
    const sum: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, summary: { credits: { nb: 1, sum: '2.00' } }, entries: [{ amount: '1.00', acctSvcrRef: 'A' }] }] };
    expect(await refusal(await buf(sum))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH });
    const split: CamtFileSpec = {
      kind: '054',
      sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '300.00', acctSvcrRef: 'A', txs: [{ amount: '100.00' }, { amount: '100.00' }] }] }],
    };
    expect(await refusal(await buf(split))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/Amt[1]' });
  });

  it('refuses an unknown currency, a currency other than the account’s, and more than 2 decimals', async () => {
    const eur: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '1.00', currency: 'EUR' }] }] };
    expect(await refusal(await buf(eur))).toMatchObject({ code: Code.BANK_FILE_CURRENCY, place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/Amt[1]' });
    const nok: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '1.00', currency: 'NOK' }] }] };
    expect(await refusal(await buf(nok))).toMatchObject({ code: Code.BANK_FILE_CURRENCY });
    const decimals: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '1.005' }] }] };
    expect(await refusal(await buf(decimals))).toMatchObject({ code: Code.BANK_FILE_AMOUNT, place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/Amt[1]' });
    const zero: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '0.00' }] }] };
    expect(await refusal(await buf(zero))).toMatchObject({ code: Code.BANK_FILE_AMOUNT });
    const date: CamtFileSpec = { kind: '054', sections: [{ id: 'N', iban: IBAN, entries: [{ amount: '1.00', valueDate: '2026-02-30' }] }] };
    expect(await refusal(await buf(date))).toMatchObject({ code: Code.BANK_FILE_DATE, place: '/Document/BkToCstmrDbtCdtNtfctn[1]/Ntfctn[1]/Ntry[1]/ValDt[1]/Dt[1]' });
  });

  it('refuses a truncated file with the element left open, after yielding what came before', async () => {
    const xml = await camtString(notification('02'));
    const cut = Buffer.from(xml.slice(0, xml.indexOf('<Ntry>', xml.indexOf('<AcctSvcrRef>E3<')) + 40), 'utf8');
    const err = await refusal(cut, 100);
    expect(err.code).toBe(Code.BANK_FILE_TRUNCATED);
    expect(err.place).toMatch(/^\/Document\/BkToCstmrDbtCdtNtfctn\[1\]\/Ntfctn\[1\]\/Ntry\[4\]/);
    expect(err.yielded).toBe(4);
  });

  it('refuses malformed XML, invalid UTF-8, another declared encoding, another namespace and a DOCTYPE', async () => {
    const xml = await camtString(notification('02'));
    const bad = await refusal(Buffer.from(xml.replace('</Amt>', '</Amount>'), 'utf8'));
    expect(bad.code).toBe(Code.BANK_FILE_MALFORMED);
    expect(bad.place).toContain('/Ntfctn[1]/Ntry[1]');
    const bytes = Buffer.from(xml.replace('Debtor AB', 'Debtor Ab'), 'utf8');
    bytes[bytes.indexOf('Debtor Ab') + 7] = 0xe5; // latin1 'å' in a UTF-8 file
    expect(await refusal(bytes)).toMatchObject({ code: Code.BANK_FILE_ENCODING });
    const latin1 = await camtString({ ...notification('02'), xmlDeclaration: '<?xml version="1.0" encoding="ISO-8859-1"?>' });
    expect(await refusal(Buffer.from(latin1, 'latin1'))).toMatchObject({ code: Code.BANK_FILE_ENCODING, place: '/' });
    const pain = xml.replace(/camt\.054\.001\.02/g, 'pain.002.001.03');
    expect(await refusal(Buffer.from(pain))).toMatchObject({ code: Code.BANK_FILE_UNKNOWN_FORMAT });
    const wrongRoot = xml.replace(/BkToCstmrDbtCdtNtfctn/g, 'BkToCstmrStmt');
    expect(await refusal(Buffer.from(wrongRoot))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: '/Document/BkToCstmrStmt[1]' });
    const doctype = xml.replace('<Document', '<!DOCTYPE Document [<!ENTITY x "y">]>\n<Document');
    expect(await refusal(Buffer.from(doctype))).toMatchObject({ code: Code.BANK_FILE_MALFORMED });
  });

  it('refuses an entry without an account or a section without an Id', async () => {
    const xml = await camtString(notification('08'));
    expect(await refusal(Buffer.from(xml.replace(/<Acct>.*?<\/Acct>/, ''), 'utf8'))).toMatchObject({ code: Code.BANK_FILE_MISSING_FIELD });
  });

  it('generates fixtures that validate against the vendored XSDs', async () => {
    const specs: Array<[string, CamtFileSpec]> = [
      ['camt.054.001.02', notification('02')],
      ['camt.054.001.08', notification('08')],
      ['camt.053.001.02', { kind: '053', version: '02', sections: [{ id: 'S', iban: IBAN, opening: { amount: '1.00' }, summary: { nbOfNtries: 1 }, entries: [{ amount: '2.00', acctSvcrRef: 'A', txs: [{ amount: '2.00', reference: '1234567897' }] }] }] }],
      ['camt.053.001.08', { kind: '053', version: '08', sections: [{ id: 'S', iban: IBAN, opening: { amount: '1.00' }, summary: { nbOfNtries: 1 }, entries: [{ amount: '2.00', acctSvcrRef: 'A', txs: [{ amount: '2.00', reference: '1234567897' }] }] }] }],
    ];
    for (const [name, spec] of specs) {
      const result = await validateXML({
        xml: [{ fileName: `${name}.xml`, contents: await camtString(spec) }],
        schema: [{ fileName: `${name}.xsd`, contents: readFileSync(join(__dirname, 'schemas', `${name}.xsd`), 'utf8') }],
      });
      expect({ name, errors: result.errors.map((e) => e.rawMessage) }).toEqual({ name, errors: [] });
    }
  });
});
