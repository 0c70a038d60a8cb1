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
