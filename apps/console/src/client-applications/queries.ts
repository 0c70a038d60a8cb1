import { REASON, STAFF_REF } from '../resourceProvider';

/** The client applications' GraphQL documents (apps/api/src/client-applications). */

export const APPLICATION_LIST_FIELDS = `id clientId country organisationNumber legalName companyForm submittedAt answerDueOn overdue ageHours state
  claimedBy ${STAFF_REF} claimedAt decidedBy ${STAFF_REF} decidedAt version`;
export const APPLICATION_FIELDS = `${APPLICATION_LIST_FIELDS} details automaticReasons ${REASON} refusalReasons ${REASON} decisionNote`;

export const CLIENT_APPLICATIONS = `query ClientApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
  clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { ${APPLICATION_LIST_FIELDS} } total }
}`;
export const CLIENT_APPLICATION = `query ClientApplication($id: ID!) { clientApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
export const SUBMIT_CLIENT_APPLICATION = `mutation SubmitClientApplication($input: ClientApplicationInput!) {
  submitClientApplication(input: $input) { ${APPLICATION_FIELDS} }
}`;
export const PENDING_APPLICATIONS = `query PendingApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
  clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { id claimedBy { id } } total }
}`;
export const CLAIM_CLIENT_APPLICATION = `mutation Claim($id: ID!) { claimClientApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
export const RELEASE_CLIENT_APPLICATION = `mutation Release($id: ID!) { releaseClientApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
export const APPROVE_CLIENT_APPLICATION = `mutation Approve($id: ID!, $terms: AgreementTermsInput!, $note: String) {
  approveClientApplication(id: $id, terms: $terms, note: $note) { ${APPLICATION_FIELDS} }
}`;
export const REFUSE_CLIENT_APPLICATION = `mutation Refuse($id: ID!, $reasons: [String!]!, $note: String) {
  refuseClientApplication(id: $id, reasons: $reasons, note: $note) { ${APPLICATION_FIELDS} }
}`;
