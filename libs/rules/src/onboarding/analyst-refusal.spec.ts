import fc from 'fast-check';
import { ANALYST_NOTE_MAX_LENGTH, ANALYST_REFUSAL_REASONS, analystRefusal } from './analyst-refusal';
import { errorOf } from './spec-helpers';

describe('ANALYST_REFUSAL_REASONS', () => {
  it('holds the seed’s common reasons (001) and two more, with OTHER needing a note', () => {
    expect(ANALYST_REFUSAL_REASONS.map(({ code, requiresNote }) => [code, requiresNote])).toEqual([
      ['UNPAID_PUBLIC_FEES', false],
      ['SIGNIFICANT_PAYMENT_REMARKS', false],
      ['KEY_RATIOS', false],
      ['INCOMPLETE_INFORMATION', false],
      ['OTHER', true],
    ]);
  });

  it('tells the applicant in every language that they may apply again (001)', () => {
    for (const { message } of ANALYST_REFUSAL_REASONS) {
      expect(message.en).toMatch(/apply again/);
      expect(message.sv).toMatch(/ansöka igen/);
      expect(message.nb).toMatch(/søke igjen/);
    }
    expect(Object.isFrozen(ANALYST_REFUSAL_REASONS)).toBe(true);
    expect(Object.isFrozen(ANALYST_REFUSAL_REASONS[0].message)).toBe(true);
  });
});

describe('analystRefusal', () => {
  it('gives the reasons in the order chosen, each once, with their sentences', () => {
    const refusal = analystRefusal(['KEY_RATIOS', 'UNPAID_PUBLIC_FEES', 'KEY_RATIOS']);
    expect(refusal.note).toBeNull();
    expect(refusal.reasons.map((r) => r.code)).toEqual(['KEY_RATIOS', 'UNPAID_PUBLIC_FEES']);
    expect(refusal.reasons[1].message.en).toBe('The company has unpaid taxes or public fees. You are welcome to apply again once they are paid; the application is then assessed anew.');
    expect(refusal.reasons[1].message.nb).toBe('Foretaket har ubetalte skatter eller offentlige avgifter. Dere er velkommen til å søke igjen når de er betalt; søknaden vurderes da på nytt.');
  });

  it('keeps the note, trimmed, and puts it on OTHER', () => {
    const refusal = analystRefusal(['OTHER', 'SIGNIFICANT_PAYMENT_REMARKS'], '  The owner is also behind a bankrupt company.  ');
    expect(refusal.note).toBe('The owner is also behind a bankrupt company.');
    expect(refusal.reasons[0]).toEqual(expect.objectContaining({ code: 'OTHER', figures: { note: 'The owner is also behind a bankrupt company.' } }));
    expect(refusal.reasons[1].figures).toBeUndefined();
    expect(analystRefusal(['KEY_RATIOS'], 'Equity negative two years running.').note).toBe('Equity negative two years running.');
  });

  it.each([
    [[], undefined, 'ANALYST_REFUSAL_REASONS_EMPTY', 'reasons', 'Choose at least one reason for the refusal.'],
    [['KEY_RATIO'], undefined, 'ANALYST_REFUSAL_REASON_UNKNOWN', 'reasons', '"KEY_RATIO" is not a refusal reason: use UNPAID_PUBLIC_FEES, SIGNIFICANT_PAYMENT_REMARKS, KEY_RATIOS, INCOMPLETE_INFORMATION, OTHER.'],
    [['key_ratios', 'X'], undefined, 'ANALYST_REFUSAL_REASON_UNKNOWN', 'reasons', expect.stringContaining('"key_ratios", "X" are not refusal reasons')],
    [['OTHER'], undefined, 'ANALYST_REFUSAL_NOTE_REQUIRED', 'note', 'Write a note saying what the reason is: OTHER needs one.'],
    [['KEY_RATIOS', 'OTHER'], '   ', 'ANALYST_REFUSAL_NOTE_REQUIRED', 'note', 'Write a note saying what the reason is: OTHER needs one.'],
    [['OTHER'], 'x'.repeat(ANALYST_NOTE_MAX_LENGTH + 1), 'ANALYST_REFUSAL_NOTE_TOO_LONG', 'note', expect.stringContaining('keep it to 2000')],
  ])('refuses %j with note %j: %s on %s', (codes, note, code, field, message) => {
    const error = errorOf(() => analystRefusal(codes as string[], note));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toEqual(message);
  });

  it('accepts any non-empty choice of known reasons, given a note when OTHER is among them', () => {
    const known = ANALYST_REFUSAL_REASONS.map((r) => r.code);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...known), { minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''), (codes, note) => {
        const refusal = analystRefusal(codes, note);
        expect(refusal.reasons.map((r) => r.code)).toEqual([...new Set(codes)]);
        expect(refusal.note).toBe(note.trim());
      }),
    );
  });
});
