import { CollectionRate, CollectionRateNotInForceError, collectionRateInForce } from './collection-rates';
import { collectionFee, FeeQuestion } from './collection-fees';

const rate = (country: 'SE' | 'NO', kind: CollectionRate['kind'], value: string, validFrom = '2025-01-01'): CollectionRate => ({
  country,
  kind,
  validFrom,
  value,
  unit: country === 'SE' ? 'SEK' : 'NOK',
  source: 'test',
});
const RATES: CollectionRate[] = [
  rate('SE', 'REMINDER_FEE', '60.00'),
  rate('SE', 'COLLECTION_DEMAND_FEE', '180.00'),
  rate('SE', 'PAYMENT_PLAN_FEE', '170.00'),
  rate('SE', 'LATE_PAYMENT_COMPENSATION', '450.00'),
  rate('NO', 'REMINDER_FEE', '35.00'),
  rate('NO', 'COLLECTION_WARNING_FEE', '35.00'),
  rate('NO', 'PAYMENT_DEMAND_FEE', '105.00'),
  rate('NO', 'LATE_PAYMENT_COMPENSATION', '470.00'),
];

const ask = (patch: Partial<FeeQuestion>) =>
  collectionFee({ country: 'SE', step: 'REMINDER', dueDate: '2025-04-01', debtorIsBusiness: false, reminderFeeAgreedAtOrigin: true, sentOn: '2025-05-01', alreadyCharged: [], rates: RATES, ...patch });
const codes = (patch: Partial<FeeQuestion>) => ask(patch).reasons.map((r) => r.code);

describe('collectionFee', () => {
  it('charges the Swedish reminder fee for a reminder sent, when agreed at the debt\'s origin', () => {
    expect(ask({}).fee).toMatchObject({ kind: 'REMINDER_FEE', amount: '60.00', validFrom: '2025-01-01' });
  });

  it('says the fee in the reader\'s way with the country\'s currency (issue 11 §3)', () => {
    expect(ask({}).reasons[0].message).toEqual({
      en: 'Fee SEK\u00a060.00 for the letter sent.',
      sv: 'Avgift 60,00\u00a0SEK för det skickade brevet.',
      nb: 'Gebyr 60,00\u00a0SEK for brevet som ble sendt.',
    });
    const compensation = ask({ country: 'NO', step: 'REMINDER', debtorIsBusiness: true }).reasons[0].message;
    expect(compensation.sv).toContain('Förseningsersättning 470,00\u00a0NOK:');
    expect(compensation.en).toContain('Compensation for late payment NOK\u00a0470.00:');
  });

  it('charges no Swedish reminder fee that was not agreed when the debt arose (lag 1981:739 2 §)', () => {
    expect(ask({ reminderFeeAgreedAtOrigin: false }).fee).toBeNull();
    expect(codes({ reminderFeeAgreedAtOrigin: false })).toEqual(['FEE_REFUSED_NOT_AGREED']);
    // ... but the collection demand fee needs no such agreement.
    expect(ask({ reminderFeeAgreedAtOrigin: false, step: 'COLLECTION' }).fee).toMatchObject({ kind: 'COLLECTION_DEMAND_FEE', amount: '180.00' });
  });

  it('charges nothing for a letter not sent', () => {
    expect(codes({ sentOn: null })).toEqual(['FEE_REFUSED_NOT_SENT']);
  });

  it('charges each fee once per claim: a second reminder carries no second reminder fee', () => {
    expect(codes({ step: 'SECOND_REMINDER', alreadyCharged: ['REMINDER_FEE'] })).toEqual(['FEE_REFUSED_ONE_PER_CLAIM']);
    expect(ask({ step: 'PAYMENT_PLAN', alreadyCharged: ['REMINDER_FEE', 'COLLECTION_DEMAND_FEE'] }).fee).toMatchObject({ kind: 'PAYMENT_PLAN_FEE', amount: '170.00' });
  });

  it.each(['SE', 'NO'] as const)('charges a business debtor in %s the compensation once, instead of the reminder and collection fees', (country) => {
    const first = ask({ country, debtorIsBusiness: true, reminderFeeAgreedAtOrigin: false });
    expect(first.fee).toMatchObject({ kind: 'LATE_PAYMENT_COMPENSATION', amount: country === 'SE' ? '450.00' : '470.00' });
    for (const step of ['SECOND_REMINDER', 'COLLECTION'] as const) {
      expect(codes({ country, step, debtorIsBusiness: true, alreadyCharged: ['LATE_PAYMENT_COMPENSATION'] })).toEqual(['FEE_EXCLUDED_BY_COMPENSATION']);
    }
  });

  it('charges the Norwegian fees: purregebyr, inkassovarsel, betalingsoppfordring', () => {
    expect(ask({ country: 'NO', step: 'REMINDER' }).fee).toMatchObject({ kind: 'REMINDER_FEE', amount: '35.00' });
    expect(ask({ country: 'NO', step: 'COLLECTION_WARNING', alreadyCharged: ['REMINDER_FEE'] }).fee).toMatchObject({ kind: 'COLLECTION_WARNING_FEE', amount: '35.00' });
    expect(ask({ country: 'NO', step: 'COLLECTION' }).fee).toMatchObject({ kind: 'PAYMENT_DEMAND_FEE', amount: '105.00' });
    expect(codes({ country: 'NO', step: 'PAYMENT_PLAN' })).toEqual(['FEE_NONE_FOR_STEP']);
  });

  it('charges no Norwegian purregebyr or inkassovarsel fee sooner than 14 days after the due date', () => {
    expect(codes({ country: 'NO', step: 'REMINDER', dueDate: '2025-04-18', sentOn: '2025-05-01' })).toEqual(['FEE_REFUSED_TOO_EARLY']);
    expect(ask({ country: 'NO', step: 'REMINDER', dueDate: '2025-04-17', sentOn: '2025-05-01' }).fee).toMatchObject({ kind: 'REMINDER_FEE' });
    expect(codes({ country: 'NO', step: 'COLLECTION_WARNING', dueDate: '2025-04-20', sentOn: '2025-05-01' })).toEqual(['FEE_REFUSED_TOO_EARLY']);
    // Sweden has no such wait.
    expect(ask({ country: 'SE', dueDate: '2025-04-30', sentOn: '2025-05-01' }).fee).toMatchObject({ kind: 'REMINDER_FEE' });
  });

  it('refuses a fee with no amount in force on the day sent: COLLECTION_RATE_NOT_IN_FORCE naming the kind and day', () => {
    expect(() => ask({ sentOn: '2024-12-31' })).toThrow(CollectionRateNotInForceError);
    expect(() => ask({ sentOn: '2024-12-31' })).toThrow(
      expect.objectContaining({ code: 'COLLECTION_RATE_NOT_IN_FORCE', kind: 'BAD_USER_INPUT', details: { country: 'SE', kind: 'REMINDER_FEE', on: '2024-12-31' } }),
    );
  });

  it('picks the version in force on the day', () => {
    const rates = [...RATES, rate('SE', 'REMINDER_FEE', '70.00', '2026-01-01')];
    expect(collectionRateInForce(rates, 'SE', 'REMINDER_FEE', '2025-12-31').value).toBe('60.00');
    expect(collectionRateInForce(rates, 'SE', 'REMINDER_FEE', '2026-01-01').value).toBe('70.00');
  });
});
