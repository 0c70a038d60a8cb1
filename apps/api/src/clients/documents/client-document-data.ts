import { EntityManager } from 'typeorm';

export interface ClientDocumentHead {
  id: string;
  country: 'SE' | 'NO';
  currency: string;
  name: string;
  organisationNumber: string;
  factorName: string;
}

/** The client a report or statement is of, with the factor's book in its country; null when none (or not the asking client). */
export async function loadClientForDocument(tx: EntityManager, clientId: string, askingClientId?: string): Promise<ClientDocumentHead | null> {
  if (askingClientId && askingClientId !== clientId) return null;
  const [row] = await tx.query(
    `SELECT c.id, c.country, c.currency, c.legal_name AS name, c.organisation_number AS "organisationNumber", b.name AS "factorName"
       FROM client c JOIN ledger_book b ON b.code = c.country WHERE c.id = $1`,
    [clientId],
  );
  return row ?? null;
}
