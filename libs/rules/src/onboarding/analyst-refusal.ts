/**
 * The reasons a credit analyst records when refusing a client application. The first three are
 * the common ones the seed names (001: "ubetalte offentlige avgifter, vesentlige
 * betalingsanmerkninger, nøkkeltall i regnskapet"); a refused client may apply again later and is
 * assessed anew (001), so each sentence tells the applicant what would change the answer.
 */
import { InvalidValueError } from '@factoring/domain';
import { Language, Reason, reason } from '../reason';

export interface AnalystRefusalReasonDefinition<Code extends string = string> {
  code: Code;
  /** The analyst must write a note saying what the reason is (OTHER). */
  requiresNote: boolean;
  message: Record<Language, string>;
}

const APPLY_AGAIN = {
  en: 'You are welcome to apply again later; the application is then assessed anew.',
  sv: 'Ni är välkomna att ansöka igen senare; ansökan bedöms då på nytt.',
  nb: 'Dere er velkommen til å søke igjen senere; søknaden vurderes da på nytt.',
};

const DEFINITIONS = [
  {
    code: 'UNPAID_PUBLIC_FEES',
    requiresNote: false,
    message: {
      en: `The company has unpaid taxes or public fees. You are welcome to apply again once they are paid; the application is then assessed anew.`,
      sv: `Företaget har obetalda skatter eller offentliga avgifter. Ni är välkomna att ansöka igen när de är betalda; ansökan bedöms då på nytt.`,
      nb: `Foretaket har ubetalte skatter eller offentlige avgifter. Dere er velkommen til å søke igjen når de er betalt; søknaden vurderes da på nytt.`,
    },
  },
  {
    code: 'SIGNIFICANT_PAYMENT_REMARKS',
    requiresNote: false,
    message: {
      en: `The company has significant payment remarks. You are welcome to apply again once they are settled; the application is then assessed anew.`,
      sv: `Företaget har betydande betalningsanmärkningar. Ni är välkomna att ansöka igen när de är reglerade; ansökan bedöms då på nytt.`,
      nb: `Foretaket har vesentlige betalingsanmerkninger. Dere er velkommen til å søke igjen når de er gjort opp; søknaden vurderes da på nytt.`,
    },
  },
  {
    code: 'KEY_RATIOS',
    requiresNote: false,
    message: {
      en: `The key ratios in the company's accounts (such as equity, liquidity or results) do not meet our requirements at present. You are welcome to apply again when new accounts are available; the application is then assessed anew.`,
      sv: `Nyckeltalen i företagets räkenskaper (till exempel soliditet, likviditet eller resultat) uppfyller inte våra krav för närvarande. Ni är välkomna att ansöka igen när nya räkenskaper finns; ansökan bedöms då på nytt.`,
      nb: `Nøkkeltallene i foretakets regnskap (for eksempel egenkapital, likviditet eller resultat) oppfyller ikke kravene våre for øyeblikket. Dere er velkommen til å søke igjen når nytt regnskap foreligger; søknaden vurderes da på nytt.`,
    },
  },
  {
    code: 'INCOMPLETE_INFORMATION',
    requiresNote: false,
    message: {
      en: `We could not assess the application because information was missing or could not be verified. Contact us to hear what is missing. ${APPLY_AGAIN.en}`,
      sv: `Vi kunde inte bedöma ansökan eftersom uppgifter saknades eller inte gick att kontrollera. Kontakta oss så berättar vi vad som saknas. ${APPLY_AGAIN.sv}`,
      nb: `Vi kunne ikke vurdere søknaden fordi opplysninger manglet eller ikke kunne kontrolleres. Kontakt oss, så forteller vi hva som mangler. ${APPLY_AGAIN.nb}`,
    },
  },
  {
    code: 'OTHER',
    requiresNote: true,
    message: {
      en: `The application was refused for a reason given in the analyst's note. ${APPLY_AGAIN.en}`,
      sv: `Ansökan avslogs av ett skäl som anges i handläggarens anteckning. ${APPLY_AGAIN.sv}`,
      nb: `Søknaden ble avslått av en grunn som står i saksbehandlerens notat. ${APPLY_AGAIN.nb}`,
    },
  },
] as const satisfies readonly AnalystRefusalReasonDefinition[];

export type AnalystRefusalCode = (typeof DEFINITIONS)[number]['code'];

/** In the order the console lists them. */
export const ANALYST_REFUSAL_REASONS: readonly AnalystRefusalReasonDefinition<AnalystRefusalCode>[] = Object.freeze(
  DEFINITIONS.map((definition) => Object.freeze({ ...definition, message: Object.freeze({ ...definition.message }) })),
);

/** Longer than this is a document, not a note; attach it to the case instead. */
export const ANALYST_NOTE_MAX_LENGTH = 2000;

export const AnalystRefusalErrorCode = {
  REASONS_EMPTY: 'ANALYST_REFUSAL_REASONS_EMPTY',
  REASON_UNKNOWN: 'ANALYST_REFUSAL_REASON_UNKNOWN',
  NOTE_REQUIRED: 'ANALYST_REFUSAL_NOTE_REQUIRED',
  NOTE_TOO_LONG: 'ANALYST_REFUSAL_NOTE_TOO_LONG',
} as const;

export interface AnalystRefusal {
  /** In the order given, each code once; OTHER carries the note in its figures. */
  reasons: Reason<AnalystRefusalCode>[];
  /** Trimmed; null when none was written. */
  note: string | null;
}

/** Validates what an analyst chose; a duplicate code counts once. */
export function analystRefusal(codes: readonly string[], note?: string | null): AnalystRefusal {
  if (!Array.isArray(codes) || codes.length === 0) {
    throw new InvalidValueError(AnalystRefusalErrorCode.REASONS_EMPTY, 'Choose at least one reason for the refusal.', 'reasons');
  }
  const known = ANALYST_REFUSAL_REASONS.map((definition) => definition.code);
  const unknown = codes.filter((code) => !(known as readonly string[]).includes(code));
  if (unknown.length > 0) {
    throw new InvalidValueError(
      AnalystRefusalErrorCode.REASON_UNKNOWN,
      `${unknown.map((code) => JSON.stringify(code)).join(', ')} ${unknown.length === 1 ? 'is not a refusal reason' : 'are not refusal reasons'}: use ${known.join(', ')}.`,
      'reasons',
      { unknown },
    );
  }
  const trimmed = typeof note === 'string' ? note.trim() : '';
  if (trimmed.length > ANALYST_NOTE_MAX_LENGTH) {
    throw new InvalidValueError(
      AnalystRefusalErrorCode.NOTE_TOO_LONG,
      `The note has ${trimmed.length} characters; keep it to ${ANALYST_NOTE_MAX_LENGTH} and attach longer texts to the case.`,
      'note',
    );
  }
  const chosen = ANALYST_REFUSAL_REASONS.filter((definition) => codes.includes(definition.code));
  const needingNote = chosen.filter((definition) => definition.requiresNote);
  if (needingNote.length > 0 && trimmed === '') {
    throw new InvalidValueError(
      AnalystRefusalErrorCode.NOTE_REQUIRED,
      `Write a note saying what the reason is: ${needingNote.map((definition) => definition.code).join(', ')} needs one.`,
      'note',
    );
  }
  const order = (code: string) => codes.indexOf(code);
  const reasons = [...chosen]
    .sort((a, b) => order(a.code) - order(b.code))
    .map((definition) => reason(definition.code, { ...definition.message }, definition.requiresNote ? { note: trimmed } : undefined));
  return { reasons, note: trimmed === '' ? null : trimmed };
}
