import { EntityManager } from 'typeorm';

/** A client's logo as the invoice prints it: a PNG or JPEG, fitted into 180 x 56 points on the page. */
export interface ClientLogo {
  /** Names the logo: a new upload is another hash, so other document data, so a new document. */
  sha256: string;
  mediaType: 'image/png' | 'image/jpeg';
  base64: string;
}

/**
 * The client's logo for its sold invoices (seed 003: the invoice is the factor's, "men med
 * företagets logotype"): the newest of its uploads (client_logo, append-only; uploaded and
 * checked in clients/logo/), or null, and the sold invoice then sets the client's name as a
 * wordmark. It is part of the document's data, so a new logo makes new documents and never
 * changes a kept one (each kept sold invoice holds the logo it printed).
 */
export async function clientLogo(tx: EntityManager, clientId: string): Promise<ClientLogo | null> {
  const [row] = await tx.query(
    `SELECT sha256, media_type AS "mediaType", encode(bytes, 'base64') AS base64 FROM client_logo WHERE client_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [clientId],
  );
  return row ? { sha256: row.sha256, mediaType: row.mediaType, base64: row.base64.replace(/\n/g, '') } : null;
}
