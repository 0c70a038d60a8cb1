export * from './check-eligibility';
export {
  DEFAULT_ELIGIBILITY_SETTINGS,
  DOMESTIC_CURRENCY,
  ELIGIBILITY_SETTINGS_BOUNDS,
  EligibilitySettingsCode,
  eligibilitySettingsInForce,
  validateEligibilitySettings,
} from './eligibility-settings';
export type { EligibilitySettings, EligibilitySettingsCheck, EligibilitySettingsOptions, EligibilitySettingsProblem } from './eligibility-settings';
export { computeTotals, DEDUCTION_KINDS, roundToOre } from './invoice-totals';
export type { ComputedTotals, DeductionKind, InvoiceLine, InvoiceTotals, TotalsInput, VatAtRate } from './invoice-totals';
