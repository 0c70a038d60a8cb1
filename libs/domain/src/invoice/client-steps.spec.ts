import { CLIENT_STEP_CODES, CLIENT_STEPS, clientStepDetails, isClientStep } from './client-steps';

describe("the client's steps after the sale (issue 15 s.7)", () => {
  it.each(CLIENT_STEP_CODES)('%s has words in en, sv and nb', (code) => {
    for (const language of ['en', 'sv', 'nb'] as const) expect(CLIENT_STEPS[code][language].length).toBeGreaterThan(5);
    expect(isClientStep(code)).toBe(true);
  });

  it('keeps only the facts a client may read: a staff name, a note or a figure passed along is dropped', () => {
    const facts = { amount: '100.00', currency: 'NOK', on: '2026-11-29', note: 'ANTECKNING', staffName: 'Sven', claimInterest: '12.34', dueDate: null } as Parameters<typeof clientStepDetails>[1];
    expect(clientStepDetails('PARTLY_PAID', facts)).toEqual({ clientStep: 'PARTLY_PAID', forClient: { amount: '100.00', currency: 'NOK', on: '2026-11-29' } });
  });

  it('knows no step by another name (a status change is the lifecycle table\'s, not a client step)', () => {
    expect(isClientStep('PURCHASE')).toBe(false);
    expect(isClientStep('toString')).toBe(false);
  });
});
