import { REASON } from '../resourceProvider';

/** The invoices' GraphQL documents (apps/api/src/invoices). */

export const INVOICE_LIST_FIELDS = `id clientId clientName debtorId debtorName invoiceNumber country currency invoiceDate deliveryDate dueDate
  net vat rounding gross deductionKind deductionAmount payable status clientStatus reasons ${REASON} createdAt updatedAt version`;
export const INVOICE_FIELDS = `${INVOICE_LIST_FIELDS} debtor suspectedDuplicates { invoiceId invoiceNumber sameClient kind }
  offer { amount fee vatOnFee payout currency recourseModes plannedPayoutDate expiresAt } recourseMode acceptedAt
  paymentInstructions { reference referenceKind account accountKind } creditedAmount
  lines { lineNumber description quantity unitPrice vatRatePercent reverseCharge net }
  timeline { occurredAt fromState toState reason } creditNotes { id creditNumber amount reason createdAt }
  creditDecisions { kind outcome reasons ${REASON} figures rulesVersion decidedBy { name } note decidedAt }`;

export const INVOICES = `query Invoices($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: InvoiceFilter) {
  invoices(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    items { ${INVOICE_LIST_FIELDS} } total
  }
}`;
export const INVOICE = `query Invoice($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
