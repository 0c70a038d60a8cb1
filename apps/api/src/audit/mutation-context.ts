import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLOperation, requestIdOf } from '../auth/operation';
import { AuditRecord } from './audit.service';

/**
 * The mutation a request is running, carried through its async calls so that the unit of
 * work can write the mutation's audit row in the same transaction as its change.
 */
export interface MutationContext {
  operation: GraphQLOperation;
  targetType: string | null;
  /** Set once a transaction of this request has committed its audit row with its change. */
  audited: boolean;
  /** Set when the unit of work committed a change together with the row recording the attempt as refused. */
  refusalAudited: boolean;
}

const storage = new AsyncLocalStorage<MutationContext>();

export function runInMutationContext<T>(context: MutationContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentMutation(): MutationContext | undefined {
  return storage.getStore();
}

/** The audit row for a mutation: who (staff, client key, or the e-mail signing in), what, on what, and how it ended. */
export function auditRecordOf(
  context: MutationContext,
  outcome: AuditRecord['outcome'],
  errorCode: string | null,
  result: unknown,
): AuditRecord {
  const { operation } = context;
  // On sign-in nobody is on the request yet; the person signed in is the actor.
  const staff = operation.req.staff ?? signedInStaffOf(result);
  const argId = typeof operation.args.id === 'string' ? operation.args.id : undefined;
  return {
    actorId: staff?.id,
    actorEmail:
      staff?.email ??
      (operation.req.clientKey ? `client:${operation.req.clientKey.clientId}` : null) ??
      (typeof operation.args.email === 'string' ? operation.args.email.toLowerCase() : null),
    operation: operation.name,
    operationType: 'mutation',
    targetType: context.targetType,
    targetId: argId ?? idOf(result) ?? null,
    input: operation.args,
    outcome,
    errorCode,
    requestId: requestIdOf(operation.req),
  };
}

function idOf(result: unknown): string | undefined {
  if (typeof result === 'string' && /^[0-9a-f-]{36}$/i.test(result)) return result;
  const id = result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function signedInStaffOf(result: unknown): { id: string; email: string } | undefined {
  const staff = result && typeof result === 'object' ? (result as { staff?: { id?: unknown; email?: unknown } }).staff : undefined;
  return typeof staff?.id === 'string' && typeof staff.email === 'string' ? { id: staff.id, email: staff.email } : undefined;
}
