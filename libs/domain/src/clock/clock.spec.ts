import { SystemClock, TestClock } from './clock';

describe('Clock', () => {
  it('gives today in each country\'s business time zone: 22:30 UTC on 30 June is 1 July in Stockholm and Oslo', () => {
    const clock = new TestClock('2026-06-30T22:30:00Z');
    expect(clock.today('SE').toString()).toBe('2026-07-01');
    expect(clock.today('NO').toString()).toBe('2026-07-01');
    clock.set('2026-06-30T21:59:59Z');
    expect(clock.today('SE').toString()).toBe('2026-06-30');
  });

  it('stands still until moved, then moves by whole days', () => {
    const clock = new TestClock('2026-01-31T08:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-01-31T08:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-01-31T08:00:00.000Z');
    clock.advanceDays(29);
    expect(clock.today('SE').toString()).toBe('2026-03-01');
    expect(() => clock.advanceDays(1.5)).toThrow(expect.objectContaining({ code: 'CLOCK_STEP_INVALID', field: 'days' }));
    expect(() => clock.set('not a time')).toThrow(expect.objectContaining({ code: 'CLOCK_INSTANT_INVALID' }));
  });

  it('hands out copies: changing a returned Date does not move the clock', () => {
    const clock = new TestClock('2026-01-01T00:00:00Z');
    clock.now().setFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('reads the machine time in the system clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
