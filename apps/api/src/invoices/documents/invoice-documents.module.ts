import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { DocumentTemplates } from '../../documents/document-template';
import { invoiceReceiptTemplate } from './invoice-receipt.template';
import { soldInvoiceTemplate } from './sold-invoice.template';

/** The invoice's documents (issue 13, s.2): the sold invoice the debtor gets, and the client's receipt. */
@Module({ imports: [DocumentsModule] })
export class InvoiceDocumentsModule {
  constructor(templates: DocumentTemplates) {
    templates.register(soldInvoiceTemplate, invoiceReceiptTemplate);
  }
}
