import { ADDRESS, RAISE } from '../resourceProvider';

/** The debtors' and client-debtor pairs' GraphQL documents (apps/api/src/debtors). */

export const PAIR_FIELDS = `clientId clientName debtorId debtorName creditLimit temporaryRaise ${RAISE} effectiveLimit exposure deliveryChannel
  relation relationNote version`;
export const DEBTOR_LIST_FIELDS = `id country kind identityNumber name currency creditLimit temporaryRaise ${RAISE} effectiveLimit exposure available
  createdAt version`;
export const DEBTOR_FIELDS = `${DEBTOR_LIST_FIELDS} address ${ADDRESS} email phone contactGivenBy
  verifiedContacts { id phone email source sourceDetail recordedBy { id name } recordedAt }
  paymentHistory { invoicesPaid invoicesPaidLate averageDaysLate maxDaysLate hasUnpaidBefore hasDisputedBefore } clients { ${PAIR_FIELDS} }`;

export const DEBTORS = `query Debtors($page: Int, $perPage: Int, $filter: DebtorFilter) {
  debtors(page: $page, perPage: $perPage, filter: $filter) { items { ${DEBTOR_LIST_FIELDS} } total }
}`;
export const DEBTOR = `query Debtor($id: ID!) { debtor(id: $id) { ${DEBTOR_FIELDS} } }`;
export const REGISTER_DEBTOR = `mutation RegisterDebtor($input: RegisterDebtorInput!) { registerDebtor(input: $input) { ${DEBTOR_FIELDS} } }`;
export const SET_DEBTOR_LIMIT = `mutation SetDebtorLimit($id: ID!, $creditLimit: Decimal!, $temporaryRaise: TemporaryRaiseInput, $reason: String, $expectedVersion: Int!) {
  setDebtorLimit(id: $id, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise, reason: $reason, expectedVersion: $expectedVersion) { ${DEBTOR_LIST_FIELDS} }
}`;
export const SET_CLIENT_DEBTOR_TERMS = `mutation SetPairTerms($clientId: ID!, $debtorId: ID!, $creditLimit: Decimal, $temporaryRaise: TemporaryRaiseInput, $deliveryChannel: DeliveryChannel, $reason: String) {
  setClientDebtorTerms(clientId: $clientId, debtorId: $debtorId, creditLimit: $creditLimit, temporaryRaise: $temporaryRaise,
                       deliveryChannel: $deliveryChannel, reason: $reason) { ${PAIR_FIELDS} }
}`;
export const MARK_CLIENT_DEBTOR_RELATION = `mutation MarkRelation($clientId: ID!, $debtorId: ID!, $relation: DebtorRelation, $note: String!) {
  markClientDebtorRelation(clientId: $clientId, debtorId: $debtorId, relation: $relation, note: $note) { ${PAIR_FIELDS} }
}`;
