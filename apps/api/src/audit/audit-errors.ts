/** The error codes of the audit trail, in one place (issue 9): what clients and the console switch on. */
export enum AuditError {
  AUDIT_ENTRY_NOT_FOUND = 'AUDIT_ENTRY_NOT_FOUND',
}
