import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
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
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';
import { RuleSettingError } from './rule-setting-errors';

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

/** NOTIFYed by the publish transaction (delivered on commit) with "name:country"; every process LISTENs. */
export const RULE_SETTINGS_CHANNEL = 'rule_settings_changed';
const RECONNECT_MS = { first: 500, max: 30_000 };

export interface SettingVersion<T> extends DatedVersion<T> {
  builtIn: boolean;
  createdAt: Date | null;
  createdBy: { id: string; name: string } | null;
}

/**
 * Thresholds set by law or policy, as dated versions with a source. The versions built into
 * the rules are the first ones; admins publish later ones here, from a day on. A published
 * version is never edited (the table is append-only): publish a newer one instead.
 *
 * Every submission and credit decision reads several settings, and they change a few times a
 * year: each process keeps every version per (name, country) in memory and picks the one in
 * force on the day asked, so a cached list answers for any day. A publish anywhere NOTIFYs on
 * commit and every process drops that list; while this process is not listening (starting,
 * or reconnecting after the connection broke) nothing is cached, as a publish could go unseen.
 */
@Injectable()
export class RuleSettingsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RuleSettingsService.name);
  private readonly cache = new Map<string, SettingVersion<unknown>[]>();
  /** Bumped by every invalidation: a read that started before one must not fill the cache. */
  private generation = 0;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private reconnectDelay = RECONNECT_MS.first;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = null;
    this.listening = false;
    await listener?.end().catch(() => undefined);
  }

  /**
   * The version in force on a day. Inside a transaction, pass its manager: a second
   * connection taken while the transaction holds one can starve the pool under load.
   */
  async inForce<N extends SettingName>(name: N, country: Country, on: LocalDate, manager: EntityManager = this.db.manager): Promise<DatedVersion<SettingTypes[N]>> {
    return versionInForce(`${name} settings for ${country}`, await this.cachedVersions(name, country, manager), on.toString());
  }

  /** Drops what is cached of one setting, or of all; the next read goes to the database. */
  invalidate(name?: SettingName, country?: Country): void {
    this.generation++;
    if (name && country) this.cache.delete(`${name}:${country}`);
    else this.cache.clear();
  }

  private async cachedVersions<N extends SettingName>(name: N, country: Country, manager: EntityManager): Promise<SettingVersion<SettingTypes[N]>[]> {
    const key = `${name}:${country}`;
    const cached = this.cache.get(key);
    if (cached) return cached as SettingVersion<SettingTypes[N]>[];
    const generation = this.generation;
    const versions = await this.versions(name, country, manager);
    // Every transaction here is READ COMMITTED: the read saw every publish committed before it
    // began, and one committed since then has bumped the generation (its NOTIFY comes after commit).
    if (this.listening && generation === this.generation) {
      for (const version of versions) if (!version.builtIn) deepFreeze(version.value);
      this.cache.set(key, versions);
    }
    return versions;
  }

  /** One dedicated connection per process LISTENs; on any failure it reconnects and starts from an empty cache. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = this.db.options.type === 'postgres' ? this.db.options.url : undefined;
    if (!url) {
      this.logger.warn('No DATABASE_URL to listen on: rule settings are read from the database every time');
      return;
    }
    const listener = new Client({ connectionString: url, application_name: 'rule-settings-listener', keepAlive: true });
    const lost = (reason: string): void => {
      if (this.listener !== listener) return;
      this.listener = null;
      this.listening = false;
      this.invalidate();
      listener.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Rule settings listener lost (${reason}); reading from the database until it is back`);
      this.scheduleReconnect();
    };
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    listener.on('notification', (message) => {
      if (message.channel !== RULE_SETTINGS_CHANNEL) return;
      const [name, country] = (message.payload ?? '').split(':');
      if (SETTING_NAMES.includes(name as SettingName) && (country === 'SE' || country === 'NO')) this.invalidate(name as SettingName, country);
      else this.invalidate();
    });
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query(`LISTEN ${RULE_SETTINGS_CHANNEL}`);
    } catch (error) {
      lost((error as Error).message);
      return;
    }
    if (this.listener !== listener) return;
    // Anything cached before now may predate a publish this connection never heard of.
    this.invalidate();
    this.listening = true;
    this.reconnectDelay = RECONNECT_MS.first;
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.stopped) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MS.max);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen();
    }, delay);
    this.reconnectTimer.unref();
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
      throw new InvalidValueError(RuleSettingError.SETTING_IN_THE_PAST, 'A new version can start today at the earliest: past decisions keep the rules they were made under.', 'validFrom');
    }
    let problems: Array<{ code: string; field: string; message: { en: string } }>;
    try {
      ({ problems } = VALIDATE[name](value as never, country));
    } catch (error) {
      if (error instanceof InvalidValueError) throw new InvalidValueError(error.code, error.message, `value.${error.field ?? ''}`);
      throw error;
    }
    if (problems.length) throw new InvalidValueError(problems[0].code, problems[0].message.en, `value.${problems[0].field}`);
    // The NOTIFY is part of the insert's transaction: every process hears of the version once it is committed.
    const inserted = await this.db.query(
      `WITH inserted AS (
         INSERT INTO rule_setting (name, country, valid_from, value, source, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name, country, valid_from) DO NOTHING RETURNING id)
       SELECT id, pg_notify('${RULE_SETTINGS_CHANNEL}', $1 || ':' || $2) FROM inserted`,
      [name, country, from.toString(), value, source, by.id],
    );
    // This process need not wait for its own notification.
    this.invalidate(name, country);
    if (!inserted.length) throw new ConflictError(RuleSettingError.SETTING_VERSION_EXISTS, `A version of the ${name} settings for ${country} from ${from.toString()} already exists; choose another day.`);
    return (await this.versions(name, country)).find((v) => !v.builtIn && v.validFrom === from.toString())!;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
