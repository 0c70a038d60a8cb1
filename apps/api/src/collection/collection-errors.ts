/**
 * The error codes of collection (issue 15), in one place: what clients and the console switch on.
 * COLLECTION_RATE_NOT_IN_FORCE is thrown as CollectionRateNotInForceError (libs/rules, so the pure
 * fee rules and the repository throw the same error), with details { country, kind, on }.
 */
export enum CollectionError {
  /** No fee or rate of that kind is in force in the country on that day: nothing is charged or changed. */
  COLLECTION_RATE_NOT_IN_FORCE = 'COLLECTION_RATE_NOT_IN_FORCE',
  /** A routine's days out of range (1-365) or not whole: names the field. */
  COLLECTION_ROUTINE_DAYS_INVALID = 'COLLECTION_ROUTINE_DAYS_INVALID',
  /** The steps out of order: the second step after the first reminder, collection after the second step. */
  COLLECTION_ROUTINE_ORDER = 'COLLECTION_ROUTINE_ORDER',
  /** Norway: collection less than 14 days after the inkassovarsel (inkassoloven § 9). */
  COLLECTION_ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING = 'COLLECTION_ROUTINE_TOO_SHORT_FOR_COLLECTION_WARNING',
  /** The grace for payments on their way is 0 to 10 bank days. */
  COLLECTION_ROUTINE_GRACE_INVALID = 'COLLECTION_ROUTINE_GRACE_INVALID',
  /** A routine starts today or later. */
  COLLECTION_ROUTINE_VALID_FROM_PAST = 'COLLECTION_ROUTINE_VALID_FROM_PAST',
  /** The client already has a routine from that day in that country. */
  COLLECTION_ROUTINE_VERSION_EXISTS = 'COLLECTION_ROUTINE_VERSION_EXISTS',
  COLLECTION_ROUTINE_CLIENT_NOT_FOUND = 'COLLECTION_ROUTINE_CLIENT_NOT_FOUND',
}
