import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentLanguageEnum, DocumentType } from './dto/document.types';

const COLUMNS = `id, kind, subject_type, subject_id, client_id, invoice_id, period_from::text, period_to::text, language, file_name, media_type,
                 octet_length(bytes) AS byte_size, sha256, template_version, created_at`;

interface DocumentRow {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  client_id: string;
  invoice_id: string | null;
  period_from: string | null;
  period_to: string | null;
  language: DocumentLanguageEnum;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  template_version: number;
  created_at: Date;
}

export interface NewDocument {
  kind: string;
  subjectType: string;
  subjectId: string;
  clientId: string;
  invoiceId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  language: string;
  documentKey: string;
  templateVersion: number;
  data: unknown;
  dataSha256: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/** The kept documents: written once, read by subject, by client, by id. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The document already made from the same data by the same template version, if any. */
  async findMade(tx: EntityManager, documentKey: string, templateVersion: number, dataSha256: string): Promise<DocumentType | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM document WHERE document_key = $1 AND template_version = $2 AND data_sha256 = $3`, [documentKey, templateVersion, dataSha256]);
    return row ? toDocument(row) : null;
  }

  /** Keeps the document; one made at the same moment by another call wins, and that one is returned. */
  async insertOnce(tx: EntityManager, d: NewDocument): Promise<DocumentType> {
    const [row] = await tx.query(
      `INSERT INTO document (kind, subject_type, subject_id, client_id, invoice_id, period_from, period_to, language, document_key, template_version, data, data_sha256, file_name, bytes, sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (document_key, template_version, data_sha256) DO NOTHING
       RETURNING ${COLUMNS}`,
      [d.kind, d.subjectType, d.subjectId, d.clientId, d.invoiceId, d.periodFrom, d.periodTo, d.language, d.documentKey, d.templateVersion, JSON.stringify(d.data), d.dataSha256, d.fileName, d.bytes, d.sha256],
    );
    return row ? toDocument(row) : (await this.findMade(tx, d.documentKey, d.templateVersion, d.dataSha256))!;
  }

  /** Newest first; `clientId` alone gives every document of the client, its invoices' included. */
  async list(filter: { invoiceId?: string; clientId?: string }): Promise<DocumentType[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.invoiceId) where.push(`invoice_id = $${params.push(filter.invoiceId)}`);
    if (filter.clientId) where.push(`client_id = $${params.push(filter.clientId)}`);
    const rows: DocumentRow[] = await this.db.query(`SELECT ${COLUMNS} FROM document WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT 500`, params);
    return rows.map(toDocument);
  }

  /** One document; with `clientId`, only if it is that client's. */
  async byId(id: string, clientId?: string): Promise<DocumentType | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM document WHERE id = $1 ${clientId ? 'AND client_id = $2' : ''}`, clientId ? [id, clientId] : [id]);
    return row ? toDocument(row) : null;
  }

  /** The bytes of several documents at once (the content field of a list). */
  async bytes(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const rows: Array<{ id: string; bytes: Buffer }> = await this.db.query(`SELECT id, bytes FROM document WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => [r.id, r.bytes]));
  }
}

function toDocument(row: DocumentRow): DocumentType {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    clientId: row.client_id,
    invoiceId: row.invoice_id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    language: row.language,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: Number(row.byte_size),
    sha256: row.sha256,
    templateVersion: row.template_version,
    createdAt: row.created_at,
  };
}
