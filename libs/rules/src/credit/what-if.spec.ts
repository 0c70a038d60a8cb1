import { LocalDate } from '@factoring/domain';
import { DEFAULT_CREDIT_SETTINGS } from './credit-settings';
import { CreditInput, decideCredit } from './decide-credit';
import { reviveCreditInput, whatIf } from './what-if';

const settings = DEFAULT_CREDIT_SETTINGS.SE[0];

function input(amount: string, debtorLimit: string): CreditInput {
  return {
    today: LocalDate.parse('2026-11-20'),
    invoice: { amount, currency: 'SEK', recourse: 'WITH_RECOURSE', dueDate: LocalDate.parse('2026-12-20') },
    debtor: {
      kind: 'COMPANY',
      limit: { limit: debtorLimit },
      exposure: '0.00',
      isNew: false,
      history: { invoicesPaid: 5, paidLate: 0, averageDaysLate: 0, maxDaysLate: 0, unpaidBefore: false, disputedBefore: false },
    },
    client: { creditLimit: { limit: '1000000.00' }, exposure: '0.00', invoicesSold: 20, recentInvoiceAmounts: [] },
    pair: { limit: null, exposure: '0.00' },
    spotCheck: { selected: false, rate: '0.020000', draw: '0.5000000000' },
  };
}

describe('whatIf', () => {
  it('counts the decisions that would move, and the exposure that would have been taken on', () => {
    const records = [input('1000.00', '50000'), input('40000.00', '50000'), input('60000.00', '50000')].map((i) => ({ input: i, outcome: decideCredit(i, settings).outcome }));
    expect(records.map((r) => r.outcome)).toEqual(['APPROVE', 'APPROVE', 'DENY']);
    const tolerant = { ...settings, validFrom: 'what-if', value: { ...settings.value, limitToleranceShare: '0.25' } };
    const result = whatIf(records, tolerant);
    expect(result.decisions).toBe(3);
    expect(result.moved.DENY.MANUAL_ASSESSMENT).toBe(1);
    expect(result.moved.APPROVE.APPROVE).toBe(2);
    expect(result.after).toMatchObject({ APPROVE: 2, MANUAL_ASSESSMENT: 1, DENY: 0 });
    expect(result).toMatchObject({ exposureTakenBefore: '41000.00', exposureTakenAfter: '41000.00' });
  });

  it('changes nothing when replayed under the same settings', () => {
    const records = [input('1000.00', '500'), input('100.00', '500')].map((i) => ({ input: i, outcome: decideCredit(i, settings).outcome }));
    const result = whatIf(records, settings);
    expect(result.before).toEqual(result.after);
  });

  it('revives a stored input (JSON) into the same decision', () => {
    const original = input('1000.00', '50000');
    const stored = JSON.parse(JSON.stringify(original));
    expect(decideCredit(reviveCreditInput(stored), settings)).toEqual(decideCredit(original, settings));
  });
});
