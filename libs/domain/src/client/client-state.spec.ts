import { ConflictError } from '../errors';
import { CLIENT_STATES, ClientEvent, canSellInvoices, nextClientState } from './client-state';

describe('client states', () => {
  it.each<[string, ClientEvent, string]>([
    ['APPLIED', 'APPROVE', 'ACTIVE'],
    ['APPLIED', 'REFUSE', 'REFUSED'],
    ['REFUSED', 'REAPPLY', 'APPLIED'],
    ['TERMINATED', 'REAPPLY', 'APPLIED'],
    ['ACTIVE', 'BLOCK', 'BLOCKED'],
    ['BLOCKED', 'UNBLOCK', 'ACTIVE'],
    ['ACTIVE', 'TERMINATE', 'TERMINATED'],
    ['BLOCKED', 'TERMINATE', 'TERMINATED'],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(nextClientState(from as never, event)).toBe(to);
  });

  it('refuses every other transition with a CONFLICT that says why', () => {
    const allowed = new Set(['APPLIED:APPROVE', 'APPLIED:REFUSE', 'REFUSED:REAPPLY', 'TERMINATED:REAPPLY', 'ACTIVE:BLOCK', 'BLOCKED:UNBLOCK', 'ACTIVE:TERMINATE', 'BLOCKED:TERMINATE']);
    const events: ClientEvent[] = ['APPROVE', 'REFUSE', 'REAPPLY', 'BLOCK', 'UNBLOCK', 'TERMINATE'];
    for (const state of CLIENT_STATES) {
      for (const event of events) {
        if (allowed.has(`${state}:${event}`)) continue;
        expect(() => nextClientState(state, event)).toThrow(ConflictError);
      }
    }
    expect(() => nextClientState('ACTIVE', 'APPROVE')).toThrow('This cannot be done now: it is an active client');
  });

  it('lets only active clients sell', () => {
    expect(CLIENT_STATES.filter(canSellInvoices)).toEqual(['ACTIVE']);
  });
});

describe('client blocks as a set of reasons', () => {
  const { blockClient, liftClientBlock } = jest.requireActual('./client-state') as typeof import('./client-state');

  it('lifts a fraud block and an overdue-recourse block separately', () => {
    let standing = blockClient({ state: 'ACTIVE', blockReasons: [] }, 'FRAUD_SUSPICION');
    standing = blockClient(standing, 'OVERDUE_RECOURSE_INVOICE');
    expect(standing).toEqual({ state: 'BLOCKED', blockReasons: ['FRAUD_SUSPICION', 'OVERDUE_RECOURSE_INVOICE'] });
    standing = liftClientBlock(standing, 'OVERDUE_RECOURSE_INVOICE');
    expect(standing).toEqual({ state: 'BLOCKED', blockReasons: ['FRAUD_SUSPICION'] });
    expect(liftClientBlock(standing, 'FRAUD_SUSPICION')).toEqual({ state: 'ACTIVE', blockReasons: [] });
  });

  it('refuses lifting a reason the client is not blocked for, and blocking twice for one reason', () => {
    const blocked = blockClient({ state: 'ACTIVE', blockReasons: [] }, 'FRAUD_SUSPICION');
    expect(() => liftClientBlock(blocked, 'OTHER')).toThrow(ConflictError);
    expect(() => blockClient(blocked, 'FRAUD_SUSPICION')).toThrow(ConflictError);
    expect(() => blockClient({ state: 'APPLIED', blockReasons: [] }, 'OTHER')).toThrow(ConflictError);
  });
});
