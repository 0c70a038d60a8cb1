import { address, compact, mutate, optionalText, page, toDecimal, type ResourceProvider } from '../resourceProvider';
import type { ClientDebtor, Debtor, DebtorRelation, DeliveryChannel, TemporaryRaise } from '../types';
import { DEBTOR, DEBTORS, MARK_CLIENT_DEBTOR_RELATION, REGISTER_DEBTOR, SET_CLIENT_DEBTOR_TERMS, SET_DEBTOR_LIMIT } from './queries';

export const debtorsProvider: ResourceProvider = {
  list: {
    query: DEBTORS,
    field: 'debtors',
    // Always by name: the API takes no sort.
    variables: (params) => ({ ...page(params), filter: compact(params.filter) }),
  },
  one: { query: DEBTOR, field: 'debtor' },
  create: {
    query: REGISTER_DEBTOR,
    field: 'registerDebtor',
    variables: ({ data }) => ({
      input: {
        country: data.country,
        kind: data.kind,
        identityNumber: String(data.identityNumber ?? '').trim(),
        name: String(data.name ?? '').trim(),
        address: address(data.address),
        email: optionalText(data.email),
        phone: optionalText(data.phone),
        creditLimit: toDecimal(data.creditLimit),
      },
    }),
  },
};

/** Pairs have no id of their own; react-admin's tables want one. */
export const withPairIds = (pairs: ClientDebtor[] | undefined) =>
  pairs?.map((pair) => ({ ...pair, id: `${pair.clientId}:${pair.debtorId}` }));

export interface PairTermsForm {
  clientId: string;
  debtorId: string;
  /** Empty removes the pair limit: only the debtor limit applies. */
  creditLimit?: string;
  temporaryRaise?: { amount?: string; until?: string } | null;
  deliveryChannel?: DeliveryChannel | null;
  reason?: string;
}

const raise = (value: { amount?: string; until?: string } | null | undefined): TemporaryRaise | undefined => {
  const amount = toDecimal(value?.amount);
  return amount && value?.until ? { amount, until: value.until } : undefined;
};

export const debtorActions = {
  setDebtorLimit: (
    id: string,
    creditLimit: string,
    temporaryRaise: { amount?: string; until?: string } | null,
    expectedVersion: number,
    reason?: string,
  ): Promise<Debtor> =>
    mutate('setDebtorLimit', SET_DEBTOR_LIMIT, {
      id,
      creditLimit: toDecimal(creditLimit) ?? '',
      temporaryRaise: raise(temporaryRaise),
      expectedVersion,
      reason: optionalText(reason),
    }),

  // Every pair term is sent each time: the API sets all of them, and an absent one is cleared.
  setClientDebtorTerms: (terms: PairTermsForm): Promise<ClientDebtor> =>
    mutate('setClientDebtorTerms', SET_CLIENT_DEBTOR_TERMS, {
      clientId: terms.clientId,
      debtorId: terms.debtorId,
      creditLimit: toDecimal(terms.creditLimit),
      temporaryRaise: raise(terms.temporaryRaise),
      deliveryChannel: terms.deliveryChannel || undefined,
      reason: optionalText(terms.reason),
    }),

  markClientDebtorRelation: (clientId: string, debtorId: string, relation: DebtorRelation | null, note: string): Promise<ClientDebtor> =>
    mutate('markClientDebtorRelation', MARK_CLIENT_DEBTOR_RELATION, { clientId, debtorId, relation: relation ?? undefined, note: note.trim() }),
};
