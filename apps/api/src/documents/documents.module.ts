import { Module } from '@nestjs/common';
import { DocumentTemplates } from './document-template';
import { DocumentsRepository } from './documents.repository';
import { ClientDocumentsResolver, DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';

/**
 * The document base (issue 13, s.1): rendering, keeping and reading documents. The kinds come
 * from the capabilities that own them: a capability's module imports this one and registers
 * its templates with `DocumentTemplates` (see `invoices/documents/invoice-documents.module.ts`).
 */
@Module({
  providers: [DocumentTemplates, DocumentsRepository, DocumentsService, DocumentsResolver, ClientDocumentsResolver],
  exports: [DocumentTemplates, DocumentsService],
})
export class DocumentsModule {}
