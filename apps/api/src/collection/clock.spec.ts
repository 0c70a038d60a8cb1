import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, SystemClock, TestClock } from '@factoring/domain';
import { CLOCK, clockProvider } from './clock';

@Injectable()
class NeedsTime {
  constructor(@Inject(CLOCK) readonly clock: Clock) {}
}

describe('the CLOCK provider', () => {
  it('injects the system clock', async () => {
    const module = await Test.createTestingModule({ providers: [clockProvider, NeedsTime] }).compile();
    expect(module.get(NeedsTime).clock).toBeInstanceOf(SystemClock);
  });

  it('is replaced by a movable clock in a test', async () => {
    const clock = new TestClock('2026-06-30T21:00:00Z');
    const module = await Test.createTestingModule({ providers: [clockProvider, NeedsTime] }).overrideProvider(CLOCK).useValue(clock).compile();
    const service = module.get(NeedsTime);
    expect(service.clock.today('SE').toString()).toBe('2026-06-30');
    clock.advanceDays(1);
    expect(service.clock.today('SE').toString()).toBe('2026-07-01');
  });
});
