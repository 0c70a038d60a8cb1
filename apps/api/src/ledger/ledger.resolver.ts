import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { BookDateArgs, JournalEntriesArgs, JournalEntryPageType, LedgerAccountType, TrialBalanceType } from './dto/ledger.types';
import { LedgerReports } from './ledger-reports';

/** The books, read by finance (and admins). Nothing here writes: entries are posted by the changes that cause them. */
@Resolver()
export class LedgerResolver {
  constructor(private readonly reports: LedgerReports) {}

  @Query(() => TrialBalanceType, { description: 'Every account with its balance at the end of a day; for one client when clientId is given.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  trialBalance(@Args() args: BookDateArgs) {
    return this.reports.trialBalance(args.book, args.date, args.clientId);
  }

  @Query(() => [LedgerAccountType], { description: 'The chart of accounts in force on a day.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  ledgerAccounts(@Args() args: BookDateArgs) {
    return this.reports.chart(args.book, args.date);
  }

  @Query(() => JournalEntryPageType, { description: 'The entries of a period, newest first.' })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  journalEntries(@Args() args: JournalEntriesArgs) {
    return this.reports.entries(args);
  }
}
