/**
 * Field checks shared by the credit and spot-check settings validators (internal: not exported
 * from the library). Each check adds at most one problem, with the field's path, a code and a
 * sentence in each language saying what is allowed.
 */
import Decimal from 'decimal.js';
import { Language, Reason, reason } from '../reason';
import { AMOUNT_DECIMALS, D, decimalInputMessage, FieldName, formatted, readNonNegativeDecimal } from '../onboarding/decimal-input';

/** A problem with one setting; `field` is its path, e.g. "debtor.WITHOUT_RECOURSE.lateManualShare". */
export interface SettingsProblem extends Reason {
  field: string;
}

export interface SettingsCheck {
  valid: boolean;
  problems: SettingsProblem[];
}

/** Shares (0.30 = 30 %) and rates take at most this many decimals. */
export const SHARE_DECIMALS = 6;

export class SettingsProblems {
  readonly problems: SettingsProblem[] = [];

  /** `prefix` names the settings in codes: "CREDIT_SETTINGS" gives CREDIT_SETTINGS_OUT_OF_RANGE. */
  constructor(private readonly prefix: string) {}

  add(field: string, code: string, message: Record<Language, string>, figures?: Reason['figures']): void {
    this.problems.push({ ...reason(code, message, figures), field });
  }

  result(): SettingsCheck {
    return { valid: this.problems.length === 0, problems: this.problems };
  }

  /** A non-negative amount with öre; returns it, or null after adding the problem. */
  amount(field: string, value: unknown, name: FieldName): Decimal | null {
    const reading = readNonNegativeDecimal(value, AMOUNT_DECIMALS);
    if (reading.ok) return reading.value;
    this.add(field, reading.code, decimalInputMessage(reading.code, name, value, AMOUNT_DECIMALS), shown(value));
    return null;
  }

  /** A decimal between `min` and `max` inclusive (shares: 0 to 1), at most 6 decimals. */
  decimalInRange(field: string, value: unknown, name: FieldName, min: string, max: string): Decimal | null {
    const reading = readNonNegativeDecimal(value, SHARE_DECIMALS);
    if (!reading.ok) {
      this.add(field, reading.code, decimalInputMessage(reading.code, name, value, SHARE_DECIMALS), shown(value));
      return null;
    }
    const [low, high] = [new D(min), new D(max)];
    if (reading.value.lessThan(low) || reading.value.greaterThan(high)) {
      const [a, b, v] = [formatted(low), formatted(high), formatted(reading.value)];
      this.add(
        field,
        `${this.prefix}_OUT_OF_RANGE`,
        {
          en: `${cap(name.en)} must be between ${a.en} and ${b.en}; ${v.en} is outside it.`,
          sv: `${cap(name.sv)} ska vara mellan ${a.sv} och ${b.sv}; ${v.sv} ligger utanför.`,
          nb: `${cap(name.nb)} må være mellom ${a.nb} og ${b.nb}; ${v.nb} er utenfor.`,
        },
        { value: reading.value.toFixed(), min, max },
      );
      return null;
    }
    return reading.value;
  }

  /** A whole number between `min` and `max` inclusive. */
  wholeNumber(field: string, value: unknown, name: FieldName, min: number, max: number): number | null {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      const text = JSON.stringify(value) ?? String(value);
      this.add(
        field,
        `${this.prefix}_NOT_WHOLE`,
        {
          en: `${cap(name.en)} must be a whole number; ${text} is not.`,
          sv: `${cap(name.sv)} ska vara ett heltal; ${text} är det inte.`,
          nb: `${cap(name.nb)} må være et heltall; ${text} er det ikke.`,
        },
        shown(value),
      );
      return null;
    }
    if (value < min || value > max) {
      this.add(
        field,
        `${this.prefix}_OUT_OF_RANGE`,
        {
          en: `${cap(name.en)} must be between ${min} and ${max}; ${value} is outside it.`,
          sv: `${cap(name.sv)} ska vara mellan ${min} och ${max}; ${value} ligger utanför.`,
          nb: `${cap(name.nb)} må være mellom ${min} og ${max}; ${value} er utenfor.`,
        },
        { value, min, max },
      );
      return null;
    }
    return value;
  }
}

export function shown(value: unknown): Reason['figures'] {
  return { value: value === undefined || value === null ? null : typeof value === 'number' ? value : String(value) };
}

export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A share as a percentage for a sentence: 0.025 → "2.5 %" ("2,5 %" in sv/nb). */
export function percent(share: Decimal): Record<Language, string> {
  const value = formatted(share.times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
  return { en: `${value.en} %`, sv: `${value.sv} %`, nb: `${value.nb} %` };
}
