import Decimal from 'decimal.js';
import { sie4Books, Sie4BooksInput } from './sie4-books';

const chart: Sie4BooksInput['chart'] = [
  { account: '1511', kind: 'ASSET', nameSv: 'Köpta kundfordringar' },
  { account: '2421', kind: 'LIABILITY', nameSv: 'Skulder till klienter (avräkning)' },
  { account: '3011', kind: 'INCOME', nameSv: 'Factoringavgifter' },
];
const entry = (id: string, date: string, event: string, lines: Array<[string, string]>) => ({
  id,
  date,
  registeredOn: date,
  causeType: 'INVOICE',
  event,
  description: `${event} ${id}`,
  postings: lines.map(([account, amount]) => ({ account, amount })),
});

describe('a year of the books for SIE 4', () => {
  // 2024: one purchase (fee 2). 2025: another (fee 3). Balances run on: no year-end closing entry.
  const input: Sie4BooksInput = {
    year: 2025,
    chart,
    balances: {
      endOfPriorButOne: new Map(),
      endOfPrior: new Map([['1511', '100.00'], ['2421', '-98.00'], ['3011', '-2.00']]),
      end: new Map([['1511', '250.00'], ['2421', '-245.00'], ['3011', '-5.00']]),
    },
    entries: [
      entry('10', '2025-03-01', 'PAYOUT', [['2421', '50.00'], ['1511', '-50.00']]),
      entry('9', '2025-03-01', 'PURCHASE', [['1511', '200.00'], ['2421', '-197.00'], ['3011', '-3.00']]),
      entry('11', '2025-02-01', 'PURCHASE', [['1511', '1.00'], ['2421', '-1.00']]),
    ],
  };
  // (the entries need not add up to the balances here: this checks the shaping, the API test the figures)
  const books = sie4Books(input);
  const get = (kind: string, year: number, account: string) => books.balances.find((b) => b.kind === kind && b.year === year && b.account === account)?.amount;

  it('opens each balance-sheet account at the year before\'s close, and the P&L accounts show the year\'s movement', () => {
    expect([get('IB', 0, '1511'), get('UB', 0, '1511'), get('IB', -1, '1511'), get('UB', -1, '1511')]).toEqual(['100.00', '250.00', '0.00', '100.00']);
    expect([get('RES', 0, '3011'), get('RES', -1, '3011')]).toEqual(['-3.00', '-2.00']);
  });

  it('carries the earlier years\' result on 2091 so the opening balance sheet balances', () => {
    expect(get('IB', 0, '2091')).toBe('-2.00');
    expect(get('UB', 0, '2091')).toBe('-2.00');
    expect(books.accounts).toContainEqual({ number: '2091', name: 'Balanserad vinst eller förlust', type: 'S' });
    const opening = books.balances.filter((b) => b.kind === 'IB' && b.year === 0).reduce((sum, b) => sum.plus(b.amount), new Decimal(0));
    expect(opening.toFixed(2)).toBe('0.00');
  });

  it('numbers vouchers in date order, 1, 2, 3 ... within each series', () => {
    expect(books.vouchers.map((v) => [v.series, v.number, v.date, v.text])).toEqual([
      ['F', 1, '2025-02-01', 'PURCHASE 11'],
      ['F', 2, '2025-03-01', 'PURCHASE 9'],
      ['U', 1, '2025-03-01', 'PAYOUT 10'],
    ]);
  });

  it('states the year and the one before as calendar years', () => {
    expect(books.years).toEqual([
      { index: 0, start: '2025-01-01', end: '2025-12-31' },
      { index: -1, start: '2024-01-01', end: '2024-12-31' },
    ]);
  });

  it('adds no 2091 when no earlier year has a result', () => {
    const first = sie4Books({ ...input, balances: { endOfPriorButOne: new Map(), endOfPrior: new Map(), end: input.balances.end } });
    expect(first.accounts.map((a) => a.number)).not.toContain('2091');
  });
});
