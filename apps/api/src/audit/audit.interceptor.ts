import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@factoring/domain';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { graphQLOperationOf, requestIdOf, GraphQLOperation } from '../auth/operation';
import { AuditService } from './audit.service';

const AUDIT_TARGET_KEY = 'audit:target-type';

/** Names what kind of thing a mutation acts on, for the audit trail (the id comes from `id` or the result). */
export const AuditTarget = (targetType: string) => SetMetadata(AUDIT_TARGET_KEY, targetType);

/**
 * Records every mutation that got past the access guard, with its outcome: SUCCEEDED,
 * REFUSED (signed-in checks such as a wrong password) or FAILED (bad input, conflict, ...).
 * The entry is written before the answer goes out.
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
    const targetType = this.reflector.get<string | undefined>(AUDIT_TARGET_KEY, context.getHandler()) ?? null;

    return next.handle().pipe(
      mergeMap((result) =>
        from(this.write(operation, targetType, 'SUCCEEDED', null, result)).pipe(mergeMap(async () => result)),
      ),
      catchError((error: unknown) => {
        const refused = error instanceof DomainError && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(error.kind);
        const code = error instanceof DomainError ? error.code : 'INTERNAL_ERROR';
        return from(this.write(operation, targetType, refused ? 'REFUSED' : 'FAILED', code, undefined)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }

  private write(
    operation: GraphQLOperation,
    targetType: string | null,
    outcome: 'SUCCEEDED' | 'REFUSED' | 'FAILED',
    errorCode: string | null,
    result: unknown,
  ): Promise<void> {
    // On sign-in nobody is on the request yet; the person signed in is the actor.
    const staff = operation.req.staff ?? signedInStaffOf(result);
    const argId = typeof operation.args.id === 'string' ? operation.args.id : undefined;
    const resultId = idOf(result);
    return this.audit.record({
      actorId: staff?.id,
      actorEmail:
        staff?.email ??
        (operation.req.clientKey ? `client:${operation.req.clientKey.clientId}` : null) ??
        (typeof operation.args.email === 'string' ? operation.args.email.toLowerCase() : null),
      operation: operation.name,
      operationType: 'mutation',
      targetType,
      targetId: argId ?? resultId ?? null,
      input: operation.args,
      outcome,
      errorCode,
      requestId: requestIdOf(operation.req),
    });
  }
}

function idOf(result: unknown): string | undefined {
  const id = result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function signedInStaffOf(result: unknown): { id: string; email: string } | undefined {
  const staff = result && typeof result === 'object' ? (result as { staff?: { id?: unknown; email?: unknown } }).staff : undefined;
  return typeof staff?.id === 'string' && typeof staff.email === 'string' ? { id: staff.id, email: staff.email } : undefined;
}
