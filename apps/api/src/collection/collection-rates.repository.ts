import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CountryCode, LocalDate } from '@factoring/domain';
import {
  CollectionRate,
  CollectionRateKind,
  CollectionRateNotInForceError,
  CollectionRateUnit,
  DatedVersion,
  lateInterestRatesFromReference,
} from '@factoring/rules';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';

interface RateRow {
  country: CountryCode;
  kind: CollectionRateKind;
  valid_from: string;
  value: string;
  unit: CollectionRateUnit;
  source: string;
  source_url: string;
  verified: boolean;
}

export interface StoredCollectionRate extends CollectionRate {
  sourceUrl: string;
  /** False where the figure was not read in the law's or the authority's own text (see source). */
  verified: boolean;
}

const COLUMNS = `country, kind, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, value::text AS value, unit, source, source_url, verified`;

/** Amounts to two decimals, percentages as stored (numeric(12,4) trimmed to at least two). */
function toRate(row: RateRow): StoredCollectionRate {
  const value = new Decimal(row.value);
  return {
    country: row.country,
    kind: row.kind,
    validFrom: row.valid_from,
    value: value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toString(),
    unit: row.unit,
    source: row.source,
    sourceUrl: row.source_url,
    verified: row.verified,
  };
}

/**
 * The law's collection numbers in force on a day (table collection_law_rate). The day is always
 * a parameter (from the Clock), never `current_date`. Missing: CollectionRateNotInForceError
 * (COLLECTION_RATE_NOT_IN_FORCE, naming the country, kind and day), and the caller changes nothing.
 */
@Injectable()
export class CollectionRatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async inForce(country: CountryCode, kind: CollectionRateKind, on: LocalDate | string, tx: EntityManager = this.db.manager): Promise<StoredCollectionRate> {
    const day = typeof on === 'string' ? LocalDate.parse(on, 'on').toString() : on.toString();
    const rows: RateRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM collection_law_rate
        WHERE country = $1 AND kind = $2 AND valid_from <= $3::date
        ORDER BY valid_from DESC LIMIT 1`,
      [country, kind, day],
    );
    if (!rows.length) throw new CollectionRateNotInForceError(country, kind, day);
    return toRate(rows[0]);
  }

  /** Every stored version of a country (all kinds, or one), oldest first: the rules pick per day. */
  async versions(country: CountryCode, kind?: CollectionRateKind, tx: EntityManager = this.db.manager): Promise<StoredCollectionRate[]> {
    const rows: RateRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM collection_law_rate WHERE country = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY kind, valid_from`,
      [country, kind ?? null],
    );
    return rows.map(toRate);
  }

  /**
   * The yearly late-interest rates of a country, per half-year, for `lateInterest`: Sweden's
   * computed as the reference rate + 8 points (räntelagen 6 §), Norway's as stored.
   */
  async lateInterestRates(country: CountryCode, tx: EntityManager = this.db.manager): Promise<DatedVersion<string>[]> {
    if (country === 'SE') {
      const reference = await this.versions('SE', 'REFERENCE_RATE', tx);
      return lateInterestRatesFromReference(reference.map((r) => ({ validFrom: r.validFrom, value: r.value, source: `${r.source} (${r.sourceUrl})` })));
    }
    const rates = await this.versions('NO', 'LATE_INTEREST_RATE', tx);
    return rates.map((r) => ({ validFrom: r.validFrom, value: r.value, source: `${r.source} (${r.sourceUrl})` }));
  }
}
