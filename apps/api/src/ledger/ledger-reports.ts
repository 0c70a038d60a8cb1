import { Injectable } from '@nestjs/common';
import { BUSINESS_TIME_ZONES, InvalidValueError, LocalDate } from '@factoring/domain';
import Decimal from 'decimal.js';
import { Country } from '../common/dto/common.types';
import { JournalEntriesArgs } from './dto/ledger.types';
import { Ledger } from './ledger.service';
import { LedgerError } from './ledger-errors';

const CURRENCY: Record<Country, string> = { SE: 'SEK', NO: 'NOK' };

/** What finance reads of the books: the trial balance, the chart, the journal. */
@Injectable()
export class LedgerReports {
  constructor(private readonly ledger: Ledger) {}

  async trialBalance(book: Country, date: string | undefined, clientId?: string) {
    const day = this.day(book, date, 'date');
    const accounts = await this.ledger.balances(book, day, clientId);
    const difference = accounts.reduce((total, a) => total.plus(a.balance), new Decimal(0)).toFixed(2);
    return { book, currency: CURRENCY[book], date: day, accounts, difference };
  }

  chart(book: Country, date: string | undefined) {
    return this.ledger.chart(book, this.day(book, date, 'date'));
  }

  entries(args: JournalEntriesArgs) {
    const from = this.day(args.book, args.from, 'from');
    const to = this.day(args.book, args.to, 'to');
    if (to < from) throw new InvalidValueError(LedgerError.PERIOD_INVALID, 'The period ends before it starts.', 'to');
    return this.ledger.entries(args.book, from, to, args.page, args.perPage);
  }

  private day(book: Country, value: string | undefined, field: string): string {
    if (!value) return LocalDate.today(BUSINESS_TIME_ZONES[book]).toString();
    try {
      return LocalDate.parse(value).toString();
    } catch {
      throw new InvalidValueError(LedgerError.DATE_INVALID, `${value} is not a day that exists.`, field);
    }
  }
}
