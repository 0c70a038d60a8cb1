import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankFileErrorCode as Code } from './bank-file-errors';
import { bgMaxBuffer, bgMaxLines, BgMaxFileSpec } from './fixtures/bgmax-fixture';
import { readAll, refusal } from './fixtures/read-helpers';

// Valid OCR references (Luhn): 655969, 657866, 1234567897
const file = (over: Partial<BgMaxFileSpec> = {}): BgMaxFileSpec => ({
  deposits: [
    {
      paymentDate: '20261127',
      serial: '00074',
      payments: [
        { ore: 100000, reference: '655969', payerBankgiro: '3783511', name: 'Kalles Plåt AB', info: ['Faktura 12'] },
        { ore: 5000, reference: '655968', referenceCode: '5' },
        { ore: 2500, deduction: true, reference: '89853', referenceCode: '3' },
        { ore: 14000, reference: '657866 658765', referenceCode: '3', extraReferences: [{ reference: '657866' }, { reference: '658765', negative: true }] },
        { ore: 700, reference: '00000000001234567897' },
      ],
    },
  ],
  ...over,
});

describe('BgMax reader', () => {
  it('reads deposits with their payment date, references and TK15/TK70 checks passing', async () => {
    const { header, entries } = await readAll(bgMaxBuffer(file()), 13);
    expect(header).toEqual({ format: 'BGMAX', version: 'BgMax 01', fileIdentity: '20261127101500123456', createdAt: '2026-11-27T10:15:00.123456' });
    expect(entries).toHaveLength(5);
    const [ocr, failed, deduction, free, padded] = entries;
    expect(ocr).toMatchObject({
      section: { accountId: '9912346', currency: 'SEK', sectionIdentity: '2026-11-27:00074' },
      entryKey: 'BGMAX:9912346:2026-11-27:00074:000000000001',
      direction: 'CREDIT',
      amount: '1000.00',
      currency: 'SEK',
      valueDate: '2026-11-27',
      reference: '655969',
      referenceCheckFailed: false,
      referenceCode: '2',
      payerAccount: '3783511',
      payerName: 'Kalles Plåt AB',
      message: 'Faktura 12',
      bankReference: '000000000001',
      place: 'line 3',
    });
    expect(failed).toMatchObject({ reference: '655968', referenceCheckFailed: true, referenceCode: '5' });
    expect(deduction).toMatchObject({ direction: 'DEBIT', amount: '25.00', reference: '89853', referenceCheckFailed: true });
    expect(free.reference).toBeUndefined();
    expect(free.message).toBe('657866 658765');
    expect(free.extraReferences).toEqual([
      { reference: '657866', referenceCheckFailed: false, amount: '0.00', negative: false, place: 'line 9' },
      { reference: '658765', referenceCheckFailed: false, amount: '0.00', negative: true, place: 'line 10' },
    ]);
    expect(padded).toMatchObject({ reference: '1234567897', referenceCheckFailed: false });
    expect(new Set(entries.map((e) => e.entryKey)).size).toBe(5);
  });

  it('gives the same keys when the same file is read twice', async () => {
    const a = await readAll(bgMaxBuffer(file()));
    const b = await readAll(bgMaxBuffer(file()), 7);
    expect(b.entries.map((e) => e.entryKey)).toEqual(a.entries.map((e) => e.entryKey));
  });

  it('refuses a TK15 amount that is not the payments less the deductions, after yielding nothing of that deposit', async () => {
    const spec = file();
    spec.deposits[0].statedOre = 999n;
    const err = await refusal(bgMaxBuffer(spec));
    expect(err).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 12', yielded: 0 });
    expect(err.message).toContain('1172.00');
  });

  it('refuses a TK15 count that does not match', async () => {
    const spec = file();
    spec.deposits[0].statedCount = 4;
    expect(await refusal(bgMaxBuffer(spec))).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 12' });
  });

  it('refuses TK70 counts that do not match, after the deposits were yielded (the consumer rolls back)', async () => {
    const err = await refusal(bgMaxBuffer(file({ statedCounts: [3, 1, 2, 1] })));
    expect(err).toMatchObject({ code: Code.BANK_FILE_TOTALS_MISMATCH, place: 'line 13', yielded: 5 });
    expect(err.message).toContain('TK20');
  });

  it('refuses a truncated file (no TK70, or a deposit without TK15)', async () => {
    expect(await refusal(bgMaxBuffer(file({ noEnd: true })))).toMatchObject({ code: Code.BANK_FILE_TRUNCATED, place: 'line 13' });
    const spec = file({ noEnd: true });
    spec.deposits[0].noClose = true;
    const err = await refusal(bgMaxBuffer(spec));
    expect(err.code).toBe(Code.BANK_FILE_TRUNCATED);
    expect(err.message).toContain('line 2');
  });

  it('refuses records out of order', async () => {
    const lines = bgMaxLines(file());
    const tk20 = lines.splice(2, 1)[0];
    lines.splice(1, 0, tk20); // TK20 before TK05
    expect(await refusal(bgMaxBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_RECORD_ORDER, place: 'line 2' });
    const twice = bgMaxLines(file());
    twice.splice(2, 0, twice[1]); // a second TK05 inside the deposit
    expect(await refusal(bgMaxBuffer(twice))).toMatchObject({ code: Code.BANK_FILE_RECORD_ORDER, place: 'line 3' });
  });

  it('refuses an unknown currency with its line', async () => {
    const spec = file();
    spec.deposits[0].currency = 'EUR';
    expect(await refusal(bgMaxBuffer(spec))).toMatchObject({ code: Code.BANK_FILE_CURRENCY, place: 'line 2' });
    const mixed = file();
    mixed.deposits[0].closeCurrency = 'NOK';
    expect(await refusal(bgMaxBuffer(mixed))).toMatchObject({ code: Code.BANK_FILE_CURRENCY, place: 'line 12' });
  });

  it('refuses a test file', async () => {
    expect(await refusal(bgMaxBuffer(file({ testMarker: 'T' })))).toMatchObject({ code: Code.BANK_FILE_TEST_FILE, place: 'line 1' });
  });

  it('refuses a UTF-8 file (BgMax is ISO-8859-1), a TAB and a short record, naming line and column', async () => {
    const utf8 = Buffer.from(bgMaxLines(file()).map((l) => `${l}\r\n`).join(''), 'utf8');
    const err = await refusal(utf8);
    expect(err).toMatchObject({ code: Code.BANK_FILE_ENCODING, place: 'line 5' });
    expect(err.message).toContain('C3 A5');
    const lines = bgMaxLines(file());
    lines[2] = lines[2].replace('     ', '\t\t   ');
    expect(await refusal(bgMaxBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 3' });
    const short = bgMaxLines(file());
    short[5] = short[5].trimEnd();
    expect(await refusal(bgMaxBuffer(short))).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 6' });
    const c1 = bgMaxBuffer(file());
    c1[80 * 3 + 2 * 3 + 30] = 0x96; // a Windows-1252 dash inside line 4
    expect(await refusal(c1)).toMatchObject({ code: Code.BANK_FILE_ENCODING, place: 'line 4' });
  });

  it('refuses a payment of zero and an amount that is not digits', async () => {
    const spec = file();
    spec.deposits[0].payments[0].ore = 0;
    expect(await refusal(bgMaxBuffer(spec))).toMatchObject({ code: Code.BANK_FILE_AMOUNT, place: 'line 3' });
    const lines = bgMaxLines(file());
    lines[2] = lines[2].slice(0, 40) + '12.50' + lines[2].slice(45);
    expect(await refusal(bgMaxBuffer(lines))).toMatchObject({ code: Code.BANK_FILE_AMOUNT, place: 'line 3' });
  });

  it('skips unknown record types, as the manual asks', async () => {
    const lines = bgMaxLines(file());
    lines.splice(3, 0, '99'.padEnd(80, ' '));
    expect((await readAll(bgMaxBuffer(lines))).entries).toHaveLength(5);
  });

  const samples = '/work/shared/samples/bgmax';
  const maybe = existsSync(samples) ? it : it.skip;
  maybe("refuses Bankgirot's damaged example whole, at its first damaged line, and reads a repaired copy", async () => {
    const raw = readFileSync(join(samples, 'bgc-exempelfil_avtal-om-ocr-kontroll_checksiffra_langd.txt'));
    expect(await refusal(raw)).toMatchObject({ code: Code.BANK_FILE_MALFORMED, place: 'line 16' });
    // Repair: pad the shortened TK22, replace the TABs with the blanks that right-align its reference.
    const repaired = raw
      .toString('latin1')
      .split('\r\n')
      .map((l) => {
        if (l.includes('\t')) {
          const rest = l.slice(12).replace(/[\t ]+/, '');
          const ref = rest.slice(0, rest.length - (70 - 37));
          l = l.slice(0, 12) + ref.padStart(25, ' ') + rest.slice(ref.length);
        }
        return l ? l.padEnd(80, ' ') : l;
      })
      .join('\r\n');
    const { entries } = await readAll(Buffer.from(repaired, 'latin1'));
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]).toMatchObject({ amount: '1000.00', reference: '655969', referenceCheckFailed: false, payerName: 'Kalles Plåt AB' });
  });

  maybe('refuses the re-encoded BgMaxfil4 sample for its encoding', async () => {
    const err = await refusal(readFileSync(join(samples, 'BgMaxfil4_broken.txt')));
    expect(err).toMatchObject({ code: Code.BANK_FILE_ENCODING, place: 'line 10' });
  });
});
