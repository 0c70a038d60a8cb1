import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@factoring/domain';
import { DataSource } from 'typeorm';
import { SortOrder } from '../common/paging';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntriesArgs } from './dto/audit.types';
import { AuditError } from './audit-errors';

/** Reads of the audit trail for the admins' screen. */
@Injectable()
export class AuditQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(args: AuditEntriesArgs): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const query = this.db.getRepository(AuditEntryEntity).createQueryBuilder('a');
    const f = args.filter ?? {};
    if (f.actorId) query.andWhere('a.actorId = :actorId', { actorId: f.actorId });
    if (f.operation) query.andWhere('a.operation = :operation', { operation: f.operation });
    if (f.outcome) query.andWhere('a.outcome = :outcome', { outcome: f.outcome });
    if (f.targetId) query.andWhere('a.targetId = :targetId', { targetId: f.targetId });
    if (f.from) query.andWhere('a.occurredAt >= :from', { from: f.from });
    if (f.to) query.andWhere('a.occurredAt <= :to', { to: f.to });
    const [items, total] = await query
      .orderBy('a.id', args.sortOrder === SortOrder.ASC ? 'ASC' : 'DESC')
      .skip(args.page * args.perPage)
      .take(args.perPage)
      .getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<AuditEntryEntity> {
    const entry = /^\d{1,18}$/.test(id) ? await this.db.getRepository(AuditEntryEntity).findOneBy({ id }) : null;
    if (!entry) throw new NotFoundError(AuditError.AUDIT_ENTRY_NOT_FOUND, `No audit entry has the id ${id}.`);
    return entry;
  }
}
