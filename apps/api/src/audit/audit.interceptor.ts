import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@factoring/domain';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { graphQLOperationOf } from '../auth/operation';
import { AuditService } from './audit.service';
import { auditRecordOf, MutationContext, runInMutationContext } from './mutation-context';

const AUDIT_TARGET_KEY = 'audit:target-type';

/** Names what kind of thing a mutation acts on, for the audit trail (the id comes from `id` or the result). */
export const AuditTarget = (targetType: string) => SetMetadata(AUDIT_TARGET_KEY, targetType);

/**
 * Records every mutation that got past the access guard, with its outcome: SUCCEEDED,
 * REFUSED (signed-in checks such as a wrong password) or FAILED (bad input, conflict, ...).
 * A mutation that changed something has its SUCCEEDED row written by the unit of work in
 * the same transaction as the change; one that changed nothing gets it here. A failed one
 * rolled its change back, and its attempt is recorded here on its own.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = graphQLOperationOf(context);
    if (!operation || operation.rootType !== 'Mutation') return next.handle();
    const mutation: MutationContext = {
      operation,
      targetType: this.reflector.get<string | undefined>(AUDIT_TARGET_KEY, context.getHandler()) ?? null,
      audited: false,
      refusalAudited: false,
    };
    // The handler runs inside the mutation's context, so its unit of work can find it.
    const handled = new Observable<unknown>((subscriber) => runInMutationContext(mutation, () => next.handle().subscribe(subscriber)));

    return handled.pipe(
      mergeMap((result) =>
        mutation.audited ? [result] : from(this.audit.record(auditRecordOf(mutation, 'SUCCEEDED', null, result))).pipe(mergeMap(async () => result)),
      ),
      catchError((error: unknown) => {
        if (mutation.refusalAudited) return throwError(() => error);
        const refused = error instanceof DomainError && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(error.kind);
        const code = error instanceof DomainError ? error.code : 'INTERNAL_ERROR';
        return from(this.audit.record(auditRecordOf(mutation, refused ? 'REFUSED' : 'FAILED', code, undefined))).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
