/**
 * A Peppol participant id, the address an e-invoice is delivered to: "scheme:value", the scheme a
 * four-digit code of the Peppol "Electronic Address Scheme" (EAS) code list (BT-49-1 / BT-34-1),
 * e.g. 0007:5567123400.
 *
 * Source: the code list the Peppol BIS Billing 3.0.19 rules check EndpointID/@schemeID against,
 * `$eaid` in PEPPOL-EN16931-UBL.sch (rule PEPPOL-EN16931-CL008; vendored in
 * apps/api/src/documents/peppol/schemas/sch/, from OpenPEPPOL/peppol-bis-invoice-3 tag v3.0.19), and
 * the value rules of the same file: PEPPOL-COMMON-R049 (0007: 10 digits, Luhn), R041 (0192: 9 digits,
 * MOD11), R040 (0088: GS1 check digit).
 *
 * We deliver only to Swedish and Norwegian debtors, so only the schemes that address them are
 * accepted; a code of the list that addresses someone else (e.g. 0184 Danish CVR) is refused as the
 * wrong scheme, not passed on to fail at the access point:
 *   0007  Swedish organisation number (Bolagsverket), 10 digits with Luhn check digit
 *   0192  Norwegian organisation number (Brønnøysundregistrene), 9 digits with MOD11 check digit
 *   0088  GS1 GLN (Global Location Number), 13 digits with GS1 check digit: how a Swedish or
 *         Norwegian buyer without its own registration number is reached through an intermediary
 * 9955 (Swedish VAT number) was withdrawn from the EAS list and is not in 3.0.19's `$eaid`: an
 * invoice addressed to it fails CL008, so it is refused here with the scheme error.
 */
import { checkDigitMessage, IdentityErrorCode, identityError } from './identity-errors';
import { NorwegianOrganisationNumber } from './norwegian-organisation-number';
import { SwedishOrganisationNumber } from './swedish-organisation-number';

export type PeppolScheme = '0007' | '0088' | '0192';

export const PEPPOL_SCHEMES: Readonly<Record<PeppolScheme, string>> = {
  '0007': 'Swedish organisation number',
  '0088': 'GS1 GLN',
  '0192': 'Norwegian organisation number',
};

export class PeppolParticipantId {
  private constructor(
    readonly scheme: PeppolScheme,
    /** The identifier as Peppol writes it: digits only. */
    readonly value: string,
  ) {
    Object.freeze(this);
  }

  /** "0007:5567123400" (spaces and a 0007 value's hyphen are tolerated). */
  static parse(input: string, field = 'peppolId'): PeppolParticipantId {
    const text = typeof input === 'string' ? input.replace(/\s+/g, '') : '';
    const match = /^([0-9]{4}):(.+)$/.exec(text);
    if (!match) {
      throw identityError(IdentityErrorCode.PEPPOL_ID_FORMAT, `"${input}" is not a Peppol participant id: write scheme:identifier, e.g. 0007:5567123400.`, field, input);
    }
    const scheme = match[1];
    if (!(scheme in PEPPOL_SCHEMES)) {
      throw identityError(
        IdentityErrorCode.PEPPOL_ID_SCHEME,
        `The Peppol scheme ${scheme} is not one we deliver to: use 0007 (Swedish organisation number), 0192 (Norwegian organisation number) or 0088 (GLN).`,
        field,
        input,
      );
    }
    const value = match[2];
    switch (scheme as PeppolScheme) {
      case '0007': {
        if (!/^\d{6}-?\d{4}$/.test(value)) throw formatError(input, field, 'a Swedish organisation number has 10 digits');
        // A sole trader (enskild firma) is addressed by the owner's 10-digit personnummer, which Peppol accepts (Luhn only).
        SwedishOrganisationNumber.parse(value, { field, allowPersonalIdentityNumber: true });
        return new PeppolParticipantId('0007', value.replace('-', ''));
      }
      case '0192': {
        if (!/^\d{9}$/.test(value)) throw formatError(input, field, 'a Norwegian organisation number has 9 digits');
        return new PeppolParticipantId('0192', NorwegianOrganisationNumber.parse(value, { field }).value);
      }
      case '0088': {
        if (!/^\d{13}$/.test(value)) throw formatError(input, field, 'a GLN has 13 digits');
        const expected = gs1CheckDigit(value.slice(0, 12));
        if (expected !== Number(value[12])) throw identityError(IdentityErrorCode.CHECK_DIGIT, checkDigitMessage(expected, value[12]), field, input);
        return new PeppolParticipantId('0088', value);
      }
    }
  }

  toString(): string {
    return `${this.scheme}:${this.value}`;
  }
}

function formatError(input: string, field: string, rule: string) {
  return identityError(IdentityErrorCode.PEPPOL_ID_FORMAT, `"${input}" is not a Peppol participant id of its scheme: ${rule}.`, field, input);
}

/** GS1 mod 10: weights 3,1,3,... from the right of the payload. */
function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += Number(payload[payload.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
