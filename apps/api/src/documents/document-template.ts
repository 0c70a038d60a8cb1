import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DocumentLanguage } from './document-text';

/** What a document is of: one invoice, or one client (a period of its account). */
export type DocumentSubjectType = 'INVOICE' | 'CLIENT';

export interface DocumentLoadRequest {
  subjectId: string;
  /** Set when a client's key asks: only that client's subject is found. */
  clientId?: string;
  periodFrom?: string;
  periodTo?: string;
  /** Set by a delivery of a letter about one recourse invoice; else the template reads the latest. */
  recourseInvoiceId?: string;
}

export interface LoadedDocument<D> {
  clientId: string;
  invoiceId: string | null;
  /** The language when none is asked for: the debtor's country for what the debtor reads, the client's for what the client reads. */
  language: DocumentLanguage;
  /** The document's own date (YYYY-MM-DD): printed, and written as the PDF's creation date. */
  date: string;
  /** Everything the document shows, and nothing read from the clock: the same data renders the same bytes. */
  data: D;
}

/**
 * A kind of document (issue 13, s.1): a small module beside the capability that owns it
 * (`invoices/documents/sold-invoice.template.ts`, ...), registered with the base by that
 * capability's module, so a later issue adds its letters without touching the base. Raise
 * `version` whenever the layout or texts change: a document made by an older version stays
 * as it was, and asking again makes a new one.
 */
export interface DocumentTemplate<D = unknown> {
  kind: string;
  subjectType: DocumentSubjectType;
  version: number;
  /** A period document (a report or statement of `periodFrom`..`periodTo`). */
  period: boolean;
  /** Reads the data in the caller's transaction; null when there is no such subject (for this client). Refuses a subject not in a state for it. */
  load(tx: EntityManager, request: DocumentLoadRequest): Promise<LoadedDocument<D> | null>;
  fileName(data: D, language: DocumentLanguage): string;
  render(data: D, language: DocumentLanguage): Promise<Buffer>;
}

/** The kinds of document the running app knows, filled by the capabilities' modules at start. */
@Injectable()
export class DocumentTemplates {
  private readonly byKind = new Map<string, DocumentTemplate>();

  /** Each template's data type is its own: the base only ever hands a template the data that template loaded. */
  register(...templates: DocumentTemplate[]): void {
    for (const template of templates) {
      if (this.byKind.has(template.kind) && this.byKind.get(template.kind) !== template) throw new Error(`Two document templates are registered for ${template.kind}`);
      this.byKind.set(template.kind, template);
    }
  }

  get(kind: string): DocumentTemplate | undefined {
    return this.byKind.get(kind);
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }
}
