import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthService } from './auth.service';
import { ForbiddenError, UnauthenticatedError } from './auth.errors';
import { GraphQLOperation, graphQLOperationOf, requestIdOf } from './operation';
import { OperationAccess, OperationAccessRegistry } from './operation-access.registry';
import { IntegrationKeysService, INTEGRATION_KEY_PREFIX } from '../integration-keys/integration-keys.service';
import { AuthenticatedRequest } from './principal';
import { AuthError } from './auth-errors';

/**
 * Runs before every GraphQL query and mutation: a valid token is needed (except on @Public
 * operations), and the person must hold one of the roles the operation declares. Refused
 * mutations are written to the audit trail here, since guards run before interceptors.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly registry: OperationAccessRegistry,
    private readonly audit: AuditService,
    private readonly keys: IntegrationKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const operation = graphQLOperationOf(context);
    if (!operation || (operation.rootType !== 'Query' && operation.rootType !== 'Mutation')) return true;

    const access = this.registry.accessFor(operation.rootType, operation.name);
    if (access.kind === 'public') return true;

    const token = bearerToken(operation.req);
    if (token?.startsWith(INTEGRATION_KEY_PREFIX)) return this.allowClientKey(operation, access.kind, token);
    if (access.kind === 'integration' && !token) {
      await this.refuse(operation, 'INTEGRATION_KEY_REQUIRED');
      throw new UnauthenticatedError(AuthError.INTEGRATION_KEY_REQUIRED, 'Send your integration key as "Authorization: Bearer fkey_...".');
    }

    const staff = token ? await this.auth.authenticate(token) : null;
    if (!staff) {
      const error = new UnauthenticatedError(
        token ? AuthError.SESSION_INVALID : AuthError.SIGN_IN_REQUIRED,
        token ? 'Your session has ended. Please sign in again.' : 'Please sign in.',
      );
      await this.refuse(operation, error.code);
      throw error;
    }
    operation.req.staff = staff;

    if (access.kind === 'integration') {
      await this.refuse(operation, 'INTEGRATION_ONLY');
      throw new ForbiddenError(AuthError.INTEGRATION_ONLY, `${operation.name} is for a client's accounting program, called with its integration key.`);
    }
    if (access.kind === 'undeclared') {
      await this.refuse(operation, 'NO_ROLES_DECLARED');
      throw new ForbiddenError(AuthError.NO_ROLES_DECLARED, `The operation ${operation.name} declares no roles and is refused.`);
    }
    if (!staff.roles.some((role) => access.roles.includes(role))) {
      await this.refuse(operation, 'ROLE_REQUIRED');
      throw new ForbiddenError(
        AuthError.ROLE_REQUIRED,
        `You are not allowed to do this: ${operation.name} needs one of the roles ${access.roles.join(', ')}.`,
        { requiredRoles: access.roles },
      );
    }
    return true;
  }

  /** An integration key acts for its own client, and only through the integration operations. */
  private async allowClientKey(operation: GraphQLOperation, access: OperationAccess['kind'], key: string): Promise<boolean> {
    const clientKey = await this.keys.authenticate(key);
    if (!clientKey) {
      await this.refuse(operation, 'INTEGRATION_KEY_INVALID');
      throw new UnauthenticatedError(AuthError.INTEGRATION_KEY_INVALID, 'This integration key is unknown or has been revoked.');
    }
    operation.req.clientKey = clientKey;
    if (access !== 'integration') {
      await this.refuse(operation, 'STAFF_ONLY');
      throw new ForbiddenError(AuthError.STAFF_ONLY, `${operation.name} is for the factor's staff; an integration key cannot call it.`);
    }
    return true;
  }

  private async refuse(operation: GraphQLOperation, errorCode: string): Promise<void> {
    if (operation.rootType !== 'Mutation') return;
    const staff = operation.req.staff;
    const clientKey = operation.req.clientKey;
    await this.audit.record({
      actorId: staff?.id,
      actorEmail: staff?.email ?? (clientKey ? `client:${clientKey.clientId}` : null),
      operation: operation.name,
      operationType: 'mutation',
      targetId: typeof operation.args.id === 'string' ? operation.args.id : null,
      input: operation.args,
      outcome: 'REFUSED',
      errorCode,
      requestId: requestIdOf(operation.req),
    });
  }
}

function bearerToken(req: AuthenticatedRequest): string | undefined {
  const header = req.headers?.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
