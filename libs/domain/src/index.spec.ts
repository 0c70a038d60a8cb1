import * as domain from './index';

describe('@factoring/domain', () => {
  it('exports the public API', () => {
    expect(Object.keys(domain)).toEqual(
      expect.arrayContaining([
        'BANK_ACCOUNT_KINDS',
        'BankAccount',
        'BankAccountErrorCode',
        'BusinessCalendar',
        'CLEARING_SERIES',
        'CURRENCIES',
        'CalendarErrorCode',
        'ConflictError',
        'DomainError',
        'IdentityErrorCode',
        'InvalidValueError',
        'KID_MAX_LENGTH',
        'KID_MIN_LENGTH',
        'KidReference',
        'LocalDate',
        'Money',
        'MoneyErrorCode',
        'NorwegianOrganisationNumber',
        'NorwegianPersonalIdentityNumber',
        'NotFoundError',
        'OCR_MAX_LENGTH',
        'OCR_MIN_LENGTH',
        'OcrReference',
        'PaymentReferenceErrorCode',
        'SUPPORTED_COUNTRIES',
        'SwedishOrganisationNumber',
        'SwedishPersonalIdentityNumber',
        'daysInMonth',
        'isCountryCode',
        'isCurrencyCode',
        'isLeapYear',
        'parseCountryCode',
        'parseCurrencyCode',
        'parseOrganisationNumber',
        'parsePersonalIdentityNumber',
        'nextClientState',
        'canSellInvoices',
      ]),
    );
  });

  it('answers the offer of the worked example', () => {
    const invoice = domain.Money.of('100.00', 'SEK');
    const fee = domain.Money.percentageOf(invoice, '2').roundToMinorUnit();
    const vat = domain.Money.percentageOf(fee, '25').roundToMinorUnit();
    expect(invoice.minus(fee).minus(vat).toString()).toBe('97.50');
  });
});
