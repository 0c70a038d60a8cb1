import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { errorOf, singleDigitErrors, withLuhn, withMod11 } from '../spec-helpers';
import { BankAccount, BankAccountKind } from './bank-account';
import { CLEARING_SERIES, ClearingSeries } from './swedish-clearing-numbers';

const parse = (kind: string, value: string, bic?: string) => BankAccount.parse({ kind, value, bic });
const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('BankAccount', () => {
  it.each([
    // kind, input, canonical value, display
    ['SE_BANKGIRO', '5050-1055', '5050-1055', '5050-1055'], // Skatteverket
    ['SE_BANKGIRO', '160 9908', '160-9908', '160-9908'], // Bankgirot's own
    ['SE_BANKGIRO', '50501055', '5050-1055', '5050-1055'],
    ['SE_PLUSGIRO', '90 20 03-3', '9020033', '90 20 03-3'],
    ['SE_PLUSGIRO', '9020033', '9020033', '90 20 03-3'],
    ['SE_PLUSGIRO', withLuhn('1234567'), '12345674', '123 45 67-4'],
    ['SE_PLUSGIRO', '18', '18', '1-8'],
    // The Swedish accounts below are from the `kontonummer` package's own tests: an independent oracle.
    ['SE_BANK_ACCOUNT', '9071, 417 23 83', '9071-4172383', '9071, 417 23 83'], // Multitude Bank, type 1 comment 1
    ['SE_BANK_ACCOUNT', '97891111113', '9789-1111113', '9789, 111 11 13'], // Klarna Bank, type 1 comment 2
    ['SE_BANK_ACCOUNT', '6789123456789', '6789-123456789', '6789, 123 456 789'], // Handelsbanken
    ['SE_BANK_ACCOUNT', '6789 23 456 787', '6789-023456787', '6789, 023 456 787'], // ... written with 8 digits
    ['SE_BANK_ACCOUNT', '8424-4,983 189 224-6', '84244-9831892246', '8424-4, 983 189 224-6'], // Swedbank, 5-digit clearing
    ['SE_BANK_ACCOUNT', '8351-9, 392 242 224-5', '83519-3922422245', '8351-9, 392 242 224-5'], // Sparbanken Tanum
    ['SE_BANK_ACCOUNT', '8129-9.043.386.711-6', '81299-0433867116', '8129-9, 043 386 711-6'], // Sparbank i Hudiksvall
    ['SE_BANK_ACCOUNT', '8129-9 43 386 711-6', '81299-0433867116', '8129-9, 043 386 711-6'], // ... without the zero-filling
    ['SE_BANK_ACCOUNT', '3300 000620-5124', '3300-0006205124', '3300, 000620-5124'], // Nordea personkonto
    ['SE_BANK_ACCOUNT', '3300 20000620-5124', '3300-0006205124', '3300, 000620-5124'], // ... with the century
    ['SE_BANK_ACCOUNT', '9960 90 20 03-3', '9960-0009020033', '9960, 90 20 03-3'], // a PlusGiro number through its clearing number
    ['NO_BANK_ACCOUNT', '8601 11 17947', '86011117947', '8601.11.17947'],
    ['NO_BANK_ACCOUNT', '8601.11.17947', '86011117947', '8601.11.17947'],
    ['NO_BANK_ACCOUNT', '8601-11-17947', '86011117947', '8601.11.17947'],
    ['IBAN', 'SE45 5000 0000 0583 9825 7466', 'SE4550000000058398257466', 'SE45 5000 0000 0583 9825 7466'],
    ['IBAN', 'iban: se4550000000058398257466', 'SE4550000000058398257466', 'SE45 5000 0000 0583 9825 7466'],
    ['IBAN', 'NO93 8601 1117 947', 'NO9386011117947', 'NO93 8601 1117 947'],
  ] as const)('reads the %s %j as %s, shown %j', (kind, input, value, display) => {
    const account = parse(kind, input);
    expect(account.kind).toBe(kind);
    expect(account.value).toBe(value);
    expect(account.display).toBe(display);
    expect(account.toString()).toBe(display);
    expect(account.toJSON()).toEqual({ kind, value });
    // The canonical value and the display both read back as the same account.
    expect(parse(kind, value).equals(account)).toBe(true);
    expect(parse(kind, display).equals(account)).toBe(true);
  });

  it('names the Swedish bank and the parts payment files need', () => {
    expect(parse('SE_BANK_ACCOUNT', '8424-4,983 189 224-6').swedishAccount).toEqual({
      bankName: 'Swedbank',
      clearingNumber: '8424',
      clearingCheckDigit: '4',
      accountNumber: '9831892246',
    });
    expect(parse('SE_BANK_ACCOUNT', '9071, 417 23 83').swedishAccount?.bankName).toBe('Multitude Bank');
    expect(parse('SE_BANKGIRO', '5050-1055').swedishAccount).toBeNull();
  });

  it('keeps a BIC with an IBAN, upper case, and round-trips through JSON', () => {
    const account = parse('IBAN', 'SE4550000000058398257466', 'esse se ss');
    expect(account.bic).toBe('ESSESESS');
    expect(account.country).toBe('SE');
    expect(account.toJSON()).toEqual({ kind: 'IBAN', value: 'SE4550000000058398257466', bic: 'ESSESESS' });
    expect(BankAccount.fromJSON(account.toJSON()).equals(account)).toBe(true);
    expect(parse('IBAN', 'NO9386011117947', 'DNBANOKKXXX').bic).toBe('DNBANOKKXXX');
    expect(parse('IBAN', 'NO9386011117947', '  ').bic).toBeNull();
  });

  it.each([
    ['SE', ['SE_BANKGIRO', 'SE_PLUSGIRO', 'SE_BANK_ACCOUNT', 'IBAN']],
    ['NO', ['NO_BANK_ACCOUNT', 'IBAN']],
  ] as const)('allows these kinds for a client in %s: %j', (country, kinds) => {
    expect(BankAccount.allowedKindsFor(country)).toEqual(kinds);
  });

  it('refuses a kind the client’s country does not use, and another country’s IBAN', () => {
    const bankgiro = errorOf(() => BankAccount.parse({ kind: 'SE_BANKGIRO', value: '5050-1055' }, { country: 'NO', field: 'payoutAccount' }));
    expect(bankgiro.code).toBe('BANK_ACCOUNT_KIND_NOT_ALLOWED');
    expect(bankgiro.field).toBe('payoutAccount.kind');
    expect(bankgiro.message).toBe('A client in NO cannot use a bankgiro number here: use Norwegian account number, IBAN.');

    const iban = errorOf(() => BankAccount.parse({ kind: 'IBAN', value: 'SE4550000000058398257466' }, { country: 'NO' }));
    expect(iban.code).toBe('IBAN_COUNTRY_NOT_ALLOWED');
    expect(iban.message).toBe('The IBAN SE4550000000058398257466 is an account in SE; here only accounts in NO are accepted.');
    expect(BankAccount.parse({ kind: 'IBAN', value: 'SE4550000000058398257466' }, { country: 'NO', ibanCountries: ['SE', 'NO'] }).country).toBe('SE');
    expect(errorOf(() => BankAccount.allowedKindsFor('DK' as 'SE')).code).toBe('COUNTRY_UNSUPPORTED');
  });

  it.each([
    ['BANKGIRO', '5050-1055', 'BANK_ACCOUNT_KIND_UNKNOWN', 'bankAccount.kind', '"BANKGIRO" is not a kind of account we pay to: use one of SE_BANKGIRO, SE_PLUSGIRO, SE_BANK_ACCOUNT, NO_BANK_ACCOUNT, IBAN.'],
    ['SE_BANKGIRO', '', 'BANK_ACCOUNT_FORMAT', 'bankAccount.value', 'Give the bankgiro number as text.'],
    ['SE_BANKGIRO', '5050/1055', 'BANK_ACCOUNT_FORMAT', 'bankAccount.value', '"5050/1055" is not a bankgiro number: write digits only, such as NNNN-NNNN.'],
    ['SE_BANKGIRO', '505-010', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', 'A bankgiro number has 7 to 8 digits; "505-010" has 6.'],
    ['SE_BANKGIRO', '5050-1056', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', 'The check digit of the bankgiro number 5050-1056 is wrong: expected 5, got 6. Check for a mistyped or swapped digit.'],
    ['SE_PLUSGIRO', '90 20 03-4', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', expect.stringContaining('PlusGiro number 90 20 03-4 is wrong: expected 3, got 4')],
    ['SE_PLUSGIRO', '123456789', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', 'A PlusGiro number has 2 to 8 digits; "123456789" has 9.'],
    ['SE_BANK_ACCOUNT', '9071 417 23 8x', 'BANK_ACCOUNT_FORMAT', 'bankAccount.value', expect.stringContaining('write the clearing number and then the account number, in digits')],
    ['SE_BANK_ACCOUNT', '9071', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', expect.stringContaining('is too short for a Swedish bank account number')],
    ['SE_BANK_ACCOUNT', '0999 417 23 83', 'BANK_ACCOUNT_CLEARING_UNKNOWN', 'bankAccount.value', 'No Swedish bank uses the clearing number 0999. Check the first four digits against the account holder’s bank statement, or give the account as an IBAN.'.replace('’', "'")],
    ['SE_BANK_ACCOUNT', '9125 417 23 83', 'BANK_ACCOUNT_CLEARING_UNKNOWN', 'bankAccount.value', expect.stringContaining('clearing number 9125')], // between SEB's two 91xx series
    ['SE_BANK_ACCOUNT', '8424-1,983 189 224-6', 'BANK_ACCOUNT_CLEARING_CHECK_DIGIT', 'bankAccount.value', 'Swedbank clearing numbers starting with 8 have five digits, the fifth a check digit: for 8424 it is 8424-4, not 8424-1. Write all five digits of the clearing number, then the account number.'],
    ['SE_BANK_ACCOUNT', '9071, 417 23 833', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', 'An account at Multitude Bank (clearing number 9071) has 7 digits after the clearing number; "9071, 417 23 833" has 8.'],
    ['SE_BANK_ACCOUNT', '6789 1234567', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', expect.stringContaining('Handelsbanken (clearing number 6789) has 8 to 9 digits')],
    ['SE_BANK_ACCOUNT', '8424-4, 98 31', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', expect.stringContaining('Swedbank (clearing number 8424-4) has 6 to 10 digits')],
    ['SE_BANK_ACCOUNT', '3300 000620-512', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', expect.stringContaining('Nordea personkonto (clearing number 3300) has 10 digits')],
    ['SE_BANK_ACCOUNT', '9071, 417 23 84', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', 'The account number 4172384 at Multitude Bank does not pass the bank\'s check-digit test (MOD11). Check for a mistyped or swapped digit.'],
    ['SE_BANK_ACCOUNT', '6789123456788', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', expect.stringContaining('123456788 at Handelsbanken does not pass the bank\'s check-digit test (MOD11)')],
    ['SE_BANK_ACCOUNT', '8424-4,983 189 224-7', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', expect.stringContaining('(MOD10)')],
    ['NO_BANK_ACCOUNT', '8601.11.1794', 'BANK_ACCOUNT_LENGTH', 'bankAccount.value', 'A Norwegian account number has 11 digits, written NNNN.NN.NNNNN; "8601.11.1794" has 10.'],
    ['NO_BANK_ACCOUNT', '8601.11.17948', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', 'The check digit of the account number 8601.11.17948 is wrong: expected 7, got 8. Check for a mistyped or swapped digit.'],
    ['NO_BANK_ACCOUNT', '0000.00.00060', 'BANK_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', expect.stringContaining('No Norwegian account number starts with 0000000006')],
    ['NO_BANK_ACCOUNT', 'NO 8601 11 17947', 'BANK_ACCOUNT_FORMAT', 'bankAccount.value', expect.stringContaining('write 11 digits, as NNNN.NN.NNNNN')],
    ['IBAN', 'hello', 'IBAN_INVALID', 'bankAccount.value', '"hello" is not an IBAN: it starts with two letters for the country and two check digits, then the account, such as SE45 5000 0000 0583 9825 7466.'],
    ['IBAN', 'XX45 5000 0000 0583 9825 7466', 'IBAN_COUNTRY', 'bankAccount.value', '"XX" at the start of XX45 5000 0000 0583 9825 7466 is not a country that uses IBAN. Check the first two letters.'],
    ['IBAN', 'SE45 5000 0000 0583 9825 74', 'IBAN_INVALID', 'bankAccount.value', 'The IBAN SE45 5000 0000 0583 9825 74 has 22 characters, but IBANs from SE have 24. Check for a missing or extra character.'],
    ['IBAN', 'SE45 5000 0000 0583 9825 746A', 'IBAN_INVALID', 'bankAccount.value', 'The IBAN SE45 5000 0000 0583 9825 746A has a character where an IBAN from SE cannot have it. Check for a mistyped character.'],
    ['IBAN', 'SE45 5000 0000 0583 9825 7467', 'IBAN_CHECK_DIGITS', 'bankAccount.value', expect.stringContaining('its check digits (the two after SE) do not match the rest')],
    ['IBAN', 'NO66 8601 1117 948', 'IBAN_ACCOUNT_CHECK_DIGIT', 'bankAccount.value', expect.stringContaining('holds the NO account number 86011117948, whose own check digit is wrong')],
  ])('refuses the %s %j with %s', (kind, value, code, field, message) => {
    const error = errorOf(() => parse(kind, value));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toEqual(message);
    expect(error.kind).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['ESSESES', 'BIC_INVALID', expect.stringContaining('is not a BIC (SWIFT code)')],
    ['DNBANOKK', 'BIC_COUNTRY_MISMATCH', 'The BIC DNBANOKK is a bank in NO, but the IBAN is an account in SE. Check that both belong to the same account.'],
  ])('refuses the BIC %j with %s', (bic, code, message) => {
    const error = errorOf(() => BankAccount.parse({ kind: 'IBAN', value: 'SE4550000000058398257466', bic }, { field: 'payoutAccount' }));
    expect(error.code).toBe(code);
    expect(error.field).toBe('payoutAccount.bic');
    expect(error.message).toEqual(message);
  });

  it('refuses a BIC with anything but an IBAN', () => {
    const error = errorOf(() => parse('SE_BANKGIRO', '5050-1055', 'ESSESESS'));
    expect(error.code).toBe('BANK_ACCOUNT_FORMAT');
    expect(error.field).toBe('bankAccount.bic');
  });

  it('has no overlapping clearing-number series', () => {
    const sorted = [...CLEARING_SERIES].sort((a, b) => a.from - b.from);
    sorted.forEach((series, i) => {
      expect(series.from).toBeLessThanOrEqual(series.to);
      if (i > 0) expect(series.from).toBeGreaterThan(sorted[i - 1].to);
    });
  });

  describe('properties', () => {
    const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);
    /** Bankgirot's MOD11 weights, right-aligned, written out as the table gives them. */
    const BANKGIROT_WEIGHTS = [1, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const mod11Valid = (s: string) => [...s].reduce((sum, c, i) => sum + Number(c) * BANKGIROT_WEIGHTS[BANKGIROT_WEIGHTS.length - s.length + i], 0) % 11 === 0;
    const completeMod11 = (payload: string) => {
      const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => mod11Valid(payload + d));
      return digit === undefined ? null : payload + digit;
    };

    /** A valid Swedish account in `series`: the clearing number as written, and the account digits as typed. */
    const swedishAccount = (series: ClearingSeries) =>
      fc
        .tuple(fc.integer({ min: series.from, max: series.to }), fc.integer({ min: series.accountLength.min, max: series.accountLength.max }))
        .chain(([clearingNumber, length]) => digits(length - 1, length - 1).map((payload) => {
          const clearing = String(clearingNumber);
          let account: string | null;
          if (series.rule.type === 1) {
            const full = completeMod11((series.rule.comment === 1 ? clearing.slice(1) : clearing) + payload);
            account = full === null ? null : full.slice(-7);
          } else if (series.rule.comment === 2) {
            const full = completeMod11(payload.padStart(8, '0'));
            account = full === null ? null : full.slice(-length);
          } else {
            account = withLuhn(payload);
          }
          return { series, clearing: series.fiveDigitClearing ? withLuhn(clearing) : clearing, account };
        }))
        .filter((generated): generated is { series: ClearingSeries; clearing: string; account: string } => generated.account !== null);
    const anySwedishAccount = oneOf(CLEARING_SERIES).chain(swedishAccount);

    it('parses generated Swedish accounts of every series, in every spelling, to one canonical value', () => {
      fc.assert(
        fc.property(anySwedishAccount, ({ series, clearing, account }) => {
          const parsed = parse('SE_BANK_ACCOUNT', `${clearing} ${account}`);
          expect(parsed.swedishAccount?.bankName).toBe(series.bankName);
          expect(parsed.value).toBe(`${clearing}-${account.padStart(series.accountLength.max, '0')}`);
          expect(parse('SE_BANK_ACCOUNT', `${clearing}${account}`).value).toBe(parsed.value);
          expect(parse('SE_BANK_ACCOUNT', `${clearing.slice(0, 4)}-${clearing.slice(4)}, ${account}`).value).toBe(parsed.value);
          expect(parse('SE_BANK_ACCOUNT', parsed.display).value).toBe(parsed.value);
        }),
        { numRuns: 500 },
      );
    });

    it('refuses every single-digit error in a Swedish account number (MOD11 and MOD10 both catch them)', () => {
      fc.assert(
        fc.property(anySwedishAccount, ({ clearing, account }) => {
          const accepted = singleDigitErrors(account).filter((wrong) => BankAccount.isValid({ kind: 'SE_BANK_ACCOUNT', value: `${clearing} ${wrong}` }));
          expect(accepted).toEqual([]);
        }),
        { numRuns: 500 },
      );
    });

    it('refuses every wrong fifth digit of a Swedbank 8xxx-x clearing number', () => {
      const swedbank = swedishAccount(CLEARING_SERIES.find((series) => series.fiveDigitClearing)!);
      fc.assert(
        fc.property(swedbank, ({ clearing, account }) => {
          for (const wrong of singleDigitErrors(clearing, [4])) {
            expect(errorOf(() => parse('SE_BANK_ACCOUNT', `${wrong} ${account}`)).code).toBe('BANK_ACCOUNT_CLEARING_CHECK_DIGIT');
          }
        }),
      );
    });

    const giro = (kind: BankAccountKind, min: number, max: number) =>
      fc.tuple(fc.constant(kind), digits(min - 1, max - 1).map(withLuhn));

    it('parses generated bankgiro and PlusGiro numbers and refuses every single-digit error (Luhn catches them all)', () => {
      fc.assert(
        fc.property(fc.oneof(giro('SE_BANKGIRO', 7, 8), giro('SE_PLUSGIRO', 2, 8)), ([kind, number]) => {
          const parsed = parse(kind, number);
          expect(parsed.value.replace('-', '')).toBe(number);
          expect(parse(kind, parsed.display).equals(parsed)).toBe(true);
          expect(singleDigitErrors(number).filter((wrong) => BankAccount.isValid({ kind, value: wrong }))).toEqual([]);
        }),
      );
    });

    const norwegian = digits(10, 10)
      .map((ten) => withMod11(ten, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]))
      .filter((number): number is string => number !== null);

    it('parses generated Norwegian accounts and refuses every single-digit error', () => {
      fc.assert(
        fc.property(norwegian, (number) => {
          const parsed = parse('NO_BANK_ACCOUNT', number);
          expect(parsed.value).toBe(number);
          expect(parse('NO_BANK_ACCOUNT', parsed.display).value).toBe(number);
          expect(singleDigitErrors(number).filter((wrong) => BankAccount.isValid({ kind: 'NO_BANK_ACCOUNT', value: wrong }))).toEqual([]);
        }),
      );
    });

    it('parses generated Swedish and Norwegian IBANs and refuses every single-digit error (mod 97 catches them all)', () => {
      const iban = fc.oneof(
        digits(20, 20).map((bban) => composeIBAN({ countryCode: 'SE', bban })!),
        norwegian.map((bban) => composeIBAN({ countryCode: 'NO', bban })!),
      );
      fc.assert(
        fc.property(iban, (electronic) => {
          const parsed = parse('IBAN', electronic);
          expect(parsed.value).toBe(electronic);
          expect(parse('IBAN', parsed.display).value).toBe(electronic);
          const positions = [...electronic].map((_, i) => i).slice(2);
          expect(singleDigitErrors(electronic, positions).filter((wrong) => BankAccount.isValid({ kind: 'IBAN', value: wrong }))).toEqual([]);
        }),
      );
    });
  });
});
