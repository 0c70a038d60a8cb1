import { COMPANY_FORMS, companyFormOf } from './company-forms';

describe('COMPANY_FORMS', () => {
  it('lists the forms the seeds allow: AB, EF, HB, KB in Sweden (000); ENK, AS, ASA, DA, ANS in Norway (001)', () => {
    expect(COMPANY_FORMS.SE.map((form) => form.code)).toEqual(['AB', 'EF', 'HB', 'KB']);
    expect(COMPANY_FORMS.NO.map((form) => form.code)).toEqual(['ENK', 'AS', 'ASA', 'DA', 'ANS']);
  });

  it('labels every form in English, Swedish and Norwegian, and ties each Swedish form to its organisation-number kind', () => {
    for (const form of [...COMPANY_FORMS.SE, ...COMPANY_FORMS.NO]) {
      for (const language of ['en', 'sv', 'nb'] as const) expect(form.label[language]).toMatch(new RegExp(form.code));
    }
    expect(COMPANY_FORMS.SE.map((form) => form.organisationKinds)).toEqual([
      ['LIMITED_COMPANY'],
      ['SOLE_TRADER'],
      ['TRADING_OR_LIMITED_PARTNERSHIP'],
      ['TRADING_OR_LIMITED_PARTNERSHIP'],
    ]);
    expect(COMPANY_FORMS.NO.every((form) => form.organisationKinds === undefined)).toBe(true);
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(COMPANY_FORMS.SE)).toBe(true);
    expect(Object.isFrozen(COMPANY_FORMS.SE[0].label)).toBe(true);
  });

  it.each([
    ['SE', 'AB', 'AB'],
    ['SE', ' ab ', 'AB'],
    ['NO', 'asa', 'ASA'],
    ['SE', 'AS', undefined], // a Norwegian form in Sweden
    ['NO', 'AB', undefined],
    ['SE', 'Ekonomisk förening', undefined],
  ] as const)('finds %s %j as %s', (country, code, found) => {
    expect(companyFormOf(country, code)?.code).toBe(found);
  });
});
