/** The error codes of documents (issue 13), in one place: what clients and the console switch on. */
export enum DocumentError {
  DOCUMENT_KIND_UNKNOWN = 'DOCUMENT_KIND_UNKNOWN',
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  DOCUMENT_PERIOD_INVALID = 'DOCUMENT_PERIOD_INVALID',
  DOCUMENT_SUBJECT_NOT_FOUND = 'DOCUMENT_SUBJECT_NOT_FOUND',
  DOCUMENT_SUBJECT_REQUIRED = 'DOCUMENT_SUBJECT_REQUIRED',
  /** The subject is not yet (or no longer) in a state the document can be made in, e.g. an invoice not yet bought. */
  DOCUMENT_NOT_AVAILABLE = 'DOCUMENT_NOT_AVAILABLE',
}
