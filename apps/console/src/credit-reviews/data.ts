import { compact, mutate, optionalText, page, type ResourceProvider } from '../resourceProvider';
import type { CreditReview, ReviewKind, SpotCheckOutcome } from '../types';
import {
  APPROVE_CREDIT_REVIEW,
  ASK_CLIENT_FOR_INFORMATION,
  CLAIM_CREDIT_REVIEW,
  CLAIM_NEXT_CREDIT_REVIEW,
  CREDIT_REVIEW,
  CREDIT_REVIEWS,
  DENY_CREDIT_REVIEW,
  RECORD_SPOT_CHECK_OUTCOME,
  RELEASE_CREDIT_REVIEW,
  RESUME_CREDIT_REVIEW,
} from './queries';

/** The resource name of a credit review's queue, for links and redirects. */
export const reviewResource = (kind: ReviewKind) => (kind === 'SPOT_CHECK' ? 'spot-checks' : 'manual-assessment');

/**
 * A credit queue, oldest first as the API orders it (it takes no sort). No state means everything
 * not closed, waiting for the client included: the queue's default. The two credit queues are one
 * API query with the kind fixed: each is a resource of its own (menu, routes).
 */
export function creditReviewQueue(kind: ReviewKind): ResourceProvider {
  return {
    list: {
      query: CREDIT_REVIEWS,
      field: 'creditReviews',
      variables: (params) => {
        const { state, mine } = compact(params.filter);
        return { ...page(params), filter: compact({ kind, state, mine: mine ? true : undefined }) };
      },
    },
    one: { query: CREDIT_REVIEW, field: 'creditReview' },
  };
}

export const creditReviewActions = {
  claimCreditReview: (id: string): Promise<CreditReview> => mutate('claimCreditReview', CLAIM_CREDIT_REVIEW, { id }),
  releaseCreditReview: (id: string): Promise<CreditReview> => mutate('releaseCreditReview', RELEASE_CREDIT_REVIEW, { id }),
  /** The oldest item of the queue nobody holds, claimed; null when none is left. */
  claimNextCreditReview: (kind: ReviewKind): Promise<CreditReview | null> => mutate('claimNextCreditReview', CLAIM_NEXT_CREDIT_REVIEW, { kind }),
  approveCreditReview: (id: string, note?: string): Promise<CreditReview> =>
    mutate('approveCreditReview', APPROVE_CREDIT_REVIEW, { id, note: optionalText(note) }),
  denyCreditReview: (id: string, note: string, reasons?: string[]): Promise<CreditReview> =>
    mutate('denyCreditReview', DENY_CREDIT_REVIEW, { id, note: note.trim(), reasons: reasons?.length ? reasons : undefined }),
  askClientForInformation: (id: string, question: string): Promise<CreditReview> =>
    mutate('askClientForInformation', ASK_CLIENT_FOR_INFORMATION, { id, note: question.trim() }),
  resumeCreditReview: (id: string, note: string): Promise<CreditReview> => mutate('resumeCreditReview', RESUME_CREDIT_REVIEW, { id, note: note.trim() }),
  /** NOT_CONFIRMED: `deny` denies at once instead of sending the invoice to a manual assessment. */
  recordSpotCheckOutcome: (id: string, outcome: SpotCheckOutcome, note?: string, deny = false): Promise<CreditReview> =>
    mutate('recordSpotCheckOutcome', RECORD_SPOT_CHECK_OUTCOME, { id, outcome, note: optionalText(note), deny }),
};
