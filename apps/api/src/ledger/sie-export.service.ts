import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BUSINESS_TIME_ZONES, ConflictError, InvalidValueError, LocalDate, NotFoundError } from '@factoring/domain';
import { Sie4BooksInput, sie4Books, sie4File } from '@factoring/rules';
import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { AccountBalance, Book, Ledger } from './ledger.service';
import { LedgerError } from './ledger-errors';

/** What the file says made it (#PROGRAM). */
const PROGRAM = { name: 'Factoring back office', version: '0.1.0' };
/**
 * #KPTYP: the chart is numbered after BAS (the accounts' `source` says BAS kontoplan 2024); SIE's
 * own chart-type names stop at BAS2014, the BAS family whose numbering the later editions keep.
 */
const CHART_TYPE = 'BAS2014';
/** An entry page while reading a year's journal (the journal is read in pages, oldest last). */
const PAGE = 1000;

export interface SieExportFile {
  fileName: string;
  sha256: string;
  content: Buffer;
  vouchers: number;
}

/**
 * The Swedish book's year as a SIE 4 file for the accountant (issue 12 s.4). Reads the chart,
 * the balances and the journal through the Ledger; the shaping and the writing are pure
 * (libs/rules sie4Books, sie4File). Only the book whose export format is SIE4 (Sweden); the
 * Norwegian book's accountant gets SAF-T, later.
 */
@Injectable()
export class SieExportService {
  constructor(
    private readonly ledger: Ledger,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async export(fiscalYear: number, by?: { email: string }, now = new Date()): Promise<SieExportFile> {
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) {
      throw new InvalidValueError(LedgerError.FISCAL_YEAR_INVALID, `${fiscalYear} is not a fiscal year the books can hold (2000 to 2100).`, 'fiscalYear');
    }
    const book: Book = 'SE';
    // The book's own identity. The factor's organisation number is not in the books yet: written
    // as #ORGNR once ledger_book carries an org_number (to_jsonb reads it when that column exists).
    const [info] = await this.db.query(
      `SELECT name, currency, export_format, to_jsonb(k) ->> 'org_number' AS org_number FROM ledger_book k WHERE code = $1`,
      [book],
    );
    if (!info || info.export_format !== 'SIE4') throw new NotFoundError(LedgerError.SIE_BOOK_NOT_FOUND, 'There is no book exported as SIE 4.');

    const { chart, atEnd, atEndOfPrior, atEndOfPriorButOne, entries } = await this.read(book, fiscalYear);
    const zone = BUSINESS_TIME_ZONES[book];
    const books = sie4Books({
      year: fiscalYear,
      chart: chart.map((a: Sie4BooksInput['chart'][number]) => ({ account: a.account, kind: a.kind, nameSv: a.nameSv })),
      balances: { end: byAccount(atEnd), endOfPrior: byAccount(atEndOfPrior), endOfPriorButOne: byAccount(atEndOfPriorButOne) },
      entries: entries.map((e) => ({
        id: e.id,
        date: e.entryDate,
        registeredOn: LocalDate.today(zone, new Date(e.postedAt)).toString(),
        causeType: e.causeType,
        event: e.event,
        description: e.description,
        postings: e.postings.map((p) => ({ account: p.account, amount: p.amount })),
      })),
    });
    const content = sie4File({
      program: PROGRAM,
      generated: { date: LocalDate.today(zone, now).toString(), sign: by?.email },
      company: { name: info.name, orgNumber: info.org_number ?? undefined },
      chartType: CHART_TYPE,
      currency: info.currency,
      ...books,
    });
    return {
      // .SE is a full SIE export (.SI would be an import file, SIE 4i).
      fileName: `SIE4-${book}-${fiscalYear}.SE`,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      vouchers: books.vouchers.length,
    };
  }

  /**
   * The chart, the balances at the ends of the year and the two before, and the year's journal,
   * as of one moment. The Ledger reads outside any one transaction, so the year-end balances are
   * read before and after the journal: if they differ, something was posted meanwhile and the
   * whole is read again (entries are append-only, so equal balances mean the journal is whole).
   */
  private async read(book: Book, year: number) {
    const end = `${year}-12-31`;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [chart, atEnd, atEndOfPrior, atEndOfPriorButOne] = await Promise.all([
        this.ledger.chart(book, end),
        this.ledger.balances(book, end),
        this.ledger.balances(book, `${year - 1}-12-31`),
        this.ledger.balances(book, `${year - 2}-12-31`),
      ]);
      const entries = await this.journal(book, `${year}-01-01`, end);
      const after = await this.ledger.balances(book, end);
      if (JSON.stringify(after) === JSON.stringify(atEnd)) return { chart, atEnd, atEndOfPrior, atEndOfPriorButOne, entries };
    }
    throw new ConflictError(LedgerError.SIE_BOOKS_MOVING, 'Entries of that year were being posted while the file was made; please try again.');
  }

  /** Every entry of the period with its postings, read page by page (an entry seen twice across pages counts once). */
  private async journal(book: Book, from: string, to: string) {
    type Entry = { id: string; entryDate: string; postedAt: string | Date; causeType: string; event: string; description: string; postings: Array<{ account: string; amount: string }> };
    const all: Entry[] = [];
    for (let page = 0; ; page++) {
      const { items, total } = await this.ledger.entries(book, from, to, page, PAGE);
      all.push(...(items as Entry[]));
      if (all.length >= total || items.length === 0) return [...new Map(all.map((e) => [e.id, e])).values()];
    }
  }
}

function byAccount(balances: AccountBalance[]): Map<string, string> {
  return new Map(balances.filter((b) => b.balance !== '0.00').map((b) => [b.account, b.balance]));
}
