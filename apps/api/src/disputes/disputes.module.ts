import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { InvoicesModule } from '../invoices/invoices.module';
import { RecourseModule } from '../recourse/recourse.module';
import { DisputesRepository } from './disputes.repository';
import { DisputesResolver } from './disputes.resolver';
import { DisputesService } from './disputes.service';

/** Disputes (issue 15 s.4): the dispute queue and its three endings. */
@Module({ imports: [InvoicesModule, RecourseModule], providers: [clockProvider, DisputesRepository, DisputesService, DisputesResolver], exports: [DisputesService] })
export class DisputesModule {}
