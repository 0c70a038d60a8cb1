export * from './company-forms';
export * from './check-client-application';
export * from './analyst-refusal';
export * from './application-deadline';
export * from './agreement-terms';
export * from './recourse-terms';
export * from './limits';
export { AMOUNT_DECIMALS, DecimalInputCode, PERCENT_DECIMALS, readNonNegativeDecimal } from './decimal-input';
export type { DecimalReading } from './decimal-input';
