// Helpers for the eligibility *.spec.ts files only; not exported from the library.
import { CountryCode, LocalDate } from '@factoring/domain';
import { EligibilityInput, EligibilityInvoice, SuspectedDuplicate } from './check-eligibility';
import { EligibilitySettings } from './eligibility-settings';

export const d = (text: string) => LocalDate.parse(text);

/** A Monday. */
export const TODAY = d('2026-06-15');

export const SETTINGS: Record<CountryCode, EligibilitySettings> = {
  SE: { currency: 'SEK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' },
  NO: { currency: 'NOK', maxDaysSinceDelivery: 45, maxDaysUntilDue: 90, minimumAmount: '200.00', totalsTolerance: '0.05' },
};

/** 10 hours at 950.00 with 25 % VAT: 9500.00 + 2375.00 = 11875.00. */
export function validInvoice(country: CountryCode = 'SE'): EligibilityInvoice {
  return {
    currency: country === 'SE' ? 'SEK' : 'NOK',
    invoiceDate: d('2026-06-10'),
    deliveryDate: d('2026-06-05'),
    dueDate: d('2026-07-10'),
    lines: [{ description: 'Consulting', quantity: '10', unitPrice: '950.00', vatRatePercent: '25', reverseCharge: false }],
    totals: { net: '9500.00', vat: '2375.00', gross: '11875.00' },
    deduction: null,
    payable: '11875.00',
  };
}

export interface InputChanges {
  country?: CountryCode;
  today?: LocalDate;
  client?: Partial<EligibilityInput['client']>;
  debtor?: Partial<EligibilityInput['debtor']>;
  invoice?: Partial<EligibilityInvoice>;
  suspectedDuplicates?: SuspectedDuplicate[];
}

/** An eligible invoice of an active client to a Swedish (or Norwegian) company, with `changes`. */
export function input(changes: InputChanges = {}): EligibilityInput {
  const country = changes.country ?? 'SE';
  return {
    country,
    today: changes.today ?? TODAY,
    client: { state: 'ACTIVE', blockReasons: [], ...changes.client },
    debtor: {
      kind: 'COMPANY',
      identityNumber: country === 'SE' ? '556016-0680' : '974760673',
      address: { country },
      hasDisputedBefore: false,
      hasUnpaidBefore: false,
      relation: null,
      ...changes.debtor,
    },
    invoice: { ...validInvoice(country), ...changes.invoice },
    suspectedDuplicates: changes.suspectedDuplicates ?? [],
  };
}

export function twin(changes: Partial<SuspectedDuplicate> = {}): SuspectedDuplicate {
  return { invoiceId: 'inv-1', invoiceNumber: '1001', clientId: 'client-1', sameClient: true, kind: 'SAME_DEBTOR_AMOUNT_AND_DATES', ...changes };
}
