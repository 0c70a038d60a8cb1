import Decimal from 'decimal.js';
import * as iconv from 'iconv-lite';

/**
 * SIE 4 (SIE-gruppen, "SIE filformat Utgåva 4B"): the factor's books as the Swedish accountant's
 * programs read them: identification, the chart, year balances and every voucher. Pure: the
 * caller gathers the figures and gets the file's bytes back. Field facts: `shared/FORMATS.md` s.4.
 *
 * - `#FORMAT PC8` means IBM code page 437 (spec s.5.8), so the text is encoded to CP437 with
 *   iconv-lite; a character CP437 lacks is written as `?` (never as UTF-8 or CP850 bytes).
 * - Fields are separated by one space. Text fields are always quoted; inside quotes a `"` is
 *   written `\"` (the spec) and a `\` as `\\`, so a text ending in a backslash cannot swallow the
 *   closing quote. Control characters may not appear in a field (they would break the line), so
 *   each becomes a space.
 * - Amounts have two decimals and `.` as the decimal point; debit positive, credit negative.
 * - `#KSUMMA` (the optional CRC-32) is not written: it is optional, and the byte-selection rule
 *   of the spec's "Kontrollsummering" section was not at hand to implement it faithfully.
 */

/** #KTYP: T asset (tillgång), S liability or equity (skuld), K cost (kostnad), I income (intäkt). */
export type Sie4AccountType = 'T' | 'S' | 'K' | 'I';

export interface Sie4Account {
  number: string;
  name: string;
  type: Sie4AccountType;
}

export interface Sie4Transaction {
  account: string;
  /** Debit positive, credit negative. */
  amount: string;
  text?: string;
}

export interface Sie4Voucher {
  series: string;
  number: number;
  /** YYYY-MM-DD */
  date: string;
  text: string;
  /** The day it was registered (regdatum), YYYY-MM-DD. */
  registeredOn?: string;
  transactions: Sie4Transaction[];
}

export interface Sie4Balance {
  /** IB opening, UB closing (balance-sheet accounts), RES the year's result (P&L accounts). */
  kind: 'IB' | 'UB' | 'RES';
  /** 0 = the exported year, -1 the year before (#RAR). */
  year: number;
  account: string;
  amount: string;
}

export interface Sie4Document {
  program: { name: string; version: string };
  generated: { date: string; sign?: string };
  company: { name: string; orgNumber?: string };
  /** #KPTYP, e.g. BAS2014. */
  chartType: string;
  currency: string;
  /** #RAR: 0 the exported year, -1 the one before; dates YYYY-MM-DD. */
  years: Array<{ index: number; start: string; end: string }>;
  accounts: Sie4Account[];
  balances: Sie4Balance[];
  vouchers: Sie4Voucher[];
}

const ACCOUNT = /^[0-9]{1,10}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The file's text, record by record (CRLF line ends, as a PC8 file has). */
export function sie4Text(doc: Sie4Document): string {
  const lines: string[] = [];
  const put = (label: string, ...fields: string[]) => lines.push([`#${label}`, ...fields].join(' '));

  put('FLAGGA', '0');
  put('PROGRAM', quoted(doc.program.name), quoted(doc.program.version));
  put('FORMAT', 'PC8');
  put('GEN', day(doc.generated.date), ...(doc.generated.sign ? [quoted(doc.generated.sign)] : []));
  put('SIETYP', '4');
  put('FNAMN', quoted(doc.company.name));
  if (doc.company.orgNumber) put('ORGNR', quoted(doc.company.orgNumber));
  for (const year of [...doc.years].sort((a, b) => b.index - a.index)) {
    put('RAR', integer(year.index), day(year.start), day(year.end));
  }
  put('KPTYP', quoted(doc.chartType));
  put('VALUTA', quoted(doc.currency));

  const accounts = [...doc.accounts].sort((a, b) => a.number.localeCompare(b.number));
  for (const account of accounts) put('KONTO', accountNumber(account.number), quoted(account.name));
  for (const account of accounts) put('KTYP', accountNumber(account.number), account.type);

  const known = new Set(accounts.map((a) => a.number));
  const order = { IB: 0, UB: 1, RES: 2 } as const;
  const balances = [...doc.balances].sort((a, b) => b.year - a.year || order[a.kind] - order[b.kind] || a.account.localeCompare(b.account));
  for (const balance of balances) {
    if (!known.has(balance.account)) throw new Error(`#${balance.kind} for account ${balance.account}, which has no #KONTO`);
    put(balance.kind, integer(balance.year), accountNumber(balance.account), amount(balance.amount));
  }

  for (const voucher of doc.vouchers) {
    const sum = voucher.transactions.reduce((total, t) => total.plus(t.amount), new Decimal(0));
    if (!sum.isZero()) throw new Error(`Voucher ${voucher.series} ${voucher.number} does not balance: its rows sum to ${sum.toFixed(2)}`);
    if (voucher.transactions.length < 2) throw new Error(`Voucher ${voucher.series} ${voucher.number} has fewer than two rows`);
    put('VER', quoted(voucher.series), integer(voucher.number), day(voucher.date), quoted(voucher.text), ...(voucher.registeredOn ? [day(voucher.registeredOn)] : []));
    lines.push('{');
    for (const row of voucher.transactions) {
      if (!known.has(row.account)) throw new Error(`#TRANS on account ${row.account}, which has no #KONTO`);
      // #TRANS kontonr {objektlista} belopp [transdat transtext]: no objects; a row's text goes with the voucher's date.
      put('TRANS', accountNumber(row.account), '{}', amount(row.amount), ...(row.text !== undefined ? [day(voucher.date), quoted(row.text)] : []));
    }
    lines.push('}');
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

/** The file as the accountant's program reads it: the text in code page 437. */
export function sie4File(doc: Sie4Document): Buffer {
  return iconv.encode(sie4Text(doc), 'cp437');
}

/** A text field: quoted, escaped, control characters as spaces, what CP437 lacks as `?`. */
function quoted(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (isControl(ch)) out += ' ';
    else out += inCp437(ch) ? ch : '?';
  }
  return `"${out}"`;
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

const cp437Cache = new Map<string, boolean>();
function inCp437(ch: string): boolean {
  if (ch.charCodeAt(0) < 0x80 && ch.length === 1) return true;
  let known = cp437Cache.get(ch);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(ch, 'cp437'), 'cp437') === ch;
    cp437Cache.set(ch, known);
  }
  return known;
}

function amount(value: string): string {
  const d = new Decimal(value);
  if (!d.isFinite()) throw new Error(`Not an amount: ${value}`);
  if (!d.equals(d.toDecimalPlaces(2))) throw new Error(`An amount in the books has at most two decimals: ${value}`);
  return d.toFixed(2);
}

function day(value: string): string {
  const match = DAY.exec(value);
  if (!match) throw new Error(`Not a day (YYYY-MM-DD): ${value}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

function accountNumber(value: string): string {
  if (!ACCOUNT.test(value)) throw new Error(`Not an account number: ${value}`);
  return value;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
  return String(value);
}

/** How an account of the chart is typed in SIE (#KTYP). */
export function sie4AccountType(kind: 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE'): Sie4AccountType {
  return ({ ASSET: 'T', LIABILITY: 'S', EQUITY: 'S', INCOME: 'I', EXPENSE: 'K' } as const)[kind];
}

/**
 * The voucher series for an entry, by its source (FORMATS.md: "verification series per source"):
 * F invoice purchases and credit notes (fakturaköp), U payouts and their reversals
 * (utbetalningar), A anything else. Each series is numbered 1, 2, 3 ... within the year.
 */
export function sie4Series(causeType: string, event: string): string {
  if (causeType === 'INVOICE' && (event === 'PURCHASE' || event === 'CREDIT_NOTE')) return 'F';
  if (event === 'PAYOUT' || event === 'PAYOUT_REJECTED') return 'U';
  return 'A';
}
