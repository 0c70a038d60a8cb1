import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ALL_ROLES, Role } from './role';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';
export const INTEGRATION_KEY = 'access:integration';

/**
 * The roles allowed to run this query or mutation, declared next to it. Every operation
 * must carry either @AllowRoles or @Public: the access guard refuses undeclared ones, and
 * the access-matrix test fails on them.
 */
export const AllowRoles = (...roles: Role[]) => {
  if (roles.length === 0) throw new Error('@AllowRoles needs at least one role');
  return SetMetadata(ROLES_KEY, roles);
};

/** Any signed-in member of staff, whatever their roles. */
export const AnyStaff = () => AllowRoles(...ALL_ROLES);

/** No token needed (sign-in only). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true));

/** Called by a client's accounting program with its integration key (never by staff); acts for that client only. */
export const ForIntegration = () => SetMetadata(INTEGRATION_KEY, true);
