import fc from 'fast-check';
import { LocalDate } from '@factoring/domain';
import { checkClientApplication, ClientApplicationInput, REGISTRY_STATUSES, RegistryStatus } from './check-client-application';
import { COMPANY_FORMS } from './company-forms';
import { errorOf, withLuhn } from './spec-helpers';

const today = LocalDate.parse('2026-06-15');
const check = (input: Partial<ClientApplicationInput>) =>
  checkClientApplication({ country: 'SE', organisationNumber: '556016-0680', companyForm: 'AB', registryStatus: 'ACTIVE', ...input }, { today });
const codes = (input: Partial<ClientApplicationInput>) => check(input).reasons.map((r) => r.code);

describe('checkClientApplication', () => {
  it.each([
    ['SE', 'AB', '5560160680', '556016-0680'],
    ['SE', 'HB', '916000-0007', '916000-0007'],
    ['SE', 'KB', '9160000007', '916000-0007'],
    ['SE', 'EF', '811218-9876', '19811218-9876'],
    ['SE', 'ef', '19811218-9876', '19811218-9876'],
    ['NO', 'AS', '974 760 673', '974760673'],
    ['NO', 'ENK', 'NO 923 609 016 MVA', '923609016'],
  ] as const)('sends an active %s %s with number %j to assessment, with the canonical number %s', (country, companyForm, organisationNumber, canonical) => {
    expect(check({ country, companyForm, organisationNumber })).toEqual({ outcome: 'TO_ASSESS', reasons: [], organisationNumber: canonical });
  });

  it.each([
    ['BANKRUPT', 'COMPANY_BANKRUPT', 'The company is registered as bankrupt'],
    ['IN_LIQUIDATION', 'COMPANY_IN_LIQUIDATION', 'The company is registered as in liquidation'],
    ['DISSOLVED', 'COMPANY_DISSOLVED', 'The company is deregistered (dissolved)'],
  ] as const)('refuses a company that is %s with %s', (registryStatus, code, start) => {
    const result = check({ registryStatus });
    expect(result.outcome).toBe('REFUSED');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0].code).toBe(code);
    expect(result.reasons[0].message.en).toMatch(new RegExp(`^${start.replace(/[()]/g, '\\$&')}`));
    expect(result.reasons[0].message.sv).toMatch(/Företaget är/);
    expect(result.reasons[0].message.nb).toMatch(/Foretaket er/);
    expect(result.organisationNumber).toBe('556016-0680'); // still given: the number itself was fine
  });

  it('says which forms are allowed when the form is not', () => {
    const [reason] = check({ companyForm: 'Ekonomisk förening' }).reasons;
    expect(reason.code).toBe('COMPANY_FORM_NOT_ALLOWED');
    expect(reason.message.en).toBe(
      'The company form "Ekonomisk förening" cannot sell invoices in SE. The forms that can are: Limited company (aktiebolag, AB), Sole trader (enskild firma, EF), Trading partnership (handelsbolag, HB) and Limited partnership (kommanditbolag, KB).',
    );
    expect(reason.message.sv).toBe('Företagsformen "Ekonomisk förening" kan inte sälja fakturor i SE. De företagsformer som kan är: Aktiebolag (AB), Enskild firma (EF), Handelsbolag (HB) och Kommanditbolag (KB).');
    expect(reason.figures).toEqual({ companyForm: 'Ekonomisk förening', allowedForms: 'AB,EF,HB,KB' });
    expect(check({ country: 'NO', organisationNumber: '974760673', companyForm: 'AB' }).reasons[0].message.nb).toContain('Enkeltpersonforetak (ENK), Aksjeselskap (AS), Allmennaksjeselskap (ASA), Selskap med delt ansvar (DA) og Ansvarlig selskap (ANS)');
  });

  it.each([
    ['SE', '556016-0681', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 0, got 1. Check for a mistyped or swapped digit.', 'Kontrollsiffran (den sista siffran) stämmer inte'],
    ['SE', '556016-068', 'IDENTITY_NUMBER_FORMAT', '"556016-068" is not a Swedish organisation number: write 10 digits, as NNNNNN-NNNN.', 'Skriv det med 10 siffror'],
    ['SE', '402000-0008', 'ORGANISATION_NUMBER_GROUP', 'No Swedish organisation number starts with 4: the first digit (the group) is 1-3 or 5-9.', 'den första siffran (gruppen) är 1-3 eller 5-9'],
    ['SE', '811318-9875', 'IDENTITY_NUMBER_DATE', expect.stringContaining('does not exist'), 'Födelsedatumet i personnumret'],
    ['NO', '974760674', 'IDENTITY_NUMBER_CHECK_DIGIT', 'The check digit is wrong: expected 3, got 4. Check for a mistyped or swapped digit.', 'Kontrollsiffran'],
    ['NO', '97476067', 'IDENTITY_NUMBER_FORMAT', '"97476067" is not a Norwegian organisation number: write 9 digits, as NNN NNN NNN.', 'Skriv det med 9 siffror'],
  ] as const)('refuses the %s organisation number %j, carrying the value object’s reason %s', (country, organisationNumber, errorCode, explanation, swedish) => {
    const result = check({ country, organisationNumber, companyForm: country === 'SE' ? (organisationNumber.startsWith('81') ? 'EF' : 'AB') : 'AS' });
    expect(result.outcome).toBe('REFUSED');
    expect(result.organisationNumber).toBeUndefined();
    const [reason] = result.reasons;
    expect(reason.code).toBe('ORGANISATION_NUMBER_INVALID');
    expect(reason.figures).toEqual({ organisationNumber, errorCode, explanation });
    expect(reason.message.en).toEqual(expect.stringMatching(/^The organisation number ".*" is not valid\. /));
    expect(reason.message.en.endsWith(String(reason.figures?.explanation))).toBe(true);
    expect(reason.message.sv).toContain(swedish);
    expect(reason.message.nb).toMatch(/^Organisasjonsnummeret ".*" er ikke gyldig\. /);
  });

  it.each([
    ['AB', '916000-0007', 'the form AB has an organisation number starting with 5, but 916000-0007 is a trading or limited partnership, HB or KB (group 9).'],
    ['AB', '811218-9876', "the form AB has an organisation number starting with 5, but 19811218-9876 is a person's personal identity number, used by a sole trader (EF)."],
    ['HB', '556016-0680', 'the form HB has an organisation number starting with 9, but 556016-0680 is a limited company, AB (group 5).'],
    ['KB', '769000-0000', 'the form KB has an organisation number starting with 9, but 769000-0000 is an economic association (group 7).'],
    ['EF', '556016-0680', "the form EF has the owner's personal identity number, but 556016-0680 is a limited company, AB (group 5)."],
  ])('refuses an %s with the number %s: form and number do not match', (companyForm, organisationNumber, middle) => {
    const result = check({ companyForm, organisationNumber });
    expect(result.outcome).toBe('REFUSED');
    expect(result.reasons.map((r) => r.code)).toEqual(['COMPANY_FORM_NUMBER_MISMATCH']);
    expect(result.reasons[0].message.en).toBe(`The company form and the number do not match: ${middle} Check the company form or the number.`);
    expect(result.reasons[0].message.sv).toMatch(/^Företagsformen och numret stämmer inte överens: .* Kontrollera företagsformen eller numret\.$/);
  });

  it('returns every reason at once, in a stable order', () => {
    expect(codes({ companyForm: 'AS', organisationNumber: '556016-0681', registryStatus: 'BANKRUPT' })).toEqual([
      'COMPANY_FORM_NOT_ALLOWED',
      'ORGANISATION_NUMBER_INVALID',
      'COMPANY_BANKRUPT',
    ]);
    expect(codes({ companyForm: 'AB', organisationNumber: '916000-0007', registryStatus: 'IN_LIQUIDATION' })).toEqual(['COMPANY_FORM_NUMBER_MISMATCH', 'COMPANY_IN_LIQUIDATION']);
  });

  it('refuses an unsupported country and an unknown registry status outright: they are programming errors, not the applicant’s', () => {
    expect(errorOf(() => check({ country: 'DK' as 'SE' })).code).toBe('COUNTRY_UNSUPPORTED');
    const error = errorOf(() => check({ registryStatus: 'ACTIVE ' as RegistryStatus }));
    expect(error.code).toBe('REGISTRY_STATUS_UNKNOWN');
    expect(error.field).toBe('registryStatus');
  });

  describe('properties', () => {
    // Group 5 (AB) or 9 (HB/KB), third digit 2-9, Luhn check digit.
    const swedish = fc
      .tuple(fc.constantFrom(['AB', '5'], ['HB', '9'], ['KB', '9']), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }), fc.integer({ min: 2, max: 9 }))
      .map(([[form, group], rest, third]) => ({ form, number: withLuhn(`${group}${rest[0]}${third}${rest.slice(1).join('')}`) }));
    const status = fc.constantFrom(...REGISTRY_STATUSES);

    it('an allowed form with a matching valid number is refused only for its registry status', () => {
      fc.assert(
        fc.property(swedish, status, ({ form, number }, registryStatus) => {
          const result = check({ companyForm: form, organisationNumber: number, registryStatus });
          expect(result.outcome).toBe(registryStatus === 'ACTIVE' ? 'TO_ASSESS' : 'REFUSED');
          expect(result.reasons.length).toBe(registryStatus === 'ACTIVE' ? 0 : 1);
          expect(result.organisationNumber).toBe(`${number.slice(0, 6)}-${number.slice(6)}`);
        }),
      );
    });

    it('refuses whenever there is a reason, and every reason has a sentence in each language', () => {
      const form = fc.constantFrom(...COMPANY_FORMS.SE.map((f) => f.code), 'AS', 'XYZ', '');
      fc.assert(
        fc.property(form, fc.oneof(swedish.map((s) => s.number), fc.string()), status, (companyForm, organisationNumber, registryStatus) => {
          const result = check({ companyForm, organisationNumber, registryStatus });
          expect(result.outcome).toBe(result.reasons.length === 0 ? 'TO_ASSESS' : 'REFUSED');
          for (const reason of result.reasons) {
            for (const language of ['en', 'sv', 'nb'] as const) expect(reason.message[language].length).toBeGreaterThan(20);
          }
        }),
      );
    });
  });
});
