import fc from 'fast-check';
import { LocalDate } from '@factoring/domain';
import { AgreementPolicy, agreementPolicyInForce, AgreementTerms, DEFAULT_AGREEMENT_POLICY, validateAgreementTerms } from './agreement-terms';

const policy = DEFAULT_AGREEMENT_POLICY.SE[0].value;
const terms = (override: Partial<Record<keyof AgreementTerms, unknown>> = {}): AgreementTerms =>
  ({
    feePercent: '2.5',
    feeFixed: '10',
    feeMinimum: '25.00',
    vatRateOnFeePercent: '25',
    recourseModes: ['WITH_RECOURSE'],
    creditLimit: '250000.00',
    spotCheckIntensity: 'HIGH',
    deliveryChannel: 'EMAIL',
    ...override,
  }) as AgreementTerms;
const problems = (override: Partial<Record<keyof AgreementTerms, unknown>>) => validateAgreementTerms(terms(override), policy).problems;

describe('DEFAULT_AGREEMENT_POLICY', () => {
  it('bounds the fee at 0.5-10 %, the fixed fee at 500 and the minimum at 1000, with 25 % VAT on the fee, in both countries', () => {
    for (const country of ['SE', 'NO'] as const) {
      const version = agreementPolicyInForce(country, LocalDate.parse('2026-06-15'));
      expect(version.value).toEqual({ feePercent: { min: '0.5', max: '10' }, feeFixedMax: '500', feeMinimumMax: '1000', vatRatesOnFee: ['25'] });
      expect(version.source).toMatch(/pricing policy/);
    }
    // Typical fees from the seeds lie well inside: 2-3 % (000) and 2-4 % (001).
    for (const fee of ['2', '3', '4']) expect(problems({ feePercent: fee })).toEqual([]);
  });

  it('refuses to guess before the first version', () => {
    expect(() => agreementPolicyInForce('SE', LocalDate.parse('2023-12-31'))).toThrow('No version of agreement policy (SE) is in force on 2023-12-31.');
  });
});

describe('validateAgreementTerms', () => {
  it('accepts terms inside the policy, with or without the optional fees', () => {
    expect(validateAgreementTerms(terms(), policy)).toEqual({ valid: true, problems: [] });
    expect(validateAgreementTerms(terms({ feeFixed: undefined, feeMinimum: undefined }), policy).valid).toBe(true);
    expect(validateAgreementTerms(terms({ feeFixed: '', feeMinimum: null }), policy).valid).toBe(true); // an emptied form field
    expect(validateAgreementTerms(terms({ feePercent: '0.5', feeFixed: '500', feeMinimum: '1000.00', vatRateOnFeePercent: '25.00', recourseModes: ['WITHOUT_RECOURSE', 'WITH_RECOURSE'] }), policy).valid).toBe(true);
    expect(validateAgreementTerms(terms({ feePercent: '10.0000', creditLimit: '0' }), policy).valid).toBe(true);
  });

  it.each([
    ['feePercent', '12', 'AGREEMENT_FEE_PERCENT_OUT_OF_RANGE', 'The fee must be between 0.5 % and 10 % of the invoice amount; 12 % is outside it.', 'Avgiften ska vara mellan 0,5 % och 10 % av fakturabeloppet; 12 % ligger utanför.', 'Gebyret må være mellom 0,5 % og 10 % av fakturabeløpet; 12 % er utenfor.'],
    ['feePercent', '0.25', 'AGREEMENT_FEE_PERCENT_OUT_OF_RANGE', 'The fee must be between 0.5 % and 10 % of the invoice amount; 0.25 % is outside it.', expect.stringContaining('0,25 %'), expect.any(String)],
    ['feePercent', '10.0001', 'AGREEMENT_FEE_PERCENT_OUT_OF_RANGE', expect.stringContaining('10.0001 % is outside it'), expect.any(String), expect.any(String)],
    ['feePercent', '2.12345', 'VALUE_TOO_PRECISE', 'The fee takes at most 4 decimals; "2.12345" has more.', 'Avgiften får ha högst 4 decimaler; "2.12345" har fler.', 'Gebyret kan ha høyst 4 desimaler; "2.12345" har flere.'],
    ['feePercent', '-2', 'VALUE_NEGATIVE', 'The fee cannot be less than zero; "-2" is.', expect.any(String), expect.any(String)],
    ['feePercent', 'NaN', 'VALUE_NOT_A_DECIMAL', 'The fee must be a decimal number written with digits and a point, such as "2.5"; "NaN" is not.', expect.any(String), expect.any(String)],
    ['feePercent', '2,5', 'VALUE_NOT_A_DECIMAL', expect.stringContaining('"2,5" is not'), expect.any(String), expect.any(String)],
    ['feePercent', 2.5, 'VALUE_NOT_A_DECIMAL', expect.stringContaining('; 2.5 is not'), expect.any(String), expect.any(String)],
    ['feePercent', undefined, 'VALUE_MISSING', 'The fee is missing.', 'Avgiften saknas.', 'Gebyret mangler.'],
    ['feeFixed', '600', 'AGREEMENT_FEE_FIXED_TOO_HIGH', 'The fixed fee per invoice must be at most 500.00; 600.00 is more.', 'Den fasta avgiften per faktura får vara högst 500,00; 600,00 är mer.', 'Det faste gebyret per faktura kan være høyst 500,00; 600,00 er mer.'],
    ['feeFixed', '9.999', 'VALUE_TOO_PRECISE', 'The fixed fee per invoice takes at most 2 decimals; "9.999" has more.', expect.any(String), expect.any(String)],
    ['feeFixed', 'Infinity', 'VALUE_NOT_A_DECIMAL', expect.stringContaining('"Infinity" is not'), expect.any(String), expect.any(String)],
    ['feeMinimum', '1000.01', 'AGREEMENT_FEE_MINIMUM_TOO_HIGH', 'The minimum fee per invoice must be at most 1,000.00; 1,000.01 is more.', 'Minimiavgiften per faktura får vara högst 1\u00a0000,00; 1\u00a0000,01 är mer.', expect.any(String)],
    ['feeMinimum', '-0.01', 'VALUE_NEGATIVE', expect.stringContaining('cannot be less than zero'), expect.any(String), expect.any(String)],
    ['vatRateOnFeePercent', '12', 'AGREEMENT_VAT_RATE_NOT_ALLOWED', 'The VAT rate on the fee must be 25 %; 12 % is not a rate that applies to the fee.', 'Momssatsen på avgiften ska vara 25 %; 12 % är inte en sats som gäller för avgiften.', 'Mva-satsen på gebyret må være 25 %; 12 % er ikke en sats som gjelder for gebyret.'],
    ['vatRateOnFeePercent', '', 'VALUE_MISSING', 'The VAT rate on the fee is missing.', expect.any(String), expect.any(String)],
    ['recourseModes', [], 'AGREEMENT_RECOURSE_MODES_EMPTY', 'Choose at least one recourse mode: with recourse (the client keeps the credit risk), without recourse, or both.', expect.any(String), expect.any(String)],
    ['recourseModes', ['WITH_RECOURSE', 'WITH_RECOURSE'], 'AGREEMENT_RECOURSE_MODES_DUPLICATE', 'Each recourse mode may be listed once; WITH_RECOURSE is listed more than once.', expect.any(String), expect.any(String)],
    ['recourseModes', ['REGRESS'], 'AGREEMENT_RECOURSE_MODE_UNKNOWN', 'A recourse mode must be one of WITH_RECOURSE, WITHOUT_RECOURSE; "REGRESS" is not.', expect.any(String), expect.any(String)],
    ['creditLimit', '1e6', 'VALUE_NOT_A_DECIMAL', expect.stringContaining('The credit limit must be a decimal number'), expect.any(String), expect.any(String)],
    ['creditLimit', '-1', 'VALUE_NEGATIVE', 'The credit limit cannot be less than zero; "-1" is.', 'Kreditlimiten får inte vara mindre än noll; "-1" är det.', 'Kredittgrensen kan ikke være mindre enn null; "-1" er det.'],
    ['creditLimit', '1234567890123456', 'VALUE_TOO_LARGE', 'The credit limit "1234567890123456" has too many digits: at most 15 before the point.', expect.any(String), expect.any(String)],
    ['spotCheckIntensity', 'MEDIUM', 'AGREEMENT_SPOT_CHECK_INTENSITY_UNKNOWN', 'The spot-check intensity must be one of HIGH, NORMAL, LOW; "MEDIUM" is not.', expect.any(String), expect.any(String)],
    ['deliveryChannel', 'FAX', 'AGREEMENT_DELIVERY_CHANNEL_UNKNOWN', 'The delivery channel must be one of EMAIL, E_INVOICE, POST, KIVRA; "FAX" is not.', 'Leveranssättet ska vara något av EMAIL, E_INVOICE, POST, KIVRA; "FAX" är det inte.', expect.any(String)],
  ])('refuses %s %j with %s', (field, value, code, en, sv, nb) => {
    const result = validateAgreementTerms(terms({ [field]: value }), policy);
    expect(result.valid).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toEqual(expect.objectContaining({ field, code, message: { en, sv, nb } }));
  });

  it('returns every problem at once, each with its field', () => {
    const result = validateAgreementTerms(
      terms({ feePercent: '12', feeFixed: '-5', feeMinimum: 'abc', vatRateOnFeePercent: '0', recourseModes: ['X', 'X'], creditLimit: '-1', spotCheckIntensity: 'x', deliveryChannel: 'y' }),
      policy,
    );
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['feePercent', 'AGREEMENT_FEE_PERCENT_OUT_OF_RANGE'],
      ['feeFixed', 'VALUE_NEGATIVE'],
      ['feeMinimum', 'VALUE_NOT_A_DECIMAL'],
      ['vatRateOnFeePercent', 'AGREEMENT_VAT_RATE_NOT_ALLOWED'],
      ['recourseModes', 'AGREEMENT_RECOURSE_MODE_UNKNOWN'],
      ['recourseModes', 'AGREEMENT_RECOURSE_MODES_DUPLICATE'],
      ['creditLimit', 'VALUE_NEGATIVE'],
      ['spotCheckIntensity', 'AGREEMENT_SPOT_CHECK_INTENSITY_UNKNOWN'],
      ['deliveryChannel', 'AGREEMENT_DELIVERY_CHANNEL_UNKNOWN'],
    ]);
    expect(result.problems[0].figures).toEqual({ value: '12', min: '0.5', max: '10' });
  });

  it('lists several allowed VAT rates, and refuses a malformed policy as a configuration error', () => {
    const twoRates: AgreementPolicy = { ...policy, vatRatesOnFee: ['25', '0'] };
    expect(validateAgreementTerms(terms({ vatRateOnFeePercent: '0' }), twoRates).valid).toBe(true);
    expect(validateAgreementTerms(terms({ vatRateOnFeePercent: '12' }), twoRates).problems[0].message.en).toBe(
      'The VAT rate on the fee must be 25 % or 0 %; 12 % is not a rate that applies to the fee.',
    );
    expect(() => validateAgreementTerms(terms(), { ...policy, feeFixedMax: 'lots' })).toThrow('Agreement policy: feeFixedMax "lots" is not a non-negative decimal (VALUE_NOT_A_DECIMAL).');
    expect(() => validateAgreementTerms(terms(), { ...policy, feePercent: { min: '5', max: '1' } })).toThrow('feePercent.min is above feePercent.max');
  });

  describe('properties', () => {
    /** A decimal string of `units` hundredths (or ten-thousandths for percentages). */
    const decimalText = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((units) => (units / 10 ** scale).toFixed(scale));

    it('accepts every fee from 0.5 % to 10 % and refuses every one outside', () => {
      fc.assert(
        fc.property(decimalText(0, 200_000, 4), (fee) => {
          const inside = Number(fee) >= 0.5 && Number(fee) <= 10;
          const codes = problems({ feePercent: fee }).map((p) => p.code);
          expect(codes).toEqual(inside ? [] : ['AGREEMENT_FEE_PERCENT_OUT_OF_RANGE']);
        }),
      );
    });

    it('never accepts a negative, or a string that is not a plain decimal, in any number field', () => {
      const bad = fc.oneof(
        decimalText(1, 10_000_000, 2).map((text) => `-${text}`),
        fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e3', ' 1', '1 ', '+1', '.5', '1.', '0x10', '1,5', '١'),
        // Not '': an empty optional fee means "none" (tested above).
        fc.string({ minLength: 1 }).filter((s) => !/^-?\d+(\.\d+)?$/.test(s)),
      );
      const field = fc.constantFrom('feePercent', 'feeFixed', 'feeMinimum', 'vatRateOnFeePercent', 'creditLimit');
      fc.assert(
        fc.property(field, bad, (name, value) => {
          const found = problems({ [name]: value });
          expect(found.length).toBeGreaterThan(0);
          expect(found.every((p) => p.field === name)).toBe(true);
        }),
      );
    });
  });
});
