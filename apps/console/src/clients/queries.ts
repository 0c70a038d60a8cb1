import { PAIR_FIELDS } from '../debtors/queries';

/** The clients' GraphQL documents (apps/api/src/clients): the client, its agreement, its integration keys; read by codegen. */

export const AGREEMENT_FIELDS = /* GraphQL */ `
  fragment AgreementFields on ClientAgreement {
    version validFrom feePercent feeFixed feeMinimum vatRateOnFeePercent recourseModes creditLimit spotCheckIntensity deliveryChannel
    payoutAccount { kind value display } repaymentAccount { kind value display } changedBy { id name } changeReason
    recourseAfterDays recourseInvoiceDaysToPay feesAfterRecourseTo
    lateInterestInvoiceNeedsClientApproval collectionHandoffNeedsClientApproval
  }
`;
export const KEY_FIELDS = /* GraphQL */ `
  fragment KeyFields on IntegrationKey {
    id clientId label keyPrefix createdAt createdBy { id name } lastUsedAt revokedAt revokedBy { id name } revokeReason
  }
`;
export const CLIENT_LIST_FIELDS = /* GraphQL */ `
  fragment ClientListFields on Client {
    id country currency organisationNumber legalName companyForm accountingProgram state stateReason exposure creditLimit
    createdAt updatedAt version
  }
`;
export const CLIENT_FIELDS = /* GraphQL */ `
  fragment ClientFields on Client {
    ...ClientListFields
    address { street postalCode city country } contact { name email phone }
    agreement { ...AgreementFields } agreementHistory { ...AgreementFields } debtors { ...PairFields } integrationKeys { ...KeyFields }
    spotCheckRate { decisions selected achieved expectedNext }
  }
  ${CLIENT_LIST_FIELDS}
  ${AGREEMENT_FIELDS}
  ${PAIR_FIELDS}
  ${KEY_FIELDS}
`;

export const CLIENTS = /* GraphQL */ `
  query Clients($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ClientFilter) {
    clients(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items { ...ClientListFields } total
    }
  }
  ${CLIENT_LIST_FIELDS}
`;
export const CLIENT = /* GraphQL */ `
  query Client($id: ID!) { client(id: $id) { ...ClientFields } }
  ${CLIENT_FIELDS}
`;
export const BLOCK_CLIENT = /* GraphQL */ `
  mutation Block($id: ID!, $reason: String!) { blockClient(id: $id, reason: $reason) { ...ClientListFields } }
  ${CLIENT_LIST_FIELDS}
`;
export const UNBLOCK_CLIENT = /* GraphQL */ `
  mutation Unblock($id: ID!, $reason: String!) { unblockClient(id: $id, reason: $reason) { ...ClientListFields } }
  ${CLIENT_LIST_FIELDS}
`;
export const TERMINATE_CLIENT = /* GraphQL */ `
  mutation Terminate($id: ID!, $reason: String!) { terminateClient(id: $id, reason: $reason) { ...ClientListFields } }
  ${CLIENT_LIST_FIELDS}
`;
export const UPDATE_CLIENT_AGREEMENT = /* GraphQL */ `
  mutation UpdateAgreement($id: ID!, $terms: AgreementTermsInput!, $expectedVersion: Int!, $reason: String!) {
    updateClientAgreement(id: $id, terms: $terms, expectedVersion: $expectedVersion, reason: $reason) { ...ClientListFields }
  }
  ${CLIENT_LIST_FIELDS}
`;
export const ISSUE_INTEGRATION_KEY = /* GraphQL */ `
  mutation IssueKey($clientId: ID!, $label: String!) {
    issueIntegrationKey(clientId: $clientId, label: $label) { key integrationKey { ...KeyFields } }
  }
  ${KEY_FIELDS}
`;
export const REVOKE_INTEGRATION_KEY = /* GraphQL */ `
  mutation RevokeKey($id: ID!, $reason: String!) { revokeIntegrationKey(id: $id, reason: $reason) { ...KeyFields } }
  ${KEY_FIELDS}
`;
