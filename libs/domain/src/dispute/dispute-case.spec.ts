import fc from 'fast-check';
import { checkCreditedAmount, checkDisputedAmount, DISPUTE_STATES, DISPUTE_TRANSITIONS, DisputeEvent, nextDisputeState } from './dispute-case';

describe('a dispute case', () => {
  it.each([
    ['WITHDRAW', 'WITHDRAWN'],
    ['CREDIT', 'CREDITED'],
    ['RECOURSE', 'RECOURSE'],
  ] as const)('an open case ends by %s in %s', (event, to) => {
    expect(nextDisputeState('OPEN', event)).toBe(to);
  });

  it('an ended case cannot end again: CONFLICT naming its state', () => {
    for (const state of DISPUTE_STATES.filter((s) => s !== 'OPEN')) {
      for (const event of Object.keys(DISPUTE_TRANSITIONS) as DisputeEvent[]) {
        expect(() => nextDisputeState(state, event)).toThrow(expect.objectContaining({ code: 'DISPUTE_STATE_DOES_NOT_ALLOW', kind: 'CONFLICT' }));
      }
    }
  });

  it('every ending but a withdrawal makes the client buy back (seed 000, whatever the recourse mode)', () => {
    expect(Object.entries(DISPUTE_TRANSITIONS).filter(([, t]) => t.recourse).map(([e]) => e)).toEqual(['CREDIT', 'RECOURSE']);
  });

  it('client words say no staff names and exist in en, sv and nb', () => {
    for (const t of Object.values(DISPUTE_TRANSITIONS)) for (const lang of ['en', 'sv', 'nb'] as const) expect(t.clientText[lang].length).toBeGreaterThan(10);
  });
});

describe('the disputed amount', () => {
  it.each([
    ['0', 'DISPUTE_AMOUNT_INVALID'],
    ['-1', 'DISPUTE_AMOUNT_INVALID'],
    ['1.005', 'DISPUTE_AMOUNT_INVALID'],
    ['abc', 'DISPUTE_AMOUNT_INVALID'],
    ['1000.01', 'DISPUTE_MORE_THAN_OPEN'],
  ])('%s of 1000.00 open is refused with %s, naming the field', (amount, code) => {
    expect(() => checkDisputedAmount(amount, '1000.00')).toThrow(expect.objectContaining({ code, field: 'amount' }));
  });

  it('any amount from 0.01 to what is open is accepted as it is (never rounded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (cents, extra) => {
        const amount = (cents / 100).toFixed(2);
        const open = ((cents + extra) / 100).toFixed(2);
        expect(checkDisputedAmount(amount, open).toFixed(2)).toBe(amount);
      }),
    );
  });

  it('a credit of more than was disputed is refused, naming creditedAmount', () => {
    expect(() => checkCreditedAmount('500.01', '500.00')).toThrow(expect.objectContaining({ code: 'DISPUTE_CREDIT_MORE_THAN_DISPUTED', field: 'creditedAmount' }));
    expect(checkCreditedAmount('500', '500.00').toFixed(2)).toBe('500.00');
  });
});
