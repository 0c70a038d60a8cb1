import { gql } from '../graphql';

/* The documents the factor made (apps/api/src/documents/documents.resolver.ts, dto/document.types.ts). */

export type DocumentKind = 'SOLD_INVOICE' | 'INVOICE_RECEIPT' | 'SALES_REPORT' | 'ACCOUNT_STATEMENT';
export type DocumentLanguage = 'SV' | 'NB' | 'EN';

export interface DocumentSummary {
  id: string;
  /** One of DocumentKind, or a kind a later issue adds. */
  kind: string;
  invoiceId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  language: DocumentLanguage;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  templateVersion: number;
  createdAt: string;
}

const FIELDS = 'id kind invoiceId periodFrom periodTo language fileName mediaType byteSize sha256 templateVersion createdAt';

/** The documents of an invoice, or every document of a client (its invoices' too); newest first. */
export const documentsOf = async (subject: { invoiceId?: string; clientId?: string }, signal?: AbortSignal) =>
  (await gql<{ documents: DocumentSummary[] }>(`query Documents($invoiceId: ID, $clientId: ID) { documents(invoiceId: $invoiceId, clientId: $clientId) { ${FIELDS} } }`, subject, { signal })).documents;

/** One document's bytes (base64), fetched only when it is previewed or saved. */
export const documentContent = async (id: string) =>
  (await gql<{ document: DocumentSummary & { contentBase64: string } }>(`query DocumentContent($id: ID!) { document(id: $id) { ${FIELDS} contentBase64 } }`, { id })).document;

export interface IssueDocumentInput {
  kind: DocumentKind;
  invoiceId?: string;
  clientId?: string;
  periodFrom?: string;
  periodTo?: string;
  language?: DocumentLanguage;
}

/** Makes a document (or finds the one already made from the same data): audited by the API. */
export const issueDocument = async (input: IssueDocumentInput) =>
  (await gql<{ issueDocument: DocumentSummary }>(`mutation IssueDocument($input: IssueDocumentInput!) { issueDocument(input: $input) { ${FIELDS} } }`, { input })).issueDocument;
