/**
 * What an invoice's totals should be, computed from its lines. The house rule is "round once",
 * as in pricing: a figure is rounded half up to öre/øre once, where it is made, and sums of
 * rounded figures are exact.
 *
 *   line net = quantity x unitPrice, rounded to öre, per line;
 *   net      = the sum of the line nets;
 *   VAT      = for each VAT rate: (the sum of the nets of the lines at that rate that are not
 *              reverse charge) x rate / 100, rounded to öre once per rate; VAT = the sum of those.
 *              Reverse-charge lines (omvänd moms, seed 000) carry no VAT, whatever rate they name;
 *   gross    = net + VAT + rounding, the rounding (öresavrundning / øreavrunding) as stated on
 *              the invoice, less than 1.00 either way;
 *   payable  = gross - deduction (ROT, RUT or green tech: Swedish tax deductions, seed 000).
 *
 * Amounts are signed: a discount line with a negative quantity or price is computed, not refused
 * here (refusing such lines is the caller's business). Half up means half away from zero.
 */
import Decimal from 'decimal.js';
import { InvalidValueError } from '@factoring/domain';
import { D, DecimalInputCode, decimalInputMessage } from '../onboarding/decimal-input';

export interface InvoiceLine {
  description: string;
  /** Decimal strings, e.g. "1.5" hours at "850.00". */
  quantity: string;
  unitPrice: string;
  /** "25" for 25 %. */
  vatRatePercent: string;
  /** Omvänd moms / omvendt avgiftsplikt: the buyer accounts for the VAT, so the line carries none. */
  reverseCharge: boolean;
}

export interface InvoiceTotals {
  net: string;
  vat: string;
  /** Öresavrundning / øreavrunding; none is 0. */
  rounding?: string;
  gross: string;
}

export const DEDUCTION_KINDS = ['ROT', 'RUT', 'GREEN_TECH'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export interface TotalsInput {
  lines: readonly InvoiceLine[];
  totals: InvoiceTotals;
  deduction?: { kind: DeductionKind; amount: string } | null;
}

export interface VatAtRate {
  /** The rate as written canonically ("25", "12.5"). */
  ratePercent: string;
  /** The nets of the lines at this rate that are not reverse charge. */
  base: Decimal;
  vat: Decimal;
}

export interface ComputedTotals {
  lineNets: Decimal[];
  vatByRate: VatAtRate[];
  net: Decimal;
  vat: Decimal;
  /** As stated (not computed). */
  rounding: Decimal;
  gross: Decimal;
  /** As stated; zero without a deduction. */
  deduction: Decimal;
  payable: Decimal;
}

/** Half up (away from zero) to two decimals: öre and øre. */
export function roundToOre(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function computeTotals(input: TotalsInput): ComputedTotals {
  const lineNets = input.lines.map((line, i) =>
    roundToOre(invoiceDecimal(line.quantity, `invoice.lines[${i}].quantity`).times(invoiceDecimal(line.unitPrice, `invoice.lines[${i}].unitPrice`))),
  );
  const bases = new Map<string, Decimal>();
  input.lines.forEach((line, i) => {
    const rate = invoiceDecimal(line.vatRatePercent, `invoice.lines[${i}].vatRatePercent`);
    if (line.reverseCharge) return;
    // Keyed by the canonical number, so "25" and "25.00" are one rate.
    const key = rate.toFixed();
    bases.set(key, (bases.get(key) ?? new D(0)).plus(lineNets[i]));
  });
  const vatByRate = [...bases]
    .sort(([a], [b]) => new D(a).comparedTo(new D(b)))
    .map(([ratePercent, base]) => ({ ratePercent, base, vat: roundToOre(base.times(ratePercent).dividedBy(100)) }));

  const net = lineNets.reduce((sum, value) => sum.plus(value), new D(0));
  const vat = vatByRate.reduce((sum, rate) => sum.plus(rate.vat), new D(0));
  const rounding = optionalInvoiceDecimal(input.totals.rounding, 'invoice.totals.rounding');
  const gross = net.plus(vat).plus(rounding);
  const deduction = input.deduction ? invoiceDecimal(input.deduction.amount, 'invoice.deduction.amount') : new D(0);
  return { lineNets, vatByRate, net, vat, rounding, gross, deduction, payable: gross.minus(deduction) };
}

const PLAIN = /^-?\d+(\.\d+)?$/;
const MAX_INTEGER_DIGITS = 15;

/**
 * A signed decimal from the client's program. A string that is not a number at all is not an
 * invoice the rules can judge: it throws (BAD_USER_INPUT on the field), as the pricing rules do.
 */
export function invoiceDecimal(input: unknown, field: string): Decimal {
  let code: DecimalInputCode | null = null;
  if (input === undefined || input === null || input === '') code = DecimalInputCode.MISSING;
  else if (typeof input !== 'string' || !PLAIN.test(input)) code = DecimalInputCode.NOT_A_DECIMAL;
  else if (input.replace(/^-/, '').split('.')[0].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) code = DecimalInputCode.TOO_LARGE;
  if (code === null) return new D(input as string);
  const name = field.replace(/^invoice\./, '');
  const message = decimalInputMessage(code, { en: name, sv: name, nb: name }, input, 20).en;
  throw new InvalidValueError(code, message, field, { value: input });
}

function optionalInvoiceDecimal(input: unknown, field: string): Decimal {
  return input === undefined || input === null || input === '' ? new D(0) : invoiceDecimal(input, field);
}
