import { EntityManager } from 'typeorm';

/** A client's logo as the invoice prints it: a PNG, at most 180 x 56 points on the page. */
export interface ClientLogo {
  pngBase64: string;
}

/**
 * The client's logo for its sold invoices (seed 003: the invoice is the factor's, "men med
 * företagets logotype"). No logo is stored anywhere yet: the upload (with its checks, issue 13's
 * "bad input": not an image, too large) comes with delivery. This is the hook: it answers
 * null, and the sold invoice then sets the client's name as a wordmark. When logos are kept,
 * read the client's current one here; it becomes part of the document's data, so a new logo
 * makes new documents and never changes a kept one.
 */
export async function clientLogo(_tx: EntityManager, _clientId: string): Promise<ClientLogo | null> {
  return null;
}
