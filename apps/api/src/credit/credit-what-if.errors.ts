import { ConflictError, NotFoundError } from '@factoring/domain';
import { CreditError } from './credit-errors';

/* The what-if's refusals (issue 9 i); their codes are the credit capability's (credit-errors.ts). */

export const whatIfRunNotFound = (id: string) => new NotFoundError(CreditError.CREDIT_WHAT_IF_RUN_NOT_FOUND, `No what-if run has the id ${id}.`);

export const whatIfAlreadyRunning = (runningId: string | null) =>
  new ConflictError(
    CreditError.CREDIT_WHAT_IF_ALREADY_RUNNING,
    'You already have a what-if running with other values: wait for it to finish, then start this one.',
    runningId ? { runningId } : undefined,
  );
