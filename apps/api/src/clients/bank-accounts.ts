import { BankAccount } from '@factoring/domain';

/** A client's payout or repayment account: valid, and of a kind used in the client's country. */
export function parseClientAccount(account: { kind: string; value: string }, country: 'SE' | 'NO', field: string) {
  const parsed = BankAccount.parse(account as Parameters<typeof BankAccount.parse>[0], { field, country });
  return { ...parsed.toJSON(), display: parsed.display };
}
