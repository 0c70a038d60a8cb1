import { useCallback } from 'react';
import { useGetIdentity, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { useAction } from '../../useAction';

/**
 * One set of queue parts (issue 11, section 5): every staff queue (applications, credit reviews,
 * disputes, recourse invoices, unmatched payments, collection cases) has items one person works at
 * a time, with the API's claim, claim next and release (apps/api/src/common/work-queue-claims.ts).
 * These hooks are the console's side of that, so a new queue brings only its three mutations.
 */

/** An item of a staff queue: who holds it, if anyone. */
export interface QueueItem {
  id: string;
  claimedBy?: { id: string; name: string } | null;
}

/** The words of one queue's claim bar, where it says more than the common ones (console.queue). */
export interface ClaimWords {
  claim?: string;
  release?: string;
  claimNext?: string;
  /** Notices after a claim and a release. */
  claimed?: string;
  released?: string;
  noneWaiting?: string;
}

export const claimWords = (words: ClaimWords = {}): Required<ClaimWords> => ({
  claim: words.claim ?? 'console.queue.claim',
  release: words.release ?? 'console.queue.release',
  claimNext: words.claimNext ?? 'console.queue.claim_next',
  claimed: words.claimed ?? 'console.queue.claimed',
  released: words.released ?? 'console.queue.released',
  noneWaiting: words.noneWaiting ?? 'console.queue.none_waiting',
});

/** Whether the signed-in person holds the item. */
export const useHolds = (item: QueueItem | undefined) => {
  const { identity } = useGetIdentity();
  return !!item?.claimedBy && item.claimedBy.id === identity?.id;
};

export interface ClaimOperations {
  claim: (id: string) => Promise<unknown>;
  release?: (id: string) => Promise<unknown>;
}

/**
 * Claim and release of one item. A success says so and reloads the page; a CONFLICT (someone else
 * holds it, or took it meanwhile) shows the API's sentence naming them, in the reader's language
 * (useAction), and reloads the page too so it shows who.
 */
export function useClaim(item: QueueItem | undefined, operations: ClaimOperations, words: ClaimWords = {}) {
  const said = claimWords(words);
  const mine = useHolds(item);
  const notify = useNotify();
  const refresh = useRefresh();
  const claimAction = useAction(operations.claim);
  const releaseAction = useAction(operations.release ?? noRelease);
  const run = async (action: typeof claimAction, done: string) => {
    if (!item) return false;
    const result = await action.execute(item.id);
    if (result.ok) notify(done, { type: 'info' });
    if (result.ok || result.code === 'CONFLICT' || result.code === 'NOT_FOUND') refresh();
    return result.ok;
  };
  return {
    mine,
    heldBy: item?.claimedBy ?? null,
    claim: () => run(claimAction, said.claimed),
    release: () => run(releaseAction, said.released),
    canRelease: !!operations.release,
    pending: claimAction.pending || releaseAction.pending,
  };
}

const noRelease = async (): Promise<never> => {
  throw new Error('This queue has no release.');
};

/**
 * Claims the oldest item nobody holds (within the list's filter, where the API takes one) and
 * opens it; says so when nothing is waiting. Returns the item opened, or null.
 */
export function useClaimNext<T extends QueueItem>(claimNext: () => Promise<T | null>, resource: string, words: ClaimWords = {}) {
  const said = claimWords(words);
  const notify = useNotify();
  const redirect = useRedirect();
  const { execute, pending } = useAction(claimNext);
  const next = useCallback(async () => {
    const result = await execute();
    if (!result.ok) return null;
    if (!result.value) {
      notify(said.noneWaiting, { type: 'info' });
      return null;
    }
    notify(said.claimed, { type: 'info' });
    redirect('show', resource, result.value.id);
    return result.value;
  }, [execute, notify, redirect, resource, said.noneWaiting, said.claimed]);
  return { next, pending };
}

/**
 * After a decision that closes an item, straight on to the next item of the same queue (issue 11,
 * section 4): it is claimed and opened, and one notice says what was decided and which item is
 * next. With nothing left the page stays, showing the decided item, and says so. Returns whether it
 * went on. `notice` lets a queue add an action to the notice (a link to a follow-up item).
 */
export function useGoOn<T extends QueueItem>(
  claimNext: () => Promise<T | null>,
  resource: string,
  { nextOpened, noneWaiting }: { nextOpened: (next: T) => string; noneWaiting?: string },
) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  return async (said: string, notice?: (text: string) => Parameters<typeof notify>[0]) => {
    const next = await claimNext().catch(() => null);
    // Two sentences: the decision's notice ends with a full stop before what comes next.
    const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
    const text = `${sentence} ${next ? nextOpened(next) : translate(noneWaiting ?? 'console.queue.none_waiting')}`;
    if (notice) notify(notice(text), { type: 'success', autoHideDuration: 10000 });
    else notify(text, { type: 'success' });
    if (next) redirect('show', resource, next.id);
    else refresh();
    return !!next;
  };
}
