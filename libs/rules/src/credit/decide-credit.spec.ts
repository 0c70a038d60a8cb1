import { InvalidValueError } from '@factoring/domain';
import { CREDIT_REASON_EFFECT, CreditDecision, CreditReasonCode, decideCredit } from './decide-credit';
import { CreditChanges, creditInput, d, SETTINGS, settingsWith } from './spec-helpers';

const decide = (changes: CreditChanges = {}, settings = SETTINGS) => decideCredit(creditInput(changes), settings);
const codes = (decision: CreditDecision) => decision.reasons.map((r) => r.code);
const C = CreditReasonCode;

/** Each rule firing alone: the changes to the approved input, the code, the outcome. */
const ALONE: [string, CreditChanges, CreditReasonCode, string][] = [
      // limits: exposure-after above the limit; within 5 % of the limit → manual, more → deny
      ['debtor limit, far over', { debtor: { exposure: '215000.00' } }, C.DEBTOR_LIMIT_EXCEEDED, 'DENY'],
      ['debtor limit, within tolerance', { debtor: { exposure: '195000.00' } }, C.DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE, 'MANUAL_ASSESSMENT'],
      ['client limit, far over', { client: { exposure: '530000.00' } }, C.CLIENT_LIMIT_EXCEEDED, 'DENY'],
      ['client limit, within tolerance', { client: { exposure: '495000.00' } }, C.CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE, 'MANUAL_ASSESSMENT'],
      ['pair limit, far over', { pair: { limit: { limit: '25000.00' } } }, C.PAIR_LIMIT_EXCEEDED, 'DENY'],
      ['pair limit, within tolerance', { pair: { limit: { limit: '29000.00' } } }, C.PAIR_LIMIT_EXCEEDED_WITHIN_TOLERANCE, 'MANUAL_ASSESSMENT'],
      // the debtor's past
      ['unpaid before', { debtor: { history: { unpaidBefore: true } } }, C.DEBTOR_UNPAID_BEFORE, 'DENY'],
      ['disputed before', { debtor: { history: { disputedBefore: true } } }, C.DEBTOR_DISPUTED_BEFORE, 'DENY'],
      ['average days late above 15', { debtor: { history: { averageDaysLate: 20 } } }, C.DEBTOR_PAYS_LATE, 'MANUAL_ASSESSMENT'],
      ['share paid late above 30 %', { debtor: { history: { paidLate: 8 } } }, C.DEBTOR_PAYS_LATE, 'MANUAL_ASSESSMENT'],
      ['average days late above 45', { debtor: { history: { averageDaysLate: 50 } } }, C.DEBTOR_PAYS_LATE_SEVERELY, 'DENY'],
      ['share paid late above 60 %', { debtor: { history: { paidLate: 13 } } }, C.DEBTOR_PAYS_LATE_SEVERELY, 'DENY'],
      ['without recourse: 10 days late on average', { invoice: { recourse: 'WITHOUT_RECOURSE' }, debtor: { history: { averageDaysLate: 10 } } }, C.DEBTOR_PAYS_LATE, 'MANUAL_ASSESSMENT'],
      ['without recourse: 25 % paid late', { invoice: { recourse: 'WITHOUT_RECOURSE' }, debtor: { history: { paidLate: 5 } } }, C.DEBTOR_PAYS_LATE, 'MANUAL_ASSESSMENT'],
      ['without recourse: 35 days late on average', { invoice: { recourse: 'WITHOUT_RECOURSE' }, debtor: { history: { averageDaysLate: 35 } } }, C.DEBTOR_PAYS_LATE_SEVERELY, 'DENY'],
      // concentration: 160 000 of 210 000 after the invoice
      ['concentration 76 %', { debtor: { exposure: '160000.00' }, pair: { exposure: '150000.00' } }, C.CONCENTRATION_HIGH, 'MANUAL_ASSESSMENT'],
      // private persons (seed 001): paidLate 0 to keep the late-history rule out
      ['person above 20 000', { invoice: { amount: '25000.00' }, debtor: { kind: 'PERSON', history: { paidLate: 0, averageDaysLate: 0, maxDaysLate: 0 } } }, C.PERSON_AMOUNT_ABOVE_CAP, 'MANUAL_ASSESSMENT'],
      ['person above 10 000 without recourse', { invoice: { amount: '15000.00', recourse: 'WITHOUT_RECOURSE' }, debtor: { kind: 'PERSON', history: { paidLate: 0, averageDaysLate: 0 } } }, C.PERSON_AMOUNT_ABOVE_CAP, 'MANUAL_ASSESSMENT'],
      ['person who paid late once', { debtor: { kind: 'PERSON', history: { paidLate: 1 } } }, C.PERSON_LATE_HISTORY, 'MANUAL_ASSESSMENT'],
      // new debtor with a large amount (recent invoices around 50 000 so the amount is not unusual)
      [
        'new debtor above 100 000',
        { invoice: { amount: '120000.00' }, debtor: { isNew: true, exposure: '20000.00', history: { invoicesPaid: 0, paidLate: 0, averageDaysLate: 0, maxDaysLate: 0 } }, client: { recentInvoiceAmounts: Array(10).fill('50000.00') } },
        C.NEW_DEBTOR_AMOUNT_HIGH,
        'MANUAL_ASSESSMENT',
      ],
      [
        'new debtor above 50 000 without recourse',
        { invoice: { amount: '60000.00', recourse: 'WITHOUT_RECOURSE' }, debtor: { isNew: true, exposure: '20000.00', history: { invoicesPaid: 0, paidLate: 0, averageDaysLate: 0, maxDaysLate: 0 } }, client: { recentInvoiceAmounts: Array(10).fill('50000.00') } },
        C.NEW_DEBTOR_AMOUNT_HIGH,
        'MANUAL_ASSESSMENT',
      ],
      // more than 5 × the median 8 000
      ['amount 45 000 against a median of 8 000', { invoice: { amount: '45000.00' } }, C.AMOUNT_UNUSUAL_FOR_CLIENT, 'MANUAL_ASSESSMENT'],
      ['picked for a spot check', { spotCheck: { selected: true, rate: '0.500000', draw: '0.1000000000' } }, C.SPOT_CHECK_SELECTED, 'SPOT_CHECK'],
];

/** Every decision the tables below made, to check the messages of every code. */
const seen: CreditDecision[] = [];
const run = (changes: CreditChanges, settings = SETTINGS) => {
  const decision = decide(changes, settings);
  seen.push(decision);
  return decision;
};

describe('decideCredit', () => {
  it('approves an ordinary invoice, with the figures used and the rules version', () => {
    const decision = run({});
    expect(decision.outcome).toBe('APPROVE');
    expect(codes(decision)).toEqual([C.APPROVED]);
    expect(decision.rulesVersion).toBe('2024-01-01');
    expect(decision.figures).toMatchObject({
      amount: '10000.00',
      currency: 'SEK',
      daysUntilDue: 30,
      debtor: { limit: '200000.00', exposureBefore: '50000.00', exposureAfter: '60000.00', headroomAfter: '140000.00', toleranceAmount: '10000.00' },
      client: { limit: '500000.00', exposureBefore: '200000.00', exposureAfter: '210000.00', headroomAfter: '290000.00', toleranceAmount: '25000.00' },
      pair: null,
      pairExposureAfter: '30000.00',
      concentrationShare: '0.142857',
      clientMedianAmount: '8000.00',
      clientHistoryCount: 12,
      history: { invoicesPaid: 20, paidLate: 2, lateShare: '0.100000', averageDaysLate: 3 },
    });
  });

  describe('each rule alone', () => {
    it.each(ALONE)('%s', (_name, changes, code, outcome) => {
      const decision = run(changes);
      expect(codes(decision)).toEqual([code]);
      expect(decision.outcome).toBe(outcome);
      expect(decision.reasons[0].effect).toBe(outcome);
    });
  });

  describe('rules that do not fire', () => {
    it.each<[string, CreditChanges]>([
      ['exposure-after exactly at the debtor limit', { debtor: { exposure: '190000.00' } }],
      ['no pair limit set, whatever the pair exposure', { pair: { limit: null, exposure: '50000.00' } }],
      ['late, with recourse, 10 days on average', { debtor: { history: { averageDaysLate: 10 } } }],
      ['paid late 2 of 2, too few for the share rule', { debtor: { history: { invoicesPaid: 2, paidLate: 2, averageDaysLate: 3 } } }],
      ['a high average days late is ignored when nothing was paid late', { debtor: { history: { paidLate: 0, averageDaysLate: 99 } } }],
      ['concentration high but the client exposure below 100 000', { debtor: { exposure: '40000.00' }, client: { exposure: '50000.00' }, pair: { exposure: '40000.00' } }],
      ['person at exactly 20 000 with recourse', { invoice: { amount: '20000.00' }, debtor: { kind: 'PERSON', history: { paidLate: 0, averageDaysLate: 0 } } }],
      ['person at 15 000 with recourse', { invoice: { amount: '15000.00' }, debtor: { kind: 'PERSON', history: { paidLate: 0, averageDaysLate: 0 } } }],
      ['a company debtor with late history below the thresholds', { debtor: { history: { paidLate: 1 } } }],
      ['new debtor with an amount below 100 000', { invoice: { amount: '40000.00' }, debtor: { isNew: true, history: { invoicesPaid: 0, paidLate: 0, averageDaysLate: 0 } } }],
      ['amount exactly 5 × the median', { invoice: { amount: '40000.00' } }],
      ['unusual amount but only 9 earlier invoices', { invoice: { amount: '45000.00' }, client: { recentInvoiceAmounts: Array(9).fill('8000.00') } }],
      ['unusual amount with no history at all', { invoice: { amount: '45000.00' }, client: { recentInvoiceAmounts: [], invoicesSold: 0 } }],
    ])('%s → APPROVE', (_name, changes) => {
      const decision = decide(changes);
      expect(codes(decision)).toEqual([C.APPROVED]);
      expect(decision.outcome).toBe('APPROVE');
    });
  });

  describe('limits and exposure-after arithmetic', () => {
    it('adds the amount to each exposure exactly, in öre', () => {
      const decision = decide({ invoice: { amount: '0.30' }, debtor: { exposure: '0.10', limit: { limit: '0.40' } }, client: { exposure: '0.20' }, pair: { exposure: '0.10', limit: { limit: '0.40' } } });
      expect(decision.figures.debtor).toMatchObject({ exposureBefore: '0.10', exposureAfter: '0.40', headroomAfter: '0.00' });
      expect(decision.figures.client).toMatchObject({ exposureBefore: '0.20', exposureAfter: '0.50' });
      expect(decision.figures.pair).toMatchObject({ exposureAfter: '0.40', headroomAfter: '0.00' });
      expect(decision.reasons.filter((r) => r.code.includes('LIMIT'))).toEqual([]);
    });

    it.each([
      ['at the limit + tolerance: manual', '200000.00', C.DEBTOR_LIMIT_EXCEEDED_WITHIN_TOLERANCE],
      ['one öre beyond the tolerance: deny', '200000.01', C.DEBTOR_LIMIT_EXCEEDED],
    ])('%s', (_name, exposure, code) => {
      // limit 200 000, tolerance 5 % = 10 000, amount 10 000: exposure 200 000 gives 210 000 after
      const decision = decide({ debtor: { exposure } });
      expect(codes(decision)).toEqual([code]);
    });

    it('reports the excess and tolerance in the reason figures', () => {
      const [limitReason] = decide({ debtor: { exposure: '215000.00' } }).reasons;
      expect(limitReason.figures).toEqual({
        level: 'debtor',
        limit: '200000.00',
        raiseInForce: false,
        exposureBefore: '215000.00',
        amount: '10000.00',
        exposureAfter: '225000.00',
        excess: '25000.00',
        toleranceAmount: '10000.00',
      });
      expect(limitReason.message.en).toContain('from SEK\u00a0215,000.00 to SEK\u00a0225,000.00, SEK\u00a025,000.00 above the limit of SEK\u00a0200,000.00');
      // Each language groups the digits its own way (issue 11 §3): never a bare "21250 SEK".
      expect(limitReason.message.sv).toContain('från 215\u00a0000,00\u00a0SEK till 225\u00a0000,00\u00a0SEK, 25\u00a0000,00\u00a0SEK över limiten på 200\u00a0000,00\u00a0SEK');
      expect(limitReason.message.nb).toContain('fra 215\u00a0000,00\u00a0SEK til 225\u00a0000,00\u00a0SEK');
    });

    it('denies every excess when the tolerance is 0', () => {
      expect(decide({ debtor: { exposure: '190000.01' } }, settingsWith({ limitToleranceShare: '0' })).outcome).toBe('DENY');
    });

    it('counts a temporary raise through its expiry date, and not after', () => {
      const debtor = { exposure: '230000.00', limit: { limit: '200000.00', temporaryRaise: { amount: '50000.00', expiresOn: d('2026-06-30') } } };
      const during = decide({ debtor, today: d('2026-06-30') });
      expect(during.outcome).toBe('APPROVE');
      expect(during.figures.debtor).toMatchObject({ limit: '250000.00', raiseInForce: true });
      expect(during.figures.debtor.explanation.code).toBe('LIMIT_TEMPORARY_RAISE_IN_FORCE');
      const after = decide({ debtor, today: d('2026-07-01') });
      expect(after.outcome).toBe('DENY');
      expect(codes(after)).toEqual([C.DEBTOR_LIMIT_EXCEEDED]);
    });
  });

  describe('several reasons together, and precedence', () => {
    it.each<[string, CreditChanges, CreditReasonCode[], string]>([
      ['manual beats spot check', { invoice: { amount: '45000.00' }, spotCheck: { selected: true } }, [C.AMOUNT_UNUSUAL_FOR_CLIENT, C.SPOT_CHECK_SELECTED], 'MANUAL_ASSESSMENT'],
      [
        'deny beats manual and spot check',
        { debtor: { exposure: '215000.00', history: { averageDaysLate: 20 } }, invoice: { amount: '10000.00' }, spotCheck: { selected: true } },
        [C.DEBTOR_LIMIT_EXCEEDED, C.DEBTOR_PAYS_LATE, C.SPOT_CHECK_SELECTED],
        'DENY',
      ],
      ['every limit at once', { debtor: { exposure: '215000.00' }, client: { exposure: '530000.00' }, pair: { limit: { limit: '25000.00' } } }, [C.DEBTOR_LIMIT_EXCEEDED, C.CLIENT_LIMIT_EXCEEDED, C.PAIR_LIMIT_EXCEEDED], 'DENY'],
      ['a deny and a manual limit', { debtor: { exposure: '215000.00' }, client: { exposure: '495000.00' } }, [C.DEBTOR_LIMIT_EXCEEDED, C.CLIENT_LIMIT_EXCEEDED_WITHIN_TOLERANCE], 'DENY'],
      [
        'a private person new to the factor with a large, unusual amount',
        { invoice: { amount: '150000.00' }, debtor: { kind: 'PERSON', isNew: true, history: { invoicesPaid: 0, paidLate: 0, averageDaysLate: 0 } } },
        [C.PERSON_AMOUNT_ABOVE_CAP, C.NEW_DEBTOR_AMOUNT_HIGH, C.AMOUNT_UNUSUAL_FOR_CLIENT],
        'MANUAL_ASSESSMENT',
      ],
      ['a person who pays late: both the person rule and the late rule', { debtor: { kind: 'PERSON', history: { paidLate: 8 } } }, [C.DEBTOR_PAYS_LATE, C.PERSON_LATE_HISTORY], 'MANUAL_ASSESSMENT'],
      ['unpaid and disputed before', { debtor: { history: { unpaidBefore: true, disputedBefore: true } } }, [C.DEBTOR_UNPAID_BEFORE, C.DEBTOR_DISPUTED_BEFORE], 'DENY'],
    ])('%s', (_name, changes, expected, outcome) => {
      const decision = run(changes);
      expect(codes(decision)).toEqual(expected);
      expect(decision.outcome).toBe(outcome);
    });

    it('never gives APPROVED beside another reason', () => {
      for (const decision of seen) if (decision.reasons.length > 1) expect(codes(decision)).not.toContain(C.APPROVED);
    });
  });

  it('has a sentence in English, Swedish and Norwegian for every code, and each code has one effect', () => {
    const decisions = [decide({}), ...ALONE.map(([, changes]) => decide(changes)), ...seen];
    const byCode = new Map(decisions.flatMap((decision) => decision.reasons).map((r) => [r.code, r]));
    expect([...byCode.keys()].sort()).toEqual(Object.values(C).sort());
    for (const r of byCode.values()) {
      expect(r.effect).toBe(CREDIT_REASON_EFFECT[r.code]);
      for (const language of ['en', 'sv', 'nb'] as const) expect(r.message[language].length).toBeGreaterThan(20);
      expect(r.message.sv).not.toBe(r.message.en);
      expect(r.message.nb).not.toBe(r.message.sv);
    }
    // Swedish and Norwegian use a decimal comma
    const late = decide({ debtor: { history: { averageDaysLate: 20.5 } } }).reasons[0];
    expect(late.message.en).toContain('20.5 days');
    expect(late.message.sv).toContain('20,5 dagar');
    expect(late.message.nb).toContain('20,5 dager');
  });

  describe('refuses malformed input', () => {
    it.each<[string, CreditChanges, string]>([
      ['an amount with a comma', { invoice: { amount: '10,00' } }, 'VALUE_NOT_A_DECIMAL'],
      ['a foreign currency', { invoice: { currency: 'EUR' } }, 'CREDIT_CURRENCY_MISMATCH'],
      ['an unknown recourse mode', { invoice: { recourse: 'SOMETIMES' as never } }, 'CREDIT_VALUE_UNKNOWN'],
      ['an unknown debtor kind', { debtor: { kind: 'TRUST' as never } }, 'CREDIT_VALUE_UNKNOWN'],
      ['more paid late than paid', { debtor: { history: { invoicesPaid: 2, paidLate: 3 } } }, 'CREDIT_HISTORY_INCONSISTENT'],
      ['a fractional count', { client: { invoicesSold: 1.5 } }, 'CREDIT_COUNT_INVALID'],
      ['negative days', { debtor: { history: { averageDaysLate: -1 } } }, 'CREDIT_DAYS_INVALID'],
      ['pair exposure above the client exposure', { client: { exposure: '10000.00' }, pair: { exposure: '20000.00' } }, 'CREDIT_EXPOSURE_INCONSISTENT'],
      ['a malformed recent amount', { client: { recentInvoiceAmounts: ['1e5'] } }, 'VALUE_NOT_A_DECIMAL'],
    ])('%s', (_name, changes, code) => {
      expect(() => decide(changes)).toThrow(InvalidValueError);
      expect(() => decide(changes)).toThrow(expect.objectContaining({ code }));
    });

    it('refuses invalid settings rather than deciding with them', () => {
      expect(() => decide({}, settingsWith({ concentrationMaxShare: '1.5' }))).toThrow(expect.objectContaining({ code: 'CREDIT_SETTINGS_OUT_OF_RANGE' }));
    });
  });
});
