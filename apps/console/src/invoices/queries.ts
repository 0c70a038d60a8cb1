/** The invoices' GraphQL documents (apps/api/src/invoices), read by codegen (apps/console/codegen.ts). */

export const INVOICE_LIST_FIELDS = /* GraphQL */ `
  fragment InvoiceListFields on Invoice {
    id clientId clientName debtorId debtorName invoiceNumber country currency invoiceDate deliveryDate dueDate
    net vat rounding gross deductionKind deductionAmount payable status clientStatus reasons { code en sv nb } createdAt updatedAt version
  }
`;
export const INVOICE_FIELDS = /* GraphQL */ `
  fragment InvoiceFields on Invoice {
    ...InvoiceListFields
    debtor suspectedDuplicates { invoiceId invoiceNumber sameClient kind }
    offer { amount fee vatOnFee payout currency recourseModes plannedPayoutDate expiresAt } recourseMode acceptedAt
    paymentInstructions { reference referenceKind account accountKind } creditedAmount
    lines { lineNumber description quantity unitPrice vatRatePercent reverseCharge net }
    timeline { occurredAt fromState toState reason } creditNotes { id creditNumber amount reason createdAt }
    creditDecisions { kind outcome reasons { code en sv nb } figures rulesVersion decidedBy { name } note decidedAt }
  }
  ${INVOICE_LIST_FIELDS}
`;

export const INVOICES = /* GraphQL */ `
  query Invoices($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: InvoiceFilter) {
    invoices(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      items { ...InvoiceListFields } total
    }
  }
  ${INVOICE_LIST_FIELDS}
`;
export const INVOICE = /* GraphQL */ `
  query Invoice($id: ID!) { invoice(id: $id) { ...InvoiceFields } }
  ${INVOICE_FIELDS}
`;
