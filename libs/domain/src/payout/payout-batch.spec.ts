import fc from 'fast-check';
import { ConflictError, DomainError } from '../errors';
import { allowedPayoutBatchChanges, assertFourEyes, nextPayoutBatchState, PAYOUT_BATCH_STATES, PayoutBatchEvent, PayoutBatchState } from './payout-batch';

const EVENTS: PayoutBatchEvent[] = ['APPROVE', 'CANCEL', 'EXPORT', 'MARK_SENT', 'BANK_ACCEPTED', 'BANK_PARTLY_REJECTED', 'BANK_REJECTED', 'SETTLE'];

describe('a payout batch', () => {
  it('goes prepared, approved, exported, sent, accepted, settled', () => {
    let state: PayoutBatchState = 'PREPARED';
    for (const event of ['APPROVE', 'EXPORT', 'MARK_SENT', 'BANK_ACCEPTED', 'SETTLE'] as const) state = nextPayoutBatchState(state, event);
    expect(state).toBe('SETTLED');
  });

  it('cannot be cancelled once its file is out, nor exported before approval', () => {
    expect(() => nextPayoutBatchState('EXPORTED', 'CANCEL')).toThrow(ConflictError);
    expect(() => nextPayoutBatchState('PREPARED', 'EXPORT')).toThrow('prepared');
  });

  it('property: no event sequence makes a change the table does not allow', () => {
    const allowed = new Set(allowedPayoutBatchChanges().map((p) => `${p.from}>${p.to}`));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 20 }), (events) => {
        let state: PayoutBatchState = 'PREPARED';
        for (const event of events) {
          try {
            const next = nextPayoutBatchState(state, event);
            expect(allowed.has(`${state}>${next}`)).toBe(true);
            expect(PAYOUT_BATCH_STATES).toContain(next);
            state = next;
          } catch (error) {
            expect(error).toBeInstanceOf(ConflictError);
          }
        }
      }),
    );
  });

  it('needs four eyes: the preparer cannot approve, nor anyone a batch changed since they looked', () => {
    expect(() => assertFourEyes({ preparedBy: 'anna', version: 2 }, 'anna', 2)).toThrow(DomainError);
    expect(() => assertFourEyes({ preparedBy: 'anna', version: 3 }, 'bertil', 2)).toThrow(ConflictError);
    expect(() => assertFourEyes({ preparedBy: 'anna', version: 2 }, 'bertil', 2)).not.toThrow();
  });
});
