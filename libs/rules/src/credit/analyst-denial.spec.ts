import { CREDIT_DENIAL_REASONS, creditDenialReasons } from './analyst-denial';

describe('creditDenialReasons', () => {
  it('gives the chosen reasons in catalogue order, each in three languages', () => {
    expect(creditDenialReasons(['DENIAL_LIMIT_EXHAUSTED', 'DENIAL_NOT_CONFIRMED_BY_DEBTOR']).map((r) => r.code)).toEqual(['DENIAL_NOT_CONFIRMED_BY_DEBTOR', 'DENIAL_LIMIT_EXHAUSTED']);
    for (const r of CREDIT_DENIAL_REASONS) expect(r.message.en && r.message.sv && r.message.nb).toBeTruthy();
  });
  it('falls back to OTHER and refuses unknown codes', () => {
    expect(creditDenialReasons(undefined).map((r) => r.code)).toEqual(['DENIAL_OTHER']);
    expect(() => creditDenialReasons(['NOPE'])).toThrow(/Unknown reason NOPE/);
  });
});
