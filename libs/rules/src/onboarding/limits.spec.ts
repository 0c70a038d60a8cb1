import fc from 'fast-check';
import { LocalDate } from '@factoring/domain';
import { checkLimitChange, effectiveLimit } from './limits';
import { errorOf } from './spec-helpers';

const d = LocalDate.parse;

describe('effectiveLimit', () => {
  const raised = { limit: '100000', temporaryRaise: { amount: '50000.50', expiresOn: d('2026-06-30') } };

  it.each([
    ['2026-06-01', '150000.50', true, 'LIMIT_TEMPORARY_RAISE_IN_FORCE'],
    ['2026-06-30', '150000.50', true, 'LIMIT_TEMPORARY_RAISE_IN_FORCE'], // the expiry day itself still counts
    ['2026-07-01', '100000.00', false, 'LIMIT_TEMPORARY_RAISE_EXPIRED'],
  ])('on %s is %s (raise in force: %p)', (today, amount, raiseInForce, code) => {
    const result = effectiveLimit(raised, d(today));
    expect(result.amount).toBe(amount);
    expect(result.raiseInForce).toBe(raiseInForce);
    expect(result.explanation.code).toBe(code);
  });

  it('says the raise counts through its expiry date', () => {
    expect(effectiveLimit(raised, d('2026-06-30')).explanation).toEqual({
      code: 'LIMIT_TEMPORARY_RAISE_IN_FORCE',
      message: {
        en: 'The limit is 150,000.50: 100,000.00 as agreed plus a temporary raise of 50,000.50, which applies through 2026-06-30 (that day included).',
        sv: 'Limiten är 150\u00a0000,50: 100\u00a0000,00 enligt avtal plus en tillfällig höjning på 50\u00a0000,50, som gäller till och med 2026-06-30.',
        nb: 'Grensen er 150\u00a0000,50: 100\u00a0000,00 som avtalt pluss en midlertidig økning på 50\u00a0000,50, som gjelder til og med 2026-06-30.',
      },
      figures: { limit: '100000.00', raise: '50000.50', raiseExpiresOn: '2026-06-30', effectiveLimit: '150000.50' },
    });
    expect(effectiveLimit(raised, d('2026-07-01')).explanation.message.en).toBe('The limit is 100,000.00: the temporary raise of 50,000.50 applied through 2026-06-30 and has ended.');
  });

  it('is the agreed limit without a raise', () => {
    expect(effectiveLimit({ limit: '75000.00' }, d('2026-06-15'))).toEqual({
      amount: '75000.00',
      raiseInForce: false,
      explanation: { code: 'LIMIT_AS_AGREED', message: { en: 'The limit is 75,000.00, as agreed.', sv: 'Limiten är 75\u00a0000,00, enligt avtal.', nb: 'Grensen er 75\u00a0000,00, som avtalt.' }, figures: { limit: '75000.00' } },
    });
    expect(effectiveLimit({ limit: '75000', temporaryRaise: null }, d('2026-06-15')).amount).toBe('75000.00');
  });

  it.each([
    [{ limit: '-1' }, 'VALUE_NEGATIVE', 'limit'],
    [{ limit: '1e5' }, 'VALUE_NOT_A_DECIMAL', 'limit'],
    [{ limit: '100', temporaryRaise: { amount: '-5', expiresOn: d('2026-01-01') } }, 'VALUE_NEGATIVE', 'temporaryRaise.amount'],
    [{ limit: '100', temporaryRaise: { amount: '5.001', expiresOn: d('2026-01-01') } }, 'VALUE_TOO_PRECISE', 'temporaryRaise.amount'],
  ])('refuses %p with %s on %s', (input, code, field) => {
    const error = errorOf(() => effectiveLimit(input, d('2026-06-15')));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('is the limit plus the raise exactly on and before the expiry date, and the limit after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: -60, max: 60 }), (limitOre, raiseOre, offset) => {
        const expiresOn = d('2026-06-30');
        const text = (ore: number) => (ore / 100).toFixed(2);
        const result = effectiveLimit({ limit: text(limitOre), temporaryRaise: { amount: text(raiseOre), expiresOn } }, expiresOn.plusDays(offset));
        expect(result.amount).toBe(text(offset <= 0 ? limitOre + raiseOre : limitOre));
        expect(result.raiseInForce).toBe(offset <= 0);
      }),
    );
  });
});

describe('checkLimitChange', () => {
  it('allows a limit at or above the exposure without warnings', () => {
    expect(checkLimitChange({ newLimit: '100000', exposure: '80000' })).toEqual({ allowed: true, warnings: [] });
    expect(checkLimitChange({ newLimit: '80000.00', exposure: '80000' })).toEqual({ allowed: true, warnings: [] });
  });

  it('allows a limit below the exposure with a reason, warning with the figures', () => {
    expect(checkLimitChange({ newLimit: '50000', exposure: '80000.25', reason: '  Two debtors in collection.  ' })).toEqual({
      allowed: true,
      warnings: [
        {
          code: 'LIMIT_BELOW_EXPOSURE',
          message: {
            en: 'The new limit 50,000.00 is 30,000.25 below the current exposure 80,000.25: no new invoices are bought until the exposure falls under the limit.',
            sv: 'Den nya limiten 50\u00a0000,00 är 30\u00a0000,25 lägre än nuvarande engagemang 80\u00a0000,25: inga nya fakturor köps förrän engagemanget är under limiten.',
            nb: 'Den nye grensen 50\u00a0000,00 er 30\u00a0000,25 lavere enn dagens engasjement 80\u00a0000,25: ingen nye fakturaer kjøpes før engasjementet er under grensen.',
          },
          figures: { newLimit: '50000.00', exposure: '80000.25', shortfall: '30000.25', reason: 'Two debtors in collection.' },
        },
      ],
    });
  });

  it.each([
    [{ newLimit: '50000', exposure: '80000' }, 'LIMIT_BELOW_EXPOSURE_REASON_REQUIRED', 'reason', 'The new limit 50000.00 is below the current exposure 80000.00 (by 30000.00): write the reason for the cut.'],
    [{ newLimit: '50000', exposure: '80000', reason: '   ' }, 'LIMIT_BELOW_EXPOSURE_REASON_REQUIRED', 'reason', expect.any(String)],
    [{ newLimit: '-1', exposure: '0', reason: 'x' }, 'VALUE_NEGATIVE', 'newLimit', 'The new limit cannot be less than zero; "-1" is.'],
    [{ newLimit: 'NaN', exposure: '0' }, 'VALUE_NOT_A_DECIMAL', 'newLimit', expect.any(String)],
    [{ newLimit: '1', exposure: '-5' }, 'VALUE_NEGATIVE', 'exposure', expect.any(String)],
  ])('refuses %p with %s on %s', (change, code, field, message) => {
    const error = errorOf(() => checkLimitChange(change));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toEqual(message);
  });

  it('warns exactly when the new limit is below the exposure, and needs a reason exactly then', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (limitOre, exposureOre) => {
        const change = { newLimit: (limitOre / 100).toFixed(2), exposure: (exposureOre / 100).toFixed(2) };
        const below = limitOre < exposureOre;
        expect(checkLimitChange({ ...change, reason: 'Risk review' }).warnings.length).toBe(below ? 1 : 0);
        if (below) expect(errorOf(() => checkLimitChange(change)).field).toBe('reason');
        else expect(checkLimitChange(change).allowed).toBe(true);
      }),
    );
  });
});
