import { useCallback, useState } from 'react';
import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import type { ApiErrorBody } from './graphql';

export type ActionResult<R = unknown> =
  | { ok: true; value: R }
  | {
      ok: false;
      /** Form errors by the form's field names (see graphql.ts), with `root.serverError`. */
      formErrors?: Record<string, unknown>;
      /** The API's whole path of the field it refused (`temporaryRaise.until`), for forms named otherwise. */
      field?: string;
      code?: string;
      /** The API's own word for the refusal (CREDIT_REVIEW_CLAIMED, CREDIT_LIMIT_WOULD_BE_EXCEEDED, ...). */
      reason?: string;
      message?: string;
    };

/**
 * Runs one custom operation (deactivate, change password, later claim/approve) with a
 * pending flag. A refusal shows the API's message; an ended session signs out. Returns
 * true on success, false otherwise, or the form errors the API named (BAD_USER_INPUT).
 *
 * Called on the data provider object itself, not through useDataProvider(): that wrapper
 * turns an error that signs the user out into an empty success, and here success means
 * telling the user something happened.
 */
export function useAction<A extends unknown[], R = unknown>(
  run: (...args: A) => Promise<R>,
  /** A form shows field errors itself (and their message as its notification). */
  { formHandlesFieldErrors = false } = {},
) {
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [pending, setPending] = useState(false);
  const execute = useCallback(
    async (...args: A): Promise<ActionResult<R>> => {
      setPending(true);
      try {
        return { ok: true, value: await run(...args) };
      } catch (error) {
        if (await logoutIfAccessDenied(error)) return { ok: false };
        const formErrors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
        const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
        if (!(formErrors && formHandlesFieldErrors)) notify(message, { type: 'error', messageArgs: { _: message } });
        const body = (error as { body?: ApiErrorBody }).body;
        return { ok: false, formErrors, field: body?.field, code: body?.code, reason: body?.reason, message };
      } finally {
        setPending(false);
      }
    },
    [run, notify, logoutIfAccessDenied, formHandlesFieldErrors],
  );
  return { execute, pending };
}
