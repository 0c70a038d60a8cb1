import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BankFileErrorCode as Code } from './bank-file-errors';
import { bgMaxBuffer } from './fixtures/bgmax-fixture';
import { camtString } from './fixtures/camt-fixture';
import { netsBuffer } from './fixtures/nets-fixture';
import { readAll, refusal } from './fixtures/read-helpers';
import { detectBankFileFormat, readBankFile } from './read-bank-file';
import { normaliseReference } from './reference';

describe('detectBankFileFormat', () => {
  it('tells the four formats apart by namespace, TK01 and record 10', async () => {
    const camt = async (kind: '053' | '054', version: '02' | '08') => Buffer.from(await camtString({ kind, version, sections: [] }));
    expect(detectBankFileFormat(await camt('053', '02'))).toBe('CAMT_053');
    expect(detectBankFileFormat(await camt('053', '08'))).toBe('CAMT_053');
    expect(detectBankFileFormat(await camt('054', '02'))).toBe('CAMT_054');
    expect(detectBankFileFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await camt('054', '08')]))).toBe('CAMT_054');
    expect(detectBankFileFormat(bgMaxBuffer({ deposits: [] }))).toBe('BGMAX');
    expect(detectBankFileFormat(netsBuffer({ assignments: [] }))).toBe('NETS_OCR');
  });

  it('refuses anything else', async () => {
    expect(() => detectBankFileFormat(Buffer.from('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"/>'))).toThrow(
      expect.objectContaining({ code: Code.BANK_FILE_UNKNOWN_FORMAT, place: '/' }),
    );
    expect(() => detectBankFileFormat(Buffer.from('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"/>'))).toThrow(
      expect.objectContaining({ code: Code.BANK_FILE_UNKNOWN_FORMAT }),
    );
    expect(() => detectBankFileFormat(Buffer.from('#FLAGGA 0\r\n#SIETYP 4\r\n'))).toThrow(expect.objectContaining({ code: Code.BANK_FILE_UNKNOWN_FORMAT, place: 'line 1' }));
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ code: Code.BANK_FILE_TRUNCATED });
  });
});

describe('readBankFile', () => {
  it('yields the entries and returns the header', async () => {
    const gen = readBankFile(Readable.from([netsBuffer({ assignments: [{ transactions: [{ ore: 100, kid: '1234567897' }] }] })]));
    const first = await gen.next();
    expect(first.done).toBe(false);
    const end = await gen.next();
    expect(end).toEqual({ done: true, value: { format: 'NETS_OCR', version: 'Nets OCR giro', fileIdentity: '1000081' } });
  });

  it('normalises references: spaces and bank zero-padding removed, RF upper-cased', () => {
    expect(normaliseReference(' 0000 1234 5678 97 ')).toBe('1234567897');
    expect(normaliseReference('00000000000000000000')).toBeUndefined();
    expect(normaliseReference('rf18 5390 0754 7034')).toBe('RF18539007547034');
  });
});

const samples = '/work/shared/samples/camt';
(existsSync(samples) ? describe : describe.skip)('the real camt samples in ../shared/samples (genkgo/camt test data, generic, mostly EUR)', () => {
  const read = (name: string, toSek = false) => {
    let xml = readFileSync(join(samples, name), 'utf8');
    if (toSek) xml = xml.replace(/Ccy="(EUR|CHF)"/g, 'Ccy="SEK"').replace(/<Ccy>EUR</g, '<Ccy>SEK<');
    return Buffer.from(xml, 'utf8');
  };

  it('reads camt054.v2.xml (SEK): three TxDtls without amounts make one batched entry', async () => {
    const { header, entries } = await readAll(read('camt054.v2.xml'));
    expect(header).toMatchObject({ format: 'CAMT_054', version: 'camt.054.001.02', fileIdentity: 'AAAASESS-FP-ACCR001' });
    expect(entries).toEqual([expect.objectContaining({ direction: 'DEBIT', amount: '200000.00', batchedTransactions: 3, entryKey: 'CH2801234000123456789:AAAASESS-FP-ACCR001' })]);
  });

  it('reads camt053.v2.multi.statement.xml (currency made SEK): two statements whose balances add up', async () => {
    const { entries } = await readAll(read('camt053.v2.multi.statement.xml', true));
    expect(entries.map((e) => [e.section.openingBalance, e.amount, e.direction, e.section.closingBalance])).toEqual([
      ['18.15', '8.85', 'CREDIT', '27.00'],
      ['27.00', '7.00', 'DEBIT', '20.00'],
    ]);
  });

  it('refuses the EUR samples for their currency, and the inconsistent ones for their totals', async () => {
    expect(await refusal(read('camt053.v2.multi.statement.xml'))).toMatchObject({ code: Code.BANK_FILE_CURRENCY });
    expect(await refusal(read('camt053.v8.xml'))).toMatchObject({ code: Code.BANK_FILE_CURRENCY });
    expect(await refusal(read('camt053.v2.all-balance-types.xml', true))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: '/Document/BkToCstmrStmt[1]/Stmt[1]' });
    expect(await refusal(read('camt054.v8.xml', true))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH });
  });
});
