import { computeTotals } from '@factoring/rules';
import { swedishCompanyNumber, norwegianCompanyNumber } from './identities';

export interface LineSpec {
  description?: string;
  quantity: string;
  unitPrice: string;
  vatRatePercent?: string;
  reverseCharge?: boolean;
}

/** A day relative to today as the API sees it (Swedish and Norwegian time, not UTC: they differ around midnight). */
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** A valid invoice whose totals add up (net per line half-up, VAT per rate half-up), dated around today. */
export function invoiceInput(country: 'SE' | 'NO' = 'SE', overrides: Record<string, unknown> = {}, lines: LineSpec[] = [{ quantity: '10', unitPrice: '100', vatRatePercent: '25' }]) {
  const full = lines.map((l, i) => ({ description: l.description ?? `Work, part ${i + 1}`, quantity: l.quantity, unitPrice: l.unitPrice, vatRatePercent: l.vatRatePercent ?? '25', reverseCharge: l.reverseCharge ?? false }));
  const { net, vat, gross } = computeTotals({ lines: full, totals: { net: '0', vat: '0', gross: '0' } });
  return {
    invoiceNumber: `F-${Math.random().toString(36).slice(2, 10)}`,
    currency: country === 'SE' ? 'SEK' : 'NOK',
    invoiceDate: isoDay(-2),
    deliveryDate: isoDay(-5),
    dueDate: isoDay(28),
    debtor: {
      kind: 'COMPANY',
      identityNumber: country === 'SE' ? swedishCompanyNumber() : norwegianCompanyNumber(),
      name: country === 'SE' ? 'Kund i Sverige AB' : 'Kunde i Norge AS',
      address: country === 'SE' ? { street: 'Drottninggatan 2', postalCode: '111 51', city: 'Stockholm', country: 'SE' } : { street: 'Torggata 3', postalCode: '0181', city: 'Oslo', country: 'NO' },
    },
    lines: full,
    totals: { net: net.toFixed(2), vat: vat.toFixed(2), gross: gross.toFixed(2) },
    payable: gross.toFixed(2),
    ...overrides,
  };
}

export const day = isoDay;

export const SUBMIT_INVOICE = `mutation($input: InvoiceInput!, $key: String) { submitInvoice(input: $input, idempotencyKey: $key) {
  id invoiceNumber status payable
  reasons { code en sv nb }
  offer { amount fee vatOnFee payout currency recourseModes plannedPayoutDate expiresAt }
  paymentInstructions { reference referenceKind account accountKind } } }`;

export const ACCEPT = `mutation($id: ID!, $mode: RecourseMode) { acceptOffer(invoiceId: $id, recourseMode: $mode) {
  id status recourseMode acceptedAt paymentInstructions { reference referenceKind account accountKind } timeline { step status en } } }`;
