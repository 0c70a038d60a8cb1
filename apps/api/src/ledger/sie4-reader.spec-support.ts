import Decimal from 'decimal.js';

/**
 * A SIE 4 reader for tests only, written from the format's description in shared/FORMATS.md s.4
 * (SIE filformat 4B) and shares no code with the writer in libs/rules: its own code page 437
 * table, its own tokenizer and its own checks. It reads what accounting programs write too (the
 * samples: TAB-separated fields, unquoted or quoted numbers, backslashes in text).
 */

/** Code page 437, bytes 0x80-0xFF (IBM PC; spec s.5.8 "PC8"). Below 0x80 it is ASCII. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩' +
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return text;
}

/** One token of a record: a plain or quoted field, or an object list `{dim obj ...}` with its own tokens. */
export type SieField = string | { objects: string[] };

export interface SieRecord {
  label: string;
  fields: SieField[];
  line: number;
}

export interface SieRow {
  account: string;
  objects: string[];
  amount: Decimal;
  date?: string;
  text?: string;
}

export interface SieVoucher {
  series: string;
  number: string;
  date: string;
  text: string;
  rows: SieRow[];
  line: number;
}

export interface SieFile {
  records: SieRecord[];
  /** First field(s) of the identification records: FLAGGA, FORMAT, SIETYP, PROGRAM, GEN, FNAMN, ORGNR, KPTYP, VALUTA. */
  info: Record<string, string[]>;
  years: Map<number, { start: string; end: string }>;
  accounts: Map<string, { name: string; type?: string }>;
  /** `${year}:${account}` -> amount, for IB, UB and RES. */
  ib: Map<string, Decimal>;
  ub: Map<string, Decimal>;
  res: Map<string, Decimal>;
  vouchers: SieVoucher[];
}

/** Splits one line into its label and fields: blanks and TABs separate; "..." may hold them; {...} is one field. */
export function tokenize(line: string): SieField[] {
  const tokens: SieField[] = [];
  let i = 0;
  const blank = (c: string) => c === ' ' || c === '\t';
  const readQuoted = (): string => {
    let out = '';
    i++; // opening quote
    while (i < line.length && line[i] !== '"') {
      // \" is a quote inside the text; \\ a backslash; any other backslash is itself (the BL sample writes 1820\A012).
      if (line[i] === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
        out += line[i + 1];
        i += 2;
      } else out += line[i++];
    }
    if (line[i] !== '"') throw new Error(`unterminated text in: ${line}`);
    i++;
    return out;
  };
  const readPlain = (): string => {
    let out = '';
    while (i < line.length && !blank(line[i]) && line[i] !== '{' && line[i] !== '}') out += line[i++];
    return out;
  };
  while (i < line.length) {
    if (blank(line[i])) {
      i++;
    } else if (line[i] === '"') {
      tokens.push(readQuoted());
    } else if (line[i] === '{') {
      i++;
      const objects: string[] = [];
      while (i < line.length && line[i] !== '}') {
        if (blank(line[i])) i++;
        else if (line[i] === '"') objects.push(readQuoted());
        else objects.push(readPlain());
      }
      if (line[i] !== '}') throw new Error(`unterminated object list in: ${line}`);
      i++;
      tokens.push({ objects });
    } else {
      tokens.push(readPlain());
    }
  }
  return tokens;
}

const text = (field: SieField | undefined): string => (typeof field === 'string' ? field : '');
const isoDay = (sieDay: string): string => {
  if (!/^\d{8}$/.test(sieDay)) throw new Error(`not a SIE date: ${sieDay}`);
  return `${sieDay.slice(0, 4)}-${sieDay.slice(4, 6)}-${sieDay.slice(6, 8)}`;
};

/** Reads a SIE file's bytes (CP437, as #FORMAT PC8 says). */
export function readSie(bytes: Uint8Array): SieFile {
  const content = decodeCp437(bytes);
  const file: SieFile = { records: [], info: {}, years: new Map(), accounts: new Map(), ib: new Map(), ub: new Map(), res: new Map(), vouchers: [] };
  let voucher: SieVoucher | null = null;
  let inBlock = false;
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    // A voucher's rows sit between a line "{" and a line "}".
    const bare = raw.trim();
    if (!bare) return;
    if (bare === '{') {
      if (!voucher) throw new Error(`line ${line}: "{" without a #VER`);
      inBlock = true;
      return;
    }
    if (bare === '}') {
      if (!inBlock) throw new Error(`line ${line}: "}" outside a voucher`);
      inBlock = false;
      voucher = null;
      return;
    }
    const tokens = tokenize(raw);
    const head = text(tokens[0]);
    if (!head.startsWith('#')) throw new Error(`line ${line}: a record starts with #LABEL, got ${raw}`);
    const record: SieRecord = { label: head.slice(1), fields: tokens.slice(1), line };
    file.records.push(record);
    const f = record.fields;
    switch (record.label) {
      case 'FLAGGA':
      case 'FORMAT':
      case 'SIETYP':
      case 'PROGRAM':
      case 'GEN':
      case 'FNAMN':
      case 'ORGNR':
      case 'KPTYP':
      case 'VALUTA':
        file.info[record.label] = f.map(text);
        break;
      case 'RAR':
        file.years.set(Number(text(f[0])), { start: isoDay(text(f[1])), end: isoDay(text(f[2])) });
        break;
      case 'KONTO':
        file.accounts.set(text(f[0]), { ...file.accounts.get(text(f[0])), name: text(f[1]) });
        break;
      case 'KTYP': {
        const account = file.accounts.get(text(f[0])) ?? { name: '' };
        file.accounts.set(text(f[0]), { ...account, type: text(f[1]) });
        break;
      }
      case 'IB':
      case 'UB':
      case 'RES': {
        const target = record.label === 'IB' ? file.ib : record.label === 'UB' ? file.ub : file.res;
        target.set(`${Number(text(f[0]))}:${text(f[1])}`, new Decimal(text(f[2])));
        break;
      }
      case 'VER':
        if (inBlock) throw new Error(`line ${line}: #VER inside another voucher`);
        voucher = { series: text(f[0]), number: text(f[1]), date: isoDay(text(f[2])), text: text(f[3]), rows: [], line };
        file.vouchers.push(voucher);
        break;
      case 'TRANS': {
        if (!voucher || !inBlock) throw new Error(`line ${line}: #TRANS outside a voucher`);
        const objects = typeof f[1] === 'object' ? f[1].objects : [];
        const amount = text(f[2]);
        if (!/^-?\d+(\.\d+)?$/.test(amount)) throw new Error(`line ${line}: not an amount: ${amount}`);
        voucher.rows.push({
          account: text(f[0]),
          objects,
          amount: new Decimal(amount),
          date: text(f[3]) ? isoDay(text(f[3])) : undefined,
          text: f.length > 4 ? text(f[4]) : undefined,
        });
        break;
      }
      default:
        // #RTRANS/#BTRANS (added/removed rows), #DIM, #OBJEKT, #SRU, #ADRESS ...: read, not checked here.
        break;
    }
  });
  if (inBlock) throw new Error('the file ends inside a voucher');
  return file;
}

/** Whether an account is a balance-sheet account: its #KTYP (T, S), or by BAS class (1xxx, 2xxx) when untyped. */
export function isBalanceAccount(file: SieFile, account: string): boolean {
  const type = file.accounts.get(account)?.type;
  if (type) return type === 'T' || type === 'S';
  return account.startsWith('1') || account.startsWith('2');
}

/**
 * What must hold in a SIE 4 file, as problems (none = good):
 * - every #VER's #TRANS rows sum to zero;
 * - per balance-sheet account, #IB 0 + the year's rows = #UB 0;
 * - per result account, the year's rows = #RES 0.
 */
export function sieProblems(file: SieFile): string[] {
  const problems: string[] = [];
  const year = file.years.get(0);
  const moved = new Map<string, Decimal>();
  for (const v of file.vouchers) {
    const sum = v.rows.reduce((total, r) => total.plus(r.amount), new Decimal(0));
    if (!sum.isZero()) problems.push(`#VER ${v.series} ${v.number} (line ${v.line}) sums to ${sum.toFixed(2)}`);
    if (year && (v.date < year.start || v.date > year.end)) continue;
    for (const r of v.rows) moved.set(r.account, (moved.get(r.account) ?? new Decimal(0)).plus(r.amount));
  }
  const accounts = new Set<string>([...moved.keys()]);
  for (const map of [file.ib, file.ub, file.res]) for (const key of map.keys()) if (key.startsWith('0:')) accounts.add(key.slice(2));
  for (const account of [...accounts].sort()) {
    const rows = moved.get(account) ?? new Decimal(0);
    if (isBalanceAccount(file, account)) {
      const ib = file.ib.get(`0:${account}`) ?? new Decimal(0);
      const ub = file.ub.get(`0:${account}`) ?? new Decimal(0);
      if (!ib.plus(rows).equals(ub)) problems.push(`account ${account}: #IB ${ib.toFixed(2)} + rows ${rows.toFixed(2)} <> #UB ${ub.toFixed(2)}`);
    } else {
      const res = file.res.get(`0:${account}`) ?? new Decimal(0);
      if (!rows.equals(res)) problems.push(`account ${account}: rows ${rows.toFixed(2)} <> #RES ${res.toFixed(2)}`);
    }
  }
  return problems;
}
