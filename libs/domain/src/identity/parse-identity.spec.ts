import { CountryCode } from '../country';
import { LocalDate } from '../calendar/local-date';
import { errorOf } from '../spec-helpers';
import { parseOrganisationNumber, parsePersonalIdentityNumber } from './parse-identity';

const today = LocalDate.parse('2026-06-15');

describe('parseOrganisationNumber / parsePersonalIdentityNumber', () => {
  it('picks the country’s rules', () => {
    const swedish = parseOrganisationNumber('SE', '5560160680');
    expect(swedish.country).toBe('SE');
    expect(swedish.value).toBe('556016-0680');
    if (swedish.country === 'SE') expect(swedish.kind).toBe('LIMITED_COMPANY');

    expect(parseOrganisationNumber('NO', '974 760 673').value).toBe('974760673');
    expect(parseOrganisationNumber('SE', '811218-9876', { allowPersonalIdentityNumber: true, today }).value).toBe('19811218-9876');

    expect(parsePersonalIdentityNumber('SE', '811218-9876', { today }).value).toBe('19811218-9876');
    expect(parsePersonalIdentityNumber('NO', '150385 49925', { today }).value).toBe('15038549925');
  });

  it('uses the field name it is given', () => {
    expect(errorOf(() => parseOrganisationNumber('NO', '123', { field: 'debtor.organisationNumber' })).field).toBe('debtor.organisationNumber');
  });

  it('refuses a number of the other country', () => {
    expect(errorOf(() => parseOrganisationNumber('NO', '556016-0680')).code).toBe('IDENTITY_NUMBER_FORMAT');
    expect(errorOf(() => parseOrganisationNumber('SE', '974760673')).code).toBe('IDENTITY_NUMBER_FORMAT');
  });

  it('refuses an unsupported country', () => {
    const error = errorOf(() => parseOrganisationNumber('DK' as CountryCode, '12345678'));
    expect(error.code).toBe('COUNTRY_UNSUPPORTED');
    expect(error.message).toBe('The country "DK" is not supported: only SE and NO are.');
    expect(errorOf(() => parsePersonalIdentityNumber('FI' as CountryCode, '1')).code).toBe('COUNTRY_UNSUPPORTED');
  });
});
