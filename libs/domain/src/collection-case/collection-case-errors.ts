/** The codes the collection case's table answers with (libs/domain; worded in the console's sv/nb). */
export enum CollectionCaseDomainError {
  COLLECTION_CASE_WRONG_COUNTRY = 'COLLECTION_CASE_WRONG_COUNTRY',
  COLLECTION_CASE_STATE_DOES_NOT_ALLOW = 'COLLECTION_CASE_STATE_DOES_NOT_ALLOW',
  COLLECTION_CASE_FOUR_EYES = 'COLLECTION_CASE_FOUR_EYES',
}
