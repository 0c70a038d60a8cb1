/** The credit queues' GraphQL documents (apps/api/src/credit): manual assessment and spot checks; read by codegen. */

export const REVIEW_FIELDS = /* GraphQL */ `
  fragment ReviewFields on CreditReview {
    id kind state invoiceId invoiceNumber clientId clientName debtorId debtorName debtorContact
    verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt } amount currency openedAt
    dueAt overdue ageHours claimedBy { id name } attempts reasons { code en sv nb } figures outcome version
  }
`;
/** One item's whole story (issue 11 s.4): asked on its page and after a spot check's outcome, not for a list. */
export const REVIEW_STORY = /* GraphQL */ `
  fragment ReviewStory on CreditReview {
    story {
      cameFromReviewId cameFromOutcome followUpReviewId clockPaused pausedAt steps { code at by text attempt }
      exposureNow {
        debtor { limit raiseInForce exposureBefore exposureAfter headroomAfter }
        client { limit raiseInForce exposureBefore exposureAfter headroomAfter }
        pair { limit raiseInForce exposureBefore exposureAfter headroomAfter }
      }
    }
  }
`;

export const CREDIT_REVIEWS = /* GraphQL */ `
  query CreditReviews($page: Int, $perPage: Int, $filter: CreditReviewFilter) {
    creditReviews(page: $page, perPage: $perPage, filter: $filter) { items { ...ReviewFields } total }
  }
  ${REVIEW_FIELDS}
`;
export const CREDIT_REVIEW = /* GraphQL */ `
  query CreditReview($id: ID!) { creditReview(id: $id) { ...ReviewFields ...ReviewStory } }
  ${REVIEW_FIELDS}
  ${REVIEW_STORY}
`;
export const CLAIM_CREDIT_REVIEW = /* GraphQL */ `
  mutation ClaimReview($id: ID!) { claimCreditReview(id: $id) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const RELEASE_CREDIT_REVIEW = /* GraphQL */ `
  mutation ReleaseReview($id: ID!) { releaseCreditReview(id: $id) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const CLAIM_NEXT_CREDIT_REVIEW = /* GraphQL */ `
  mutation ClaimNextReview($kind: ReviewKind!) { claimNextCreditReview(kind: $kind) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const APPROVE_CREDIT_REVIEW = /* GraphQL */ `
  mutation ApproveReview($id: ID!, $note: String) { approveCreditReview(id: $id, note: $note) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const DENY_CREDIT_REVIEW = /* GraphQL */ `
  mutation DenyReview($id: ID!, $note: String!, $reasons: [String!]) {
    denyCreditReview(id: $id, note: $note, reasons: $reasons) { ...ReviewFields }
  }
  ${REVIEW_FIELDS}
`;
export const ASK_CLIENT_FOR_INFORMATION = /* GraphQL */ `
  mutation AskClient($id: ID!, $note: String!) { askClientForInformation(id: $id, note: $note) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const RESUME_CREDIT_REVIEW = /* GraphQL */ `
  mutation ResumeReview($id: ID!, $note: String!) { resumeCreditReview(id: $id, note: $note) { ...ReviewFields } }
  ${REVIEW_FIELDS}
`;
export const RECORD_SPOT_CHECK_OUTCOME = /* GraphQL */ `
  mutation SpotCheckOutcome($id: ID!, $outcome: SpotCheckOutcome!, $note: String, $deny: Boolean) {
    recordSpotCheckOutcome(id: $id, outcome: $outcome, note: $note, deny: $deny) { ...ReviewFields ...ReviewStory }
  }
  ${REVIEW_FIELDS}
  ${REVIEW_STORY}
`;
