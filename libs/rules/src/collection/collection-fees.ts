/**
 * Which fee a collection step may charge (issue 15 s.2).
 *
 * Sweden, lag (1981:739) om ersättning för inkassokostnader m.m. (in the wording of SFS 2013:56;
 * riksdagen.se, "Lag (1981:739) om ersättning för inkassokostnader m.m."):
 *  - 2 §: a written reminder is paid for only if that was agreed at the latest when the debt
 *    arose (the invoice says so: `reminderFeeAgreedAtOrigin`);
 *  - 3 § 1 and 2: a collection demand (inkassokrav) and a payment plan (amorteringsplan);
 *  - 4 §: at most 60, 180 and 170 kronor (the amounts are data: collection_law_rate);
 *  - 4 a §: between businesses, a creditor entitled to late interest also gets a
 *    förseningsersättning of 450 kronor. DOMAIN.md: it excludes the reminder and collection
 *    fees (the act lets those be charged only in so far as they exceed it; as 60 + 180 + 170 is
 *    less than 450, none is charged here).
 *  One of each per claim (DOMAIN.md, summarising imy.se).
 *
 * Norway (2025 figures, DOMAIN.md summarising kred.no): purregebyr and the fee for an
 * inkassovarsel, betalingsoppfordring, and for business debtors the standardkompensasjon of
 * forsinkelsesrenteloven § 3a (FOR-2024-12-19-3279 § 2: 470 kr). The same "one of each per claim"
 * and "the compensation excludes the reminder and collection fees" is applied in Norway as the
 * issue's policy (not a quotation of the Norwegian rules).
 *
 * Norway: a purregebyr, and a fee on an inkassovarsel, only when the letter is sent at least 14
 * days after the due date (inkassoforskriften §§ 1-2 and 1-3, as summarised by kontohjelp.no and
 * orklacredit.no; the regulation's own text was not read here).
 *
 * A fee is charged only for a letter actually sent (issue 15, "a fee is charged only for a
 * reminder actually sent"), at the amount in force on the day it was sent.
 */
import { CountryCode, LocalDate } from '@factoring/domain';
import Decimal from 'decimal.js';
import { reason, Reason } from '../reason';
import { moneyFormatted } from '../onboarding/decimal-input';
import { CollectionFeeKind, CollectionRate, collectionRateInForce } from './collection-rates';

/** Norway: a purregebyr or inkassovarsel fee only from 14 days after the due date (inkassoforskriften §§ 1-2, 1-3). */
export const NO_REMINDER_FEE_DAYS_AFTER_DUE = 14;

/** The letters of the schedule, plus a payment plan agreed with the debtor. */
export type CollectionStep = 'REMINDER' | 'SECOND_REMINDER' | 'COLLECTION_WARNING' | 'COLLECTION' | 'PAYMENT_PLAN';

const FEE_OF_STEP: Record<CountryCode, Partial<Record<CollectionStep, CollectionFeeKind>>> = {
  SE: { REMINDER: 'REMINDER_FEE', SECOND_REMINDER: 'REMINDER_FEE', COLLECTION: 'COLLECTION_DEMAND_FEE', PAYMENT_PLAN: 'PAYMENT_PLAN_FEE' },
  NO: { REMINDER: 'REMINDER_FEE', SECOND_REMINDER: 'REMINDER_FEE', COLLECTION_WARNING: 'COLLECTION_WARNING_FEE', COLLECTION: 'PAYMENT_DEMAND_FEE' },
};

export interface FeeQuestion {
  country: CountryCode;
  step: CollectionStep;
  /** The invoice's due date (YYYY-MM-DD). */
  dueDate: string;
  /** The debtor is a business (näringsidkare / næringsdrivende) or a public body. */
  debtorIsBusiness: boolean;
  /** SE: a reminder fee was agreed when the debt arose (the invoice input says so). */
  reminderFeeAgreedAtOrigin: boolean;
  /** The step's letter was actually sent (delivered as a document). */
  sentOn: string | null;
  /** Fees already charged on this claim. */
  alreadyCharged: readonly CollectionFeeKind[];
  rates: readonly CollectionRate[];
}

export type CollectionFeeCode =
  | 'FEE_CHARGED'
  | 'FEE_LATE_PAYMENT_COMPENSATION'
  | 'FEE_NONE_FOR_STEP'
  | 'FEE_REFUSED_NOT_SENT'
  | 'FEE_REFUSED_NOT_AGREED'
  | 'FEE_REFUSED_TOO_EARLY'
  | 'FEE_REFUSED_ONE_PER_CLAIM'
  | 'FEE_EXCLUDED_BY_COMPENSATION';

export interface FeeDecision {
  fee: { kind: CollectionFeeKind; amount: string; validFrom: string; source: string } | null;
  reasons: Reason<CollectionFeeCode>[];
}

const none = (r: Reason<CollectionFeeCode>): FeeDecision => ({ fee: null, reasons: [r] });

/** The fee this step may charge, if any. Throws CollectionRateNotInForceError when the law's amount is missing for the day. */
export function collectionFee(question: FeeQuestion): FeeDecision {
  const { country, step } = question;
  const stepFee = FEE_OF_STEP[country][step];
  if (!stepFee) {
    return none(
      reason('FEE_NONE_FOR_STEP', { en: 'This step carries no fee.', sv: 'Det här steget har ingen avgift.', nb: 'Dette steget har ikke noe gebyr.' }, { country, step }),
    );
  }
  if (!question.sentOn) {
    return none(
      reason(
        'FEE_REFUSED_NOT_SENT',
        {
          en: 'No fee: the letter has not been sent.',
          sv: 'Ingen avgift: brevet har inte skickats.',
          nb: 'Ikke noe gebyr: brevet er ikke sendt.',
        },
        { step },
      ),
    );
  }
  const charged = new Set(question.alreadyCharged);

  if (question.debtorIsBusiness) {
    if (charged.has('LATE_PAYMENT_COMPENSATION')) {
      return none(
        reason(
          'FEE_EXCLUDED_BY_COMPENSATION',
          {
            en: 'No fee: the compensation for late payment already charged covers the reminder and collection fees.',
            sv: 'Ingen avgift: den förseningsersättning som redan debiterats täcker påminnelse- och inkassoavgifterna.',
            nb: 'Ikke noe gebyr: standardkompensasjonen som allerede er belastet dekker purre- og inkassogebyrene.',
          },
          { step, excluded: stepFee },
        ),
      );
    }
    const rate = collectionRateInForce(question.rates, country, 'LATE_PAYMENT_COMPENSATION', question.sentOn);
    const shown = feeText(rate.value, country);
    return {
      fee: { kind: 'LATE_PAYMENT_COMPENSATION', amount: rate.value, validFrom: rate.validFrom, source: rate.source },
      reasons: [
        reason(
          'FEE_LATE_PAYMENT_COMPENSATION',
          {
            en: `Compensation for late payment ${shown.en}: the debtor is a business. It replaces the reminder and collection fees.`,
            sv: `Förseningsersättning ${shown.sv}: fakturamottagaren är näringsidkare. Den ersätter påminnelse- och inkassoavgifterna.`,
            nb: `Standardkompensasjon ${shown.nb}: fakturamottakeren er næringsdrivende. Den erstatter purre- og inkassogebyrene.`,
          },
          { amount: rate.value, validFrom: rate.validFrom },
        ),
      ],
    };
  }

  if (country === 'SE' && stepFee === 'REMINDER_FEE' && !question.reminderFeeAgreedAtOrigin) {
    return none(
      reason(
        'FEE_REFUSED_NOT_AGREED',
        {
          en: 'No reminder fee: it was not agreed when the debt arose.',
          sv: 'Ingen påminnelseavgift: den avtalades inte när skulden uppkom.',
          nb: 'Ikke noe purregebyr: det ble ikke avtalt da gjelden oppsto.',
        },
        { step },
      ),
    );
  }
  if (country === 'NO' && (stepFee === 'REMINDER_FEE' || stepFee === 'COLLECTION_WARNING_FEE')) {
    const earliest = LocalDate.parse(question.dueDate, 'dueDate').plusDays(NO_REMINDER_FEE_DAYS_AFTER_DUE);
    if (LocalDate.parse(question.sentOn, 'sentOn').isBefore(earliest)) {
      return none(
        reason(
          'FEE_REFUSED_TOO_EARLY',
          {
            en: `No fee: the letter was sent less than ${NO_REMINDER_FEE_DAYS_AFTER_DUE} days after the due date.`,
            sv: `Ingen avgift: brevet skickades mindre än ${NO_REMINDER_FEE_DAYS_AFTER_DUE} dagar efter förfallodagen.`,
            nb: `Ikke noe gebyr: brevet ble sendt mindre enn ${NO_REMINDER_FEE_DAYS_AFTER_DUE} dager etter forfall.`,
          },
          { step, earliest: earliest.toString() },
        ),
      );
    }
  }
  if (charged.has(stepFee)) {
    return none(
      reason(
        'FEE_REFUSED_ONE_PER_CLAIM',
        {
          en: 'No fee: this fee has already been charged on the claim once.',
          sv: 'Ingen avgift: den här avgiften har redan tagits ut en gång för fordran.',
          nb: 'Ikke noe gebyr: dette gebyret er allerede belastet én gang for kravet.',
        },
        { step, kind: stepFee },
      ),
    );
  }
  const rate = collectionRateInForce(question.rates, country, stepFee, question.sentOn);
  const shown = feeText(rate.value, country);
  return {
    fee: { kind: stepFee, amount: rate.value, validFrom: rate.validFrom, source: rate.source },
    reasons: [
      reason(
        'FEE_CHARGED',
        { en: `Fee ${shown.en} for the letter sent.`, sv: `Avgift ${shown.sv} för det skickade brevet.`, nb: `Gebyr ${shown.nb} for brevet som ble sendt.` },
        { kind: stepFee, amount: rate.value, validFrom: rate.validFrom },
      ),
    ],
  };
}

/** A fee in its country's currency, the reader's way: "SEK 450.00" / "450,00 SEK". */
function feeText(value: string, country: CountryCode) {
  return moneyFormatted(new Decimal(value), country === 'SE' ? 'SEK' : 'NOK');
}
