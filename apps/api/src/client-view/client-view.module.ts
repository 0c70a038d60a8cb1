import { Module } from '@nestjs/common';
import { clockProvider } from '../collection/clock';
import { MyRecourseInvoices, MyRecourseInvoicesResolver } from './my-recourse-invoices';

/** The client's view through the integration API (issue 15 s.7) beyond its invoices: its recourse invoices. */
@Module({ providers: [clockProvider, MyRecourseInvoices, MyRecourseInvoicesResolver] })
export class ClientViewModule {}
