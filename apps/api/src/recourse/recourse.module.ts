import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { RecourseInvoices } from './recourse-invoices';
import { RecourseRepository } from './recourse.repository';
import { RecourseResolver } from './recourse.resolver';
import { RecourseService } from './recourse.service';

/** Recourse invoices (regressfakturor, issue 15 s.3): made by the disputes (and later the collection) capability, read as a queue. */
@Module({ providers: [clockProvider, RecourseInvoices, RecourseRepository, RecourseService, RecourseResolver], exports: [RecourseInvoices, RecourseService] })
export class RecourseModule {}
