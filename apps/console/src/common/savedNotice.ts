import { useNotify, useRedirect, useResourceContext, type RedirectionSideEffect, type RaRecord } from 'react-admin';

/**
 * react-admin's own notice after a create or an edit says "Element created": this one says what
 * was done, to whom ("Staff member Anna Berg created"), in the reader's language (issue 11,
 * section 4). Give the result to a Create's or Edit's `mutationOptions`; it also redirects as
 * the page's `redirect` would.
 */
export const useSavedNotice = <T extends RaRecord>(message: string, nameOf: (record: T) => string, redirectTo: RedirectionSideEffect) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return {
    onSuccess: (record: T) => {
      notify(message, { type: 'success', messageArgs: { name: nameOf(record) } });
      redirect(redirectTo, resource, record.id, record);
    },
  };
};
