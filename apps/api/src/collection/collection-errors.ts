/**
 * The error codes of collection (issue 15), in one place: what clients and the console switch on.
 * COLLECTION_RATE_NOT_IN_FORCE is thrown as CollectionRateNotInForceError (libs/rules, so the pure
 * fee rules and the repository throw the same error), with details { country, kind, on }.
 */
export enum CollectionError {
  /** No fee or rate of that kind is in force in the country on that day: nothing is charged or changed. */
  COLLECTION_RATE_NOT_IN_FORCE = 'COLLECTION_RATE_NOT_IN_FORCE',
}
