import { Global, Module } from '@nestjs/common';
import { InvoiceBooks } from './invoice-books';
import { LedgerPeriods } from './ledger-periods';
import { LedgerPeriodsResolver } from './ledger-periods.resolver';
import { LedgerReports } from './ledger-reports';
import { LedgerResolver } from './ledger.resolver';
import { Ledger } from './ledger.service';
import { SieExportResolver } from './sie-export.resolver';
import { SieExportService } from './sie-export.service';

/** The factor's books: every capability that moves money posts through it. */
@Global()
@Module({ providers: [Ledger, InvoiceBooks, LedgerReports, LedgerResolver, LedgerPeriods, LedgerPeriodsResolver, SieExportService, SieExportResolver], exports: [Ledger, InvoiceBooks] })
export class LedgerModule {}
