import { LocalDate, TestClock } from '@factoring/domain';
import { CollectionRateNotInForceError, collectionFee, lateInterest } from '@factoring/rules';
import { DataSource } from 'typeorm';
import { CollectionError } from './collection-errors';
import { CollectionRatesRepository } from './collection-rates.repository';

/**
 * The law's collection numbers as stored by migration 1764300013000, read from the fresh migrated
 * database of the run (global setup), as the application's role; the fixture connection is the
 * server's superuser.
 */
let app: DataSource;
let fixture: DataSource;
let rates: CollectionRatesRepository;

beforeAll(async () => {
  app = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 2 } }).initialize();
  fixture = await new DataSource({ type: 'postgres', url: process.env.TEST_FIXTURE_DATABASE_URL, extra: { max: 1 } }).initialize();
  rates = new CollectionRatesRepository(app);
});

afterAll(async () => {
  await app?.destroy();
  await fixture?.destroy();
});

describe('CollectionRatesRepository', () => {
  it('answers the Swedish fees in force on a day, with their source', async () => {
    const on = '2026-11-29';
    expect(await rates.inForce('SE', 'REMINDER_FEE', on)).toMatchObject({ value: '60.00', unit: 'SEK', validFrom: '2013-03-16', verified: true });
    expect(await rates.inForce('SE', 'COLLECTION_DEMAND_FEE', on)).toMatchObject({ value: '180.00' });
    expect(await rates.inForce('SE', 'PAYMENT_PLAN_FEE', on)).toMatchObject({ value: '170.00' });
    const compensation = await rates.inForce('SE', 'LATE_PAYMENT_COMPENSATION', LocalDate.parse(on));
    expect(compensation).toMatchObject({ value: '450.00' });
    expect(compensation.source).toContain('4 a §');
    expect(compensation.sourceUrl).toMatch(/^https:\/\/www\.riksdagen\.se\//);
  });

  it('answers the Norwegian 2025 figures', async () => {
    const on = '2025-03-01';
    expect((await rates.inForce('NO', 'REMINDER_FEE', on)).value).toBe('35.00');
    expect((await rates.inForce('NO', 'COLLECTION_WARNING_FEE', on)).value).toBe('35.00');
    expect((await rates.inForce('NO', 'PAYMENT_DEMAND_FEE', on)).value).toBe('105.00');
    expect((await rates.inForce('NO', 'COLLECTION_RATE', on)).value).toBe('700.00');
    expect(await rates.inForce('NO', 'LATE_PAYMENT_COMPENSATION', on)).toMatchObject({ value: '470.00', verified: true });
    expect(await rates.inForce('NO', 'LATE_INTEREST_RATE', on)).toMatchObject({ value: '12.50', unit: 'PERCENT_PER_YEAR', verified: true });
    expect(await rates.inForce('NO', 'LATE_INTEREST_RATE', '2025-07-01')).toMatchObject({ value: '12.25', verified: false });
  });

  it('refuses a day with nothing in force: COLLECTION_RATE_NOT_IN_FORCE naming the kind and the day', async () => {
    const attempt = rates.inForce('SE', 'REMINDER_FEE', '2013-03-15');
    await expect(attempt).rejects.toBeInstanceOf(CollectionRateNotInForceError);
    await expect(rates.inForce('NO', 'REMINDER_FEE', '2024-12-31')).rejects.toMatchObject({
      code: CollectionError.COLLECTION_RATE_NOT_IN_FORCE,
      kind: 'BAD_USER_INPUT',
      details: { country: 'NO', kind: 'REMINDER_FEE', on: '2024-12-31' },
    });
    // The same error from the pure fee rule, given the stored rows.
    const stored = await rates.versions('NO');
    expect(() =>
      collectionFee({ country: 'NO', step: 'REMINDER', dueDate: '2024-12-01', debtorIsBusiness: false, reminderFeeAgreedAtOrigin: false, sentOn: '2024-12-31', alreadyCharged: [], rates: stored }),
    ).toThrow(expect.objectContaining({ code: 'COLLECTION_RATE_NOT_IN_FORCE' }));
  });

  it('computes Swedish late interest as reference + 8 points, across 1 July at two rates (worked by hand)', async () => {
    const seRates = await rates.lateInterestRates('SE');
    expect(seRates.filter((r) => r.validFrom >= '2024-07-01').map((r) => [r.validFrom, r.value])).toEqual([
      ['2024-07-01', '12.00'],
      ['2025-01-01', '11.00'],
      ['2025-07-01', '10.00'],
      ['2026-01-01', '10.00'],
    ]);
    // 10 000.00 due 2025-06-20, owed until 2025-07-10 (stored reference 3.00 % then 2.00 %):
    //   21-30 June 10 days at 11 %: 10 000 x 0.11 x 10/365 = 30.1369...
    //   1-10 July  10 days at 10 %: 10 000 x 0.10 x 10/365 = 27.3972...
    //   21 000/365 = 57.534... -> 57.53 (rounded once)
    const result = lateInterest({ from: '2025-06-20', to: '2025-07-10', principal: '10000.00', rates: seRates });
    expect(result.segments.map((s) => [s.firstDay, s.lastDay, s.ratePercent])).toEqual([
      ['2025-06-21', '2025-06-30', '11.00'],
      ['2025-07-01', '2025-07-10', '10.00'],
    ]);
    expect(result.interest).toBe('57.53');
    // Norway, the stored forsinkelsesrente as it is: 12.50 then 12.25 (the latter unverified).
    const noRates = await rates.lateInterestRates('NO');
    // 10 000 x (0.125 x 10 + 0.1225 x 10) / 365 = 24 750 / 365 = 67.808... -> 67.81
    expect(lateInterest({ from: '2025-06-20', to: '2025-07-10', principal: '10000.00', rates: noRates }).interest).toBe('67.81');
  });

  it('takes the day from the clock as a parameter', async () => {
    const clock = new TestClock('2025-06-30T22:30:00Z'); // already 1 July in Oslo
    expect((await rates.inForce('NO', 'LATE_INTEREST_RATE', clock.today('NO'))).value).toBe('12.25');
    clock.set('2025-06-30T21:30:00Z');
    expect((await rates.inForce('NO', 'LATE_INTEREST_RATE', clock.today('NO'))).value).toBe('12.50');
  });

  it('stores every row with a law, a public page, and says so where the figure is unverified', async () => {
    const rows: Array<{ source: string; source_url: string; verified: boolean }> = await fixture.query(`SELECT source, source_url, verified FROM collection_law_rate`);
    expect(rows.length).toBeGreaterThanOrEqual(17);
    for (const row of rows) {
      expect(row.source_url).toMatch(/^https:\/\//);
      expect(row.source).not.toMatch(/internal brief/i);
      if (!row.verified) expect(row.source).toContain('UNVERIFIED');
    }
  });

  it('keeps the history: the application cannot change a row, and the owner\'s trigger refuses it too', async () => {
    await expect(app.query(`UPDATE collection_law_rate SET value = 0 WHERE kind = 'REMINDER_FEE'`)).rejects.toThrow(/permission denied/);
    await expect(fixture.query(`DELETE FROM collection_law_rate WHERE kind = 'REMINDER_FEE'`)).rejects.toThrow();
    await expect(fixture.query(`INSERT INTO collection_law_rate (country, kind, valid_from, value, unit, source, source_url, verified) VALUES ('SE','REFERENCE_RATE','2026-03-01',1,'PERCENT_PER_YEAR','x','https://x',false)`)).rejects.toThrow(/check constraint/);
    expect((await rates.inForce('SE', 'REMINDER_FEE', '2026-01-01')).value).toBe('60.00');
  });
});
