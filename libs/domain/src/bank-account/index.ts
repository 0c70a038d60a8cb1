export { BankAccountErrorCode } from './bank-account-errors';
export { CLEARING_SERIES } from './swedish-clearing-numbers';
export type { ClearingSeries, SwedishAccountRule } from './swedish-clearing-numbers';
export type { SwedishBankAccountParts } from './swedish-bank-account';
export * from './bank-account';
