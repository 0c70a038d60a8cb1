import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { DocumentTemplates } from '../../documents/document-template';
import { accountStatementTemplate } from './account-statement.template';
import { salesReportTemplate } from './sales-report.template';

/** The client's period documents (issue 13, s.2): the sales report (seed 000) and the account statement (seed 004). */
@Module({ imports: [DocumentsModule] })
export class ClientDocumentsModule {
  constructor(templates: DocumentTemplates) {
    templates.register(salesReportTemplate, accountStatementTemplate);
  }
}
