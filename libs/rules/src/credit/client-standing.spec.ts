import { clientStandingReason } from './client-standing';

describe('clientStandingReason', () => {
  it.each([
    ['ACTIVE', null],
    ['BLOCKED', 'CLIENT_BLOCKED'],
    ['TERMINATED', 'CLIENT_NOT_ACTIVE'],
    ['APPLIED', 'CLIENT_NOT_ACTIVE'],
  ])('%s -> %s', (state, code) => {
    expect(clientStandingReason(state)?.code ?? null).toBe(code);
  });

  it('speaks every language and carries no internal figure', () => {
    const why = clientStandingReason('BLOCKED')!;
    expect(Object.keys(why.message).sort()).toEqual(['en', 'nb', 'sv']);
    expect(why.figures).toBeUndefined();
  });
});
