import { ConflictError, InvalidValueError, NotFoundError } from '@factoring/domain';

/** The error codes of staff members, in one place (issue 9): what clients and the console switch on. */
export enum StaffError {
  CANNOT_DEACTIVATE_SELF = 'CANNOT_DEACTIVATE_SELF',
  LAST_ACTIVE_ADMIN = 'LAST_ACTIVE_ADMIN',
  STAFF_EMAIL_TAKEN = 'STAFF_EMAIL_TAKEN',
  STAFF_MEMBER_ALREADY_ACTIVE = 'STAFF_MEMBER_ALREADY_ACTIVE',
  STAFF_MEMBER_ALREADY_DEACTIVATED = 'STAFF_MEMBER_ALREADY_DEACTIVATED',
  STAFF_MEMBER_CHANGED = 'STAFF_MEMBER_CHANGED',
  STAFF_MEMBER_NOT_FOUND = 'STAFF_MEMBER_NOT_FOUND',
}

export const staffNotFound = (id: string) =>
  new NotFoundError(StaffError.STAFF_MEMBER_NOT_FOUND, `No staff member has the id ${id}.`);

export const emailTaken = (email: string) =>
  new ConflictError(StaffError.STAFF_EMAIL_TAKEN, `A staff member with the e-mail ${email} already exists.`);

export const staleVersion = (expected: number, actual: number) =>
  new ConflictError(
    StaffError.STAFF_MEMBER_CHANGED,
    `Someone else changed this staff member since you opened it (you had version ${expected}, it is now ${actual}). Reload and try again.`,
    { currentVersion: actual },
  );

export const alreadyInState = (active: boolean) =>
  new ConflictError(
    active ? StaffError.STAFF_MEMBER_ALREADY_ACTIVE : StaffError.STAFF_MEMBER_ALREADY_DEACTIVATED,
    active ? 'This staff member is already active.' : 'This staff member is already deactivated.',
  );

export const lastAdmin = () =>
  new ConflictError(
    StaffError.LAST_ACTIVE_ADMIN,
    'At least one active admin must remain; give someone else the ADMIN role first.',
  );

export const cannotDeactivateSelf = () =>
  new InvalidValueError(StaffError.CANNOT_DEACTIVATE_SELF, 'You cannot deactivate your own account.', 'id');
