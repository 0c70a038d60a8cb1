export { MoneyErrorCode } from './money-errors';
export * from './currency';
export * from './money';
export * from './amount-bounds';
export * from './amount-text';
