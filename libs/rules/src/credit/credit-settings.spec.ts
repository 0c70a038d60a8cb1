import { NoVersionInForceError } from '../policy/dated-setting';
import { CreditSettings, creditSettingsInForce, DEFAULT_CREDIT_SETTINGS, validateCreditSettings } from './credit-settings';
import { d } from './spec-helpers';

const valid = DEFAULT_CREDIT_SETTINGS.SE[0].value;
const withDebtor = (mode: 'WITH_RECOURSE' | 'WITHOUT_RECOURSE', changes: Record<string, unknown>): CreditSettings =>
  ({ ...valid, debtor: { ...valid.debtor, [mode]: { ...valid.debtor[mode], ...changes } } }) as CreditSettings;
const problems = (settings: CreditSettings) => validateCreditSettings(settings).problems.map((p) => [p.field, p.code]);

describe('credit settings', () => {
  it('has a version in force in each country, in its currency, with the house policy as source', () => {
    expect(creditSettingsInForce('SE', d('2026-06-15')).value.currency).toBe('SEK');
    expect(creditSettingsInForce('NO', d('2026-06-15')).value.currency).toBe('NOK');
    expect(creditSettingsInForce('NO', d('2026-06-15')).source).toMatch(/^Our own credit policy/);
    expect(() => creditSettingsInForce('SE', d('2023-12-31'))).toThrow(NoVersionInForceError);
  });

  it('the defaults pass their own validation', () => {
    for (const country of ['SE', 'NO'] as const) for (const version of DEFAULT_CREDIT_SETTINGS[country]) expect(validateCreditSettings(version.value)).toEqual({ valid: true, problems: [] });
  });

  it.each<[string, CreditSettings, [string, string][]]>([
    ['unknown currency', { ...valid, currency: 'EUR' }, [['currency', 'CREDIT_SETTINGS_CURRENCY_UNKNOWN']]],
    ['tolerance above 25 %', { ...valid, limitToleranceShare: '0.30' }, [['limitToleranceShare', 'CREDIT_SETTINGS_OUT_OF_RANGE']]],
    ['share above 1', { ...valid, concentrationMaxShare: '1.01' }, [['concentrationMaxShare', 'CREDIT_SETTINGS_OUT_OF_RANGE']]],
    ['share with a comma', { ...valid, concentrationMaxShare: '0,5' }, [['concentrationMaxShare', 'VALUE_NOT_A_DECIMAL']]],
    ['negative amount', { ...valid, concentrationMinClientExposure: '-1' }, [['concentrationMinClientExposure', 'VALUE_NEGATIVE']]],
    ['multiple below 1', { ...valid, unusualAmountMultiple: '0.5' }, [['unusualAmountMultiple', 'CREDIT_SETTINGS_OUT_OF_RANGE']]],
    ['fractional history', { ...valid, unusualAmountMinHistory: 2.5 }, [['unusualAmountMinHistory', 'CREDIT_SETTINGS_NOT_WHOLE']]],
    ['zero paid invoices for the share', { ...valid, lateShareMinPaidInvoices: 0 }, [['lateShareMinPaidInvoices', 'CREDIT_SETTINGS_OUT_OF_RANGE']]],
    ['amount with too many decimals', withDebtor('WITH_RECOURSE', { personMaxAmount: '1.001' }), [['debtor.WITH_RECOURSE.personMaxAmount', 'VALUE_TOO_PRECISE']]],
    [
      'manual days above deny days',
      withDebtor('WITH_RECOURSE', { lateManualAverageDays: 46 }),
      [['debtor.WITH_RECOURSE.lateManualAverageDays', 'CREDIT_SETTINGS_MANUAL_ABOVE_DENY']],
    ],
    [
      'without recourse looser than with',
      withDebtor('WITHOUT_RECOURSE', { newDebtorMaxAmount: '150000.00' }),
      [['debtor.WITHOUT_RECOURSE.newDebtorMaxAmount', 'CREDIT_SETTINGS_WITHOUT_RECOURSE_LOOSER']],
    ],
  ])('refuses %s', (_name, settings, expected) => {
    expect(problems(settings)).toEqual(expected);
    for (const problem of validateCreditSettings(settings).problems) for (const language of ['en', 'sv', 'nb'] as const) expect(problem.message[language]).not.toBe('');
  });

  it('reports a missing recourse mode field by field rather than crashing', () => {
    const broken = { ...valid, debtor: { WITH_RECOURSE: valid.debtor.WITH_RECOURSE } } as unknown as CreditSettings;
    const check = validateCreditSettings(broken);
    expect(check.valid).toBe(false);
    expect(check.problems.map((p) => p.field)).toContain('debtor.WITHOUT_RECOURSE.newDebtorMaxAmount');
  });
});
