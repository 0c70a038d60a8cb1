import { payoutHolds } from './payout-holds';

describe('payout holds', () => {
  const base = { clientState: 'ACTIVE', payoutAccountChangedOn: null, payoutAccountConfirmed: false, today: '2026-11-30' };
  it('holds nothing for an active client with a settled account', () => {
    expect(payoutHolds(base)).toEqual([]);
  });
  it('holds a blocked client\'s payouts', () => {
    expect(payoutHolds({ ...base, clientState: 'BLOCKED' }).map((h) => h.code)).toEqual(['PAYOUT_HELD_CLIENT_BLOCKED']);
    expect(payoutHolds({ ...base, clientState: 'BLOCKED', clientBlockReasons: ['OVERDUE_RECOURSE_INVOICE', 'FRAUD_SUSPICION'] }).map((h) => h.code)).toEqual(['PAYOUT_HELD_CLIENT_BLOCKED']);
  });

  it('pays a client blocked only for an overdue recourse invoice (the overdue amount is set off instead)', () => {
    expect(payoutHolds({ ...base, clientState: 'BLOCKED', clientBlockReasons: ['OVERDUE_RECOURSE_INVOICE'] })).toEqual([]);
  });
  it.each([
    ['2026-11-28', false, ['PAYOUT_HELD_ACCOUNT_CHANGED']],
    ['2026-11-25', false, []],
    ['2026-11-29', true, []],
  ])('account changed on %s (confirmed: %s)', (changedOn, confirmed, codes) => {
    expect(payoutHolds({ ...base, payoutAccountChangedOn: changedOn, payoutAccountConfirmed: confirmed }).map((h) => h.code)).toEqual(codes);
  });
});
