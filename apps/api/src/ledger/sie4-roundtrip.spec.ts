import { Sie4Document, sie4File } from '@factoring/rules';
import fc from 'fast-check';
import { decodeCp437, readSie, sieProblems } from './sie4-reader.spec-support';

/**
 * The writer's escaping, by property: whatever an account's name or a voucher's text holds, the
 * reader written apart from it reads back the same text. Characters a SIE field cannot hold are
 * changed as the writer promises: control characters to a blank, what code page 437 lacks to '?'.
 */

// Every character code page 437 can carry in a field (the reader's own table, not the writer's): printable ASCII and 0x80-0xFF.
const CP437_PRINTABLE = [...decodeCp437(Uint8Array.from({ length: 256 }, (_, byte) => byte))].filter((_, byte) => byte >= 0x20 && byte !== 0x7f);
// The characters that make escaping hard, weighted up.
const HARD = ['"', '\\', '{', '}', '#', ' ', '\t', 'å', 'Ä', 'ö', '\u00a0'];
const fieldText = fc.string({ unit: fc.oneof(fc.constantFrom(...CP437_PRINTABLE), fc.constantFrom(...HARD.filter((c) => c !== '\t'))), maxLength: 60 });

const doc = (accountName: string, voucherText: string, rowText: string): Sie4Document => ({
  program: { name: 'Factoring back office', version: '0.1.0' },
  generated: { date: '2026-11-29', sign: voucherText },
  company: { name: accountName },
  chartType: 'BAS2014',
  currency: 'SEK',
  years: [{ index: 0, start: '2026-01-01', end: '2026-12-31' }],
  accounts: [
    { number: '1511', name: accountName, type: 'T' },
    { number: '3011', name: voucherText, type: 'I' },
  ],
  balances: [
    { kind: 'IB', year: 0, account: '1511', amount: '0' },
    { kind: 'UB', year: 0, account: '1511', amount: '12.34' },
    { kind: 'RES', year: 0, account: '3011', amount: '-12.34' },
  ],
  vouchers: [{ series: 'A', number: 1, date: '2026-11-02', text: voucherText, transactions: [{ account: '1511', amount: '12.34', text: rowText }, { account: '3011', amount: '-12.34' }] }],
});

/** What the writer promises to make of any text, stated from the format, not from its code. */
function asWritten(text: string): string {
  const carried = new Set(CP437_PRINTABLE);
  return [...text.normalize('NFC')]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return ' ';
      return carried.has(ch) ? ch : '?';
    })
    .join('');
}

describe('SIE 4 text fields round-trip through the writer and the reader written apart from it', () => {
  it('any name or text made of what code page 437 carries comes back exactly', () => {
    fc.assert(
      fc.property(fieldText, fieldText, fieldText, (name, text, rowText) => {
        const read = readSie(sie4File(doc(name, text, rowText)));
        expect(read.accounts.get('1511')?.name).toBe(name);
        expect(read.accounts.get('3011')?.name).toBe(text);
        expect(read.info.FNAMN).toEqual([name]);
        expect(read.info.GEN?.[1] ?? '').toBe(text); // an empty sign is left out
        expect(read.vouchers[0].text).toBe(text);
        expect(read.vouchers[0].rows[0].text).toBe(rowText);
        expect(sieProblems(read)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('any Unicode text comes back as the writer promises: control characters blank, what CP437 lacks as ?', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (name, text) => {
        const read = readSie(sie4File(doc(name, text, text)));
        expect(read.accounts.get('1511')?.name).toBe(asWritten(name));
        expect(read.vouchers[0].text).toBe(asWritten(text));
        expect(read.records.filter((r) => r.label === 'VER')).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
