import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidValueError, NotFoundError } from '@factoring/domain';
import { UnitOfWork } from '../audit/unit-of-work';
import { DocumentError } from './document-errors';
import { DocumentTemplates } from './document-template';
import { DocumentLanguage } from './document-text';
import { DocumentsRepository } from './documents.repository';
import { DocumentType, IssueDocumentInput } from './dto/document.types';

/** Which part of its subject a document is of, when the delivery that asks knows (never from the API's input). */
interface InternalPart {
  /** A letter about one recourse invoice of the invoice (there may be two: a credit note's, then the unpaid rest's). */
  recourseInvoiceId?: string;
}

/** A period report may cover up to three years. */
const LONGEST_PERIOD_DAYS = 3 * 366;

/**
 * Makes and keeps documents (issue 13, s.1). A document is made from the data its template
 * loads, rendered deterministically and kept once: asking again with the same data finds the
 * kept one (same bytes); when the data changed (a later payout day, a new entry in the period)
 * a new document is kept beside the old one, never over it.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly templates: DocumentTemplates,
    private readonly repository: DocumentsRepository,
  ) {}

  /** Issues (or finds) a document; `forClientId` when a client's key asks, which then reaches only its own subjects. */
  async issue(input: IssueDocumentInput & InternalPart, forClientId?: string): Promise<DocumentType> {
    const template = this.templates.get(input.kind);
    if (!template) {
      throw new InvalidValueError(DocumentError.DOCUMENT_KIND_UNKNOWN, `There is no document of the kind ${input.kind}; the kinds are ${this.templates.kinds().join(', ')}.`, 'input.kind');
    }
    const subjectId = template.subjectType === 'INVOICE' ? input.invoiceId : (forClientId ?? input.clientId);
    if (!subjectId) {
      const field = template.subjectType === 'INVOICE' ? 'input.invoiceId' : 'input.clientId';
      throw new InvalidValueError(DocumentError.DOCUMENT_SUBJECT_REQUIRED, `A ${template.kind} document is made of ${template.subjectType === 'INVOICE' ? 'an invoice' : 'a client'}: give ${field.slice(6)}.`, field);
    }
    const period = template.period ? checkedPeriod(input.periodFrom, input.periodTo) : null;
    return this.uow.transaction(async (tx) => {
      const loaded = await template.load(tx, { subjectId, clientId: forClientId, periodFrom: period?.from, periodTo: period?.to, recourseInvoiceId: input.recourseInvoiceId });
      if (!loaded) {
        throw new NotFoundError(DocumentError.DOCUMENT_SUBJECT_NOT_FOUND, `No ${template.subjectType === 'INVOICE' ? 'invoice' : 'client'} has the id ${subjectId}.`);
      }
      const language: DocumentLanguage = input.language ?? loaded.language;
      const documentKey = [template.kind, template.subjectType, subjectId, language, period?.from ?? '', period?.to ?? '', ...(input.recourseInvoiceId ? [input.recourseInvoiceId] : [])].join(':');
      const dataSha256 = sha256(`${template.version}\n${language}\n${canonicalJson(loaded.data)}`);
      const made = await this.repository.findMade(tx, documentKey, template.version, dataSha256);
      if (made) return made;
      const bytes = await template.render(loaded.data, language);
      return this.repository.insertOnce(tx, {
        kind: template.kind,
        subjectType: template.subjectType,
        subjectId,
        clientId: loaded.clientId,
        invoiceId: loaded.invoiceId,
        periodFrom: period?.from ?? null,
        periodTo: period?.to ?? null,
        language,
        documentKey,
        templateVersion: template.version,
        data: loaded.data,
        dataSha256,
        fileName: template.fileName(loaded.data, language),
        bytes,
        sha256: sha256(bytes),
      });
    });
  }

  documents(filter: { invoiceId?: string; clientId?: string }): Promise<DocumentType[]> {
    if (!filter.invoiceId && !filter.clientId) {
      throw new InvalidValueError(DocumentError.DOCUMENT_SUBJECT_REQUIRED, 'Give an invoiceId or a clientId.', 'invoiceId');
    }
    return this.repository.list(filter);
  }

  /** A client's own documents (of one of its invoices when `invoiceId` is given). */
  clientDocuments(clientId: string, invoiceId?: string): Promise<DocumentType[]> {
    return this.repository.list({ clientId, invoiceId });
  }

  async document(id: string, clientId?: string): Promise<DocumentType> {
    const found = await this.repository.byId(id, clientId);
    if (!found) throw new NotFoundError(DocumentError.DOCUMENT_NOT_FOUND, clientId ? `You have no document with the id ${id}.` : `No document has the id ${id}.`);
    return found;
  }

  /** The bytes, base64, of each of `ids` (for the content field, batched over a list). */
  async contents(ids: readonly string[]): Promise<Map<string, string>> {
    const bytes = await this.repository.bytes(ids);
    return new Map([...bytes].map(([id, b]) => [id, b.toString('base64')]));
  }
}

function checkedPeriod(from: string | undefined, to: string | undefined): { from: string; to: string } {
  if (!from || !isRealDate(from)) throw new InvalidValueError(DocumentError.DOCUMENT_PERIOD_INVALID, 'A report or statement needs periodFrom, a date such as 2026-01-01.', 'input.periodFrom');
  if (!to || !isRealDate(to)) throw new InvalidValueError(DocumentError.DOCUMENT_PERIOD_INVALID, 'A report or statement needs periodTo, a date such as 2026-01-31.', 'input.periodTo');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0) throw new InvalidValueError(DocumentError.DOCUMENT_PERIOD_INVALID, 'periodTo is before periodFrom.', 'input.periodTo');
  if (days > LONGEST_PERIOD_DAYS) throw new InvalidValueError(DocumentError.DOCUMENT_PERIOD_INVALID, 'A period may cover at most three years.', 'input.periodTo');
  return { from, to };
}

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2999-12-31';
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** JSON with keys in sorted order, so the data's hash does not depend on how an object was built. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
