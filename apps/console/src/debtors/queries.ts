/** The debtors' and client-debtor pairs' GraphQL documents (apps/api/src/debtors), read by codegen (apps/console/codegen.ts). */

export const PAIR_FIELDS = /* GraphQL */ `
  fragment PairFields on ClientDebtor {
    clientId clientName debtorId debtorName creditLimit temporaryRaise { amount until } effectiveLimit exposure deliveryChannel
    relation relationNote version
  }
`;
export const DEBTOR_LIST_FIELDS = /* GraphQL */ `
  fragment DebtorListFields on Debtor {
    id country kind identityNumber name currency creditLimit temporaryRaise { amount until } effectiveLimit exposure available
    createdAt version
  }
`;
/** A debtor's page (with its list fields and its pairs' fragments). */
export const DEBTOR_FIELDS = /* GraphQL */ `
  fragment DebtorFields on Debtor {
    ...DebtorListFields
    address { street postalCode city country } email phone contactGivenBy
    verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt }
    paymentHistory { invoicesPaid invoicesPaidLate averageDaysLate maxDaysLate hasUnpaidBefore hasDisputedBefore }
    clients { ...PairFields }
  }
  ${DEBTOR_LIST_FIELDS}
  ${PAIR_FIELDS}
`;

export const DEBTORS = /* GraphQL */ `
  query Debtors($page: Int, $perPage: Int, $filter: DebtorFilter) {
    debtors(page: $page, perPage: $perPage, filter: $filter) { items { ...DebtorListFields } total }
  }
  ${DEBTOR_LIST_FIELDS}
`;
export const DEBTOR = /* GraphQL */ `
  query Debtor($id: ID!) { debtor(id: $id) { ...DebtorFields } }
  ${DEBTOR_FIELDS}
`;
export const REGISTER_DEBTOR = /* GraphQL */ `
  mutation RegisterDebtor($input: RegisterDebtorInput!) { registerDebtor(input: $input) { ...DebtorFields } }
  ${DEBTOR_FIELDS}
`;
export const SET_DEBTOR_LIMIT = /* GraphQL */ `
  mutation SetDebtorLimit($id: ID!, $creditLimit: Decimal!, $temporaryRaise: TemporaryRaiseInput, $reason: String, $expectedVersion: Int!) {
    setDebtorLimit(id: $id, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise, reason: $reason, expectedVersion: $expectedVersion) {
      ...DebtorListFields
    }
  }
  ${DEBTOR_LIST_FIELDS}
`;
export const SET_CLIENT_DEBTOR_TERMS = /* GraphQL */ `
  mutation SetPairTerms($clientId: ID!, $debtorId: ID!, $creditLimit: Decimal, $temporaryRaise: TemporaryRaiseInput, $deliveryChannel: DeliveryChannel, $reason: String) {
    setClientDebtorTerms(clientId: $clientId, debtorId: $debtorId, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise,
                         deliveryChannel: $deliveryChannel, reason: $reason) { ...PairFields }
  }
  ${PAIR_FIELDS}
`;
export const MARK_CLIENT_DEBTOR_RELATION = /* GraphQL */ `
  mutation MarkRelation($clientId: ID!, $debtorId: ID!, $relation: DebtorRelation, $note: String!) {
    markClientDebtorRelation(clientId: $clientId, debtorId: $debtorId, relation: $relation, note: $note) { ...PairFields }
  }
  ${PAIR_FIELDS}
`;
