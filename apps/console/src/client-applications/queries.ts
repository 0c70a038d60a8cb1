/** The client applications' GraphQL documents (apps/api/src/clients), read by codegen (apps/console/codegen.ts). */

export const APPLICATION_LIST_FIELDS = /* GraphQL */ `
  fragment ApplicationListFields on ClientApplication {
    id clientId country organisationNumber legalName companyForm submittedAt answerDueOn overdue ageHours state
    claimedBy { id name } claimedAt decidedBy { id name } decidedAt version
  }
`;
export const APPLICATION_FIELDS = /* GraphQL */ `
  fragment ApplicationFields on ClientApplication {
    ...ApplicationListFields details automaticReasons { code en sv nb } refusalReasons { code en sv nb } decisionNote
  }
  ${APPLICATION_LIST_FIELDS}
`;

export const CLIENT_APPLICATIONS = /* GraphQL */ `
  query ClientApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
    clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { ...ApplicationListFields } total }
  }
  ${APPLICATION_LIST_FIELDS}
`;
export const CLIENT_APPLICATION = /* GraphQL */ `
  query ClientApplication($id: ID!) { clientApplication(id: $id) { ...ApplicationFields } }
  ${APPLICATION_FIELDS}
`;
export const SUBMIT_CLIENT_APPLICATION = /* GraphQL */ `
  mutation SubmitClientApplication($input: ClientApplicationInput!) { submitClientApplication(input: $input) { ...ApplicationFields } }
  ${APPLICATION_FIELDS}
`;
export const PENDING_APPLICATIONS = /* GraphQL */ `
  query PendingApplications($page: Int, $perPage: Int, $filter: ClientApplicationFilter) {
    clientApplications(page: $page, perPage: $perPage, filter: $filter) { items { id claimedBy { id } } total }
  }
`;
export const CLAIM_CLIENT_APPLICATION = /* GraphQL */ `
  mutation Claim($id: ID!) { claimClientApplication(id: $id) { ...ApplicationFields } }
  ${APPLICATION_FIELDS}
`;
export const RELEASE_CLIENT_APPLICATION = /* GraphQL */ `
  mutation Release($id: ID!) { releaseClientApplication(id: $id) { ...ApplicationFields } }
  ${APPLICATION_FIELDS}
`;
export const APPROVE_CLIENT_APPLICATION = /* GraphQL */ `
  mutation Approve($id: ID!, $terms: AgreementTermsInput!, $note: String) {
    approveClientApplication(id: $id, terms: $terms, note: $note) { ...ApplicationFields }
  }
  ${APPLICATION_FIELDS}
`;
export const REFUSE_CLIENT_APPLICATION = /* GraphQL */ `
  mutation Refuse($id: ID!, $reasons: [String!]!, $note: String) {
    refuseClientApplication(id: $id, reasons: $reasons, note: $note) { ...ApplicationFields }
  }
  ${APPLICATION_FIELDS}
`;
