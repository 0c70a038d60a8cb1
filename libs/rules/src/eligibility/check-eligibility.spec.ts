import { InvalidValueError } from '@factoring/domain';
import { errorOf, withLuhn } from '../onboarding/spec-helpers';
import { checkEligibility, EligibilityReasonCode, EligibilityResult, ELIGIBILITY_RULE_SETS } from './check-eligibility';
import { d, input, InputChanges, SETTINGS, TODAY, twin, validInvoice } from './spec-helpers';

const check = (changes: InputChanges = {}, settings = SETTINGS[changes.country ?? 'SE']) => checkEligibility(input(changes), settings);
const codes = (result: EligibilityResult) => result.reasons.map((r) => r.code);
const only = (result: EligibilityResult) => {
  expect(result.reasons).toHaveLength(1);
  return result.reasons[0];
};

/** An invoice of `net` at 25 % VAT, totals correct. */
const small = (net: string, vat: string, gross: string): InputChanges['invoice'] => ({
  lines: [{ description: 'Item', quantity: '1', unitPrice: net, vatRatePercent: '25', reverseCharge: false }],
  totals: { net, vat, gross },
  payable: gross,
});

describe('checkEligibility', () => {
  it.each(['SE', 'NO'] as const)('finds a sound %s invoice eligible, with no reasons', (country) => {
    expect(check({ country })).toEqual({ outcome: 'ELIGIBLE', reasons: [], suspectedDuplicates: [] });
  });

  it.each([
    ['a Swedish sole trader with a personnummer', { debtor: { identityNumber: '811218-9876' } }],
    ['a Swedish private person', { debtor: { kind: 'PERSON' as const, identityNumber: '19811218-9876' } }],
    ['a Norwegian private person', { country: 'NO' as const, debtor: { kind: 'PERSON' as const, identityNumber: '15038549925' } }],
    ['a Norwegian company in the VAT spelling', { country: 'NO' as const, debtor: { identityNumber: 'NO 974 760 673 MVA' } }],
    ['a lower-case address country and currency', { debtor: { address: { country: 'se' } }, invoice: { currency: 'sek' } }],
    ['delivery exactly 45 days ago', { invoice: { deliveryDate: TODAY.minusDays(45), invoiceDate: TODAY.minusDays(45) } }],
    ['delivery today', { invoice: { deliveryDate: TODAY } }],
    ['the due date exactly 90 days ahead', { invoice: { dueDate: TODAY.plusDays(90) } }],
    ['the due date today', { invoice: { dueDate: TODAY } }],
    ['an amount of 200.01, just above the minimum', { invoice: small('160.01', '40.00', '200.01') }],
    ['totals 0.05 off, within the tolerance', { invoice: { totals: { net: '9500.05', vat: '2374.95', gross: '11875.05' }, payable: '11874.95' } }],
    ['a rounding of 0.99', { invoice: { totals: { net: '9500.00', vat: '2375.00', rounding: '0.99', gross: '11875.99' }, payable: '11875.99' } }],
    ['a ROT deduction of 3000.00 on 11875.00', { invoice: { deduction: { kind: 'ROT' as const, amount: '3000.00' }, payable: '8875.00' } }],
  ])('accepts %s', (_title, changes) => {
    expect(check(changes as InputChanges)).toEqual({ outcome: 'ELIGIBLE', reasons: [], suspectedDuplicates: [] });
  });

  describe('each reason alone', () => {
    it.each<[string, string, InputChanges]>([
      ['an applicant', 'CLIENT_NOT_ACTIVE', { client: { state: 'APPLIED' } }],
      ['a refused client', 'CLIENT_NOT_ACTIVE', { client: { state: 'REFUSED' } }],
      ['a terminated client', 'CLIENT_NOT_ACTIVE', { client: { state: 'TERMINATED' } }],
      ['a client blocked for an overdue recourse invoice', 'CLIENT_BLOCKED', { client: { state: 'BLOCKED', blockReasons: ['OVERDUE_RECOURSE_INVOICE'] } }],
      ['a blocked client without a recorded reason', 'CLIENT_BLOCKED', { client: { state: 'BLOCKED', blockReasons: [] } }],
      ['a company debtor with a wrong check digit', 'DEBTOR_ORGANISATION_NUMBER_INVALID', { debtor: { identityNumber: '556016-0681' } }],
      ['a Norwegian company debtor with a Swedish number', 'DEBTOR_ORGANISATION_NUMBER_INVALID', { country: 'NO', debtor: { identityNumber: '556016-0680' } }],
      ['a Norwegian company debtor with a personal number', 'DEBTOR_ORGANISATION_NUMBER_INVALID', { country: 'NO', debtor: { identityNumber: '15038549925' } }],
      ['a Swedish company debtor with a Norwegian number', 'DEBTOR_ORGANISATION_NUMBER_INVALID', { debtor: { identityNumber: '974760673' } }],
      ['a person with a wrong check digit', 'DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID', { debtor: { kind: 'PERSON', identityNumber: '811218-9875' } }],
      ['a person with an organisation number', 'DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID', { debtor: { kind: 'PERSON', identityNumber: '556016-0680' } }],
      ['a person born in the future', 'DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID', { debtor: { kind: 'PERSON', identityNumber: '20300101-0008' } }],
      ['a Danish address', 'DEBTOR_ADDRESS_NOT_DOMESTIC', { debtor: { address: { country: 'DK' } } }],
      ['an address without a country', 'DEBTOR_ADDRESS_NOT_DOMESTIC', { debtor: { address: { country: '' } } }],
      ['a Norwegian address for a Swedish client', 'DEBTOR_ADDRESS_NOT_DOMESTIC', { debtor: { address: { country: 'NO' } } }],
      ['a debtor in the same group', 'INTERNAL_INVOICE', { debtor: { relation: 'SAME_GROUP' } }],
      ['a debtor with the same owner', 'INTERNAL_INVOICE', { debtor: { relation: 'SAME_OWNER' } }],
      ['a debtor who has disputed before', 'DEBTOR_DISPUTED_BEFORE', { debtor: { hasDisputedBefore: true } }],
      ['a debtor who has not paid before', 'DEBTOR_UNPAID_BEFORE', { debtor: { hasUnpaidBefore: true } }],
      ['an invoice in euro', 'FOREIGN_CURRENCY', { invoice: { currency: 'EUR' } }],
      ['a NOK invoice of a Swedish client', 'FOREIGN_CURRENCY', { invoice: { currency: 'NOK' } }],
      ['an invoice without a currency', 'FOREIGN_CURRENCY', { invoice: { currency: '' } }],
      ['delivery 46 days ago', 'DELIVERY_TOO_OLD', { invoice: { deliveryDate: TODAY.minusDays(46), invoiceDate: TODAY.minusDays(46) } }],
      ['delivery tomorrow', 'DELIVERY_IN_THE_FUTURE', { invoice: { deliveryDate: TODAY.plusDays(1) } }],
      ['the due date 91 days ahead', 'DUE_DATE_TOO_FAR', { invoice: { dueDate: TODAY.plusDays(91) } }],
      ['the due date yesterday', 'DUE_DATE_PASSED', { invoice: { dueDate: TODAY.minusDays(1) } }],
      ['the due date before the invoice date', 'DUE_DATE_BEFORE_INVOICE_DATE', { invoice: { dueDate: d('2026-06-09') } }],
      ['an invoice of exactly 200.00', 'AMOUNT_TOO_SMALL', { invoice: small('160.00', '40.00', '200.00') }],
      ['an invoice of nothing', 'AMOUNT_TOO_SMALL', { invoice: small('0', '0.00', '0.00') }],
      ['a VAT total 0.06 off', 'TOTALS_DO_NOT_ADD_UP', { invoice: { totals: { net: '9500.00', vat: '2375.06', gross: '11875.00' } } }],
      ['a gross that forgets the VAT', 'TOTALS_DO_NOT_ADD_UP', { invoice: { totals: { net: '9500.00', vat: '2375.00', gross: '9500.00' }, payable: '9500.00' } }],
      ['a rounding of 1.00', 'ROUNDING_TOO_LARGE', { invoice: { totals: { net: '9500.00', vat: '2375.00', rounding: '1.00', gross: '11876.00' }, payable: '11876.00' } }],
      ['a rounding of -1.00', 'ROUNDING_TOO_LARGE', { invoice: { totals: { net: '9500.00', vat: '2375.00', rounding: '-1.00', gross: '11874.00' }, payable: '11874.00' } }],
      ['an invoice without lines', 'INVOICE_HAS_NO_LINES', { invoice: { lines: [] } }],
      ['a ROT deduction in Norway', 'DEDUCTION_NOT_ALLOWED', { country: 'NO', invoice: { deduction: { kind: 'ROT', amount: '1000.00' }, payable: '10875.00' } }],
      ['a negative deduction', 'DEDUCTION_NEGATIVE', { invoice: { deduction: { kind: 'RUT', amount: '-100.00' }, payable: '11975.00' } }],
    ])('refuses %s with %s', (_title, code, changes) => {
      const result = check(changes);
      expect(result.outcome).toBe('REFUSED');
      expect(codes(result)).toEqual([code]);
    });

    it('refuses a deduction above the gross, which also leaves nothing to pay', () => {
      const result = check({ invoice: { deduction: { kind: 'GREEN_TECH', amount: '12000.00' }, payable: '-125.00' } });
      expect(codes(result)).toEqual(['DEDUCTION_EXCEEDS_GROSS', 'AMOUNT_TOO_SMALL']);
    });

    it('sends a suspected duplicate alone to manual assessment, not to a refusal', () => {
      const result = check({ suspectedDuplicates: [twin()] });
      expect(result.outcome).toBe('MANUAL_ASSESSMENT');
      expect(codes(result)).toEqual(['DUPLICATE_SUSPECTED']);
      expect(result.suspectedDuplicates).toEqual([twin()]);
    });
  });

  describe('what the reasons say', () => {
    it('tells the client the due date, how far ahead it is and the limit (the brief’s example)', () => {
      const today = d('2026-11-01');
      const reason = only(check({ today, invoice: { invoiceDate: d('2026-10-30'), deliveryDate: d('2026-10-30'), dueDate: d('2027-03-01') } }));
      expect(reason).toEqual({
        code: 'DUE_DATE_TOO_FAR',
        message: {
          en: 'The due date is 2027-03-01, 120 days ahead; at most 90 days is allowed. Check the due date.',
          sv: 'Förfallodagen är 2027-03-01, om 120 dagar; högst 90 dagar tillåts. Kontrollera förfallodagen.',
          nb: 'Forfallsdatoen er 2027-03-01, om 120 dager; høyst 90 dager er tillatt. Kontroller forfallsdatoen.',
        },
        figures: { dueDate: '2027-03-01', today: '2026-11-01', daysUntilDue: 120, maxDaysUntilDue: 90 },
      });
    });

    it('says how old the delivery is', () => {
      const reason = only(check({ invoice: { deliveryDate: d('2026-04-01'), invoiceDate: d('2026-04-01') } }));
      expect(reason.message.en).toBe('The delivery date is 2026-04-01, 75 days ago; at most 45 days is allowed. Check the delivery date; if it is right, the invoice is too old to sell.');
      expect(reason.message.sv).toBe('Leveransdatumet är 2026-04-01, för 75 dagar sedan; högst 45 dagar tillåts. Kontrollera leveransdatumet; om det stämmer är fakturan för gammal för att säljas.');
      expect(reason.figures).toEqual({ deliveryDate: '2026-04-01', today: '2026-06-15', daysSinceDelivery: 75, maxDaysSinceDelivery: 45 });
    });

    it('uses the singular for one day', () => {
      expect(only(check({ invoice: { deliveryDate: TODAY.plusDays(1) } })).message.en).toContain('2026-06-16, 1 day from today');
      expect(only(check({ invoice: { dueDate: TODAY.minusDays(1) } })).message.nb).toContain('(for 1 dag siden)');
    });

    it('tells a client blocked for an overdue recourse invoice what to do (seed 000), never what staff wrote (issue 9 c)', () => {
      const reason = only(check({ client: { state: 'BLOCKED', blockReasons: ['OVERDUE_RECOURSE_INVOICE'] } }));
      expect(reason.message.en).toBe('Your company is blocked from selling invoices because a recourse invoice is overdue. Once it is paid you can sell invoices again; contact us if anything is unclear.');
      expect(reason.message.sv).toContain('en regressfaktura är förfallen');
      expect(reason.figures).toEqual({ clientState: 'BLOCKED', blockReasons: 'OVERDUE_RECOURSE_INVOICE' });
    });

    it('does not tell a client it is suspected of fraud: it is asked to contact us', () => {
      for (const blockReasons of [['FRAUD_SUSPICION'], ['OTHER'], ['FRAUD_SUSPICION', 'OVERDUE_RECOURSE_INVOICE']] as const) {
        const reason = only(check({ client: { state: 'BLOCKED', blockReasons: [...blockReasons] } }));
        expect(reason.message.en).toBe('Your company is blocked from selling invoices for the time being. Contact us to find out why and what to do.');
        expect(JSON.stringify(reason.message)).not.toMatch(/fraud|bedrägeri|svindel/i);
      }
    });

    it('says which total is off, what it should be and by how much', () => {
      const reason = only(check({ invoice: { totals: { net: '9500.00', vat: '2375.10', gross: '11875.00' } } }));
      expect(reason.message.en).toBe(
        'The invoice totals do not add up (a difference of at most 0.05 is allowed for rounding): the VAT is 2,375.10 but should be 2,375.00 according to the lines (0.10 too much). Check the lines and the totals, correct them and try again.',
      );
      expect(reason.message.sv).toBe(
        'Fakturans summor stämmer inte (en skillnad på högst 0,05 tillåts för avrundning): momsen är 2\u00a0375,10 men ska enligt raderna vara 2\u00a0375,00 (0,10 för mycket). Kontrollera raderna och summorna, rätta dem och försök igen.',
      );
      expect(reason.figures).toMatchObject({ totalsOff: 'vat', vatStated: '2375.10', vatComputed: '2375.00', vatDifference: '0.10', totalsTolerance: '0.05' });
      expect(reason.figures).not.toHaveProperty('netDifference');
    });

    it('names every total that is off, in one reason', () => {
      // The line gives 9500.00 + 2375.00; the client typed 9600.00 and derived the rest from it.
      const reason = only(check({ invoice: { totals: { net: '9600.00', vat: '2400.00', gross: '12000.00' }, payable: '12000.00' } }));
      expect(reason.figures).toMatchObject({ totalsOff: 'net,vat,gross,payable', netDifference: '100.00', vatDifference: '25.00', grossDifference: '125.00', payableDifference: '125.00' });
      expect(reason.message.en).toContain('the net amount (excluding VAT) is 9,600.00 but should be 9,500.00 according to the lines (100.00 too much); the VAT is 2,400.00');
      expect(only(check({ invoice: { totals: { net: '9400.00', vat: '2375.00', gross: '11875.00' } } })).message.nb).toContain('(100,00 for lite)');
    });

    it('says what the amount to pay is against the minimum', () => {
      const reason = only(check({ invoice: small('160.00', '40.00', '200.00') }));
      expect(reason.message).toEqual({
        en: 'The amount to pay is SEK\u00a0200.00; only invoices of more than SEK\u00a0200.00 can be sold.',
        sv: 'Beloppet att betala är 200,00\u00a0SEK; bara fakturor på mer än 200,00\u00a0SEK kan säljas.',
        nb: 'Beløpet som skal betales er 200,00\u00a0SEK; bare fakturaer på mer enn 200,00\u00a0SEK kan selges.',
      });
      expect(reason.figures).toEqual({ payable: '200.00', minimumAmount: '200.00', currency: 'SEK' });
    });

    it('says the amount to pay is the lines less the deduction', () => {
      const reason = only(check({ invoice: { deduction: { kind: 'ROT', amount: '3000.00' }, payable: '11875.00' } }));
      expect(reason.message.en).toContain('the amount to pay is 11,875.00 but should be 8,875.00 according to the lines less the deduction (3,000.00 too much)');
      expect(reason.message.sv).toContain('beloppet att betala är 11\u00a0875,00 men ska enligt raderna minus avdraget vara 8\u00a0875,00 (3\u00a0000,00 för mycket)');
    });

    it('judges the amount after a ROT deduction: what the debtor pays', () => {
      const result = check({ invoice: { ...small('400.00', '100.00', '500.00'), deduction: { kind: 'ROT', amount: '300.00' }, payable: '200.00' } });
      expect(codes(result)).toEqual(['AMOUNT_TOO_SMALL']);
    });

    it('explains an invalid organisation number with the domain’s reason, and a sole trader’s alternative in Sweden', () => {
      const reason = only(check({ debtor: { identityNumber: '556016-0681' } }));
      expect(reason.message.en).toBe(
        'The debtor is a company, but "556016-0681" is not a valid Swedish organisation number. The check digit is wrong: expected 0, got 1. Check for a mistyped or swapped digit. Correct the number on the invoice: only invoices to companies with a valid Swedish organisation number (for a sole trader, the owner\'s personal identity number) can be sold.',
      );
      expect(reason.message.sv).toContain('Kontrollsiffran (den sista siffran) stämmer inte');
      expect(reason.figures).toEqual({ debtorKind: 'COMPANY', identityNumber: '556016-0681', errorCode: 'IDENTITY_NUMBER_CHECK_DIGIT', explanation: 'The check digit is wrong: expected 0, got 1. Check for a mistyped or swapped digit.' });
      const norwegian = only(check({ country: 'NO', debtor: { identityNumber: '97476067' } }));
      expect(norwegian.message.nb).toBe(
        'Fakturamottakeren er et foretak, men "97476067" er ikke et gyldig norsk organisasjonsnummer. Skriv det med 9 sifre, som NNN NNN NNN. Rett nummeret på fakturaen: bare fakturaer til foretak med et gyldig norsk organisasjonsnummer kan selges.',
      );
    });

    it('judges a personnummer against the "today" given, not the clock', () => {
      // Born 2026-06-16, the day after TODAY: refused today, fine from tomorrow.
      const born = withLuhn('260616000');
      const person = { kind: 'PERSON' as const, identityNumber: born };
      expect(only(check({ debtor: person })).figures?.errorCode).toBe('IDENTITY_NUMBER_DATE');
      expect(check({ debtor: person, today: TODAY.plusDays(1) }).outcome).toBe('ELIGIBLE');
    });

    it('names the address country given', () => {
      expect(only(check({ debtor: { address: { country: 'DK' } } })).message.en).toBe(
        'The debtor\'s address is in another country (country code "DK"), not in Sweden; only invoices to debtors with an address in Sweden can be sold. If your customer has an address in Sweden, put it on the invoice.',
      );
    });

    it('tells a Norwegian client about deductions in Norwegian terms', () => {
      const reason = only(check({ country: 'NO', invoice: { deduction: { kind: 'RUT', amount: '1000.00' }, payable: '10875.00' } }));
      expect(reason.message.nb).toBe('Fakturaen har et RUT-fradrag, men skattefradrag (ROT, RUT og grønn teknologi) finnes bare i Sverige. Fjern fradraget fra fakturaen.');
    });
  });

  describe('several reasons at once', () => {
    it('returns every reason, in the order of the rule set, not only the first', () => {
      const result = check({
        client: { state: 'BLOCKED', blockReasons: ['OVERDUE_RECOURSE_INVOICE'] },
        debtor: { identityNumber: '123', address: { country: 'DE' }, relation: 'SAME_OWNER', hasDisputedBefore: true, hasUnpaidBefore: true },
        invoice: {
          currency: 'EUR',
          invoiceDate: d('2026-01-10'),
          deliveryDate: d('2026-01-05'),
          dueDate: d('2026-12-31'),
          totals: { net: '9500.00', vat: '2000.00', rounding: '2.00', gross: '11875.00' },
          deduction: { kind: 'ROT', amount: '-5.00' },
          payable: '100.00',
        },
        suspectedDuplicates: [twin({ sameClient: false, kind: 'SOLD_BY_ANOTHER_CLIENT', invoiceNumber: 'A-77', clientId: 'other' })],
      });
      expect(result.outcome).toBe('REFUSED');
      expect(codes(result)).toEqual([
        'CLIENT_BLOCKED',
        'DEBTOR_ORGANISATION_NUMBER_INVALID',
        'DEBTOR_ADDRESS_NOT_DOMESTIC',
        'INTERNAL_INVOICE',
        'DEBTOR_DISPUTED_BEFORE',
        'DEBTOR_UNPAID_BEFORE',
        'FOREIGN_CURRENCY',
        'DELIVERY_TOO_OLD',
        'DUE_DATE_TOO_FAR',
        'ROUNDING_TOO_LARGE',
        'TOTALS_DO_NOT_ADD_UP',
        'DEDUCTION_NEGATIVE',
        'DUPLICATE_SUSPECTED',
      ]);
      // AMOUNT_TOO_SMALL is not judged across currencies: 100 EUR against 200 SEK means nothing.
    });

    it('still lists a suspected duplicate when the invoice is refused, and says the check comes after', () => {
      const result = check({ debtor: { hasUnpaidBefore: true }, suspectedDuplicates: [twin()] });
      expect(result.outcome).toBe('REFUSED');
      expect(codes(result)).toEqual(['DEBTOR_UNPAID_BEFORE', 'DUPLICATE_SUSPECTED']);
      expect(result.reasons[1].message.en).toMatch(/Once the other reasons are dealt with, a person will check this before we decide\.$/);
    });

    it('lists the invalid-lines case without a pointless totals reason', () => {
      expect(codes(check({ invoice: { lines: [], totals: { net: '0', vat: '0', gross: '0' }, payable: '0' } }))).toEqual(['INVOICE_HAS_NO_LINES', 'AMOUNT_TOO_SMALL']);
    });
  });

  describe('suspected duplicates', () => {
    it('names the client’s own twin; another client’s twin is neither named nor said to be sold (issue 9 c)', () => {
      const result = check({
        suspectedDuplicates: [twin({ invoiceId: 'a', invoiceNumber: '1001' }), twin({ invoiceId: 'b', invoiceNumber: 'X-9', clientId: 'client-2', sameClient: false, kind: 'SOLD_BY_ANOTHER_CLIENT' })],
      });
      expect(result.outcome).toBe('MANUAL_ASSESSMENT');
      const [reason] = result.reasons;
      expect(reason.message.en).toBe(
        'This invoice may already have been offered to us: your invoice 1001 has the same debtor, amount and dates; and an invoice offered to us earlier looks like the same invoice. A person will check it before we decide; if the invoices are different, you need not do anything.',
      );
      expect(reason.message.sv).toContain('en faktura som vi har erbjudits tidigare ser ut att vara samma faktura');
      expect(reason.message.nb).toContain('en faktura vi har fått tilbud om tidligere ser ut til å være den samme fakturaen');
      for (const text of Object.values(reason.message)) {
        expect(text).not.toContain('X-9');
        expect(text).not.toMatch(/another company|annat företag|annet foretak|sold to us|sålt till oss|solgt til oss/);
      }
      // For staff only (the client's reason carries no figures).
      expect(reason.figures).toEqual({ duplicateInvoiceIds: 'a,b', duplicateInvoiceNumbers: '1001,X-9', soldByAnotherClient: true });
      expect(JSON.stringify(reason)).not.toContain('client-2');
    });

    it('says a twin of another client only once, however many there are', () => {
      const result = check({
        suspectedDuplicates: [
          twin({ invoiceId: 'b', invoiceNumber: 'X-9', clientId: 'client-2', sameClient: false, kind: 'SOLD_BY_ANOTHER_CLIENT' }),
          twin({ invoiceId: 'c', invoiceNumber: 'Y-1', clientId: 'client-3', sameClient: false, kind: 'SAME_DEBTOR_AMOUNT_AND_DATES' }),
        ],
      });
      expect(result.reasons[0].message.en).toBe(
        'This invoice may already have been offered to us: an invoice offered to us earlier looks like the same invoice. A person will check it before we decide; if the invoices are different, you need not do anything.',
      );
    });

    it('lists a twin the query found twice once', () => {
      const result = check({ suspectedDuplicates: [twin(), twin(), twin({ invoiceId: 'inv-2', invoiceNumber: '1002' })] });
      expect(result.suspectedDuplicates.map((twin) => twin.invoiceId)).toEqual(['inv-1', 'inv-2']);
      expect(result.reasons[0].figures?.duplicateInvoiceNumbers).toBe('1001,1002');
    });
  });

  describe('messages', () => {
    /** One input that gives each code, so every code's sentences are checked in all three languages. */
    const TRIGGERS: Record<EligibilityReasonCode, InputChanges> = {
      CLIENT_NOT_ACTIVE: { client: { state: 'APPLIED' } },
      CLIENT_BLOCKED: { client: { state: 'BLOCKED', blockReasons: ['OVERDUE_RECOURSE_INVOICE'] } },
      DEBTOR_ORGANISATION_NUMBER_INVALID: { debtor: { identityNumber: '402000-0008' } },
      DEBTOR_PERSONAL_IDENTITY_NUMBER_INVALID: { country: 'NO', debtor: { kind: 'PERSON', identityNumber: '15038549926' } },
      DEBTOR_ADDRESS_NOT_DOMESTIC: { debtor: { address: { country: 'FI' } } },
      INTERNAL_INVOICE: { debtor: { relation: 'SAME_GROUP' } },
      DEBTOR_DISPUTED_BEFORE: { debtor: { hasDisputedBefore: true } },
      DEBTOR_UNPAID_BEFORE: { debtor: { hasUnpaidBefore: true } },
      FOREIGN_CURRENCY: { invoice: { currency: 'USD' } },
      DELIVERY_TOO_OLD: { invoice: { deliveryDate: TODAY.minusDays(100), invoiceDate: TODAY.minusDays(100) } },
      DELIVERY_IN_THE_FUTURE: { invoice: { deliveryDate: TODAY.plusDays(3) } },
      DUE_DATE_TOO_FAR: { invoice: { dueDate: TODAY.plusDays(200) } },
      DUE_DATE_PASSED: { invoice: { dueDate: TODAY.minusDays(2) } },
      DUE_DATE_BEFORE_INVOICE_DATE: { invoice: { dueDate: d('2026-06-01') } },
      INVOICE_HAS_NO_LINES: { invoice: { lines: [] } },
      TOTALS_DO_NOT_ADD_UP: { invoice: { totals: { net: '1.00', vat: '2375.00', gross: '11875.00' } } },
      ROUNDING_TOO_LARGE: { invoice: { totals: { net: '9500.00', vat: '2375.00', rounding: '5', gross: '11880.00' }, payable: '11880.00' } },
      DEDUCTION_NOT_ALLOWED: { country: 'NO', invoice: { deduction: { kind: 'GREEN_TECH', amount: '100.00' }, payable: '11775.00' } },
      DEDUCTION_NEGATIVE: { invoice: { deduction: { kind: 'ROT', amount: '-1.00' }, payable: '11876.00' } },
      DEDUCTION_EXCEEDS_GROSS: { invoice: { deduction: { kind: 'RUT', amount: '20000.00' }, payable: '-8125.00' } },
      AMOUNT_TOO_SMALL: { invoice: small('100.00', '25.00', '125.00') },
      DUPLICATE_SUSPECTED: { suspectedDuplicates: [twin()] },
    };

    it.each(Object.entries(TRIGGERS))('%s has a sentence in English, Swedish and Norwegian', (code, changes) => {
      const found = check(changes).reasons.find((r) => r.code === code);
      expect(found).toBeDefined();
      const { en, sv, nb } = found!.message;
      for (const text of [en, sv, nb]) {
        expect(text.length).toBeGreaterThan(30);
        expect(text).toMatch(/[.]$/);
        expect(text).not.toMatch(/undefined|NaN|\[object|null/);
      }
      expect(new Set([en, sv, nb]).size).toBe(3);
    });

    it('covers every code', () => {
      expect(Object.keys(TRIGGERS).sort()).toEqual(Object.values(EligibilityReasonCode).sort());
    });
  });

  describe('rule sets', () => {
    it('differ between the countries only on tax deductions', () => {
      const se = ELIGIBILITY_RULE_SETS.SE.filter((name) => !ELIGIBILITY_RULE_SETS.NO.includes(name));
      const no = ELIGIBILITY_RULE_SETS.NO.filter((name) => !ELIGIBILITY_RULE_SETS.SE.includes(name));
      expect([se, no]).toEqual([['swedishTaxDeduction'], ['noTaxDeduction']]);
    });

    it('apply seed 000’s disputed and unpaid rules in Norway too', () => {
      expect(codes(check({ country: 'NO', debtor: { hasDisputedBefore: true, hasUnpaidBefore: true } }))).toEqual(['DEBTOR_DISPUTED_BEFORE', 'DEBTOR_UNPAID_BEFORE']);
    });

    it('follow the settings given: a 30-day delivery limit and a 1000 minimum', () => {
      const settings = { ...SETTINGS.SE, maxDaysSinceDelivery: 30, minimumAmount: '12000' };
      const result = check({ invoice: { deliveryDate: TODAY.minusDays(31) } }, settings);
      expect(codes(result)).toEqual(['DELIVERY_TOO_OLD', 'AMOUNT_TOO_SMALL']);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ invoice: { totals: { net: '9 500', vat: '2375.00', gross: '11875.00' } } }, 'VALUE_NOT_A_DECIMAL', 'invoice.totals.net'],
      [{ invoice: { payable: '' } }, 'VALUE_MISSING', 'invoice.payable'],
      [{ invoice: { lines: [{ ...validInvoice().lines[0], quantity: '1e3' }] } }, 'VALUE_NOT_A_DECIMAL', 'invoice.lines[0].quantity'],
      [{ client: { state: 'SLEEPING' as never } }, 'ELIGIBILITY_INPUT_UNKNOWN_VALUE', 'client.state'],
      [{ debtor: { kind: 'ROBOT' as never } }, 'ELIGIBILITY_INPUT_UNKNOWN_VALUE', 'debtor.kind'],
      [{ country: 'DK' as never }, 'COUNTRY_UNSUPPORTED', 'country'],
    ] as [InputChanges, string, string][])('throws on %j: %s on %s', (changes, code, field) => {
      const error = errorOf(() => check(changes, SETTINGS.SE));
      expect([error.code, error.field]).toEqual([code, field]);
    });

    it('refuses invalid settings as a configuration error', () => {
      const error = errorOf(() => check({}, { ...SETTINGS.SE, maxDaysUntilDue: 0 }));
      expect(error).toBeInstanceOf(InvalidValueError);
      expect([error.code, error.field]).toEqual(['ELIGIBILITY_SETTINGS_DAYS_OUT_OF_RANGE', 'settings.maxDaysUntilDue']);
    });

    it('does not crash on negative lines (a discount): it computes them', () => {
      const result = check({
        invoice: {
          lines: [
            { description: 'Work', quantity: '10', unitPrice: '1000.00', vatRatePercent: '25', reverseCharge: false },
            { description: 'Discount', quantity: '-1', unitPrice: '500.00', vatRatePercent: '25', reverseCharge: false },
          ],
          totals: { net: '9500.00', vat: '2375.00', gross: '11875.00' },
        },
      });
      expect(result.outcome).toBe('ELIGIBLE');
    });
  });
});
