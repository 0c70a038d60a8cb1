import { assertWriteOffFourEyes, COLLECTION_CASE_STATES, COLLECTION_CASE_TRANSITIONS, isActiveCollectionCase, nextCollectionCaseState } from './collection-case';

describe('the collection case table', () => {
  it('hands off, escalates by the country\'s law and ends', () => {
    expect(nextCollectionCaseState('OPEN', 'HAND_OFF', 'SE')).toBe('HANDED_OFF');
    expect(nextCollectionCaseState('HANDED_OFF', 'APPLY_PAYMENT_ORDER', 'SE')).toBe('PAYMENT_ORDER_APPLIED');
    expect(nextCollectionCaseState('PAYMENT_ORDER_APPLIED', 'ENFORCEMENT', 'SE')).toBe('ENFORCEMENT');
    expect(nextCollectionCaseState('HANDED_OFF', 'CONCILIATION_BOARD', 'NO')).toBe('CONCILIATION_BOARD');
    expect(nextCollectionCaseState('CONCILIATION_BOARD', 'ENFORCEMENT', 'NO')).toBe('ENFORCEMENT');
    expect(nextCollectionCaseState('ENFORCEMENT', 'PROPOSE_WRITE_OFF', 'NO')).toBe('WRITE_OFF_PROPOSED');
    expect(nextCollectionCaseState('WRITE_OFF_PROPOSED', 'APPROVE_WRITE_OFF', 'NO')).toBe('WRITTEN_OFF');
    expect(nextCollectionCaseState('WRITE_OFF_PROPOSED', 'REJECT_WRITE_OFF', 'NO')).toBe('HANDED_OFF');
    expect(nextCollectionCaseState('HANDED_OFF', 'PAID', 'SE')).toBe('PAID');
  });

  it('refuses a step of the other country\'s law', () => {
    expect(() => nextCollectionCaseState('HANDED_OFF', 'APPLY_PAYMENT_ORDER', 'NO')).toThrow(expect.objectContaining({ code: 'COLLECTION_CASE_WRONG_COUNTRY' }));
    expect(() => nextCollectionCaseState('HANDED_OFF', 'CONCILIATION_BOARD', 'SE')).toThrow(expect.objectContaining({ code: 'COLLECTION_CASE_WRONG_COUNTRY' }));
  });

  it('refuses from an ended state, and a write-off not proposed', () => {
    for (const ended of ['PAID', 'WRITTEN_OFF', 'CLOSED'] as const) {
      expect(isActiveCollectionCase(ended)).toBe(false);
      for (const event of Object.keys(COLLECTION_CASE_TRANSITIONS) as Array<keyof typeof COLLECTION_CASE_TRANSITIONS>) {
        expect(() => nextCollectionCaseState(ended, event, COLLECTION_CASE_TRANSITIONS[event].country ?? 'SE')).toThrow(expect.objectContaining({ code: 'COLLECTION_CASE_STATE_DOES_NOT_ALLOW' }));
      }
    }
    expect(() => nextCollectionCaseState('HANDED_OFF', 'APPROVE_WRITE_OFF', 'SE')).toThrow(expect.objectContaining({ code: 'COLLECTION_CASE_STATE_DOES_NOT_ALLOW' }));
  });

  it('every state is reached or is the start', () => {
    const reached = new Set(Object.values(COLLECTION_CASE_TRANSITIONS).map((t) => t.to));
    expect(COLLECTION_CASE_STATES.filter((s) => s !== 'OPEN' && !reached.has(s))).toEqual([]);
  });

  it('four eyes: the proposer may not approve', () => {
    expect(() => assertWriteOffFourEyes('a', 'a')).toThrow(expect.objectContaining({ code: 'COLLECTION_CASE_FOUR_EYES' }));
    expect(() => assertWriteOffFourEyes('a', 'b')).not.toThrow();
  });
});
