import Decimal from 'decimal.js';
import { Sie4Account, Sie4Balance, Sie4Voucher, sie4AccountType, sie4Series } from './sie4';

type AccountKind = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';

/**
 * Where the results of earlier years stand in a year's opening balance. The books post no
 * year-end closing entry (yet), so the P&L accounts' balances run on across years; SIE wants the
 * balance sheet to open balanced, so the earlier years' result is shown on BAS 2091 "Balanserad
 * vinst eller förlust" (BAS kontoplan, bas.se), as an accountant's closing would have put it.
 */
export const SIE4_RETAINED_EARNINGS = { number: '2091', name: 'Balanserad vinst eller förlust', type: 'S' as const };

export interface Sie4BooksInput {
  /** The calendar year exported (the factor's fiscal year). */
  year: number;
  /** The chart in force at the year's end. */
  chart: Array<{ account: string; kind: AccountKind; nameSv: string }>;
  /** Balance per account (debit positive) at the end of the year, of the year before, and of the one before that. */
  balances: { end: Map<string, string>; endOfPrior: Map<string, string>; endOfPriorButOne: Map<string, string> };
  /** The year's journal entries (any order), each with its postings in posting order. */
  entries: Array<{
    id: string;
    date: string;
    registeredOn: string;
    causeType: string;
    event: string;
    description: string;
    postings: Array<{ account: string; amount: string }>;
  }>;
}

export interface Sie4Books {
  years: Array<{ index: number; start: string; end: string }>;
  accounts: Sie4Account[];
  balances: Sie4Balance[];
  vouchers: Sie4Voucher[];
}

/**
 * A year of the books as SIE 4 sees it: #IB/#UB for balance-sheet accounts (0 = the year, -1 the
 * one before), #RES for the P&L accounts (the year's movement), and one voucher per entry in
 * date order, numbered 1, 2, 3 ... within its series (sie4Series) and the year.
 */
export function sie4Books(input: Sie4BooksInput): Sie4Books {
  const kinds = new Map<string, AccountKind>(input.chart.map((a) => [a.account, a.kind]));
  const isBalanceSheet = (account: string) => {
    const kind = kinds.get(account);
    if (!kind) throw new Error(`Account ${account} has a balance but is not in the chart`);
    return kind === 'ASSET' || kind === 'LIABILITY' || kind === 'EQUITY';
  };
  const at = (map: Map<string, string>, account: string) => new Decimal(map.get(account) ?? 0);
  const earlierResult = (map: Map<string, string>) =>
    [...map.entries()].filter(([account]) => !isBalanceSheet(account)).reduce((sum, [, amount]) => sum.plus(amount), new Decimal(0));

  const { end, endOfPrior, endOfPriorButOne } = input.balances;
  const retained = SIE4_RETAINED_EARNINGS.number;
  const retainedIn = { 0: earlierResult(endOfPrior), [-1]: earlierResult(endOfPriorButOne) } as Record<number, Decimal>;
  const moved = new Set(input.entries.flatMap((e) => e.postings.map((p) => p.account)));
  const accounts = new Set([...end.keys(), ...endOfPrior.keys(), ...endOfPriorButOne.keys(), ...moved]);
  const carriesResult = !retainedIn[0].isZero() || !retainedIn[-1].isZero();
  const retainedInChart = kinds.has(retained);
  if (carriesResult) {
    accounts.add(retained);
    if (!retainedInChart) kinds.set(retained, 'EQUITY');
  }

  const balances: Sie4Balance[] = [];
  const push = (kind: Sie4Balance['kind'], year: number, account: string, amount: Decimal) => balances.push({ kind, year, account, amount: amount.toFixed(2) });
  for (const account of [...accounts].sort()) {
    if (isBalanceSheet(account)) {
      for (const [year, open, close] of [[0, endOfPrior, end], [-1, endOfPriorButOne, endOfPrior]] as const) {
        const extra = account === retained ? retainedIn[year] : new Decimal(0);
        const ib = at(open, account).plus(extra);
        const ub = at(close, account).plus(extra);
        if (!ib.isZero() || !ub.isZero() || (year === 0 && moved.has(account))) {
          push('IB', year, account, ib);
          push('UB', year, account, ub);
        }
      }
    } else {
      for (const [year, open, close] of [[0, endOfPrior, end], [-1, endOfPriorButOne, endOfPrior]] as const) {
        const result = at(close, account).minus(at(open, account));
        if (!result.isZero() || (year === 0 && moved.has(account))) push('RES', year, account, result);
      }
    }
  }
  const chartAccounts: Sie4Account[] = input.chart.map((a) => ({ number: a.account, name: a.nameSv, type: sie4AccountType(a.kind) }));
  if (carriesResult && !retainedInChart) chartAccounts.push({ number: retained, name: SIE4_RETAINED_EARNINGS.name, type: SIE4_RETAINED_EARNINGS.type });

  const numbers = new Map<string, number>();
  const vouchers = [...input.entries]
    .sort((a, b) => a.date.localeCompare(b.date) || compareIds(a.id, b.id))
    .map((entry): Sie4Voucher => {
      const series = sie4Series(entry.causeType, entry.event);
      const number = (numbers.get(series) ?? 0) + 1;
      numbers.set(series, number);
      return {
        series,
        number,
        date: entry.date,
        text: entry.description,
        registeredOn: entry.registeredOn,
        transactions: entry.postings.map((p) => ({ account: p.account, amount: p.amount })),
      };
    });

  const y = input.year;
  return {
    years: [
      { index: 0, start: `${y}-01-01`, end: `${y}-12-31` },
      { index: -1, start: `${y - 1}-01-01`, end: `${y - 1}-12-31` },
    ],
    accounts: chartAccounts,
    balances,
    vouchers,
  };
}

/** Entry ids are bigints as text: compare by length, then by digits. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
