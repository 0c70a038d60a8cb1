import { reason, Reason } from '../reason';

/**
 * Why an invoice in flight is not bought when its client may no longer sell (issue 9 b):
 * blocked (fraud suspicion, an overdue recourse invoice, seed 000) or no longer a client.
 * Every acceptance and purchase checks the client's state in its own transaction.
 */
export function clientStandingReason(state: string): Reason<'CLIENT_BLOCKED' | 'CLIENT_NOT_ACTIVE'> | null {
  if (state === 'ACTIVE') return null;
  if (state === 'BLOCKED') {
    return reason('CLIENT_BLOCKED', {
      en: 'Your company cannot sell invoices at the moment. Contact us to find out why.',
      sv: 'Ert företag kan inte sälja fakturor just nu. Kontakta oss för att få veta varför.',
      nb: 'Foretaket deres kan ikke selge fakturaer nå. Kontakt oss for å få vite hvorfor.',
    });
  }
  return reason('CLIENT_NOT_ACTIVE', {
    en: 'Your company has no active agreement to sell invoices.',
    sv: 'Ert företag har inget aktivt avtal om att sälja fakturor.',
    nb: 'Foretaket deres har ingen aktiv avtale om å selge fakturaer.',
  });
}
