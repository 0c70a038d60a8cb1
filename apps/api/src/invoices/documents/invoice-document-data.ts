import { EntityManager } from 'typeorm';

/** A party's address as the invoice keeps it. */
export interface PostalAddress {
  street?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

/** What the invoice's documents read about the invoice, its seller (the client) and the factor's book. */
export interface InvoiceDocumentRow {
  id: string;
  client_id: string;
  country: 'SE' | 'NO';
  currency: string;
  invoice_number: string;
  invoice_date: string;
  delivery_date: string;
  due_date: string;
  net: string;
  vat: string;
  rounding: string;
  gross: string;
  deduction_kind: 'ROT' | 'RUT' | 'GREEN_TECH' | null;
  deduction_amount: string | null;
  payable: string;
  credited_amount: string;
  debtor: { kind?: string; identityNumber?: string; name: string; address?: PostalAddress; vatNumber?: string };
  reverse_charge_vat_numbers: { seller: string | null; buyer: string | null } | null;
  status: string;
  payment_reference: string | null;
  payment_account: { kind: string; account: string } | null;
  fee: string | null;
  vat_on_fee: string | null;
  payout: string | null;
  vat_rate_on_fee: string | null;
  fee_percent: string | null;
  recourse_mode: string | null;
  planned_payout_date: string | null;
  client_name: string;
  client_organisation_number: string;
  client_country: 'SE' | 'NO';
  client_address: PostalAddress;
  client_contact: { name?: string; email?: string; phone?: string };
  factor_name: string;
  /** The day the factor booked the purchase: null while the invoice is not bought. */
  purchased_on: string | null;
  /** The day the payout left (or the client confirmed it arrived), when it did. */
  paid_out_on: string | null;
}

export interface InvoiceLineRow {
  line_number: number;
  description: string;
  quantity: string;
  unit_price: string;
  vat_rate_percent: string;
  reverse_charge: boolean;
  net: string;
}

/**
 * The invoice with everything its documents print, or null (none with that id, or not the
 * asking client's). Amounts as text: never through a float.
 */
export async function loadInvoiceForDocument(tx: EntityManager, invoiceId: string, clientId?: string): Promise<{ invoice: InvoiceDocumentRow; lines: InvoiceLineRow[] } | null> {
  const [invoice]: InvoiceDocumentRow[] = await tx.query(
    `SELECT i.id, i.client_id, i.country, i.currency, i.invoice_number, i.invoice_date::text, i.delivery_date::text, i.due_date::text,
            i.net::text, i.vat::text, i.rounding::text, i.gross::text, i.deduction_kind, i.deduction_amount::text, i.payable::text,
            i.credited_amount::text, i.debtor, i.reverse_charge_vat_numbers, i.status, i.payment_reference,
            i.offer_terms->'paymentAccount' AS payment_account, i.fee::text, i.vat_on_fee::text, i.payout::text,
            i.offer_terms->>'vatRateOnFeePercent' AS vat_rate_on_fee, i.offer_terms->>'feePercent' AS fee_percent,
            i.recourse_mode, i.planned_payout_date::text,
            c.legal_name AS client_name, c.organisation_number AS client_organisation_number, c.country AS client_country,
            c.address AS client_address, c.contact AS client_contact, b.name AS factor_name,
            (SELECT min(e.entry_date)::text FROM journal_entry e WHERE e.cause_type = 'INVOICE' AND e.cause_id = i.id AND e.event = 'PURCHASE') AS purchased_on,
            (SELECT coalesce(l.client_received_on, pb.payout_date)::text FROM payout_line l JOIN payout_batch pb ON pb.id = l.batch_id
              WHERE l.invoice_id = i.id AND l.state IN ('INCLUDED','SETTLED') AND pb.state IN ('SENT','ACCEPTED','PARTLY_REJECTED','SETTLED')
              ORDER BY l.attempt DESC LIMIT 1) AS paid_out_on
       FROM invoice i JOIN client c ON c.id = i.client_id JOIN ledger_book b ON b.code = i.country
      WHERE i.id = $1 AND ($2::uuid IS NULL OR i.client_id = $2::uuid)`,
    [invoiceId, clientId ?? null],
  );
  if (!invoice) return null;
  const lines: InvoiceLineRow[] = await tx.query(
    `SELECT line_number, description, quantity::text, unit_price::text, vat_rate_percent::text, reverse_charge, net::text
       FROM invoice_line WHERE invoice_id = $1 ORDER BY line_number`,
    [invoiceId],
  );
  return { invoice, lines };
}
