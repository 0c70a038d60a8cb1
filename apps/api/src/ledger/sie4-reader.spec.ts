import { existsSync, readdirSync, readFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { join } from 'path';
import { decodeCp437, readSie, sieProblems } from './sie4-reader.spec-support';

/** The test-only SIE reader is checked on what accounting programs really write before it judges our file. */
describe('the test-only SIE 4 reader on a real export (BL Administration, fixtures/README.md)', () => {
  const bytes = readFileSync(join(__dirname, 'fixtures', 'BL0001_typ4.SE'));
  const file = readSie(bytes);

  it('decodes code page 437: the Swedish letters come out right', () => {
    expect(file.info.FNAMN).toEqual(['SEEE Speak Easy Executive English AB']);
    expect(decodeCp437(bytes)).toContain('#ADRESS "" "Flottbrovägen 14" "112 64 Stockholm"');
    expect(file.accounts.get('1680')?.name).toBe('Övr. kortfristiga fordr.');
  });

  it('has the same code page 437 as iconv-lite for all 256 bytes (two tables written apart agree)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    expect(decodeCp437(all)).toBe(iconv.decode(Buffer.from(all), 'cp437'));
  });

  it('reads the identification, the broken fiscal year and the chart', () => {
    expect(file.info.FLAGGA).toEqual(['0']);
    expect(file.info.FORMAT).toEqual(['PC8']);
    expect(file.info.SIETYP).toEqual(['4']);
    expect(file.years.get(0)).toEqual({ start: '2009-07-01', end: '2010-06-30' });
    expect(file.years.get(-1)).toEqual({ start: '2008-07-01', end: '2009-06-30' });
    expect(file.ib.get('0:1930')?.toFixed(2)).toBe('623579.28');
  });

  it('reads every voucher with its rows, a backslash in a text kept as it is', () => {
    expect(file.vouchers).toHaveLength(84);
    expect(file.vouchers[0]).toMatchObject({ number: '1', date: '2009-07-31', text: 'Avskrivning anläggningsregister' });
    expect(file.vouchers[0].rows[0]).toMatchObject({ account: '1229', objects: [], date: '2009-07-31', text: '1820\\A012 Cykel' });
    expect(file.vouchers[0].rows[0].amount.toFixed(2)).toBe('-133.00');
  });

  it('finds the file whole: every voucher balances, opening balance plus the year\'s rows is the closing balance, the rows are the result', () => {
    expect(sieProblems(file)).toEqual([]);
  });

  it('finds a broken file broken', () => {
    const broken = Buffer.from(bytes.toString('latin1').replace('#TRANS 7830  {} 133 20090731', '#TRANS 7830  {} 134 20090731'), 'latin1');
    const problems = sieProblems(readSie(broken));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^#VER .* sums to 1\.00$/), expect.stringMatching(/^account 7830: rows/)]));
  });
});

/** The other samples, where the shared folder sits beside the repository (as on a developer's machine and in CI). */
const SAMPLES = join(__dirname, '../../../../../shared/samples/sie');
(existsSync(SAMPLES) ? describe : describe.skip)('the reader on every SIE sample in shared/samples/sie', () => {
  const names = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((name) => /\.SE$/i.test(name)) : [];
  it.each(names)('%s reads whole and balances', (name) => {
    const file = readSie(readFileSync(join(SAMPLES, name)));
    expect(file.vouchers.length).toBeGreaterThan(0);
    expect(file.info.SIETYP).toEqual(['4']);
    expect(sieProblems(file)).toEqual([]);
  });
});
