/**
 * ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification) reader, versions
 * .001.02 and .001.08, streamed through a SAX parser (saxes): memory holds the element stack and
 * the entry being read, never the file. Facts: /work/shared/FORMATS.md §3; element names and
 * facets from the XSDs vendored in ./schemas.
 *
 * What is read (paths relative to Stmt/Ntfctn):
 * - Id; Acct/Id/IBAN or Acct/Id/Othr/Id; Acct/Ccy; Bal (OPBD, else PRCD, as opening; CLBD as
 *   closing); TxsSummry/TtlNtries, TtlCdtNtries, TtlDbtNtries (NbOfNtries, Sum).
 * - Ntry: NtryRef, Amt@Ccy, CdtDbtInd, RvslInd, Sts (v02 text, v08 Sts/Cd), BookgDt, ValDt,
 *   AcctSvcrRef, NtryDtls/Btch (NbOfTxs, PmtInfId), AddtlNtryInf.
 * - TxDtls: Refs (AcctSvcrRef, PmtInfId, EndToEndId), Amt and CdtDbtInd (v08) or
 *   AmtDtls/TxAmt/Amt (v02), the counterparty (Dbtr for credits, Cdtr for debits; v02 Nm, v08
 *   Pty/Nm) and its account, RmtInf (Ustrd joined; Strd/CdtrRefInf/Ref of type SCOR or untyped),
 *   RtrInf/Rsn (Cd or Prtry), AddtlTxInf.
 *
 * One BankEntry per TxDtls that has its own amount (yielded as soon as it closes; the TxDtls
 * amounts must add up to the entry's, checked when the Ntry closes). An Ntry without TxDtls, or
 * with one TxDtls without an amount, is one BankEntry; an Ntry whose several TxDtls carry no
 * amounts cannot be split and is one BankEntry with batchedTransactions (for manual matching).
 * Entry-level AddtlNtryInf is never copied onto the TxDtls of a multi-transaction entry
 * (FORMATS.md §3, OCA bank-statement-import #942/#1006).
 *
 * Checks (refused with the element path): well-formed XML (saxes), UTF-8 (a declared other
 * encoding or an invalid byte is refused), the root namespace, SEK/NOK only and one currency
 * per account, amounts with at most 2 decimals that are not zero (3 or more decimals are
 * accepted only when the extra ones are zeros), real dates, Ntry/TxDtls amounts, TxsSummry
 * counts and sums, and opening balance + booked credits − booked debits = closing balance
 * when both balances are given. Unclosed elements at the end of the input: BANK_FILE_TRUNCATED.
 *
 * entryKey: '<accountId>:' + TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef (+ '#n' for the
 * n-th TxDtls of an entry with several), else Ntry/NtryRef (same suffix), else the section
 * id + entry position (stable only for the same file delivered again). The key does not name
 * the message type, so a camt.054 notification and the camt.053 statement that later carries the
 * same booking (same AcctSvcrRef) have the same key.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { BankAccountSection, BankCurrency, BankEntry, BankFileFormat, BankFileHeader, ExtraReference } from './bank-entry';
import { BankFileError, BankFileErrorCode } from './bank-file-errors';
import type { ByteSource } from './byte-source';
import { isoDate } from './fixed-width';
import { kidCheckFails, normaliseReference, ocrCheckFails, rfCheckFails } from './reference';
import { CAMT_NAMESPACES } from './namespaces';

const E = BankFileErrorCode;
type Event = { header: BankFileHeader } | { entry: BankEntry };

interface Frame {
  name: string;
  index: number;
  children?: Map<string, number>;
  attrs?: Record<string, string>;
}

interface Section {
  place: string;
  id?: string;
  accountId?: string;
  accountCurrency?: string;
  balanceCurrency?: string;
  opening?: bigint;
  previousClosing?: bigint;
  closing?: bigint;
  section?: BankAccountSection;
  entries: number;
  bookedNet: bigint;
  summary: Map<string, string>;
  summaryPlace: Map<string, string>;
  credits: { count: number; sum: bigint };
  debits: { count: number; sum: bigint };
}

interface Balance {
  code?: string;
  amount?: bigint;
  currency?: string;
  indicator?: string;
  place: string;
}

interface Amount {
  minor: bigint;
  currency: string;
  place: string;
}

interface Entry {
  place: string;
  index: number;
  ntryRef?: string;
  amount?: Amount;
  indicator?: 'CRDT' | 'DBIT';
  reversal?: boolean;
  status?: string;
  bookingDate?: string;
  valueDate?: string;
  acctSvcrRef?: string;
  batchCount?: number;
  batchPmtInfId?: string;
  addtlInfo?: string;
  txCount: number;
  txWithAmount: number;
  txSignedSum: bigint;
  /** A TxDtls without an amount, held until the entry closes. */
  heldTx?: Tx;
  /** The first TxDtls with an amount, held until a second one shows the entry has several (its key then gets '#1'). */
  firstTx?: { x: Tx; amount: Amount; direction: 'CRDT' | 'DBIT' };
  txWithoutAmount: number;
}

interface Tx {
  place: string;
  index: number;
  acctSvcrRef?: string;
  pmtInfId?: string;
  endToEndId?: string;
  amount?: Amount;
  indicator?: 'CRDT' | 'DBIT';
  dbtrName?: string;
  dbtrAccount?: string;
  cdtrName?: string;
  cdtrAccount?: string;
  ustrd: string[];
  refs: Array<{ ref: string; type?: string; place: string }>;
  strdRef?: string;
  strdType?: string;
  strdPlace?: string;
  returnReason?: string;
  addtlTxInf?: string;
}

export async function* parseCamt(source: ByteSource, format: BankFileFormat): AsyncGenerator<Event, void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  const rootChildren = new Map<string, number>();
  let text = '';
  let namespace: string | null = null;
  let version = '';
  let headerDone = false;
  const header: Partial<BankFileHeader> = { format };
  let section: Section | null = null;
  let balance: Balance | null = null;
  let entry: Entry | null = null;
  let tx: Tx | null = null;
  /** Depth (stack length) at which the current section / balance / entry / tx element sits. */
  let sectionDepth = -1;
  let balanceDepth = -1;
  let entryDepth = -1;
  let txDepth = -1;
  let rootClosed = false;
  let failure: BankFileError | null = null;
  const out: Event[] = [];

  const pathOf = (upTo = stack.length): string => {
    let p = '';
    for (let i = 0; i < upTo; i++) {
      const f = stack[i];
      p += i === 0 ? `/${f.name}` : `/${f.name}[${f.index}]`;
    }
    return p || '/';
  };
  const fail = (code: BankFileErrorCode, message: string, place: string): never => {
    throw new BankFileError(code, message, place);
  };
  const rel = (depth: number): string => {
    let p = '';
    for (let i = depth + 1; i < stack.length; i++) p += p ? `/${stack[i].name}` : stack[i].name;
    return p;
  };

  parser.on('xmldecl', (decl) => {
    if (decl.encoding && decl.encoding.toLowerCase() !== 'utf-8' && decl.encoding.toLowerCase() !== 'utf8') {
      failure ??= new BankFileError(
        E.BANK_FILE_ENCODING,
        `The file declares encoding "${decl.encoding}"; camt files are read as UTF-8 (the XML default, and what ISO 20022 messages are written in). It is refused rather than guessed.`,
        '/',
      );
    }
  });
  parser.on('doctype', () => {
    failure ??= new BankFileError(E.BANK_FILE_MALFORMED, 'A DOCTYPE declaration: camt files have none (and DTDs are not processed).', '/');
  });
  parser.on('error', (err) => {
    failure ??= new BankFileError(E.BANK_FILE_MALFORMED, `Not well-formed XML: ${err.message}`, pathOf());
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });

  parser.on('opentag', (tag) => {
    if (failure) return;
    const t = tag as SaxesTagNS;
    const parent = stack[stack.length - 1];
    const siblings = parent ? (parent.children ??= new Map()) : rootChildren;
    const index = (siblings.get(t.local) ?? 0) + 1;
    siblings.set(t.local, index);
    const frame: Frame = { name: t.local, index };
    if (t.local === 'Amt' || t.local === 'TtlAmt') {
      for (const a of Object.values(t.attributes)) (frame.attrs ??= {})[a.local] = a.value;
    }
    stack.push(frame);
    text = '';
    const depth = stack.length - 1;
    if (depth === 0) {
      if (t.local !== 'Document' || index > 1) fail(E.BANK_FILE_MALFORMED, `The root element is <${t.local}>, not <Document>.`, pathOf());
      const known = CAMT_NAMESPACES[t.uri];
      if (!known || known.format !== format) {
        fail(E.BANK_FILE_UNKNOWN_FORMAT, `The Document's namespace "${t.uri}" is not a camt.053/camt.054 .001.02/.001.08 namespace.`, '/Document');
      }
      namespace = t.uri;
      version = known!.version;
      return;
    }
    if (t.uri !== namespace) return; // extensions (SplmtryData/Envlp) in other namespaces are carried, not read
    if (depth === 1) {
      const expected = format === 'CAMT_053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn';
      if (t.local !== expected) fail(E.BANK_FILE_MALFORMED, `<${t.local}> where a ${version} file has <${expected}>.`, pathOf());
      return;
    }
    if (depth === 2 && (t.local === 'Stmt' || t.local === 'Ntfctn')) {
      if (!headerDone) fail(E.BANK_FILE_RECORD_ORDER, `<${t.local}> before the group header's MsgId.`, pathOf());
      section = {
        place: pathOf(),
        entries: 0,
        bookedNet: 0n,
        summary: new Map(),
        summaryPlace: new Map(),
        credits: { count: 0, sum: 0n },
        debits: { count: 0, sum: 0n },
      };
      sectionDepth = depth;
      return;
    }
    if (section && depth === sectionDepth + 1) {
      if (t.local === 'Bal') {
        balance = { place: pathOf() };
        balanceDepth = depth;
      } else if (t.local === 'Ntry') {
        section.entries++;
        entry = { place: pathOf(), index: section.entries, txCount: 0, txWithAmount: 0, txSignedSum: 0n, txWithoutAmount: 0 };
        entryDepth = depth;
      }
      return;
    }
    if (entry && depth === entryDepth + 2 && t.local === 'TxDtls' && stack[depth - 1].name === 'NtryDtls') {
      entry.txCount++;
      tx = { place: pathOf(), index: entry.txCount, ustrd: [], refs: [] };
      txDepth = depth;
    }
  });

  parser.on('closetag', () => {
    if (failure) return;
    const depth = stack.length - 1;
    const value = text.trim();
    text = '';
    try {
      if (depth === 0) {
        rootClosed = true;
      } else if (tx && depth > txDepth) {
        txLeaf(rel(txDepth), value);
      } else if (tx && depth === txDepth) {
        closeTx();
      } else if (entry && depth > entryDepth) {
        entryLeaf(rel(entryDepth), value);
      } else if (entry && depth === entryDepth) {
        closeEntry();
      } else if (balance && depth > balanceDepth) {
        balanceLeaf(rel(balanceDepth), value);
      } else if (balance && depth === balanceDepth) {
        closeBalance();
      } else if (section && depth > sectionDepth) {
        sectionLeaf(rel(sectionDepth), value);
      } else if (section && depth === sectionDepth) {
        closeSection();
      } else if (depth === 3 && stack[2].name === 'GrpHdr') {
        const name = stack[3].name;
        if (name === 'MsgId') header.fileIdentity = value;
        if (name === 'CreDtTm') header.createdAt = value;
      } else if (depth === 2 && stack[2].name === 'GrpHdr') {
        if (!header.fileIdentity) fail(E.BANK_FILE_MISSING_FIELD, 'The group header has no MsgId.', pathOf());
        headerDone = true;
        out.push({ header: { format, version, fileIdentity: header.fileIdentity!, ...(header.createdAt ? { createdAt: header.createdAt } : {}) } });
      }
    } finally {
      stack.pop();
    }
  });

  function here(): string {
    return pathOf();
  }

  function sectionLeaf(path: string, value: string): void {
    const s = section!;
    switch (path) {
      case 'Id':
        s.id = value;
        break;
      case 'Acct/Id/IBAN':
      case 'Acct/Id/Othr/Id':
        s.accountId = value.replace(/\s+/g, '');
        break;
      case 'Acct/Ccy':
        s.accountCurrency = currency(value, here(), "The account's currency");
        break;
      default:
        if (path.startsWith('TxsSummry/') && /\/(NbOfNtries|Sum|CdtDbtInd)$/.test(path)) {
          s.summary.set(path, value);
          s.summaryPlace.set(path, here());
        }
    }
  }

  function balanceLeaf(path: string, value: string): void {
    const b = balance!;
    if (path === 'Tp/CdOrPrtry/Cd') b.code = value;
    else if (path === 'Amt') {
      const a = amount(value, here(), 'A balance', true);
      b.amount = a.minor;
      b.currency = a.currency;
    } else if (path === 'CdtDbtInd') b.indicator = indicator(value, here());
  }

  function closeBalance(): void {
    const b = balance!;
    const s = section!;
    balance = null;
    if (b.amount === undefined || !b.indicator) fail(E.BANK_FILE_MISSING_FIELD, 'A balance without Amt or CdtDbtInd.', b.place);
    s.balanceCurrency ??= b.currency;
    if (s.accountCurrency && b.currency !== s.accountCurrency) {
      fail(E.BANK_FILE_CURRENCY, `A balance in ${b.currency} on an account in ${s.accountCurrency}.`, b.place);
    }
    const signed = b.indicator === 'DBIT' ? -b.amount! : b.amount!;
    if (b.code === 'OPBD') s.opening = signed;
    else if (b.code === 'PRCD') s.previousClosing = signed;
    else if (b.code === 'CLBD') s.closing = signed;
  }

  function entryLeaf(path: string, value: string): void {
    const n = entry!;
    switch (path) {
      case 'NtryRef':
        n.ntryRef = value;
        break;
      case 'Amt':
        n.amount = amount(value, here(), 'The entry amount');
        break;
      case 'CdtDbtInd':
        n.indicator = indicator(value, here());
        break;
      case 'RvslInd':
        n.reversal = value === 'true' || value === '1';
        break;
      case 'Sts':
        if (value) n.status = value;
        break;
      case 'Sts/Cd':
      case 'Sts/Prtry':
        n.status = value;
        break;
      case 'BookgDt/Dt':
      case 'BookgDt/DtTm':
        n.bookingDate = date(value, here());
        break;
      case 'ValDt/Dt':
      case 'ValDt/DtTm':
        n.valueDate = date(value, here());
        break;
      case 'AcctSvcrRef':
        n.acctSvcrRef = value;
        break;
      case 'NtryDtls/Btch/NbOfTxs':
        if (!/^\d{1,15}$/.test(value)) fail(E.BANK_FILE_MALFORMED, `NbOfTxs "${value}" is not a number.`, here());
        n.batchCount = Number(value);
        break;
      case 'NtryDtls/Btch/PmtInfId':
        n.batchPmtInfId = value;
        break;
      case 'AddtlNtryInf':
        n.addtlInfo = value;
        break;
    }
  }

  function txLeaf(path: string, value: string): void {
    const x = tx!;
    switch (path) {
      case 'Refs/AcctSvcrRef':
        x.acctSvcrRef = value;
        break;
      case 'Refs/PmtInfId':
        x.pmtInfId = value;
        break;
      case 'Refs/EndToEndId':
        if (value && value !== 'NOTPROVIDED') x.endToEndId = value;
        break;
      case 'Amt':
      case 'AmtDtls/TxAmt/Amt':
        if (path === 'Amt' || !x.amount) x.amount = amount(value, here(), 'The transaction amount');
        break;
      case 'CdtDbtInd':
        x.indicator = indicator(value, here());
        break;
      case 'RltdPties/Dbtr/Nm':
      case 'RltdPties/Dbtr/Pty/Nm':
        x.dbtrName = value;
        break;
      case 'RltdPties/DbtrAcct/Id/IBAN':
      case 'RltdPties/DbtrAcct/Id/Othr/Id':
        x.dbtrAccount = value.replace(/\s+/g, '');
        break;
      case 'RltdPties/Cdtr/Nm':
      case 'RltdPties/Cdtr/Pty/Nm':
        x.cdtrName = value;
        break;
      case 'RltdPties/CdtrAcct/Id/IBAN':
      case 'RltdPties/CdtrAcct/Id/Othr/Id':
        x.cdtrAccount = value.replace(/\s+/g, '');
        break;
      case 'RmtInf/Ustrd':
        if (value) x.ustrd.push(value);
        break;
      case 'RmtInf/Strd/CdtrRefInf/Ref':
        x.strdRef = value;
        x.strdPlace = here();
        break;
      case 'RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd':
      case 'RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Prtry':
        x.strdType = path.endsWith('/Cd') ? value : `PRTRY:${value}`;
        break;
      case 'RmtInf/Strd':
        if (x.strdRef) x.refs.push({ ref: x.strdRef, type: x.strdType, place: x.strdPlace! });
        x.strdRef = x.strdType = x.strdPlace = undefined;
        break;
      case 'RtrInf/Rsn/Cd':
      case 'RtrInf/Rsn/Prtry':
        x.returnReason = value;
        break;
      case 'AddtlTxInf':
        x.addtlTxInf = value;
        break;
    }
  }

  function sectionOf(entryCurrency: string, place: string): BankAccountSection {
    const s = section!;
    if (!s.section) {
      if (!s.accountId) fail(E.BANK_FILE_MISSING_FIELD, 'The account (Acct/Id/IBAN or Acct/Id/Othr/Id) is missing.', s.place);
      if (!s.id) fail(E.BANK_FILE_MISSING_FIELD, `The ${stack[sectionDepth]?.name ?? 'section'} has no Id.`, s.place);
      const ccy = (s.accountCurrency ?? s.balanceCurrency ?? entryCurrency) as BankCurrency;
      s.section = {
        accountId: s.accountId!,
        currency: ccy,
        sectionIdentity: s.id!,
        ...(s.opening !== undefined || s.previousClosing !== undefined ? { openingBalance: formatCents((s.opening ?? s.previousClosing)!) } : {}),
        ...(s.closing !== undefined ? { closingBalance: formatCents(s.closing) } : {}),
      };
    }
    if (entryCurrency !== s.section.currency) {
      fail(E.BANK_FILE_CURRENCY, `An amount in ${entryCurrency} on an account in ${s.section.currency}.`, place);
    }
    return s.section;
  }

  function keyFor(n: Entry, x: Tx | null, several: boolean, accountId: string, sectionId: string): string {
    if (x?.acctSvcrRef) return `${accountId}:${x.acctSvcrRef}`;
    const suffix = x && several ? `#${x.index}` : '';
    if (n.acctSvcrRef) return `${accountId}:${n.acctSvcrRef}${suffix}`;
    if (n.ntryRef) return `${accountId}:NtryRef:${n.ntryRef}${suffix}`;
    return `${accountId}:${sectionId}:Ntry${n.index}${x && several ? `:TxDtls${x.index}` : ''}`;
  }

  function buildEntry(n: Entry, x: Tx | null, amt: Amount, direction: 'CRDT' | 'DBIT', several: boolean, place: string): BankEntry {
    if (!n.valueDate && !n.bookingDate) fail(E.BANK_FILE_MISSING_FIELD, 'The entry has neither ValDt nor BookgDt.', n.place);
    const sec = sectionOf(amt.currency, amt.place);
    const credit = direction === 'CRDT';
    const e: BankEntry = {
      section: sec,
      entryKey: keyFor(n, x, several, sec.accountId, sec.sectionIdentity),
      direction: credit ? 'CREDIT' : 'DEBIT',
      amount: formatCents(amt.minor),
      currency: sec.currency,
      valueDate: (n.valueDate ?? n.bookingDate)!,
      place,
    };
    if (n.bookingDate) e.bookingDate = n.bookingDate;
    const bankRef = x?.acctSvcrRef ?? n.acctSvcrRef;
    if (bankRef) e.bankReference = bankRef;
    if (n.reversal) e.reversal = true;
    if (n.status && n.status !== 'BOOK') e.status = n.status;
    if (x) {
      const refs = x.refs.filter((r) => r.type === undefined || r.type === 'SCOR');
      if (refs.length > 0) {
        const [first, ...rest] = refs;
        const main = checkedReference(first.ref, sec.currency);
        if (main) {
          e.reference = main.reference;
          e.referenceCheckFailed = main.failed;
        }
        const extras: ExtraReference[] = [];
        for (const r of rest) {
          const c = checkedReference(r.ref, sec.currency);
          if (c) extras.push({ reference: c.reference, referenceCheckFailed: c.failed, place: r.place });
        }
        if (extras.length) e.extraReferences = extras;
      }
      const name = credit ? x.dbtrName : x.cdtrName;
      const account = credit ? x.dbtrAccount : x.cdtrAccount;
      if (name) e.payerName = name;
      if (account) e.payerAccount = account;
      const message = [x.ustrd.join(''), x.addtlTxInf].filter(Boolean).join(' ');
      if (message) e.message = message;
      if (x.endToEndId) e.endToEndId = x.endToEndId;
      const pmtInfId = x.pmtInfId ?? n.batchPmtInfId;
      if (pmtInfId) e.paymentInformationId = pmtInfId;
      if (x.returnReason) e.returnReason = x.returnReason;
    } else {
      if (n.addtlInfo) e.message = n.addtlInfo;
      if (n.batchPmtInfId) e.paymentInformationId = n.batchPmtInfId;
    }
    return e;
  }

  function closeTx(): void {
    const n = entry!;
    const x = tx!;
    tx = null;
    if (!n.amount || !n.indicator) fail(E.BANK_FILE_MISSING_FIELD, 'TxDtls inside an entry without Amt or CdtDbtInd.', x.place);
    if (!x.amount) {
      n.txWithoutAmount++;
      if (n.txWithAmount > 0) fail(E.BANK_FILE_MISSING_FIELD, 'A TxDtls without an amount next to TxDtls with amounts: the entry cannot be split.', x.place);
      n.heldTx ??= x;
      return;
    }
    if (n.txWithoutAmount > 0) fail(E.BANK_FILE_MISSING_FIELD, 'A TxDtls with an amount next to TxDtls without: the entry cannot be split.', x.place);
    if (x.amount.currency !== n.amount!.currency) {
      fail(E.BANK_FILE_CURRENCY, `The transaction is in ${x.amount.currency}, its entry in ${n.amount!.currency}.`, x.amount.place);
    }
    const direction = x.indicator ?? n.indicator!;
    n.txWithAmount++;
    n.txSignedSum += direction === n.indicator ? x.amount.minor : -x.amount.minor;
    if (n.txWithAmount === 1) {
      n.firstTx = { x, amount: x.amount, direction };
      return;
    }
    if (n.firstTx) {
      out.push({ entry: buildEntry(n, n.firstTx.x, n.firstTx.amount, n.firstTx.direction, true, n.firstTx.x.place) });
      n.firstTx = undefined;
    }
    out.push({ entry: buildEntry(n, x, x.amount, direction, true, x.place) });
  }

  function closeEntry(): void {
    const n = entry!;
    const s = section!;
    entry = null;
    if (!n.amount) fail(E.BANK_FILE_MISSING_FIELD, 'The entry has no Amt.', n.place);
    if (!n.indicator) fail(E.BANK_FILE_MISSING_FIELD, 'The entry has no CdtDbtInd.', n.place);
    if (!n.status) fail(E.BANK_FILE_MISSING_FIELD, 'The entry has no Sts.', n.place);
    const amt = n.amount!;
    if (amt.minor <= 0n) fail(E.BANK_FILE_AMOUNT, 'An entry of 0.00: an entry amount must be above zero.', amt.place);
    if (n.txWithAmount > 0) {
      if (n.txSignedSum !== amt.minor) {
        fail(E.BANK_FILE_TOTALS_MISMATCH, `The entry is ${formatCents(amt.minor)}; its TxDtls amounts add up to ${formatCents(n.txSignedSum)}.`, amt.place);
      }
      if (n.firstTx) {
        const e = buildEntry(n, n.firstTx.x, n.firstTx.amount, n.firstTx.direction, false, n.firstTx.x.place);
        if (n.batchCount && n.batchCount > 1) e.batchedTransactions = n.batchCount;
        out.push({ entry: e });
      }
    } else if (n.heldTx && n.txWithoutAmount === 1) {
      const e = buildEntry(n, n.heldTx, amt, n.indicator!, false, n.heldTx.place);
      if (n.batchCount && n.batchCount > 1) e.batchedTransactions = n.batchCount;
      out.push({ entry: e });
    } else {
      // No TxDtls, or several without amounts: the entry as a whole.
      const e = buildEntry(n, null, amt, n.indicator!, false, n.place);
      const count = Math.max(n.batchCount ?? 0, n.txWithoutAmount);
      if (count > 1) e.batchedTransactions = count;
      out.push({ entry: e });
    }
    const signed = n.indicator === 'CRDT' ? amt.minor : -amt.minor;
    if (n.indicator === 'CRDT') {
      s.credits.count++;
      s.credits.sum += amt.minor;
    } else {
      s.debits.count++;
      s.debits.sum += amt.minor;
    }
    if (n.status === 'BOOK') s.bookedNet += signed;
    if (!s.section) sectionOf(amt.currency, amt.place);
  }

  function closeSection(): void {
    const s = section!;
    section = null;
    if (!s.id) fail(E.BANK_FILE_MISSING_FIELD, 'The section has no Id.', s.place);
    if (!s.accountId) fail(E.BANK_FILE_MISSING_FIELD, 'The account (Acct/Id/IBAN or Acct/Id/Othr/Id) is missing.', s.place);
    const opening = s.opening ?? s.previousClosing;
    if (opening !== undefined && s.closing !== undefined && opening + s.bookedNet !== s.closing) {
      fail(
        E.BANK_FILE_TOTALS_MISMATCH,
        `Opening balance ${formatCents(opening)} plus booked entries ${formatCents(s.bookedNet)} is ${formatCents(opening + s.bookedNet)}, not the closing balance ${formatCents(s.closing)}.`,
        s.place,
      );
    }
    const checks: Array<[string, number, bigint | null]> = [
      ['TxsSummry/TtlNtries', s.entries, null],
      ['TxsSummry/TtlCdtNtries', s.credits.count, s.credits.sum],
      ['TxsSummry/TtlDbtNtries', s.debits.count, s.debits.sum],
    ];
    for (const [prefix, count, sum] of checks) {
      const stated = s.summary.get(`${prefix}/NbOfNtries`);
      if (stated !== undefined && Number(stated) !== count) {
        fail(E.BANK_FILE_TOTALS_MISMATCH, `${prefix}/NbOfNtries says ${stated}; the ${s.place.split('/').pop()} has ${count}.`, s.summaryPlace.get(`${prefix}/NbOfNtries`)!);
      }
      const statedSum = s.summary.get(`${prefix}/Sum`);
      if (sum !== null && statedSum !== undefined) {
        const place = s.summaryPlace.get(`${prefix}/Sum`)!;
        const a = decimalToCents(statedSum, place, `${prefix}/Sum`);
        if (a !== sum) fail(E.BANK_FILE_TOTALS_MISMATCH, `${prefix}/Sum says ${formatCents(a)}; the entries add up to ${formatCents(sum)}.`, place);
      }
    }
  }

  function amount(value: string, place: string, what: string, zeroAllowed = false): Amount {
    const ccy = currentAttribute('Ccy');
    if (!ccy) fail(E.BANK_FILE_MISSING_FIELD, `${what} has no Ccy attribute.`, place);
    const minor = decimalToCents(value, place, what);
    if (!zeroAllowed && minor === 0n) fail(E.BANK_FILE_AMOUNT, `${what} is 0: an amount must be above zero.`, place);
    return { minor, currency: currency(ccy!, place, `${what}'s currency`), place };
  }

  function currentAttribute(name: string): string | undefined {
    // Called from the closetag handler, before the element's frame is popped.
    return stack[stack.length - 1]?.attrs?.[name];
  }

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lastLine = 1;
  for await (const chunk of source.chunks()) {
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: true });
    } catch {
      throw new BankFileError(E.BANK_FILE_ENCODING, `Bytes that are not UTF-8 after line ${parser.line}: camt files are UTF-8.`, pathOf());
    }
    try {
      parser.write(decoded);
    } catch (err) {
      if (err instanceof BankFileError) throw withLine(err, parser.line);
      failure ??= new BankFileError(E.BANK_FILE_MALFORMED, `Not well-formed XML: ${(err as Error).message}`, pathOf());
    }
    if (failure) throw withLine(failure, parser.line);
    lastLine = parser.line;
    while (out.length) yield out.shift()!;
  }
  try {
    decoder.decode();
  } catch {
    throw new BankFileError(E.BANK_FILE_ENCODING, 'The file ends inside a UTF-8 character.', pathOf());
  }
  if (!rootClosed) {
    throw new BankFileError(
      E.BANK_FILE_TRUNCATED,
      stack.length ? `The file ends (line ${lastLine}) with <${stack[stack.length - 1].name}> and ${stack.length - 1} enclosing elements unclosed.` : 'The file has no <Document> element.',
      pathOf(),
    );
  }
  try {
    parser.close();
  } catch (err) {
    failure ??= new BankFileError(E.BANK_FILE_MALFORMED, `Not well-formed XML: ${(err as Error).message}`, '/');
  }
  if (failure) throw failure;
  while (out.length) yield out.shift()!;
  if (!headerDone) throw new BankFileError(E.BANK_FILE_MISSING_FIELD, 'The file has no group header (GrpHdr/MsgId).', '/Document');
}

function withLine(err: BankFileError, line: number): BankFileError {
  if (err.message.includes('(line ')) return err;
  const e = new BankFileError(err.code, `${err.message.replace(/ \([^()]*\)$/, '')} [line ${line}]`, err.place);
  return e;
}

function currency(value: string, place: string, what: string): BankCurrency {
  if (value === 'SEK' || value === 'NOK') return value;
  throw new BankFileError(BankFileErrorCode.BANK_FILE_CURRENCY, `${what} is "${value}"; the factor's accounts take SEK or NOK only.`, place);
}

function indicator(value: string, place: string): 'CRDT' | 'DBIT' {
  if (value === 'CRDT' || value === 'DBIT') return value;
  throw new BankFileError(BankFileErrorCode.BANK_FILE_MALFORMED, `CdtDbtInd is "${value}", not CRDT or DBIT.`, place);
}

/** XSD ActiveOrHistoricCurrencyAndAmount: ≥ 0, at most 18 digits, 5 of them decimals. We keep 2. */
function decimalToCents(value: string, place: string, what: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m || m[1].length + (m[2]?.length ?? 0) > 18 || (m[2]?.length ?? 0) > 5) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_AMOUNT, `${what} "${value}" is not an amount (digits, a point, at most 5 decimals, 18 digits in all).`, place);
  }
  const decimals = m[2] ?? '';
  if (/[1-9]/.test(decimals.slice(2))) {
    throw new BankFileError(BankFileErrorCode.BANK_FILE_AMOUNT, `${what} "${value}" has more than 2 decimals; SEK and NOK amounts are in whole öre/øre and are never rounded.`, place);
  }
  return BigInt(m[1] + decimals.slice(0, 2).padEnd(2, '0'));
}

function formatCents(minor: bigint): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

function date(value: string, place: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const d = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!d) throw new BankFileError(BankFileErrorCode.BANK_FILE_DATE, `"${value}" is not a date (YYYY-MM-DD).`, place);
  return d;
}

function checkedReference(raw: string, ccy: BankCurrency): { reference: string; failed: boolean } | undefined {
  const reference = normaliseReference(raw);
  if (reference === undefined) return undefined;
  if (/^\d+$/.test(reference)) return { reference, failed: ccy === 'NOK' ? kidCheckFails(reference) : ocrCheckFails(reference) };
  if (reference.startsWith('RF')) return { reference, failed: rfCheckFails(reference) };
  return { reference, failed: true };
}
