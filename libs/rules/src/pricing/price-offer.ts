/**
 * The offer shown before a client sells an invoice (seed 004: "current fees and how much you
 * will get paid"; seed 001: "Umiddelbar betaling").
 *
 * The rule:
 *   fee    = max(amount x feePercent / 100 + feeFixed, feeMinimum), rounded ONCE to öre, half up;
 *   VAT    = fee x vatRateOnFeePercent / 100, rounded ONCE to öre, half up;
 *   payout = amount - fee - VAT, exactly (no further rounding: every part is already in öre).
 * Rounding once, at the end of each figure, is what makes fee + VAT + payout equal the invoice
 * amount to the öre and lets the client book exactly what we pay (seed 000: 100 kr at 2 %:
 * fee 2.00 on account 6064, VAT 0.50 on 2641, payout 97.50).
 */
import { InvalidValueError, Money } from '@factoring/domain';
import { AMOUNT_DECIMALS, nonNegativeDecimalOrThrow, PERCENT_DECIMALS } from '../onboarding/decimal-input';

export interface OfferTerms {
  feePercent: string;
  feeFixed?: string | null;
  feeMinimum?: string | null;
  vatRateOnFeePercent: string;
}

export interface Offer {
  fee: Money;
  vatOnFee: Money;
  payout: Money;
  /** Everything the offer was computed from, as text, so it can be explained and recomputed later. */
  figures: {
    amount: string;
    currency: string;
    feePercent: string;
    feeFixed: string;
    feeMinimum: string;
    /** amount x feePercent / 100 + feeFixed, unrounded. */
    feeBeforeMinimum: string;
    minimumApplied: boolean;
    vatRateOnFeePercent: string;
    fee: string;
    vatOnFee: string;
    payout: string;
  };
}

export const OfferErrorCode = {
  AMOUNT_NOT_POSITIVE: 'OFFER_AMOUNT_NOT_POSITIVE',
  AMOUNT_NOT_IN_MINOR_UNITS: 'OFFER_AMOUNT_NOT_IN_MINOR_UNITS',
  /** The fee and its VAT would take the whole amount: a minimum fee on a small invoice. */
  NOTHING_TO_PAY_OUT: 'OFFER_NOTHING_TO_PAY_OUT',
} as const;

export function priceOffer(input: { amount: Money; terms: OfferTerms }): Offer {
  const { amount, terms } = input;
  if (!amount.isPositive()) {
    throw new InvalidValueError(OfferErrorCode.AMOUNT_NOT_POSITIVE, `An invoice to sell must have an amount above zero, not ${amount.toString()} ${amount.currency}.`, 'amount');
  }
  if (!amount.isRoundedToMinorUnit()) {
    throw new InvalidValueError(OfferErrorCode.AMOUNT_NOT_IN_MINOR_UNITS, `An invoice amount has at most two decimals (whole öre or øre); ${amount.amountString} ${amount.currency} has more.`, 'amount');
  }
  const feePercent = nonNegativeDecimalOrThrow(terms.feePercent, 'terms.feePercent', 'the fee', PERCENT_DECIMALS);
  const feeFixed = optionalAmount(terms.feeFixed, 'terms.feeFixed', 'the fixed fee per invoice');
  const feeMinimum = optionalAmount(terms.feeMinimum, 'terms.feeMinimum', 'the minimum fee per invoice');
  const vatRate = nonNegativeDecimalOrThrow(terms.vatRateOnFeePercent, 'terms.vatRateOnFeePercent', 'the VAT rate on the fee', PERCENT_DECIMALS);

  const currency = amount.currency;
  const feeBeforeMinimum = Money.percentageOf(amount, feePercent.toFixed()).plus(Money.of(feeFixed, currency));
  const minimum = Money.of(feeMinimum, currency);
  const minimumApplied = feeBeforeMinimum.compare(minimum) < 0;
  const fee = (minimumApplied ? minimum : feeBeforeMinimum).roundToMinorUnit();
  const vatOnFee = Money.percentageOf(fee, vatRate.toFixed()).roundToMinorUnit();
  const payout = amount.minus(fee).minus(vatOnFee);

  if (!payout.isPositive()) {
    throw new InvalidValueError(
      OfferErrorCode.NOTHING_TO_PAY_OUT,
      `The fee ${fee.toString()} and VAT ${vatOnFee.toString()} would take the whole invoice amount of ${amount.toString()} ${currency}: there is nothing to pay out.`,
      'amount',
      { amount: amount.toString(), fee: fee.toString(), vatOnFee: vatOnFee.toString() },
    );
  }
  return {
    fee,
    vatOnFee,
    payout,
    figures: {
      amount: amount.amountString,
      currency,
      feePercent: feePercent.toFixed(),
      feeFixed,
      feeMinimum,
      feeBeforeMinimum: feeBeforeMinimum.amountString,
      minimumApplied,
      vatRateOnFeePercent: vatRate.toFixed(),
      fee: fee.amountString,
      vatOnFee: vatOnFee.amountString,
      payout: payout.amountString,
    },
  };
}

function optionalAmount(value: string | null | undefined, field: string, name: string): string {
  if (value === undefined || value === null || value === '') return '0.00';
  return nonNegativeDecimalOrThrow(value, field, name, AMOUNT_DECIMALS).toFixed(2);
}
