/**
 * A client's agreement terms (pricing is per client: seed 004, Fortnox) checked against the
 * factor's pricing policy in force. Every problem is returned with its field and a sentence
 * that states what is allowed, so the admin fixes the whole form at once.
 */
import Decimal from 'decimal.js';
import { CountryCode, LocalDate, parseCountryCode } from '@factoring/domain';
import { DatedVersion, versionInForce } from '../policy/dated-setting';
import { Language, Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, decimalInputMessage, FieldName, formatted, moneyFormatted, PERCENT_DECIMALS, readNonNegativeDecimal } from './decimal-input';

export const RECOURSE_MODES = ['WITH_RECOURSE', 'WITHOUT_RECOURSE'] as const; // med / utan regress
export type RecourseMode = (typeof RECOURSE_MODES)[number];
export const SPOT_CHECK_INTENSITIES = ['HIGH', 'NORMAL', 'LOW'] as const; // stickprov: denser for new clients (004)
export type SpotCheckIntensity = (typeof SPOT_CHECK_INTENSITIES)[number];
export const DELIVERY_CHANNELS = ['EMAIL', 'E_INVOICE', 'POST', 'KIVRA'] as const; // seed 000
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Amounts are decimal strings in the client's currency; percentages are "2.5" for 2.5 %. */
export interface AgreementTerms {
  feePercent: string;
  /** Per invoice, on top of the percentage. */
  feeFixed?: string;
  /** The fee is never less than this per invoice. */
  feeMinimum?: string;
  vatRateOnFeePercent: string;
  recourseModes: RecourseMode[];
  creditLimit: string;
  spotCheckIntensity: SpotCheckIntensity;
  deliveryChannel: DeliveryChannel;
}

/** The bounds the factor's pricing policy sets; a dated setting per country. */
export interface AgreementPolicy {
  feePercent: { min: string; max: string };
  feeFixedMax: string;
  feeMinimumMax: string;
  /** The VAT rates that may be charged on the fee, as percentages. */
  vatRatesOnFee: string[];
}

const POLICY_2024: AgreementPolicy = { feePercent: { min: '0.5', max: '10' }, feeFixedMax: '500', feeMinimumMax: '1000', vatRatesOnFee: ['25'] };

/**
 * Typical fees are 2-3 % in Sweden (seed 000) and 2-4 % in Norway (seed 001); the policy's
 * bounds are wider so a salesperson can fit an agreement to the client (seed 004). VAT on the
 * fee is the standard rate in both countries (seed 000 shows 25 % on the fee).
 */
export const DEFAULT_AGREEMENT_POLICY: Readonly<Record<CountryCode, readonly DatedVersion<AgreementPolicy>[]>> = Object.freeze({
  SE: Object.freeze([
    { validFrom: '2024-01-01', value: POLICY_2024, source: "Factor's pricing policy; VAT: mervärdesskattelagen (2023:200), standard rate 25 %" },
  ]),
  NO: Object.freeze([
    { validFrom: '2024-01-01', value: POLICY_2024, source: "Factor's pricing policy; VAT: merverdiavgiftsloven § 5-1, general rate 25 %" },
  ]),
});

/** The policy version in force on `on` for clients in `country` (with its source, to record). */
export function agreementPolicyInForce(
  country: CountryCode,
  on: LocalDate,
  versions: Readonly<Record<CountryCode, readonly DatedVersion<AgreementPolicy>[]>> = DEFAULT_AGREEMENT_POLICY,
): DatedVersion<AgreementPolicy> {
  const code = parseCountryCode(country);
  return versionInForce(`agreement policy (${code})`, versions[code], on.toString());
}

export const AgreementTermsCode = {
  FEE_PERCENT_OUT_OF_RANGE: 'AGREEMENT_FEE_PERCENT_OUT_OF_RANGE',
  FEE_FIXED_TOO_HIGH: 'AGREEMENT_FEE_FIXED_TOO_HIGH',
  FEE_MINIMUM_TOO_HIGH: 'AGREEMENT_FEE_MINIMUM_TOO_HIGH',
  VAT_RATE_NOT_ALLOWED: 'AGREEMENT_VAT_RATE_NOT_ALLOWED',
  RECOURSE_MODES_EMPTY: 'AGREEMENT_RECOURSE_MODES_EMPTY',
  RECOURSE_MODE_UNKNOWN: 'AGREEMENT_RECOURSE_MODE_UNKNOWN',
  RECOURSE_MODES_DUPLICATE: 'AGREEMENT_RECOURSE_MODES_DUPLICATE',
  SPOT_CHECK_INTENSITY_UNKNOWN: 'AGREEMENT_SPOT_CHECK_INTENSITY_UNKNOWN',
  DELIVERY_CHANNEL_UNKNOWN: 'AGREEMENT_DELIVERY_CHANNEL_UNKNOWN',
} as const;

/** A problem with one field; besides the codes above, VALUE_* (see DecimalInputCode) for malformed numbers. */
export interface AgreementTermsProblem extends Reason {
  field: keyof AgreementTerms;
}

export interface AgreementTermsCheck {
  valid: boolean;
  problems: AgreementTermsProblem[];
}

const NAMES: Readonly<Record<'feePercent' | 'feeFixed' | 'feeMinimum' | 'vatRateOnFeePercent' | 'creditLimit', FieldName>> = {
  feePercent: { en: 'the fee', sv: 'avgiften', nb: 'gebyret' },
  feeFixed: { en: 'the fixed fee per invoice', sv: 'den fasta avgiften per faktura', nb: 'det faste gebyret per faktura' },
  feeMinimum: { en: 'the minimum fee per invoice', sv: 'minimiavgiften per faktura', nb: 'minimumsgebyret per faktura' },
  vatRateOnFeePercent: { en: 'the VAT rate on the fee', sv: 'momssatsen på avgiften', nb: 'mva-satsen på gebyret' },
  creditLimit: { en: 'the credit limit', sv: 'kreditlimiten', nb: 'kredittgrensen' },
};

export function validateAgreementTerms(terms: AgreementTerms, policy: AgreementPolicy): AgreementTermsCheck {
  const bounds = readPolicy(policy);
  const problems: AgreementTermsProblem[] = [];
  const problem = (field: keyof AgreementTerms, code: string, message: Record<Language, string>, figures?: Reason['figures']) =>
    problems.push({ ...reason(code, message, figures), field });

  /** The field's value, or null after recording why it is not a usable decimal. */
  const decimal = (field: keyof typeof NAMES, maxDecimals: number, optional = false): Decimal | null => {
    const input = terms[field];
    if (optional && (input === undefined || input === null || input === '')) return null;
    const reading = readNonNegativeDecimal(input, maxDecimals);
    if (reading.ok) return reading.value;
    problem(field, reading.code, decimalInputMessage(reading.code, NAMES[field], input, maxDecimals), { value: input === undefined ? null : String(input) });
    return null;
  };

  const feePercent = decimal('feePercent', PERCENT_DECIMALS);
  if (feePercent && (feePercent.lessThan(bounds.feeMin) || feePercent.greaterThan(bounds.feeMax))) {
    const [min, max, given] = [formatted(bounds.feeMin), formatted(bounds.feeMax), formatted(feePercent)];
    problem(
      'feePercent',
      AgreementTermsCode.FEE_PERCENT_OUT_OF_RANGE,
      {
        en: `The fee must be between ${min.en} % and ${max.en} % of the invoice amount; ${given.en} % is outside it.`,
        sv: `Avgiften ska vara mellan ${min.sv} % och ${max.sv} % av fakturabeloppet; ${given.sv} % ligger utanför.`,
        nb: `Gebyret må være mellom ${min.nb} % og ${max.nb} % av fakturabeløpet; ${given.nb} % er utenfor.`,
      },
      { value: feePercent.toFixed(), min: bounds.feeMin.toFixed(), max: bounds.feeMax.toFixed() },
    );
  }

  const atMost = (field: 'feeFixed' | 'feeMinimum', code: string, max: Decimal) => {
    const value = decimal(field, AMOUNT_DECIMALS, true);
    if (!value || value.lessThanOrEqualTo(max)) return;
    const [limit, given] = [moneyFormatted(max), moneyFormatted(value)];
    const name = NAMES[field];
    problem(
      field,
      code,
      {
        en: `${capitalise(name.en)} must be at most ${limit.en}; ${given.en} is more.`,
        sv: `${capitalise(name.sv)} får vara högst ${limit.sv}; ${given.sv} är mer.`,
        nb: `${capitalise(name.nb)} kan være høyst ${limit.nb}; ${given.nb} er mer.`,
      },
      { value: value.toFixed(), max: max.toFixed() },
    );
  };
  atMost('feeFixed', AgreementTermsCode.FEE_FIXED_TOO_HIGH, bounds.feeFixedMax);
  atMost('feeMinimum', AgreementTermsCode.FEE_MINIMUM_TOO_HIGH, bounds.feeMinimumMax);

  const vatRate = decimal('vatRateOnFeePercent', PERCENT_DECIMALS);
  if (vatRate && !bounds.vatRates.some((rate) => rate.equals(vatRate))) {
    const rates = bounds.vatRates.map(formatted);
    const list = (language: Language, or: string) => {
      const shown = rates.map((rate) => `${rate[language]} %`);
      return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} ${or} ${shown[shown.length - 1]}`;
    };
    const given = formatted(vatRate);
    problem(
      'vatRateOnFeePercent',
      AgreementTermsCode.VAT_RATE_NOT_ALLOWED,
      {
        en: `The VAT rate on the fee must be ${list('en', 'or')}; ${given.en} % is not a rate that applies to the fee.`,
        sv: `Momssatsen på avgiften ska vara ${list('sv', 'eller')}; ${given.sv} % är inte en sats som gäller för avgiften.`,
        nb: `Mva-satsen på gebyret må være ${list('nb', 'eller')}; ${given.nb} % er ikke en sats som gjelder for gebyret.`,
      },
      { value: vatRate.toFixed(), allowed: bounds.vatRates.map((rate) => rate.toFixed()).join(',') },
    );
  }

  checkRecourseModes(terms.recourseModes, problem);
  decimal('creditLimit', AMOUNT_DECIMALS);

  if (!(SPOT_CHECK_INTENSITIES as readonly unknown[]).includes(terms.spotCheckIntensity)) {
    problem('spotCheckIntensity', AgreementTermsCode.SPOT_CHECK_INTENSITY_UNKNOWN, oneOf('The spot-check intensity', 'Stickprovsnivån', 'Stikkprøvenivået', terms.spotCheckIntensity, SPOT_CHECK_INTENSITIES));
  }
  if (!(DELIVERY_CHANNELS as readonly unknown[]).includes(terms.deliveryChannel)) {
    problem('deliveryChannel', AgreementTermsCode.DELIVERY_CHANNEL_UNKNOWN, oneOf('The delivery channel', 'Leveranssättet', 'Leveringskanalen', terms.deliveryChannel, DELIVERY_CHANNELS));
  }
  return { valid: problems.length === 0, problems };
}

function checkRecourseModes(modes: unknown, problem: (field: keyof AgreementTerms, code: string, message: Record<Language, string>, figures?: Reason['figures']) => void): void {
  if (!Array.isArray(modes) || modes.length === 0) {
    problem('recourseModes', AgreementTermsCode.RECOURSE_MODES_EMPTY, {
      en: 'Choose at least one recourse mode: with recourse (the client keeps the credit risk), without recourse, or both.',
      sv: 'Välj minst ett regressalternativ: med regress (kunden behåller kreditrisken), utan regress, eller båda.',
      nb: 'Velg minst ett regressalternativ: med regress (kunden beholder kredittrisikoen), uten regress, eller begge.',
    });
    return;
  }
  const unknown = modes.filter((mode) => !(RECOURSE_MODES as readonly unknown[]).includes(mode));
  if (unknown.length > 0) {
    problem('recourseModes', AgreementTermsCode.RECOURSE_MODE_UNKNOWN, oneOf('A recourse mode', 'Ett regressalternativ', 'Et regressalternativ', unknown[0], RECOURSE_MODES), {
      value: unknown.map(String).join(','),
    });
  }
  const duplicates = modes.filter((mode, i) => modes.indexOf(mode) !== i);
  if (duplicates.length > 0) {
    const shown = [...new Set(duplicates)].join(', ');
    problem(
      'recourseModes',
      AgreementTermsCode.RECOURSE_MODES_DUPLICATE,
      {
        en: `Each recourse mode may be listed once; ${shown} is listed more than once.`,
        sv: `Varje regressalternativ får anges en gång; ${shown} anges flera gånger.`,
        nb: `Hvert regressalternativ kan oppgis én gang; ${shown} er oppgitt flere ganger.`,
      },
      { value: shown },
    );
  }
}

function oneOf(en: string, sv: string, nb: string, given: unknown, allowed: readonly string[]): Record<Language, string> {
  const shown = JSON.stringify(given) ?? String(given);
  const list = allowed.join(', ');
  return {
    en: `${en} must be one of ${list}; ${shown} is not.`,
    sv: `${sv} ska vara något av ${list}; ${shown} är det inte.`,
    nb: `${nb} må være ett av ${list}; ${shown} er det ikke.`,
  };
}

/** A malformed policy is a configuration error, not the admin's: it throws. */
function readPolicy(policy: AgreementPolicy) {
  const read = (value: string, what: string, decimals: number): Decimal => {
    const reading = readNonNegativeDecimal(value, decimals);
    if (!reading.ok) throw new Error(`Agreement policy: ${what} "${value}" is not a non-negative decimal (${reading.code}).`);
    return reading.value;
  };
  const bounds = {
    feeMin: read(policy.feePercent.min, 'feePercent.min', PERCENT_DECIMALS),
    feeMax: read(policy.feePercent.max, 'feePercent.max', PERCENT_DECIMALS),
    feeFixedMax: read(policy.feeFixedMax, 'feeFixedMax', AMOUNT_DECIMALS),
    feeMinimumMax: read(policy.feeMinimumMax, 'feeMinimumMax', AMOUNT_DECIMALS),
    vatRates: policy.vatRatesOnFee.map((rate, i) => read(rate, `vatRatesOnFee[${i}]`, PERCENT_DECIMALS)),
  };
  if (bounds.feeMin.greaterThan(bounds.feeMax)) throw new Error('Agreement policy: feePercent.min is above feePercent.max.');
  if (bounds.vatRates.length === 0) throw new Error('Agreement policy: vatRatesOnFee is empty.');
  return bounds;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
