/** The error codes of the client's approvals (issue 15 s.2, s.5; seed 003): what programs and the console switch on. */
export enum ClientApprovalError {
  CLIENT_APPROVAL_NOT_FOUND = 'CLIENT_APPROVAL_NOT_FOUND',
  CLIENT_APPROVAL_ALREADY_ANSWERED = 'CLIENT_APPROVAL_ALREADY_ANSWERED',
  CLIENT_APPROVAL_NOT_NEEDED = 'CLIENT_APPROVAL_NOT_NEEDED',
  CLIENT_APPROVAL_NOTE_EMPTY = 'CLIENT_APPROVAL_NOTE_EMPTY',
  /** A handoff (or a late-interest invoice) the agreement makes wait for the client: not yet approved. */
  CLIENT_APPROVAL_MISSING = 'CLIENT_APPROVAL_MISSING',
  CLIENT_APPROVAL_DECLINED = 'CLIENT_APPROVAL_DECLINED',
}
