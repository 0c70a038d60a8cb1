import { ConflictError, NotFoundError } from '@factoring/domain';

/** The what-if's refusals (issue 9 i), with their stable reasons. */
export enum CreditWhatIfErrorCode {
  RUN_NOT_FOUND = 'CREDIT_WHAT_IF_RUN_NOT_FOUND',
  ALREADY_RUNNING = 'CREDIT_WHAT_IF_ALREADY_RUNNING',
}

export const whatIfRunNotFound = (id: string) => new NotFoundError(CreditWhatIfErrorCode.RUN_NOT_FOUND, `No what-if run has the id ${id}.`);

export const whatIfAlreadyRunning = (runningId: string | null) =>
  new ConflictError(
    CreditWhatIfErrorCode.ALREADY_RUNNING,
    'You already have a what-if running with other values: wait for it to finish, then start this one.',
    runningId ? { runningId } : undefined,
  );
