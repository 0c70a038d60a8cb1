import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@factoring/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from './audit.service';
import { auditRecordOf, currentMutation } from './mutation-context';

/**
 * One unit of work per request (issues 9 and 10): every change a mutation makes is one
 * transaction that also holds the mutation's audit row, so there is no change without its
 * row. Services open their transactions here instead of on the DataSource; workers (no
 * mutation on the call) get a plain transaction. A refused or failed mutation rolls back,
 * and the audit interceptor then records the attempt on its own.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const mutation = currentMutation();
    let refusal: DomainError | undefined;
    const result = await this.db.transaction(async (tx) => {
      let outcome: T | undefined;
      try {
        outcome = await work(tx);
      } catch (error) {
        if (!(error instanceof RefusedAfterCommit)) throw error;
        refusal = error.refusal;
      }
      if (mutation) {
        await this.audit.record(auditRecordOf(mutation, refusal ? 'FAILED' : 'SUCCEEDED', refusal?.code ?? null, outcome), tx);
        mutation.audited = true;
        mutation.refusalAudited = refusal !== undefined;
      }
      return outcome as T;
    });
    if (refusal) throw refusal;
    return result;
  }
}

/**
 * Thrown inside a unit of work whose change must stand although the caller is refused: e.g.
 * accepting an offer that has just expired records the expiry and answers OFFER_EXPIRED. The
 * change commits with an audit row saying the attempt failed, and the refusal is then thrown.
 */
export class RefusedAfterCommit extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}
