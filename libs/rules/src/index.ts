/**
 * The pure rule engine: eligibility, pricing, credit, spot-check sampling, dunning and
 * recourse timing. Functions from plain data to a decision with reason codes and the
 * figures used; no framework, no I/O.
 */
export * from './reason';
export * from './policy/dated-setting';
export * from './onboarding';
export * from './pricing';
export * from './eligibility';
export * from './offer';
export * from './credit';
export * from './spot-check';
export * from './ledger/invoice-postings';
export * from './ledger/recourse-postings';
export * from './ledger/collection-postings';
export * from './ledger/credit-loss-postings';
export * from './payout/payout-holds';
export * from './payout/payment-file-day';
export * from './ledger/sie4';
export * from './ledger/sie4-books';
export * from './collection';
export * from './ledger/payment-postings';
export * from './ledger/refund-postings';
export * from './payments/days-late';
export * from './payments/payment-statistics';
