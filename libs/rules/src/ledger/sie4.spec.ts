import { Sie4Document, sie4AccountType, sie4File, sie4Series, sie4Text } from './sie4';

const doc = (over: Partial<Sie4Document> = {}): Sie4Document => ({
  program: { name: 'Factoring back office', version: '0.1.0' },
  generated: { date: '2026-11-29', sign: 'finance@demo.factoring.test' },
  company: { name: 'Factoring AB (Sverige)', orgNumber: '556000-0000' },
  chartType: 'BAS2014',
  currency: 'SEK',
  years: [
    { index: -1, start: '2025-01-01', end: '2025-12-31' },
    { index: 0, start: '2026-01-01', end: '2026-12-31' },
  ],
  accounts: [
    { number: '3011', name: 'Factoringavgifter', type: 'I' },
    { number: '1511', name: 'Köpta kundfordringar', type: 'T' },
    { number: '2421', name: 'Skulder till klienter (avräkning)', type: 'S' },
    { number: '2611', name: 'Utgående moms på avgifter 25 %', type: 'S' },
  ],
  balances: [
    { kind: 'UB', year: 0, account: '1511', amount: '100' },
    { kind: 'IB', year: 0, account: '1511', amount: '0' },
    { kind: 'RES', year: 0, account: '3011', amount: '-2' },
  ],
  vouchers: [
    {
      series: 'F',
      number: 1,
      date: '2026-11-02',
      text: 'Purchase of invoice 1001',
      registeredOn: '2026-11-02',
      transactions: [
        { account: '1511', amount: '100.00' },
        { account: '2421', amount: '-97.50' },
        { account: '3011', amount: '-2.00' },
        { account: '2611', amount: '-0.50' },
      ],
    },
  ],
  ...over,
});

describe('the SIE 4 writer', () => {
  it('writes identification, chart, balances and vouchers in the order of the format, amounts with two decimals', () => {
    expect(sie4Text(doc()).split('\r\n')).toEqual([
      '#FLAGGA 0',
      '#PROGRAM "Factoring back office" "0.1.0"',
      '#FORMAT PC8',
      '#GEN 20261129 "finance@demo.factoring.test"',
      '#SIETYP 4',
      '#FNAMN "Factoring AB (Sverige)"',
      '#ORGNR "556000-0000"',
      '#RAR 0 20260101 20261231',
      '#RAR -1 20250101 20251231',
      '#KPTYP "BAS2014"',
      '#VALUTA "SEK"',
      '#KONTO 1511 "Köpta kundfordringar"',
      '#KONTO 2421 "Skulder till klienter (avräkning)"',
      '#KONTO 2611 "Utgående moms på avgifter 25 %"',
      '#KONTO 3011 "Factoringavgifter"',
      '#KTYP 1511 T',
      '#KTYP 2421 S',
      '#KTYP 2611 S',
      '#KTYP 3011 I',
      '#IB 0 1511 0.00',
      '#UB 0 1511 100.00',
      '#RES 0 3011 -2.00',
      '#VER "F" 1 20261102 "Purchase of invoice 1001" 20261102',
      '{',
      '#TRANS 1511 {} 100.00',
      '#TRANS 2421 {} -97.50',
      '#TRANS 3011 {} -2.00',
      '#TRANS 2611 {} -0.50',
      '}',
      '',
    ]);
  });

  it('encodes the file in code page 437, as #FORMAT PC8 says: å ä ö Å Ä Ö are one byte each', () => {
    const bytes = sie4File(doc({ company: { name: 'åäöÅÄÖé' } }));
    const line = bytes.subarray(bytes.indexOf('#FNAMN'), bytes.indexOf('\r\n', bytes.indexOf('#FNAMN')));
    expect([...line.subarray('#FNAMN "'.length, -1)]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82]);
  });

  it.each([
    ['a quote', 'Say "hi"', '"Say \\"hi\\""'],
    ['a backslash, also at the end', 'C:\\temp\\', '"C:\\\\temp\\\\"'],
    ['braces and a hash', '{1 "x"} #VER', '"{1 \\"x\\"} #VER"'],
    ['a TAB, a line break and a DEL', 'a\tb\r\nc\u007f', '"a b  c "'],
    ['a character code page 437 lacks', 'fee €5 🙂', '"fee ?5 ?"'],
    ['a decomposed å (NFD)', 'a\u030angstrom', '"ångstrom"'],
    ['nothing', '', '""'],
  ])('quotes and escapes %s', (_what, name, written) => {
    const text = sie4Text(doc({ company: { name } }));
    expect(text).toContain(`#FNAMN ${written}\r\n`);
  });

  it('writes a row\'s own text with the voucher\'s date', () => {
    const voucher = { ...doc().vouchers[0], transactions: [{ account: '1511', amount: '1', text: 'client 42' }, { account: '3011', amount: '-1' }] };
    expect(sie4Text(doc({ vouchers: [voucher] }))).toContain('#TRANS 1511 {} 1.00 20261102 "client 42"\r\n');
  });

  it.each<[string, Partial<Sie4Document>, RegExp]>([
    ['a voucher that does not balance', { vouchers: [{ ...doc().vouchers[0], transactions: [{ account: '1511', amount: '1' }, { account: '3011', amount: '-0.99' }] }] }, /does not balance.*0\.01/],
    ['a voucher of one row', { vouchers: [{ ...doc().vouchers[0], transactions: [{ account: '1511', amount: '0' }] }] }, /fewer than two rows/],
    ['an amount of three decimals', { balances: [{ kind: 'UB', year: 0, account: '1511', amount: '1.005' }] }, /at most two decimals/],
    ['a row on an account not in the chart', { vouchers: [{ ...doc().vouchers[0], transactions: [{ account: '1930', amount: '1' }, { account: '3011', amount: '-1' }] }] }, /1930, which has no #KONTO/],
    ['a balance on an account not in the chart', { balances: [{ kind: 'IB', year: 0, account: '1930', amount: '1' }] }, /1930, which has no #KONTO/],
    ['a day that is not YYYY-MM-DD', { generated: { date: '29.11.2026' } }, /Not a day/],
    ['an account number that is not digits', { accounts: [{ number: '15 11', name: 'x', type: 'T' }], balances: [], vouchers: [] }, /Not an account number/],
  ])('refuses %s', (_what, over, error) => {
    expect(() => sie4Text(doc(over))).toThrow(error);
  });

  it('leaves #ORGNR out when the book has none, and the sign of #GEN when nobody signed', () => {
    const text = sie4Text(doc({ company: { name: 'X' }, generated: { date: '2026-11-29' } }));
    expect(text).not.toContain('#ORGNR');
    expect(text).toContain('#GEN 20261129\r\n');
  });

  it('types accounts for #KTYP and picks a voucher series by source', () => {
    expect(['ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE'].map((k) => sie4AccountType(k as 'ASSET'))).toEqual(['T', 'S', 'S', 'I', 'K']);
    expect([sie4Series('INVOICE', 'PURCHASE'), sie4Series('INVOICE', 'CREDIT_NOTE'), sie4Series('INVOICE', 'PAYOUT'), sie4Series('INVOICE', 'PAYOUT_REJECTED'), sie4Series('TEST', 'X')]).toEqual(['F', 'F', 'U', 'U', 'A']);
  });
});
