import Decimal from 'decimal.js';
import { balanced, PostingLine } from './invoice-postings';

/**
 * A credit loss (issue 15 s.6): an invoice bought without recourse that collection gives up on
 * is written off, proposed by collection and approved by finance (four eyes). What the debtor
 * still owes the factor leaves the receivables for the loss account: the principal (the
 * purchased receivable), and the reminder/collection fees and late interest booked as
 * receivables of their own (collection-postings.ts).
 *
 * No VAT line, on purpose. The factor bought the client's receivable *including* the client's
 * VAT; the output VAT on the sale was the client's (the client invoiced the supply and reported
 * it), so the factor has no output VAT to reduce: the whole receivable is the loss.
 * - Sweden: the reduction of the taxable amount on a customer loss ("kundförlust") belongs to the
 *   seller of the goods or services: mervärdesskattelag (2023:200) 8 kap. 16 § (reduction of the
 *   beskattningsunderlag on a kundförlust) and 7 kap. 43 § (change of output tax reported
 *   earlier); before 1 July 2023, ML (1994:200) 7 kap. 6 § fjärde stycket. Skatteverket,
 *   ställningstagande 2019-12-05, dnr 202 494536-19/111 ("Ändring av utgående och ingående skatt
 *   vid kundförluster och prisnedsättningar i efterhand"): "säljaren" must show that payment is
 *   probably not coming; Skatteverket says the assessment stands under ML 2023:200.
 *   Mervärdesskattedirektivet 2006/112/EG art. 90.1.
 * - Norway: merverdiavgiftsloven (LOV-2009-06-19-58) § 4-7 (tap på utestående fordringer) gives
 *   the right to the avgiftspliktige who calculated the output VAT, i.e. the client.
 * Not verified here: whether the client may still claim the reduction after selling the
 * receivable without recourse (Skatteverket's view of factoring in this respect was not read),
 * and the Norwegian forskrift's exact wording (§ 4-7-1). Neither changes the factor's books:
 * the factor never reported that VAT. Fees and late interest carry no VAT (see
 * collection-postings.ts), so their write-off has none either.
 */
export interface CreditLoss {
  /** What is left of the purchased receivable (principal incl. the client's VAT). */
  principal: string;
  /** Fees still owed (reminder, collection, compensation), booked as receivables. */
  fees: string;
  /** Late interest still owed, booked as a receivable. */
  interest: string;
}

export function creditLossPostings(loss: CreditLoss): PostingLine[] {
  const principal = nonNegative(loss.principal, 'principal');
  const fees = nonNegative(loss.fees, 'fees');
  const interest = nonNegative(loss.interest, 'interest');
  const total = principal.plus(fees).plus(interest);
  if (total.lte(0)) throw new Error('A credit loss writes off something: principal, fees and interest are all zero');
  const lines: PostingLine[] = [{ role: 'CREDIT_LOSSES', amount: total.toFixed(2) }];
  if (principal.gt(0)) lines.push({ role: 'PURCHASED_RECEIVABLES', amount: principal.negated().toFixed(2) });
  if (fees.gt(0)) lines.push({ role: 'COLLECTION_FEE_RECEIVABLES', amount: fees.negated().toFixed(2) });
  if (interest.gt(0)) lines.push({ role: 'LATE_INTEREST_RECEIVABLES', amount: interest.negated().toFixed(2) });
  return balanced(lines);
}

function nonNegative(amount: string, what: string): Decimal {
  const value = new Decimal(amount);
  if (value.lt(0) || value.decimalPlaces() > 2) throw new Error(`A credit loss's ${what} is zero or more in whole öre/øre, not ${amount}`);
  return value;
}
