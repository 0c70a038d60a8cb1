import { Inject, Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@factoring/domain';
import { EntityManager } from 'typeorm';
import { TimelineService } from '../audit/timeline.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { StaffPrincipal } from '../auth/principal';
import { CLOCK } from '../collection/clock';
import { WorkQueueClaims } from '../common/work-queue-claims';
import { RecourseInvoicesArgs } from './dto/recourse.types';
import { RECOURSE_INVOICE } from './recourse-invoices';
import { RecourseError } from './recourse-errors';
import { RecourseRepository } from './recourse.repository';

/** The recourse-invoice queue: read and claimed here; the invoices themselves are made by RecourseInvoices in the transaction of what causes them. */
@Injectable()
export class RecourseService {
  constructor(
    private readonly repository: RecourseRepository,
    private readonly uow: UnitOfWork,
    private readonly timeline: TimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private readonly claims = new WorkQueueClaims<{ id: string; claimed_by: string | null; status: string }>({
    table: 'recourse_invoice',
    codePrefix: 'RECOURSE_INVOICE',
    noun: 'recourse invoice',
    record: (tx, item, by, reason, step) =>
      this.timeline.record(tx, { entityType: RECOURSE_INVOICE, entityId: item.id, actor: { type: 'STAFF', id: by.id, name: by.name }, fromState: item.status, toState: item.status, reason, details: { step } }),
  });

  /** Both countries share one queue; "today" is Stockholm's business day (Oslo's is the same calendar day). */
  page(args: RecourseInvoicesArgs) {
    return this.repository.page(args, this.clock.today('SE').toString());
  }

  one(id: string) {
    return this.repository.one(id, this.clock.today('SE').toString());
  }

  async claim(id: string, by: StaffPrincipal) {
    await this.uow.transaction(async (tx) => this.claims.claim(tx, await this.lock(tx, id), by));
    return this.one(id);
  }

  async release(id: string, by: StaffPrincipal) {
    await this.uow.transaction(async (tx) => this.claims.release(tx, await this.lock(tx, id), by));
    return this.one(id);
  }

  private async lock(tx: EntityManager, id: string) {
    const [row] = await tx.query(`SELECT id, claimed_by, status FROM recourse_invoice WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError(RecourseError.RECOURSE_INVOICE_NOT_FOUND, `No recourse invoice has the id ${id}.`);
    return row;
  }
}
