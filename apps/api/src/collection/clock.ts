import { Provider } from '@nestjs/common';
import { Clock, SystemClock } from '@factoring/domain';

/**
 * The one clock of the API and workers (issue 15 s.1): inject it instead of calling
 * `new Date()`, and pass its values to SQL instead of `now()` / `current_date`, so a test can
 * move time (a TestClock) and run reminders, interest and collection over months in seconds.
 *
 * Adopting it in a service or processor (existing services are not changed here):
 *
 *   constructor(@Inject(CLOCK) private readonly clock: Clock) {}
 *
 *   const today = this.clock.today(country);            // LocalDate in the country's zone
 *   await tx.query(
 *     `SELECT id FROM invoice WHERE country = $1 AND due_date < $2::date`,
 *     [country, today.toString()],                       // not: due_date < current_date
 *   );
 *   await tx.query(`INSERT INTO ... (decided_at) VALUES ($1::timestamptz)`, [this.clock.now()]);  // not: now()
 *
 * Column defaults such as `created_at DEFAULT now()` record when a row was written and may
 * stay; every date a rule reads (due, late, sent, in force) comes from the clock.
 *
 * In a test: build the app with the provider overridden,
 *   Test.createTestingModule(...).overrideProvider(CLOCK).useValue(new TestClock('2026-01-15T07:00:00Z'))
 * then `clock.advanceDays(10)` between runs.
 */
export const CLOCK = Symbol('CLOCK');

/** Register in a module's providers (and exports) to get the system clock injected under CLOCK. */
export const clockProvider: Provider<Clock> = { provide: CLOCK, useClass: SystemClock };
