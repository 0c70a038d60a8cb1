import { ACCOUNT, ADDRESS, STAFF_REF } from '../resourceProvider';
import { PAIR_FIELDS } from '../debtors/queries';

/** The clients' GraphQL documents (apps/api/src/clients): the client, its agreement, its integration keys. */

export const AGREEMENT_FIELDS = `version validFrom feePercent feeFixed feeMinimum vatRateOnFeePercent recourseModes creditLimit spotCheckIntensity
  deliveryChannel payoutAccount ${ACCOUNT} repaymentAccount ${ACCOUNT} changedBy ${STAFF_REF} changeReason`;
export const KEY_FIELDS = `id clientId label keyPrefix createdAt createdBy ${STAFF_REF} lastUsedAt revokedAt revokedBy ${STAFF_REF} revokeReason`;
export const CLIENT_LIST_FIELDS = `id country currency organisationNumber legalName companyForm accountingProgram state stateReason exposure creditLimit
  createdAt updatedAt version`;
export const CLIENT_FIELDS = `${CLIENT_LIST_FIELDS} address ${ADDRESS} contact { name email phone } agreement { ${AGREEMENT_FIELDS} }
  agreementHistory { ${AGREEMENT_FIELDS} } debtors { ${PAIR_FIELDS} } integrationKeys { ${KEY_FIELDS} }
  spotCheckRate { decisions selected achieved expectedNext }`;

export const CLIENTS = `query Clients($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ClientFilter) {
  clients(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    items { ${CLIENT_LIST_FIELDS} } total
  }
}`;
export const CLIENT = `query Client($id: ID!) { client(id: $id) { ${CLIENT_FIELDS} } }`;
export const BLOCK_CLIENT = `mutation Block($id: ID!, $reason: String!) { blockClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`;
export const UNBLOCK_CLIENT = `mutation Unblock($id: ID!, $reason: String!) { unblockClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`;
export const TERMINATE_CLIENT = `mutation Terminate($id: ID!, $reason: String!) { terminateClient(id: $id, reason: $reason) { ${CLIENT_LIST_FIELDS} } }`;
export const UPDATE_CLIENT_AGREEMENT = `mutation UpdateAgreement($id: ID!, $terms: AgreementTermsInput!, $expectedVersion: Int!, $reason: String!) {
  updateClientAgreement(id: $id, terms: $terms, expectedVersion: $expectedVersion, reason: $reason) { ${CLIENT_LIST_FIELDS} }
}`;
export const ISSUE_INTEGRATION_KEY = `mutation IssueKey($clientId: ID!, $label: String!) {
  issueIntegrationKey(clientId: $clientId, label: $label) { key integrationKey { ${KEY_FIELDS} } }
}`;
export const REVOKE_INTEGRATION_KEY = `mutation RevokeKey($id: ID!, $reason: String!) { revokeIntegrationKey(id: $id, reason: $reason) { ${KEY_FIELDS} } }`;
