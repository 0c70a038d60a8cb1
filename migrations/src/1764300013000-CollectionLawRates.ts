import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The law's numbers for collection (issue 15 s.2), as dated data with their source: fees and
 * compensation amounts, the Swedish reference rate per half-year (late interest is reference +
 * 8 points, computed, not stored: räntelagen 6 §) and the Norwegian forsinkelsesrente per
 * half-year (stored as set: it already includes the 8 points).
 *
 * One row per (country, kind, valid_from); the row in force on a day is the latest valid_from on
 * or before it. History is kept: a new figure is a new row (the table is append-only).
 * `source` names the law or regulation with its section and says where the figure was read;
 * `source_url` is the public page; `verified` is false where the figure was not read in a
 * public text of the law or the authority (e.g. recalled, or read in a third party's copy):
 * those rows say why in `source` and must be checked before production use.
 *
 * Also the invoice's `reminder_fee_agreed` (issue 15 s.2: "the invoice input says so").
 */
const SE_LAW = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-1981739-om-ersattning-for-inkassokostnader_sfs-1981-739/';
const SE_REFERENCE = 'https://www.riksbank.se/sv/statistik/sok-rantor--valutakurser/referensranta/';
const NO_INTEREST_2025 = 'https://lovdata.no/forskrift/2024-12-19-3279';
const NO_INTEREST_2025_07 = 'https://lovdata.no/forskrift/2025-06-23-1321';
const NO_COLLECTION = 'https://lovdata.no/forskrift/1989-07-14-562';

type Row = [country: 'SE' | 'NO', kind: string, validFrom: string, value: string, unit: 'SEK' | 'NOK' | 'PERCENT_PER_YEAR', source: string, url: string, verified: boolean];

const SE_FEES_SINCE = '2013-03-16';
const SE_FEE_NOTE = 'amounts in the act since SFS 2013:56 (in force 2013-03-16; before that in förordning 1981:1057, repealed by SFS 2013:59); read in the consolidated text at riksdagen.se';
const SE_REFERENCE_NOTE =
  'Riksbank reference rate for the half-year, räntelagen (1975:635) 9 § (the effective policy rate at the end of the previous half-year, rounded up to the next half point, per riksbank.se); ' +
  'figure from a third-party copy of the Riksbank series (mystep.se/referensranta), not read on riksbank.se: UNVERIFIED';
const NO_COLLECTION_NOTE =
  'inkassoforskriften (FOR-1989-07-14-562), purregebyr and fees as fractions of the inkassosats; 2025 figures as summarised by kred.no (DOMAIN.md, "Numbers from outside the seeds"); ' +
  'section numbers and the 2025-01-01 start recalled, not read in the regulation: UNVERIFIED';

const ROWS: Row[] = [
  ['SE', 'REMINDER_FEE', SE_FEES_SINCE, '60.00', 'SEK', `Lag (1981:739) om ersättning för inkassokostnader m.m. 2 § (only if agreed at the latest when the debt arose) and 4 § andra stycket 1 (at most 60 kronor); ${SE_FEE_NOTE}`, SE_LAW, true],
  ['SE', 'COLLECTION_DEMAND_FEE', SE_FEES_SINCE, '180.00', 'SEK', `Lag (1981:739) 3 § 1 (inkassokrav) and 4 § andra stycket 2 (at most 180 kronor); ${SE_FEE_NOTE}`, SE_LAW, true],
  ['SE', 'PAYMENT_PLAN_FEE', SE_FEES_SINCE, '170.00', 'SEK', `Lag (1981:739) 3 § 2 (amorteringsplan) and 4 § andra stycket 3 (at most 170 kronor); ${SE_FEE_NOTE}`, SE_LAW, true],
  ['SE', 'LATE_PAYMENT_COMPENSATION', SE_FEES_SINCE, '450.00', 'SEK', `Lag (1981:739) 4 a § (förseningsersättning between businesses, and from a public body, 450 kronor; inserted by SFS 2013:56); ${SE_FEE_NOTE}`, SE_LAW, true],
  ['SE', 'REFERENCE_RATE', '2024-01-01', '4.00', 'PERCENT_PER_YEAR', `${SE_REFERENCE_NOTE}; also announced at capway.se (2024-01-02)`, SE_REFERENCE, false],
  ['SE', 'REFERENCE_RATE', '2024-07-01', '4.00', 'PERCENT_PER_YEAR', SE_REFERENCE_NOTE, SE_REFERENCE, false],
  ['SE', 'REFERENCE_RATE', '2025-01-01', '3.00', 'PERCENT_PER_YEAR', SE_REFERENCE_NOTE, SE_REFERENCE, false],
  ['SE', 'REFERENCE_RATE', '2025-07-01', '2.00', 'PERCENT_PER_YEAR', SE_REFERENCE_NOTE, SE_REFERENCE, false],
  ['SE', 'REFERENCE_RATE', '2026-01-01', '2.00', 'PERCENT_PER_YEAR', SE_REFERENCE_NOTE, SE_REFERENCE, false],
  ['NO', 'LATE_INTEREST_RATE', '2025-01-01', '12.50', 'PERCENT_PER_YEAR', 'Forskrift om forsinkelsesrente og kompensasjon for inndrivelseskostnader (FOR-2024-12-19-3279) § 1, under forsinkelsesrenteloven (LOV-1976-12-17-100) § 3 første ledd; read in the regulation\'s text (lovdata.no)', NO_INTEREST_2025, true],
  ['NO', 'LATE_INTEREST_RATE', '2025-07-01', '12.25', 'PERCENT_PER_YEAR', 'FOR-2025-06-23-1321 (replaced FOR-2024-12-19-3279 from 2025-07-01, per lovdata.no), forsinkelsesrenteloven § 3 første ledd; the figure is Norges Bank\'s policy rate of 4.25 % recalled + 8 points, not read in the regulation: UNVERIFIED', NO_INTEREST_2025_07, false],
  ['NO', 'LATE_INTEREST_RATE', '2026-01-01', '12.00', 'PERCENT_PER_YEAR', 'Forsinkelsesrenteloven § 3 første ledd (set per half-year from 1 January); the figure is Norges Bank\'s policy rate of 4.00 % recalled + 8 points; the regulation for the first half of 2026 was not read: UNVERIFIED', 'https://lovdata.no/lov/1976-12-17-100', false],
  ['NO', 'LATE_PAYMENT_COMPENSATION', '2025-01-01', '470.00', 'NOK', 'FOR-2024-12-19-3279 § 2 (standardkompensasjon, forsinkelsesrenteloven § 3a første ledd); read in the regulation\'s text (lovdata.no)', NO_INTEREST_2025, true],
  ['NO', 'COLLECTION_RATE', '2025-01-01', '700.00', 'NOK', `Inkassosats; ${NO_COLLECTION_NOTE}`, NO_COLLECTION, false],
  ['NO', 'REMINDER_FEE', '2025-01-01', '35.00', 'NOK', `Purregebyr (1/20 of the inkassosats); ${NO_COLLECTION_NOTE}`, NO_COLLECTION, false],
  ['NO', 'COLLECTION_WARNING_FEE', '2025-01-01', '35.00', 'NOK', `Gebyr for inkassovarsel (inkassoloven § 9: at least 14 days to pay before collection); ${NO_COLLECTION_NOTE}`, NO_COLLECTION, false],
  ['NO', 'PAYMENT_DEMAND_FEE', '2025-01-01', '105.00', 'NOK', `Betalingsoppfordring (0.15 of the inkassosats); ${NO_COLLECTION_NOTE}`, NO_COLLECTION, false],
];

export class CollectionLawRates1764300013000 implements MigrationInterface {
  name = 'CollectionLawRates1764300013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collection_law_rate (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        country text NOT NULL CHECK (country IN ('SE','NO')),
        kind text NOT NULL CHECK (kind IN ('REMINDER_FEE','COLLECTION_DEMAND_FEE','PAYMENT_PLAN_FEE','COLLECTION_WARNING_FEE',
                                           'PAYMENT_DEMAND_FEE','LATE_PAYMENT_COMPENSATION','REFERENCE_RATE','LATE_INTEREST_RATE','COLLECTION_RATE')),
        valid_from date NOT NULL,
        value numeric(12,4) NOT NULL CHECK (value >= 0 OR kind = 'REFERENCE_RATE'),
        unit text NOT NULL CHECK (unit IN ('SEK','NOK','PERCENT_PER_YEAR')),
        source text NOT NULL CHECK (length(btrim(source)) > 0),
        source_url text NOT NULL CHECK (source_url ~ '^https://'),
        verified boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collection_law_rate_version UNIQUE (country, kind, valid_from),
        -- Percentages are rates; everything else is an amount in the country's currency.
        CHECK ((kind IN ('REFERENCE_RATE','LATE_INTEREST_RATE')) = (unit = 'PERCENT_PER_YEAR')),
        CHECK (unit = 'PERCENT_PER_YEAR' OR unit = CASE country WHEN 'SE' THEN 'SEK' ELSE 'NOK' END),
        -- Interest rates are set per calendar half-year.
        CHECK (kind NOT IN ('REFERENCE_RATE','LATE_INTEREST_RATE') OR to_char(valid_from, 'MM-DD') IN ('01-01','07-01'))
      )`);
    await q.query(`CREATE TRIGGER collection_law_rate_append_only BEFORE UPDATE OR DELETE ON collection_law_rate FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`CREATE TRIGGER collection_law_rate_no_truncate BEFORE TRUNCATE ON collection_law_rate FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'factoring_app') THEN
          GRANT SELECT, INSERT ON collection_law_rate TO factoring_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON collection_law_rate FROM factoring_app;
        END IF;
      END $$`);
    // Sweden, lag (1981:739) 2 §: a reminder fee only where agreed at the latest when the debt arose.
    // The client says so when it submits the invoice; an invoice that does not say so carries none.
    await q.query(`ALTER TABLE invoice ADD COLUMN reminder_fee_agreed boolean NOT NULL DEFAULT false`);
    for (const [country, kind, validFrom, value, unit, source, url, verified] of ROWS) {
      await q.query(
        `INSERT INTO collection_law_rate (country, kind, valid_from, value, unit, source, source_url, verified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [country, kind, validFrom, value, unit, source, url, verified],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoice DROP COLUMN reminder_fee_agreed`);
    await q.query(`DROP TABLE collection_law_rate`);
  }
}
