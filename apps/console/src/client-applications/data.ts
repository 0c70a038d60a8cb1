import type { HttpError } from 'react-admin';
import { gql } from '../graphql';
import { agreementTerms, type AgreementTermsForm } from '../clients/data';
import { account, address, compact, mutate, optionalText, page, type Page, type ResourceProvider } from '../resourceProvider';
import type { ClientApplication } from '../types';
import {
  APPROVE_CLIENT_APPLICATION,
  CLAIM_CLIENT_APPLICATION,
  CLIENT_APPLICATION,
  CLIENT_APPLICATIONS,
  PENDING_APPLICATIONS,
  REFUSE_CLIENT_APPLICATION,
  RELEASE_CLIENT_APPLICATION,
  SUBMIT_CLIENT_APPLICATION,
} from './queries';

export const clientApplicationsProvider: ResourceProvider = {
  list: {
    query: CLIENT_APPLICATIONS,
    field: 'clientApplications',
    // The queue is always oldest first: the API takes no sort.
    variables: (params) => ({ ...page(params), filter: compact(params.filter) }),
  },
  one: { query: CLIENT_APPLICATION, field: 'clientApplication' },
  create: {
    query: SUBMIT_CLIENT_APPLICATION,
    field: 'submitClientApplication',
    variables: ({ data }) => ({
      input: {
        country: data.country,
        organisationNumber: String(data.organisationNumber ?? '').trim(),
        legalName: String(data.legalName ?? '').trim(),
        companyForm: data.companyForm,
        registryStatus: data.registryStatus ?? 'ACTIVE',
        address: address(data.address),
        contact: {
          name: String(data.contact?.name ?? '').trim(),
          email: String(data.contact?.email ?? '').trim(),
          phone: optionalText(data.contact?.phone),
        },
        payoutAccount: account(data.payoutAccount) ?? { kind: data.payoutAccount?.kind, value: '' },
        // "Same as payout" is the usual case: the factor pays back to where it pays out.
        repaymentAccount: data.repaymentSameAsPayout
          ? account(data.payoutAccount) ?? { kind: data.payoutAccount?.kind, value: '' }
          : account(data.repaymentAccount) ?? { kind: data.repaymentAccount?.kind, value: '' },
        accountingProgram: optionalText(data.accountingProgram),
      },
    }),
  },
};

const claimClientApplication = (id: string): Promise<ClientApplication> => mutate('claimClientApplication', CLAIM_CLIENT_APPLICATION, { id });

export const clientApplicationActions = {
  claimClientApplication,

  releaseClientApplication: (id: string): Promise<ClientApplication> => mutate('releaseClientApplication', RELEASE_CLIENT_APPLICATION, { id }),

  /*
   * Claims the oldest pending application nobody holds (of a country, if given); null when there is none.
   * The API has no "claim next": this walks the pending queue (oldest first) for the first
   * application nobody holds and claims it. Another analyst may take it in between (CONFLICT):
   * then the next one is tried, so two analysts pressing at once each get a different one.
   */
  claimNextClientApplication: async (country?: string): Promise<ClientApplication | null> => {
    const perPage = 100;
    for (let pageNo = 0; pageNo < 20; pageNo += 1) {
      const { clientApplications } = await gql<{ clientApplications: Page<ClientApplication> }>(PENDING_APPLICATIONS, {
        page: pageNo,
        perPage,
        filter: compact({ state: 'PENDING', country }),
      });
      for (const candidate of clientApplications.items.filter((item) => !item.claimedBy)) {
        try {
          return await claimClientApplication(candidate.id);
        } catch (error) {
          if ((error as HttpError).status !== 409) throw error;
        }
      }
      if ((pageNo + 1) * perPage >= clientApplications.total) break;
    }
    return null;
  },

  approveClientApplication: (id: string, terms: AgreementTermsForm, note?: string): Promise<ClientApplication> =>
    mutate('approveClientApplication', APPROVE_CLIENT_APPLICATION, { id, terms: agreementTerms(terms), note: optionalText(note) }),

  refuseClientApplication: (id: string, reasons: string[], note?: string): Promise<ClientApplication> =>
    mutate('refuseClientApplication', REFUSE_CLIENT_APPLICATION, { id, reasons, note: optionalText(note) }),
};
