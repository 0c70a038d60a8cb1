import { DECIMAL_BOUNDS, decimalBoundProblem, largestStorable, lineNetProblem, LIMIT_CEILING } from './amount-bounds';

describe('amount bounds', () => {
  it('knows the largest value each column holds', () => {
    expect(largestStorable(DECIMAL_BOUNDS.MONEY).toFixed()).toBe('9999999999999999.99');
    expect(largestStorable(DECIMAL_BOUNDS.QUANTITY).toFixed()).toBe('99999999999999.9999');
    expect(largestStorable(DECIMAL_BOUNDS.PERCENT).toFixed()).toBe('999.99');
  });

  it.each([
    ['10.000049', 'QUANTITY', 'DECIMAL_TOO_PRECISE'],
    ['25.004', 'PERCENT', 'DECIMAL_TOO_PRECISE'],
    ['10000.00004', 'UNIT_PRICE', 'DECIMAL_TOO_PRECISE'],
    ['100.005', 'LIMIT', 'DECIMAL_TOO_PRECISE'],
    ['1000', 'PERCENT', 'DECIMAL_TOO_LARGE'],
    ['100000000000000', 'QUANTITY', 'DECIMAL_TOO_LARGE'],
    ['-10000000000000000', 'MONEY', 'DECIMAL_TOO_LARGE'],
    ['999999999999999', 'LIMIT', 'AMOUNT_ABOVE_CEILING'],
    ['1000000000.01', 'LIMIT', 'AMOUNT_ABOVE_CEILING'],
  ] as const)('refuses %s as %s: %s', (value, kind, code) => {
    expect(decimalBoundProblem(value, DECIMAL_BOUNDS[kind])?.code).toBe(code);
  });

  it.each([
    ['10.0001', 'QUANTITY'],
    ['25.00', 'PERCENT'],
    ['9999999999999999.99', 'MONEY'],
    [LIMIT_CEILING, 'LIMIT'],
    ['-1', 'MONEY'],
  ] as const)('keeps %s as %s', (value, kind) => {
    expect(decimalBoundProblem(value, DECIMAL_BOUNDS[kind])).toBeNull();
  });

  it('refuses a line whose net overflows money, exactly at the edge', () => {
    expect(lineNetProblem('99999999999999', '99999999999999')?.code).toBe('LINE_NET_TOO_LARGE');
    expect(lineNetProblem('2', '5000000000000000')?.code).toBe('LINE_NET_TOO_LARGE');
    expect(lineNetProblem('2', '4999999999999999.995')).toBeNull();
    expect(lineNetProblem('-3', '3333333333333333.33')).toBeNull();
  });
});
