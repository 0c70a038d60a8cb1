import { InvalidValueError } from '@factoring/domain';
import { Reason, reason } from '../reason';

/**
 * The reasons a credit analyst records when denying an invoice after a manual assessment or a
 * spot check; the client sees the sentence, so it says what happened without naming sources.
 */
export const CREDIT_DENIAL_REASONS = [
  reason('DENIAL_DEBTOR_CREDITWORTHINESS', {
    en: "We cannot take on more credit risk on this customer at the moment.",
    sv: 'Vi kan inte ta mer kreditrisk på den här kunden just nu.',
    nb: 'Vi kan ikke ta mer kredittrisiko på denne kunden akkurat nå.',
  }),
  reason('DENIAL_NOT_CONFIRMED_BY_DEBTOR', {
    en: 'Your customer did not confirm the invoice, its content or its price.',
    sv: 'Din kund bekräftade inte fakturan, dess innehåll eller pris.',
    nb: 'Kunden din bekreftet ikke fakturaen, innholdet eller prisen.',
  }),
  reason('DENIAL_DOCUMENTATION_MISSING', {
    en: 'We did not get the information we asked for about the invoice.',
    sv: 'Vi fick inte de uppgifter vi bad om kring fakturan.',
    nb: 'Vi fikk ikke opplysningene vi ba om om fakturaen.',
  }),
  reason('DENIAL_LIMIT_EXHAUSTED', {
    en: 'The credit available for this customer is used up.',
    sv: 'Krediten för den här kunden är förbrukad.',
    nb: 'Kreditten for denne kunden er brukt opp.',
  }),
  reason('DENIAL_OTHER', {
    en: 'After a manual assessment we cannot buy this invoice. Contact us if you have questions.',
    sv: 'Efter en manuell bedömning kan vi inte köpa den här fakturan. Kontakta oss om du har frågor.',
    nb: 'Etter en manuell vurdering kan vi ikke kjøpe denne fakturaen. Kontakt oss hvis du har spørsmål.',
  }),
] as const;

export type CreditDenialCode = (typeof CREDIT_DENIAL_REASONS)[number]['code'];

/** The reasons for codes an analyst chose; none given means DENIAL_OTHER. Unknown codes are bad input. */
export function creditDenialReasons(codes: readonly string[] | undefined): Reason<CreditDenialCode>[] {
  const chosen = codes?.length ? codes : ['DENIAL_OTHER'];
  const known = CREDIT_DENIAL_REASONS.map((r) => r.code) as string[];
  const unknown = chosen.filter((code) => !known.includes(code));
  if (unknown.length) {
    throw new InvalidValueError('DENIAL_REASON_UNKNOWN', `Unknown reason ${unknown.join(', ')}: use ${known.join(', ')}.`, 'reasons');
  }
  return CREDIT_DENIAL_REASONS.filter((r) => chosen.includes(r.code)) as Reason<CreditDenialCode>[];
}


