/**
 * The seam between the outbox and the Peppol network (issue 13 s.3). There is no access point
 * here: "sent" means handed to an adapter of this shape; the outbox worker calls `send` and records
 * the answer on the invoice's timeline. A real adapter (an access-point provider's API) and the
 * local stand-in (access-point-stand-in.ts) answer alike.
 */
export interface PeppolAccessPoint {
  send(message: PeppolMessage): Promise<PeppolReceipt>;
}

export interface PeppolMessage {
  /** The UBL 2.1 Invoice (Peppol BIS Billing 3.0). */
  xml: string;
  /**
   * Ours, unique per e-invoice (e.g. the outbox row's event id): an access point that has seen it
   * answers as before and does not deliver twice, so a retried send is safe.
   */
  idempotencyKey: string;
  /** Peppol participant ids, "scheme:value" (e.g. 0007:5567123400). */
  sender: string;
  receiver: string;
}

export type PeppolReceipt =
  | {
      status: 'ACCEPTED';
      /** The access point's transmission id for the message. */
      messageId: string;
      receivedAt: Date;
    }
  | {
      status: 'REJECTED';
      receivedAt: Date;
      /** The rules the message broke, e.g. [{ id: 'BR-CO-16', ... }]. Nothing was delivered. */
      errors: Array<{ id: string; source: string; location: string; text: string }>;
    };

/** Nest injection token of the adapter in use. */
export const PEPPOL_ACCESS_POINT = Symbol('PEPPOL_ACCESS_POINT');
