import { EntityManager } from 'typeorm';
import { DELIVER_JOB, DELIVERY_QUEUE } from './delivery-requests';

export const PAYMENT_RECEIPT = 'PAYMENT_RECEIPT';

/**
 * The payment receipts of invoices that just became fully paid (issue 14 s.4), asked for in the
 * FULLY_PAID transition's transaction like the purchase receipt is in the purchase's: one
 * delivery of the PAYMENT_RECEIPT document to the client's e-mail per invoice, and its job in
 * the job outbox; the delivery worker makes the document from the documents base and sends it.
 * Set-based (an import may pay thousands of invoices in one statement); asking twice adds
 * nothing (document_delivery_once, and the job id per delivery and round).
 */
export async function requestPaymentReceipts(tx: EntityManager, invoiceIds: readonly string[]): Promise<number> {
  if (!invoiceIds.length) return 0;
  const rows: Array<{ id: string }> = await tx.query(
    `WITH made AS (
       INSERT INTO document_delivery (invoice_id, client_id, document_kind, recipient, channel, address, message_id)
       SELECT i.id, i.client_id, $2, 'CLIENT', 'EMAIL', c.contact->>'email', '<' || gen_random_uuid() || '@delivery.factoring.example>'
         FROM invoice i JOIN client c ON c.id = i.client_id
        WHERE i.id = ANY($1::uuid[]) AND i.status = 'FULLY_PAID' AND nullif(btrim(c.contact->>'email'), '') IS NOT NULL
       ON CONFLICT ON CONSTRAINT document_delivery_once DO NOTHING RETURNING id)
     INSERT INTO job_outbox (queue, job_name, job_id, data)
     SELECT $3, $4, 'delivery:' || made.id || ':0', jsonb_build_object('deliveryId', made.id) FROM made
     ON CONFLICT (job_id) DO NOTHING RETURNING job_id AS id`,
    [invoiceIds, PAYMENT_RECEIPT, DELIVERY_QUEUE, DELIVER_JOB],
  );
  return rows.length;
}
