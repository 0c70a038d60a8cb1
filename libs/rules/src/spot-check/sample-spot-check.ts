/**
 * Is this accepted invoice picked for a spot check? Deterministic: the draw comes from a hash of
 * the invoice id and the settings' version (see draw.ts), so the same invoice under the same
 * rules always gets the same answer, and any past answer can be replayed. The credit decision
 * takes the result as input and stays a pure function of its input.
 */
import Decimal from 'decimal.js';
import { InvalidValueError } from '@factoring/domain';
import { DatedVersion } from '../policy/dated-setting';
import { Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, D, formatted, moneyFormatted, nonNegativeDecimalOrThrow } from '../onboarding/decimal-input';
import { deterministicDraw, DRAW_DECIMALS } from './draw';
import { percent, SHARE_DECIMALS } from './setting-checks';
import { assertValidSpotCheckSettings, SPOT_CHECK_INTENSITIES, SpotCheckIntensity, SpotCheckSettings } from './spot-check-settings';

export const SpotCheckReasonCode = {
  /** Always given: the client's n-th invoice, its base rate on the curve, scaled by the agreement's intensity. */
  RATE_FOR_ORDINAL: 'SPOT_CHECK_RATE_FOR_ORDINAL',
  /** The debtor is new to the factor: the rate is raised to the new-debtor minimum. */
  NEW_DEBTOR: 'SPOT_CHECK_NEW_DEBTOR',
  /** The amount is at or above the threshold: the rate is raised to the large-amount minimum. */
  LARGE_AMOUNT: 'SPOT_CHECK_LARGE_AMOUNT',
  SELECTED: 'SPOT_CHECK_SELECTED',
  NOT_SELECTED: 'SPOT_CHECK_NOT_SELECTED',
} as const;
export type SpotCheckReasonCode = (typeof SpotCheckReasonCode)[keyof typeof SpotCheckReasonCode];

export interface SpotCheckInput {
  invoiceId: string;
  /** 1 for the client's first sold invoice. */
  clientInvoiceOrdinal: number;
  /** The payable, a decimal string in the client's currency. */
  amount: string;
  /** No invoice to this debtor has been bought before (from any client). */
  debtorIsNew: boolean;
  /** From the client's agreement. */
  intensity: SpotCheckIntensity;
}

export interface SpotCheckResult {
  selected: boolean;
  /** The probability used, 6 decimals ("0.142500"). */
  rate: string;
  reasons: Reason<SpotCheckReasonCode>[];
  /** The deterministic number in [0, 1) compared with the rate (10 decimals): selected when draw < rate. */
  draw: string;
  /** The settings' validFrom: part of the hashed text, so a new version draws anew. */
  rulesVersion: string;
}

/** The rate for the client's `ordinal`-th invoice at `intensity`, before risk triggers (6 decimals). */
export function expectedSpotCheckRate(ordinal: number, intensity: SpotCheckIntensity, settings: SpotCheckSettings): string {
  assertValidSpotCheckSettings(settings);
  checkOrdinal(ordinal);
  checkIntensity(intensity);
  return scaledRate(ordinal, intensity, settings).toFixed(SHARE_DECIMALS);
}

/**
 * 0.5 ^ (k / H) is computed as 0.5 ^ q times (0.5 ^ (1 / H)) ^ r, where k = qH + r: whole powers
 * only, with the H-th root of 0.5 computed once per half-life (a fractional power in decimal.js
 * costs half a millisecond). At 24 significant digits the result is exact far beyond the 6
 * decimals the rate is rounded to, and the same on every machine, which Math.pow does not promise.
 */
const CURVE = D.clone({ precision: 24 });
const HALF_ROOTS = new Map<number, Decimal>();

function halfToThePowerOf(numerator: number, denominator: number): Decimal {
  let root = HALF_ROOTS.get(denominator);
  if (!root) {
    root = new CURVE(0.5).pow(new CURVE(1).dividedBy(denominator));
    if (HALF_ROOTS.size < 100) HALF_ROOTS.set(denominator, root);
  }
  const whole = Math.floor(numerator / denominator);
  return new CURVE(0.5).pow(whole).times(root.pow(numerator - whole * denominator));
}

/** The curve before intensity: 1 for the first invoices, then halving towards the floor. */
function baseRate(ordinal: number, settings: SpotCheckSettings): Decimal {
  if (ordinal <= settings.alwaysCheckFirst) return new D(1);
  const floor = new D(settings.floorRate);
  const halving = new D(halfToThePowerOf(ordinal - settings.alwaysCheckFirst, settings.halfLifeInvoices));
  return floor.plus(new D(1).minus(floor).times(halving));
}

function scaledRate(ordinal: number, intensity: SpotCheckIntensity, settings: SpotCheckSettings): Decimal {
  return D.min(1, baseRate(ordinal, settings).times(settings.intensityFactor[intensity])).toDecimalPlaces(SHARE_DECIMALS, Decimal.ROUND_HALF_UP);
}

/** Whether the invoice is picked for a spot check, with the rate, the draw and every reason. */
export function sampleSpotCheck(input: SpotCheckInput, settings: DatedVersion<SpotCheckSettings>): SpotCheckResult {
  const value = settings.value;
  assertValidSpotCheckSettings(value);
  if (typeof input.invoiceId !== 'string' || input.invoiceId.trim() === '') {
    throw new InvalidValueError('SPOT_CHECK_INVOICE_ID_MISSING', 'The invoice id is needed for the spot-check draw.', 'invoiceId');
  }
  checkOrdinal(input.clientInvoiceOrdinal);
  checkIntensity(input.intensity);
  const amount = nonNegativeDecimalOrThrow(input.amount, 'amount', 'the amount', AMOUNT_DECIMALS);

  const ordinal = input.clientInvoiceOrdinal;
  const scaled = scaledRate(ordinal, input.intensity, value);
  const reasons: Reason<SpotCheckReasonCode>[] = [];
  const [rateShown, floorShown] = [percent(scaled), percent(new D(value.floorRate))];
  const factor = formatted(new D(value.intensityFactor[input.intensity]));
  reasons.push(
    reason(
      SpotCheckReasonCode.RATE_FOR_ORDINAL,
      ordinal <= value.alwaysCheckFirst
        ? {
            en: `This is invoice no. ${ordinal} the client sells; the first ${value.alwaysCheckFirst} are always in the check. With the agreement's ${input.intensity} intensity (×${factor.en}) the rate is ${rateShown.en}.`,
            sv: `Detta är faktura nr ${ordinal} som kunden säljer; de första ${value.alwaysCheckFirst} kontrolleras alltid. Med avtalets intensitet ${input.intensity} (×${factor.sv}) är andelen ${rateShown.sv}.`,
            nb: `Dette er faktura nr. ${ordinal} kunden selger; de første ${value.alwaysCheckFirst} kontrolleres alltid. Med avtalens intensitet ${input.intensity} (×${factor.nb}) er andelen ${rateShown.nb}.`,
          }
        : {
            en: `This is invoice no. ${ordinal} the client sells; spot checks thin out as a client sells more, towards ${floorShown.en}. With the agreement's ${input.intensity} intensity (×${factor.en}) the rate is ${rateShown.en}.`,
            sv: `Detta är faktura nr ${ordinal} som kunden säljer; stickproven glesas ut ju fler fakturor kunden säljer, mot ${floorShown.sv}. Med avtalets intensitet ${input.intensity} (×${factor.sv}) är andelen ${rateShown.sv}.`,
            nb: `Dette er faktura nr. ${ordinal} kunden selger; stikkprøvene blir sjeldnere jo flere fakturaer kunden selger, mot ${floorShown.nb}. Med avtalens intensitet ${input.intensity} (×${factor.nb}) er andelen ${rateShown.nb}.`,
          },
      {
        clientInvoiceOrdinal: ordinal,
        alwaysCheckFirst: value.alwaysCheckFirst,
        halfLifeInvoices: value.halfLifeInvoices,
        floorRate: value.floorRate,
        intensity: input.intensity,
        intensityFactor: value.intensityFactor[input.intensity],
        rate: scaled.toFixed(SHARE_DECIMALS),
      },
    ),
  );

  let rate = scaled;
  if (input.debtorIsNew) {
    const minimum = new D(value.newDebtorMinimumRate);
    rate = D.max(rate, minimum);
    const shownMin = percent(minimum);
    reasons.push(
      reason(
        SpotCheckReasonCode.NEW_DEBTOR,
        {
          en: `The factor has not bought an invoice to this debtor before, so the rate is at least ${shownMin.en}.`,
          sv: `Vi har inte köpt någon faktura till den här fakturamottagaren tidigare, så andelen är minst ${shownMin.sv}.`,
          nb: `Vi har ikke kjøpt noen faktura til denne fakturamottakeren før, så andelen er minst ${shownMin.nb}.`,
        },
        { newDebtorMinimumRate: value.newDebtorMinimumRate },
      ),
    );
  }
  const threshold = new D(value.largeAmountThreshold);
  if (amount.greaterThanOrEqualTo(threshold)) {
    const minimum = new D(value.largeAmountMinimumRate);
    rate = D.max(rate, minimum);
    const [shownMin, shownAmount, shownThreshold] = [percent(minimum), moneyFormatted(amount), moneyFormatted(threshold)];
    reasons.push(
      reason(
        SpotCheckReasonCode.LARGE_AMOUNT,
        {
          en: `The amount ${shownAmount.en} is at or above ${shownThreshold.en}, so the rate is at least ${shownMin.en}.`,
          sv: `Beloppet ${shownAmount.sv} är minst ${shownThreshold.sv}, så andelen är minst ${shownMin.sv}.`,
          nb: `Beløpet ${shownAmount.nb} er minst ${shownThreshold.nb}, så andelen er minst ${shownMin.nb}.`,
        },
        { amount: amount.toFixed(2), largeAmountThreshold: threshold.toFixed(2), largeAmountMinimumRate: value.largeAmountMinimumRate },
      ),
    );
  }
  rate = rate.toDecimalPlaces(SHARE_DECIMALS, Decimal.ROUND_HALF_UP);

  const draw = deterministicDraw(drawText(input.invoiceId, settings.validFrom));
  const selected = draw.lessThan(rate);
  const [finalRate, drawn] = [percent(rate), formatted(draw)];
  const figures = { rate: rate.toFixed(SHARE_DECIMALS), draw: draw.toFixed(DRAW_DECIMALS), rulesVersion: settings.validFrom };
  reasons.push(
    selected
      ? reason(
          SpotCheckReasonCode.SELECTED,
          {
            en: `Picked for a spot check: the draw ${drawn.en} is below the rate ${finalRate.en}. The factor will contact the debtor to confirm the invoice; the decision may take a day longer.`,
            sv: `Utvald för stickprovskontroll: dragningen ${drawn.sv} är lägre än andelen ${finalRate.sv}. Vi kontaktar fakturamottagaren för att stämma av fakturan; beslutet kan dröja någon dag.`,
            nb: `Valgt ut til stikkprøvekontroll: trekningen ${drawn.nb} er lavere enn andelen ${finalRate.nb}. Vi kontakter fakturamottakeren for å bekrefte fakturaen; avgjørelsen kan ta en dag ekstra.`,
          },
          figures,
        )
      : reason(
          SpotCheckReasonCode.NOT_SELECTED,
          {
            en: `Not picked for a spot check: the draw ${drawn.en} is not below the rate ${finalRate.en}.`,
            sv: `Inte utvald för stickprovskontroll: dragningen ${drawn.sv} är inte lägre än andelen ${finalRate.sv}.`,
            nb: `Ikke valgt ut til stikkprøvekontroll: trekningen ${drawn.nb} er ikke lavere enn andelen ${finalRate.nb}.`,
          },
          figures,
        ),
  );
  return { selected, rate: rate.toFixed(SHARE_DECIMALS), reasons, draw: draw.toFixed(DRAW_DECIMALS), rulesVersion: settings.validFrom };
}

/** The hashed text: a fixed label, the rule version and the invoice id. */
export function drawText(invoiceId: string, rulesVersion: string): string {
  return `spot-check|${rulesVersion}|${invoiceId}`;
}

export interface AchievedRate {
  total: number;
  selected: number;
  /** selected / total with 6 decimals; null when there are no decisions yet. */
  rate: string | null;
}

/** The share of decisions that were picked, for the console's "achieved rate per client". */
export function achievedRate(decisions: readonly { selected: boolean }[]): AchievedRate {
  const total = decisions.length;
  const selected = decisions.filter((decision) => decision.selected === true).length;
  return { total, selected, rate: total === 0 ? null : new D(selected).dividedBy(total).toFixed(SHARE_DECIMALS, Decimal.ROUND_HALF_UP) };
}

function checkOrdinal(ordinal: unknown): asserts ordinal is number {
  if (typeof ordinal !== 'number' || !Number.isSafeInteger(ordinal) || ordinal < 1) {
    throw new InvalidValueError(
      'SPOT_CHECK_ORDINAL_INVALID',
      `The client's invoice ordinal must be a whole number from 1 (the client's first sold invoice); ${JSON.stringify(ordinal) ?? String(ordinal)} is not.`,
      'clientInvoiceOrdinal',
      { value: typeof ordinal === 'number' ? ordinal : String(ordinal) },
    );
  }
}

function checkIntensity(intensity: unknown): asserts intensity is SpotCheckIntensity {
  if (!(SPOT_CHECK_INTENSITIES as readonly unknown[]).includes(intensity)) {
    throw new InvalidValueError('SPOT_CHECK_INTENSITY_UNKNOWN', `The intensity must be one of ${SPOT_CHECK_INTENSITIES.join(', ')}; ${String(intensity)} is not.`, 'intensity', {
      value: String(intensity),
    });
  }
}
