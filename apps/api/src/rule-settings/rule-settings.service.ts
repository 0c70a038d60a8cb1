import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, InvalidValueError, LocalDate } from '@factoring/domain';
import {
  CreditSettings,
  DatedVersion,
  DEFAULT_CREDIT_SETTINGS,
  DEFAULT_ELIGIBILITY_SETTINGS,
  DEFAULT_OFFER_SETTINGS,
  DEFAULT_REVIEW_TIME_SETTINGS,
  DEFAULT_SPOT_CHECK_SETTINGS,
  EligibilitySettings,
  OfferSettings,
  ReviewTimeSettings,
  SpotCheckSettings,
  validateCreditSettings,
  validateEligibilitySettings,
  validateOfferSettings,
  validateReviewTimeSettings,
  validateSpotCheckSettings,
  versionInForce,
} from '@factoring/rules';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';

type Country = 'SE' | 'NO';

export interface SettingTypes {
  eligibility: EligibilitySettings;
  offer: OfferSettings;
  credit: CreditSettings;
  spotCheck: SpotCheckSettings;
  reviewTimes: ReviewTimeSettings;
}
export type SettingName = keyof SettingTypes;
export const SETTING_NAMES: readonly SettingName[] = ['eligibility', 'offer', 'credit', 'spotCheck', 'reviewTimes'];

const BUILT_IN: { [N in SettingName]: Record<Country, readonly DatedVersion<SettingTypes[N]>[]> } = {
  eligibility: DEFAULT_ELIGIBILITY_SETTINGS,
  offer: DEFAULT_OFFER_SETTINGS,
  credit: DEFAULT_CREDIT_SETTINGS,
  spotCheck: DEFAULT_SPOT_CHECK_SETTINGS,
  reviewTimes: DEFAULT_REVIEW_TIME_SETTINGS,
};

/** Each setting's validator from the rules: every problem with its field and a sentence. */
const VALIDATE: { [N in SettingName]: (value: SettingTypes[N], country: Country) => { problems: Array<{ code: string; field: string; message: { en: string } }> } } = {
  eligibility: (value, country) => validateEligibilitySettings(value, { country }),
  offer: (value) => validateOfferSettings(value),
  credit: (value) => validateCreditSettings(value),
  spotCheck: (value) => validateSpotCheckSettings(value),
  reviewTimes: (value) => validateReviewTimeSettings(value),
};

export interface SettingVersion<T> extends DatedVersion<T> {
  builtIn: boolean;
  createdAt: Date | null;
  createdBy: { id: string; name: string } | null;
}

/**
 * Thresholds set by law or policy, as dated versions with a source. The versions built into
 * the rules are the first ones; admins publish later ones here, from a day on. A published
 * version is never edited (the table is append-only): publish a newer one instead.
 */
@Injectable()
export class RuleSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The version in force on a day. Inside a transaction, pass its manager: a second
   * connection taken while the transaction holds one can starve the pool under load.
   */
  async inForce<N extends SettingName>(name: N, country: Country, on: LocalDate, manager: EntityManager = this.db.manager): Promise<DatedVersion<SettingTypes[N]>> {
    return versionInForce(`${name} settings for ${country}`, await this.versions(name, country, manager), on.toString());
  }

  async versions<N extends SettingName>(name: N, country: Country, manager: EntityManager = this.db.manager): Promise<SettingVersion<SettingTypes[N]>[]> {
    const rows: Array<{ valid_from: string; value: SettingTypes[N]; source: string; created_at: Date; staff_id: string | null; staff_name: string | null }> = await manager.query(
      `SELECT r.valid_from::text AS valid_from, r.value, r.source, r.created_at, s.id AS staff_id, s.name AS staff_name
         FROM rule_setting r LEFT JOIN staff_member s ON s.id = r.created_by
        WHERE r.name = $1 AND r.country = $2 ORDER BY r.valid_from`,
      [name, country],
    );
    const builtIn = BUILT_IN[name][country].map((v) => ({ ...v, builtIn: true, createdAt: null, createdBy: null }));
    const published = rows.map((row) => ({
      validFrom: row.valid_from,
      value: row.value,
      source: row.source,
      builtIn: false,
      createdAt: row.created_at,
      createdBy: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    }));
    return [...builtIn, ...published].sort((a, b) => a.validFrom.localeCompare(b.validFrom)) as SettingVersion<SettingTypes[N]>[];
  }

  async publish(name: SettingName, country: Country, validFrom: string, value: unknown, source: string, by: StaffPrincipal, today = LocalDate.today()) {
    const from = LocalDate.parse(validFrom);
    if (from.isBefore(today)) {
      throw new InvalidValueError('SETTING_IN_THE_PAST', 'A new version can start today at the earliest: past decisions keep the rules they were made under.', 'validFrom');
    }
    let problems: Array<{ code: string; field: string; message: { en: string } }>;
    try {
      ({ problems } = VALIDATE[name](value as never, country));
    } catch (error) {
      if (error instanceof InvalidValueError) throw new InvalidValueError(error.code, error.message, `value.${error.field ?? ''}`);
      throw error;
    }
    if (problems.length) throw new InvalidValueError(problems[0].code, problems[0].message.en, `value.${problems[0].field}`);
    const inserted = await this.db.query(
      `INSERT INTO rule_setting (name, country, valid_from, value, source, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (name, country, valid_from) DO NOTHING RETURNING id`,
      [name, country, from.toString(), value, source, by.id],
    );
    if (!inserted.length) throw new ConflictError('SETTING_VERSION_EXISTS', `A version of the ${name} settings for ${country} from ${from.toString()} already exists; choose another day.`);
    return (await this.versions(name, country)).find((v) => !v.builtIn && v.validFrom === from.toString())!;
  }
}
