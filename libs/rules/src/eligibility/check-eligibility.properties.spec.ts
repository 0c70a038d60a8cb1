// Property tests for checkEligibility. The totals are computed here independently of the code
// under test: in whole öre with BigInt, from integer quantities and prices.
import fc from 'fast-check';
import { CountryCode } from '@factoring/domain';
import { checkEligibility, EligibilityReasonCode, EligibilityResult, SuspectedDuplicate } from './check-eligibility';
import { InvoiceLine } from './invoice-totals';
import { input, SETTINGS, TODAY } from './spec-helpers';

/** A decimal string from integer units at `scale` decimals: (12345n, 2) is "123.45". */
function decimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
const ore = (units: bigint) => decimal(units, 2);
/** numerator / denominator rounded half up, for non-negative numbers. */
const halfUp = (numerator: bigint, denominator: bigint) => (2n * numerator + denominator) / (2n * denominator);

const RATES: Record<string, [bigint, number]> = { '0': [0n, 0], '6': [6n, 0], '12': [12n, 0], '15': [15n, 0], '25': [25n, 0], '25.00': [2500n, 2], '12.5': [125n, 1] };

interface GeneratedLine {
  quantity: [bigint, number];
  unitPrice: [bigint, number];
  rate: string;
  reverseCharge: boolean;
}

const generatedLine: fc.Arbitrary<GeneratedLine> = fc.record({
  quantity: fc.tuple(fc.bigInt({ min: 0n, max: 100_000n }), fc.integer({ min: 0, max: 3 })),
  unitPrice: fc.tuple(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.integer({ min: 0, max: 4 })),
  rate: fc.constantFrom(...Object.keys(RATES)),
  reverseCharge: fc.boolean(),
});

interface Totals {
  lines: InvoiceLine[];
  net: bigint;
  vat: bigint;
  rounding: bigint;
  gross: bigint;
  deduction: bigint | null;
  payable: bigint;
}

/** The house rule, in öre: line nets rounded, VAT rounded once per rate (by value), none on reverse charge. */
function correctTotals(generated: GeneratedLine[], rounding: bigint, deductionShare: number | null): Totals {
  const lines = generated.map((g) => ({
    description: 'line',
    quantity: decimal(...g.quantity),
    unitPrice: decimal(...g.unitPrice),
    vatRatePercent: g.rate,
    reverseCharge: g.reverseCharge,
  }));
  const nets = generated.map((g) => halfUp(g.quantity[0] * g.unitPrice[0] * 100n, 10n ** BigInt(g.quantity[1] + g.unitPrice[1])));
  const bases = new Map<string, bigint>();
  generated.forEach((g, i) => {
    if (g.reverseCharge) return;
    const [units, scale] = RATES[g.rate];
    const key = `${units * 10n ** BigInt(4 - scale)}`; // "25" and "25.00" are one rate
    bases.set(key, (bases.get(key) ?? 0n) + nets[i]);
  });
  const vat = [...bases].reduce((sum, [rate, base]) => sum + halfUp(base * BigInt(rate), 100n * 10_000n), 0n);
  const net = nets.reduce((sum, n) => sum + n, 0n);
  const gross = net + vat + rounding;
  const deduction = deductionShare === null || gross <= 0n ? null : (gross * BigInt(Math.round(deductionShare * 1000))) / 1000n;
  return { lines, net, vat, rounding, gross, deduction, payable: gross - (deduction ?? 0n) };
}

const invoiceOf = (totals: Totals, changes: Partial<Record<'net' | 'vat' | 'gross' | 'payable', bigint>> = {}) => ({
  lines: totals.lines,
  totals: { net: ore(changes.net ?? totals.net), vat: ore(changes.vat ?? totals.vat), rounding: ore(totals.rounding), gross: ore(changes.gross ?? totals.gross) },
  deduction: totals.deduction === null ? null : { kind: 'RUT' as const, amount: ore(totals.deduction) },
  payable: ore(changes.payable ?? totals.payable),
});

const country = fc.constantFrom<CountryCode>('SE', 'NO');
const generatedInvoice = fc.record({
  lines: fc.array(generatedLine, { minLength: 1, maxLength: 12 }),
  rounding: fc.bigInt({ min: -99n, max: 99n }),
  deductionShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

const codes = (result: EligibilityResult) => result.reasons.map((r) => r.code);
const TOTALS_CODES: string[] = ['TOTALS_DO_NOT_ADD_UP', 'ROUNDING_TOO_LARGE', 'DEDUCTION_NEGATIVE', 'DEDUCTION_EXCEEDS_GROSS'];

describe('checkEligibility properties', () => {
  it('never refuses an invoice whose totals follow the house rule for its totals', () => {
    fc.assert(
      fc.property(generatedInvoice, ({ lines, rounding, deductionShare }) => {
        const totals = correctTotals(lines, rounding, deductionShare);
        const result = checkEligibility(input({ country: 'SE', invoice: invoiceOf(totals) }), SETTINGS.SE);
        // Only the amount can fail: random lines may come to 200 or less.
        expect(codes(result).filter((code) => code !== 'AMOUNT_TOO_SMALL')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('always refuses for totals when one total is changed by more than the tolerance, and names that total', () => {
    const change = fc.tuple(fc.constantFrom('net', 'vat', 'gross', 'payable' as const), fc.bigInt({ min: 6n, max: 1_000_000_000n }), fc.boolean());
    fc.assert(
      fc.property(country, generatedInvoice, change, (where, { lines, rounding }, [name, by, down]) => {
        const totals = correctTotals(lines, rounding, null);
        const changed = totals[name] + (down ? -by : by);
        const result = checkEligibility(input({ country: where, invoice: invoiceOf(totals, { [name]: changed }) }), SETTINGS[where]);
        expect(result.outcome).toBe('REFUSED');
        const reason = result.reasons.find((r) => r.code === 'TOTALS_DO_NOT_ADD_UP');
        expect(reason?.figures?.totalsOff).toBe(name);
        expect(reason?.figures?.[`${name}Difference`]).toBe(ore(down ? -by : by));
      }),
      { numRuns: 300 },
    );
  });

  it('lets a change within the tolerance (5 öre) through', () => {
    const change = fc.tuple(fc.constantFrom('net', 'vat', 'gross', 'payable' as const), fc.bigInt({ min: -5n, max: 5n }));
    fc.assert(
      fc.property(generatedInvoice, change, ({ lines, rounding }, [name, by]) => {
        const totals = correctTotals(lines, rounding, null);
        const result = checkEligibility(input({ invoice: invoiceOf(totals, { [name]: totals[name] + by }) }), SETTINGS.SE);
        expect(codes(result).filter((code) => TOTALS_CODES.includes(code))).toEqual([]);
      }),
    );
  });

  describe('faults combined', () => {
    const twin = fc.record({
      invoiceId: fc.constantFrom('a', 'b', 'c'),
      invoiceNumber: fc.constantFrom('1001', '1002', 'X-9'),
      clientId: fc.constantFrom('me', 'other'),
      sameClient: fc.boolean(),
      kind: fc.constantFrom('SAME_DEBTOR_AMOUNT_AND_DATES' as const, 'SOLD_BY_ANOTHER_CLIENT' as const),
    });
    const faults = fc.record({
      country,
      clientState: fc.constantFrom('ACTIVE' as const, 'APPLIED' as const, 'BLOCKED' as const, 'REFUSED' as const, 'TERMINATED' as const),
      blockReasons: fc.subarray(['FRAUD_SUSPICION', 'OVERDUE_RECOURSE_INVOICE', 'OTHER']),
      badNumber: fc.boolean(),
      foreignAddress: fc.boolean(),
      relation: fc.constantFrom(null, 'SAME_GROUP' as const, 'SAME_OWNER' as const),
      disputed: fc.boolean(),
      unpaid: fc.boolean(),
      foreignCurrency: fc.boolean(),
      daysSinceDelivery: fc.integer({ min: -10, max: 120 }),
      daysUntilDue: fc.integer({ min: -10, max: 200 }),
      wrongVat: fc.boolean(),
      bigRounding: fc.boolean(),
      small: fc.boolean(),
      duplicates: fc.array(twin, { maxLength: 4 }),
    });

    it('returns exactly the reasons of the faults, each once, and REFUSED whenever there is one', () => {
      fc.assert(
        fc.property(faults, (f) => {
          const deliveryDate = TODAY.minusDays(f.daysSinceDelivery);
          const dueDate = TODAY.plusDays(f.daysUntilDue);
          const invoiceDate = [deliveryDate, TODAY, dueDate].reduce((a, b) => (b.isBefore(a) ? b : a));
          const [net, vat] = f.small ? [10000n, 2500n] : [950000n, 237500n];
          const rounding = f.bigRounding ? 150n : 37n;
          const gross = net + vat + rounding;
          const duplicates: SuspectedDuplicate[] = f.duplicates;
          const result = checkEligibility(
            input({
              country: f.country,
              client: { state: f.clientState, blockReasons: f.blockReasons },
              debtor: {
                identityNumber: f.badNumber ? '123456789012345' : f.country === 'SE' ? '556016-0680' : '974760673',
                address: { country: f.foreignAddress ? 'DE' : f.country },
                relation: f.relation,
                hasDisputedBefore: f.disputed,
                hasUnpaidBefore: f.unpaid,
              },
              invoice: {
                currency: f.foreignCurrency ? 'EUR' : SETTINGS[f.country].currency,
                invoiceDate,
                deliveryDate,
                dueDate,
                lines: [{ description: 'x', quantity: '1', unitPrice: ore(net), vatRatePercent: '25', reverseCharge: false }],
                totals: { net: ore(net), vat: ore(f.wrongVat ? vat + 100n : vat), rounding: ore(rounding), gross: ore(gross) },
                payable: ore(gross),
              },
              suspectedDuplicates: duplicates,
            }),
            SETTINGS[f.country],
          );

          const expected: string[] = [];
          if (f.clientState === 'BLOCKED') expected.push('CLIENT_BLOCKED');
          else if (f.clientState !== 'ACTIVE') expected.push('CLIENT_NOT_ACTIVE');
          if (f.badNumber) expected.push('DEBTOR_ORGANISATION_NUMBER_INVALID');
          if (f.foreignAddress) expected.push('DEBTOR_ADDRESS_NOT_DOMESTIC');
          if (f.relation) expected.push('INTERNAL_INVOICE');
          if (f.disputed) expected.push('DEBTOR_DISPUTED_BEFORE');
          if (f.unpaid) expected.push('DEBTOR_UNPAID_BEFORE');
          if (f.foreignCurrency) expected.push('FOREIGN_CURRENCY');
          if (f.daysSinceDelivery > 45) expected.push('DELIVERY_TOO_OLD');
          if (f.daysSinceDelivery < 0) expected.push('DELIVERY_IN_THE_FUTURE');
          if (f.daysUntilDue < 0) expected.push('DUE_DATE_PASSED');
          if (f.daysUntilDue > 90) expected.push('DUE_DATE_TOO_FAR');
          if (f.bigRounding) expected.push('ROUNDING_TOO_LARGE');
          if (f.wrongVat) expected.push('TOTALS_DO_NOT_ADD_UP');
          if (f.small && !f.foreignCurrency) expected.push('AMOUNT_TOO_SMALL');
          const refused = expected.length > 0;
          if (f.duplicates.length > 0) expected.push('DUPLICATE_SUSPECTED');

          expect(codes(result)).toEqual(expected);
          expect(new Set(codes(result)).size).toBe(result.reasons.length);
          expect(result.outcome).toBe(refused ? 'REFUSED' : f.duplicates.length > 0 ? 'MANUAL_ASSESSMENT' : 'ELIGIBLE');
          expect(new Set(result.suspectedDuplicates.map((t) => t.invoiceId)).size).toBe(result.suspectedDuplicates.length);
          for (const r of result.reasons) {
            expect(Object.values(EligibilityReasonCode)).toContain(r.code);
            for (const language of ['en', 'sv', 'nb'] as const) expect(r.message[language].trim()).not.toBe('');
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
