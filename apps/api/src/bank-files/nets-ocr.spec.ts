import { BankFileErrorCode as Code } from './bank-file-errors';
import { netsBuffer, netsLines, NetsFileSpec } from './fixtures/nets-fixture';
import { readAll, refusal } from './fixtures/read-helpers';

// KIDs: 1234567897 passes MOD10; 12345678903 passes MOD11 (weights 2..7 from the right); 1234567890 passes neither.
const file = (over: Partial<NetsFileSpec> = {}): NetsFileSpec => ({
  transmission: '0170031',
  assignments: [
    {
      number: '0000002',
      account: '99991042764',
      transactions: [
        { ore: 102000, kid: '0001234567897' },
        { ore: 56000, kid: '12345678903', payerAccount: '99991005524' },
        { ore: 2500, kid: '1234567890' },
        { ore: 990, type: 21, freeText: 'Faktura 77' },
      ],
    },
  ],
  ...over,
});

describe('Nets OCR giro reader', () => {
  it('reads transactions with their KID checked and the 88/89 totals passing', async () => {
    const { header, entries } = await readAll(netsBuffer(file()), 11);
    expect(header).toEqual({ format: 'NETS_OCR', version: 'Nets OCR giro', fileIdentity: '0170031' });
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({
      section: { accountId: '99991042764', currency: 'NOK', sectionIdentity: '0000002' },
      entryKey: 'NETS:0170031:0000002:0000001',
      direction: 'CREDIT',
      amount: '1020.00',
      currency: 'NOK',
      valueDate: '2026-11-27',
      reference: '1234567897',
      referenceCheckFailed: false,
      payerAccount: '99990512341',
      place: 'line 3',
    });
    expect(entries[1]).toMatchObject({ reference: '12345678903', referenceCheckFailed: false, payerAccount: '99991005524' });
    expect(entries[2]).toMatchObject({ reference: '1234567890', referenceCheckFailed: true });
    expect(entries[3]).toMatchObject({ amount: '9.90', message: 'Faktura 77', place: 'line 9' });
    expect(entries[3].reference).toBeUndefined();
  });

  it('reads several assignments and a negative (reversed) transaction', async () => {
    const spec = file();
    spec.assignments.push({ number: '0000003', transactions: [{ ore: 500, kid: '1234567897', negative: true }, { ore: 1500, kid: '1234567897' }] });
    const { entries } = await readAll(netsBuffer(spec));
    expect(entries.map((e) => [e.section.sectionIdentity, e.direction, e.amount])).toEqual([
      ['0000002', 'CREDIT', '1020.00'],
      ['0000002', 'CREDIT', '560.00'],
      ['0000002', 'CREDIT', '25.00'],
      ['0000002', 'CREDIT', '9.90'],
      ['0000003', 'DEBIT', '5.00'],
      ['0000003', 'CREDIT', '15.00'],
    ]);
  });

  it('refuses record 88 totals that do not add up', async () => {
    const spec = file();
    spec.assignments[0].stated = { ore: 1n };
    expect(await refusal(netsBuffer(spec))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 12' });
    const count = file();
    count.assignments[0].stated = { transactions: 3 };
    expect(await refusal(netsBuffer(count))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 12' });
    const records = file();
    records.assignments[0].stated = { records: 12 };
    expect(await refusal(netsBuffer(records))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 12' });
  });

  it('refuses record 89 totals that do not add up, after the entries (the consumer rolls back)', async () => {
    const err = await refusal(netsBuffer(file({ stated: { ore: 123n } })));
    expect(err).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 13', yielded: 4 });
  });

  it('refuses a truncated file', async () => {
    expect(await refusal(netsBuffer(file({ noEnd: true })))).toMatchObject({ code: Code.BANK_FILE_TRUNCATED, place: 'line 13' });
    const lines = netsLines(file());
    expect(await refusal(netsBuffer(lines.slice(0, 6)))).toMatchObject({ code: Code.BANK_FILE_TRUNCATED, place: 'line 7' });
  });

  it('refuses records out of order', async () => {
    const lines = netsLines(file());
    [lines[2], lines[3]] = [lines[3], lines[2]]; // 31 before its 30
    expect(await refusal(netsBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_RECORD_ORDER, place: 'line 3' });
    const missing31 = netsLines(file());
    missing31.splice(3, 1);
    expect(await refusal(netsBuffer(missing31))).toMatchObject({ code: Code.BANK_FILE_RECORD_ORDER, place: 'line 3' });
  });

  it('refuses an AvtaleGiro file, a bad date, a zero amount and a malformed KID', async () => {
    const lines = netsLines(file());
    lines[1] = `NY21${lines[1].slice(4)}`;
    expect(await refusal(netsBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_UNKNOWN_FORMAT, place: 'line 2' });
    const service = netsLines(file());
    service[2] = `NY00${service[2].slice(4)}`;
    expect(await refusal(netsBuffer(service))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 3' });
    const date = file();
    date.assignments[0].transactions[0].date = '310226';
    expect(await refusal(netsBuffer(date))).toMatchObject({ code: Code.BANK_FILE_DATE, place: 'line 3' });
    const zero = file();
    zero.assignments[0].transactions[0].ore = 0;
    expect(await refusal(netsBuffer(zero))).toMatchObject({ code: Code.BANK_FILE_AMOUNT, place: 'line 3' });
    const kid = netsLines(file());
    kid[2] = kid[2].slice(0, 60) + 'ABC' + kid[2].slice(63);
    expect(await refusal(netsBuffer(kid))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 3' });
  });

  it('refuses a record of the wrong length or with UTF-8 text', async () => {
    const lines = netsLines(file());
    lines[4] = `${lines[4]}0`;
    expect(await refusal(netsBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 5' });
    const text = file();
    text.assignments[0].transactions[3].freeText = 'Blåbær';
    const utf8 = Buffer.from(netsLines(text).map((l) => `${l}\n`).join(''), 'utf8');
    expect(await refusal(utf8)).toMatchObject({ code: Code.BANK_FILE_ENCODING, place: 'line 11' });
  });
});
