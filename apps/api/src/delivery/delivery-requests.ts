import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export const DELIVERY_QUEUE = 'delivery';
export const DELIVER_JOB = 'deliver';

/** The job of a delivery's round: a round's job enqueued twice is one job. */
export const deliveryJobId = (deliveryId: string, round: number) => `delivery:${deliveryId}:${round}`;

/** Our Message-ID (RFC 5322), fixed when the row is made: every attempt of the delivery carries it. */
export const newMessageId = (domain: string) => `<${randomUUID()}@${domain}>`;

const MESSAGE_ID_DOMAIN = 'delivery.factoring.example';

/**
 * The sold invoice's deliveries, asked for in the purchase's transaction (issue 13 s.3): to the
 * debtor by its channel (the client-debtor setting, else the client's agreement): EMAIL to the
 * debtor's address, E_INVOICE to its Peppol id, otherwise (POST, KIVRA, or no address) a letter;
 * and the client's receipt to the client's e-mail. Each row gets its job in the job outbox, in the
 * same transaction. Asking twice adds nothing.
 */
export async function requestInvoiceDeliveries(tx: EntityManager, invoiceId: string): Promise<string[]> {
  const [i] = await tx.query(
    `SELECT i.id, i.client_id, d.email, d.peppol_id, c.contact->>'email' AS client_email,
            coalesce(cd.delivery_channel,
                     (SELECT a.delivery_channel FROM client_agreement a WHERE a.client_id = i.client_id ORDER BY a.version DESC LIMIT 1)) AS channel
       FROM invoice i JOIN debtor d ON d.id = i.debtor_id JOIN client c ON c.id = i.client_id
       LEFT JOIN client_debtor cd ON cd.client_id = i.client_id AND cd.debtor_id = i.debtor_id
      WHERE i.id = $1`,
    [invoiceId],
  );
  if (!i) return [];
  const debtor =
    i.channel === 'E_INVOICE' && i.peppol_id
      ? { channel: 'PEPPOL', address: i.peppol_id }
      : i.channel === 'EMAIL' && i.email
        ? { channel: 'EMAIL', address: i.email }
        : { channel: 'POST', address: null };
  const wanted = [{ kind: 'SOLD_INVOICE', recipient: 'DEBTOR', ...debtor }];
  if (i.client_email) wanted.push({ kind: 'INVOICE_RECEIPT', recipient: 'CLIENT', channel: 'EMAIL', address: i.client_email });
  const ids: string[] = [];
  for (const w of wanted) ids.push(...(await insertDelivery(tx, { invoiceId, clientId: i.client_id, documentKind: w.kind, recipient: w.recipient, channel: w.channel, address: w.address })));
  return ids;
}

export interface NewDelivery {
  invoiceId: string;
  clientId: string;
  documentKind: string;
  recipient: string;
  channel: string;
  address: string | null;
  fallbackOf?: string | null;
  flagged?: boolean;
  flagReason?: string | null;
  /** A reminder letter's follow-up step (issue 15 s.2): each step's letter is a delivery of its own, and its SENT/PRINTED charges the step's fee. */
  collectionStepId?: string | null;
  /** A letter about one recourse invoice (the recourse invoice itself, its reminder): an invoice bought back twice has two of each. */
  recourseInvoiceId?: string | null;
}

/** One delivery row and its job; nothing when the same document already goes to the same recipient by the same channel. */
export async function insertDelivery(tx: EntityManager, d: NewDelivery): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query(
    `INSERT INTO document_delivery (invoice_id, client_id, document_kind, recipient, channel, address, message_id, fallback_of, flagged, flag_reason, collection_step_id, recourse_invoice_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT ON CONSTRAINT document_delivery_once DO NOTHING RETURNING id`,
    [d.invoiceId, d.clientId, d.documentKind, d.recipient, d.channel, d.address, newMessageId(MESSAGE_ID_DOMAIN), d.fallbackOf ?? null, d.flagged ?? false, d.flagReason ?? null, d.collectionStepId ?? null, d.recourseInvoiceId ?? null],
  );
  for (const { id } of rows) await enqueueDelivery(tx, id, 0);
  return rows.map((r) => r.id);
}

export async function enqueueDelivery(tx: EntityManager, deliveryId: string, round: number): Promise<void> {
  await tx.query(`INSERT INTO job_outbox (queue, job_name, job_id, data) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING`, [
    DELIVERY_QUEUE,
    DELIVER_JOB,
    deliveryJobId(deliveryId, round),
    { deliveryId },
  ]);
}
