import { account, compact, mutate, page, toDecimal, type ResourceProvider } from '../resourceProvider';
import type { BankAccountKind, Client, DeliveryChannel, IntegrationKey, IssuedIntegrationKey, RecourseMode, SpotCheckIntensity } from '../types';
import {
  BLOCK_CLIENT,
  CLIENT,
  CLIENTS,
  ISSUE_INTEGRATION_KEY,
  REVOKE_INTEGRATION_KEY,
  TERMINATE_CLIENT,
  UNBLOCK_CLIENT,
  UPDATE_CLIENT_AGREEMENT,
} from './queries';

/** The sort fields the clients query accepts; the rest of its columns do not sort. */
export const CLIENT_SORT_FIELDS = ['legalName', 'createdAt', 'exposure', 'state'];

export const clientsProvider: ResourceProvider = {
  list: {
    query: CLIENTS,
    field: 'clients',
    variables: (params) => ({
      ...page(params),
      sortField: CLIENT_SORT_FIELDS.includes(params.sort?.field ?? '') ? params.sort!.field : 'legalName',
      sortOrder: params.sort?.order === 'DESC' ? 'DESC' : 'ASC',
      filter: compact(params.filter),
    }),
  },
  one: { query: CLIENT, field: 'client' },
};

/** The agreement terms as the forms hold them (amounts as typed). */
export interface AgreementTermsForm {
  feePercent: string;
  feeFixed?: string;
  feeMinimum?: string;
  vatRateOnFeePercent?: string;
  recourseModes: RecourseMode[];
  creditLimit: string;
  spotCheckIntensity: SpotCheckIntensity;
  deliveryChannel: DeliveryChannel;
  payoutAccount?: { kind: BankAccountKind; value: string };
  repaymentAccount?: { kind: BankAccountKind; value: string };
  /** The client's approvals (seed 003); left out, the API keeps the current version's. */
  lateInterestInvoiceNeedsClientApproval?: boolean;
  collectionHandoffNeedsClientApproval?: boolean;
}

/** `AgreementTermsInput`: decimals as strings; empty optional fees left to the API's defaults. */
export const agreementTerms = (terms: AgreementTermsForm) => ({
  feePercent: toDecimal(terms.feePercent) ?? '',
  feeFixed: toDecimal(terms.feeFixed),
  feeMinimum: toDecimal(terms.feeMinimum),
  vatRateOnFeePercent: toDecimal(terms.vatRateOnFeePercent),
  recourseModes: terms.recourseModes ?? [],
  creditLimit: toDecimal(terms.creditLimit) ?? '',
  spotCheckIntensity: terms.spotCheckIntensity,
  deliveryChannel: terms.deliveryChannel,
  payoutAccount: account(terms.payoutAccount),
  repaymentAccount: account(terms.repaymentAccount),
  lateInterestInvoiceNeedsClientApproval: terms.lateInterestInvoiceNeedsClientApproval,
  collectionHandoffNeedsClientApproval: terms.collectionHandoffNeedsClientApproval,
});

export const clientActions = {
  blockClient: (id: string, reason: string): Promise<Client> => mutate('blockClient', BLOCK_CLIENT, { id, reason: reason.trim() }),
  unblockClient: (id: string, reason: string): Promise<Client> => mutate('unblockClient', UNBLOCK_CLIENT, { id, reason: reason.trim() }),
  terminateClient: (id: string, reason: string): Promise<Client> => mutate('terminateClient', TERMINATE_CLIENT, { id, reason: reason.trim() }),

  // The agreement version the admin edited: a change by someone else since is refused (CONFLICT).
  updateClientAgreement: (id: string, terms: AgreementTermsForm, expectedVersion: number, reason: string): Promise<Client> =>
    mutate('updateClientAgreement', UPDATE_CLIENT_AGREEMENT, { id, terms: agreementTerms(terms), expectedVersion, reason: reason.trim() }),

  issueIntegrationKey: (clientId: string, label: string): Promise<IssuedIntegrationKey> =>
    mutate('issueIntegrationKey', ISSUE_INTEGRATION_KEY, { clientId, label: label.trim() }),

  revokeIntegrationKey: (id: string, reason: string): Promise<IntegrationKey> =>
    mutate('revokeIntegrationKey', REVOKE_INTEGRATION_KEY, { id, reason: reason.trim() }),
};
