import { REASON, STAFF_REF } from '../resourceProvider';

/** The credit queues' GraphQL documents (apps/api/src/credit-reviews): manual assessment and spot checks. */

export const REVIEW_FIELDS = `id kind state invoiceId invoiceNumber clientId clientName debtorId debtorName debtorContact
  verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt } amount currency openedAt
  dueAt overdue ageHours claimedBy ${STAFF_REF} attempts reasons ${REASON} figures outcome version`;
const LIMIT_NOW = 'limit raiseInForce exposureBefore exposureAfter headroomAfter';
/** One item's whole story (issue 11 s.4): asked on its page and after a spot check's outcome, not for a list. */
export const REVIEW_STORY = `story { cameFromReviewId cameFromOutcome followUpReviewId clockPaused pausedAt steps { code at by text attempt }
  exposureNow { debtor { ${LIMIT_NOW} } client { ${LIMIT_NOW} } pair { ${LIMIT_NOW} } } }`;

export const CREDIT_REVIEWS = `query CreditReviews($page: Int, $perPage: Int, $filter: CreditReviewFilter) {
  creditReviews(page: $page, perPage: $perPage, filter: $filter) { items { ${REVIEW_FIELDS} } total }
}`;
export const CREDIT_REVIEW = `query CreditReview($id: ID!) { creditReview(id: $id) { ${REVIEW_FIELDS} ${REVIEW_STORY} } }`;
export const CLAIM_CREDIT_REVIEW = `mutation ClaimReview($id: ID!) { claimCreditReview(id: $id) { ${REVIEW_FIELDS} } }`;
export const CLAIM_NEXT_CREDIT_REVIEW = `mutation ClaimNextReview($kind: ReviewKind!) { claimNextCreditReview(kind: $kind) { ${REVIEW_FIELDS} } }`;
export const APPROVE_CREDIT_REVIEW = `mutation ApproveReview($id: ID!, $note: String) { approveCreditReview(id: $id, note: $note) { ${REVIEW_FIELDS} } }`;
export const DENY_CREDIT_REVIEW = `mutation DenyReview($id: ID!, $note: String!, $reasons: [String!]) {
  denyCreditReview(id: $id, note: $note, reasons: $reasons) { ${REVIEW_FIELDS} }
}`;
export const ASK_CLIENT_FOR_INFORMATION = `mutation AskClient($id: ID!, $note: String!) { askClientForInformation(id: $id, note: $note) { ${REVIEW_FIELDS} } }`;
export const RESUME_CREDIT_REVIEW = `mutation ResumeReview($id: ID!, $note: String!) { resumeCreditReview(id: $id, note: $note) { ${REVIEW_FIELDS} } }`;
export const RECORD_SPOT_CHECK_OUTCOME = `mutation SpotCheckOutcome($id: ID!, $outcome: SpotCheckOutcome!, $note: String, $deny: Boolean) {
  recordSpotCheckOutcome(id: $id, outcome: $outcome, note: $note, deny: $deny) { ${REVIEW_FIELDS} ${REVIEW_STORY} }
}`;
