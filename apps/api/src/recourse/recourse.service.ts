import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@factoring/domain';
import { CLOCK } from '../collection/clock';
import { RecourseInvoicesArgs } from './dto/recourse.types';
import { RecourseRepository } from './recourse.repository';

/** Reads the recourse-invoice queue; the invoices themselves are made by RecourseInvoices in the transaction of what causes them. */
@Injectable()
export class RecourseService {
  constructor(
    private readonly repository: RecourseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Both countries share one queue; "today" is Stockholm's business day (Oslo's is the same calendar day). */
  page(args: RecourseInvoicesArgs) {
    return this.repository.page(args, this.clock.today('SE').toString());
  }

  one(id: string) {
    return this.repository.one(id, this.clock.today('SE').toString());
  }
}
