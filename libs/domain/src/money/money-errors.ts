/** Why an amount or an operation on money is refused. Stable: clients and the console rely on them. */
export const MoneyErrorCode = {
  /** The amount is not a plain decimal string such as "1234.50". */
  AMOUNT_FORMAT: 'MONEY_AMOUNT_FORMAT',
  /** More than 15 digits before the point or 20 after. */
  AMOUNT_RANGE: 'MONEY_AMOUNT_RANGE',
  /** A JavaScript number was given where a decimal string is required. */
  FLOAT_NOT_ALLOWED: 'MONEY_FLOAT_NOT_ALLOWED',
  /** A factor or percentage is not a plain decimal string. */
  FACTOR_FORMAT: 'MONEY_FACTOR_FORMAT',
  CURRENCY_UNKNOWN: 'MONEY_CURRENCY_UNKNOWN',
  /** Adding, subtracting or comparing amounts in different currencies. */
  CURRENCY_MISMATCH: 'MONEY_CURRENCY_MISMATCH',
} as const;

export type MoneyErrorCode = (typeof MoneyErrorCode)[keyof typeof MoneyErrorCode];
