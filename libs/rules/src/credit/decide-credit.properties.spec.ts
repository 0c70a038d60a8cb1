// Property tests for decideCredit: determinism, and that a higher limit never makes a decision stricter.
import fc from 'fast-check';
import { LimitWithRaise } from '../onboarding/limits';
import { CREDIT_OUTCOMES, CreditInput, decideCredit } from './decide-credit';
import { d, SETTINGS, TODAY } from './spec-helpers';

const ore = (units: number) => (units / 100).toFixed(2);
const amountOre = fc.integer({ min: 20_001, max: 50_000_000 }); // 200.01 to 500 000.00
const exposureOre = fc.integer({ min: 0, max: 100_000_000 });

const limit: fc.Arbitrary<LimitWithRaise> = fc.record({
  limit: exposureOre.map(ore),
  temporaryRaise: fc.option(
    fc.record({ amount: fc.integer({ min: 0, max: 10_000_000 }).map(ore), expiresOn: fc.integer({ min: -10, max: 10 }).map((days) => TODAY.plusDays(days)) }),
    { nil: null },
  ),
});

/** Consistent input: the pair's exposure is at most the client's and the debtor's. */
const creditInput: fc.Arbitrary<CreditInput> = fc
  .record({
    amount: amountOre,
    recourse: fc.constantFrom('WITH_RECOURSE' as const, 'WITHOUT_RECOURSE' as const),
    kind: fc.constantFrom('COMPANY' as const, 'PERSON' as const),
    debtorLimit: limit,
    clientLimit: limit,
    pairLimit: fc.option(limit, { nil: null }),
    pairExposure: exposureOre,
    debtorExtra: exposureOre,
    clientExtra: exposureOre,
    isNew: fc.boolean(),
    paid: fc.integer({ min: 0, max: 50 }),
    lateFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    averageDaysLate: fc.integer({ min: 0, max: 90 }),
    unpaidBefore: fc.boolean(),
    disputedBefore: fc.boolean(),
    recent: fc.array(amountOre.map(ore), { maxLength: 20 }),
    spot: fc.boolean(),
  })
  .map((g) => {
    const paidLate = Math.floor(g.paid * g.lateFraction);
    return {
      today: TODAY,
      invoice: { amount: ore(g.amount), currency: 'SEK', recourse: g.recourse, dueDate: d('2026-07-15') },
      debtor: {
        kind: g.kind,
        limit: g.debtorLimit,
        exposure: ore(g.pairExposure + g.debtorExtra),
        isNew: g.isNew,
        history: { invoicesPaid: g.paid, paidLate, averageDaysLate: paidLate > 0 ? g.averageDaysLate : 0, maxDaysLate: paidLate > 0 ? g.averageDaysLate + 5 : 0, unpaidBefore: g.unpaidBefore, disputedBefore: g.disputedBefore },
      },
      client: { creditLimit: g.clientLimit, exposure: ore(g.pairExposure + g.clientExtra), invoicesSold: g.recent.length, recentInvoiceAmounts: g.recent },
      pair: { limit: g.pairLimit, exposure: ore(g.pairExposure) },
      spotCheck: { selected: g.spot, rate: '0.100000', draw: g.spot ? '0.0500000000' : '0.5000000000' },
    };
  });

const raise = (l: LimitWithRaise, by: number): LimitWithRaise => ({ ...l, limit: ore(Math.round(Number(l.limit) * 100) + by) });
const severity = (outcome: string) => CREDIT_OUTCOMES.indexOf(outcome as (typeof CREDIT_OUTCOMES)[number]);

describe('decideCredit properties', () => {
  it('the same input always gives the same decision', () => {
    fc.assert(
      fc.property(creditInput, (input) => {
        const copy: CreditInput = JSON.parse(JSON.stringify(input), (key, value) => (['today', 'dueDate', 'expiresOn'].includes(key) ? d(value) : value));
        expect(decideCredit(copy, SETTINGS)).toEqual(decideCredit(input, SETTINGS));
      }),
      { numRuns: 300 },
    );
  });

  it('the outcome is the strictest effect among the reasons, and APPROVED comes alone', () => {
    fc.assert(
      fc.property(creditInput, (input) => {
        const decision = decideCredit(input, SETTINGS);
        expect(severity(decision.outcome)).toBe(Math.max(...decision.reasons.map((r) => severity(r.effect))));
        if (decision.reasons.some((r) => r.code === 'CREDIT_APPROVED')) expect(decision.reasons).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('raising any limit never turns APPROVE into DENY, nor makes any decision stricter', () => {
    fc.assert(
      fc.property(
        creditInput,
        fc.constantFrom('debtor', 'client', 'pair'),
        fc.integer({ min: 1, max: 100_000_000 }),
        (input, which, by) => {
          const raised: CreditInput =
            which === 'debtor'
              ? { ...input, debtor: { ...input.debtor, limit: raise(input.debtor.limit, by) } }
              : which === 'client'
                ? { ...input, client: { ...input.client, creditLimit: raise(input.client.creditLimit, by) } }
                : { ...input, pair: { ...input.pair, limit: input.pair.limit ? raise(input.pair.limit, by) : null } };
          const [before, after] = [decideCredit(input, SETTINGS), decideCredit(raised, SETTINGS)];
          if (before.outcome === 'APPROVE') expect(after.outcome).not.toBe('DENY');
          expect(severity(after.outcome)).toBeLessThanOrEqual(severity(before.outcome));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('exposure after is exposure before plus the amount at every level', () => {
    fc.assert(
      fc.property(creditInput, (input) => {
        const { figures } = decideCredit(input, SETTINGS);
        const cents = (text: string) => Math.round(Number(text) * 100);
        for (const level of [figures.debtor, figures.client, figures.pair]) {
          if (!level) continue;
          expect(cents(level.exposureAfter)).toBe(cents(level.exposureBefore) + cents(figures.amount));
          expect(cents(level.headroomAfter)).toBe(cents(level.limit) - cents(level.exposureAfter));
        }
      }),
      { numRuns: 200 },
    );
  });
});
