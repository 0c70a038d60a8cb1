import { usePermissions } from 'react-admin';
import type { Role } from '../types';

/**
 * True when the person has one of these roles. Buttons use it to show only what the API
 * would allow (the API checks again on every call: this only spares people a refusal).
 */
export const useHasRole = (...roles: Role[]): boolean => {
  const { permissions } = usePermissions<Role[]>();
  return Array.isArray(permissions) && roles.some((role) => permissions.includes(role));
};
