export { CREDIT_OUTCOMES, CREDIT_REASON_EFFECT, CreditReasonCode, decideCredit, strictest } from './decide-credit';
export type { CreditDecision, CreditFigures, CreditInput, CreditOutcome, CreditReason, LimitFigures, PaymentHistory } from './decide-credit';
export {
  CREDIT_SETTINGS_BOUNDS,
  CreditSettingsCode,
  creditSettingsInForce,
  DEBTOR_THRESHOLD_FIELDS,
  DEFAULT_CREDIT_SETTINGS,
  validateCreditSettings,
} from './credit-settings';
export type { CreditSettings, CreditSettingsCheck, CreditSettingsProblem, DebtorThresholds } from './credit-settings';
export * from './what-if';
export * from './analyst-denial';
export {
  DEFAULT_REVIEW_TIME_SETTINGS,
  REVIEW_TIME_BOUNDS,
  reviewDueAt,
  ReviewTimeSettingsCode,
  reviewTimeSettingsInForce,
  validateReviewTimeSettings,
} from './review-times';
export type { ReviewKind, ReviewTimeSettings, ReviewTimeSettingsCheck, ReviewTimeSettingsProblem } from './review-times';
export * from './client-standing';
