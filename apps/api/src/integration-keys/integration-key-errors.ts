/** The error codes of integration keys, in one place (issue 9): what clients and the console switch on. */
export enum IntegrationKeyError {
  CLIENT_NOT_ACTIVE = 'CLIENT_NOT_ACTIVE',
  CLIENT_NOT_FOUND = 'CLIENT_NOT_FOUND',
  INTEGRATION_KEY_NOT_FOUND = 'INTEGRATION_KEY_NOT_FOUND',
  INTEGRATION_KEY_REVOKED = 'INTEGRATION_KEY_REVOKED',
}
