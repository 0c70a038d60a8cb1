// Helpers for the credit *.spec.ts files only; not exported from the library.
import { LocalDate } from '@factoring/domain';
import { DatedVersion } from '../policy/dated-setting';
import { CreditSettings, DEFAULT_CREDIT_SETTINGS } from './credit-settings';
import { CreditInput } from './decide-credit';

export const d = (text: string) => LocalDate.parse(text);
export const TODAY = d('2026-06-15');
export const SETTINGS: DatedVersion<CreditSettings> = DEFAULT_CREDIT_SETTINGS.SE[0];

export interface CreditChanges {
  today?: LocalDate;
  invoice?: Partial<CreditInput['invoice']>;
  debtor?: Partial<Omit<CreditInput['debtor'], 'history'>> & { history?: Partial<CreditInput['debtor']['history']> };
  client?: Partial<CreditInput['client']>;
  pair?: Partial<CreditInput['pair']>;
  spotCheck?: Partial<CreditInput['spotCheck']>;
}

/**
 * An invoice of 10 000 SEK with recourse to a known company debtor that pays on time, from a
 * client with ordinary history: approved under the default Swedish settings.
 * Debtor limit 200 000 (exposure 50 000), client limit 500 000 (exposure 200 000), pair 20 000 with
 * no pair limit, 12 recent invoices with median 8 000, not picked for a spot check.
 */
export function creditInput(changes: CreditChanges = {}): CreditInput {
  const { history, ...debtor } = changes.debtor ?? {};
  return {
    today: changes.today ?? TODAY,
    invoice: { amount: '10000.00', currency: 'SEK', recourse: 'WITH_RECOURSE', dueDate: d('2026-07-15'), ...changes.invoice },
    debtor: {
      kind: 'COMPANY',
      limit: { limit: '200000.00' },
      exposure: '50000.00',
      isNew: false,
      ...debtor,
      history: { invoicesPaid: 20, paidLate: 2, averageDaysLate: 3, maxDaysLate: 5, unpaidBefore: false, disputedBefore: false, ...history },
    },
    client: {
      creditLimit: { limit: '500000.00' },
      exposure: '200000.00',
      invoicesSold: 40,
      recentInvoiceAmounts: ['6000.00', '7000.00', '7500.00', '8000.00', '8000.00', '8000.00', '8000.00', '8500.00', '9000.00', '9500.00', '10000.00', '12000.00'],
      ...changes.client,
    },
    pair: { limit: null, exposure: '20000.00', ...changes.pair },
    spotCheck: { selected: false, rate: '0.020000', draw: '0.5000000000', ...changes.spotCheck },
  };
}

/** A settings version with changes to its value. */
export function settingsWith(changes: Partial<CreditSettings>): DatedVersion<CreditSettings> {
  return { ...SETTINGS, value: { ...SETTINGS.value, ...changes } };
}
