import { ConflictError, InvalidValueError, NotFoundError } from '@factoring/domain';

export const staffNotFound = (id: string) =>
  new NotFoundError('STAFF_MEMBER_NOT_FOUND', `No staff member has the id ${id}.`);

export const emailTaken = (email: string) =>
  new ConflictError('STAFF_EMAIL_TAKEN', `A staff member with the e-mail ${email} already exists.`);

export const staleVersion = (expected: number, actual: number) =>
  new ConflictError(
    'STAFF_MEMBER_CHANGED',
    `Someone else changed this staff member since you opened it (you had version ${expected}, it is now ${actual}). Reload and try again.`,
    { currentVersion: actual },
  );

export const alreadyInState = (active: boolean) =>
  new ConflictError(
    active ? 'STAFF_MEMBER_ALREADY_ACTIVE' : 'STAFF_MEMBER_ALREADY_DEACTIVATED',
    active ? 'This staff member is already active.' : 'This staff member is already deactivated.',
  );

export const lastAdmin = () =>
  new ConflictError(
    'LAST_ACTIVE_ADMIN',
    'At least one active admin must remain; give someone else the ADMIN role first.',
  );

export const cannotDeactivateSelf = () =>
  new InvalidValueError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account.', 'id');
