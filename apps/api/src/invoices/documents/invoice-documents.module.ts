import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { DocumentTemplates } from '../../documents/document-template';
import { invoiceReceiptTemplate } from './invoice-receipt.template';
import { soldInvoiceTemplate } from './sold-invoice.template';
import { paymentReceiptTemplate } from '../../payments/documents/payment-receipt.template';

/** The invoice's documents (issue 13, s.2): the sold invoice the debtor gets, the client's receipt, and its payment receipt once fully paid (issue 14 s.4). */
@Module({ imports: [DocumentsModule] })
export class InvoiceDocumentsModule {
  constructor(templates: DocumentTemplates) {
    templates.register(soldInvoiceTemplate, invoiceReceiptTemplate, paymentReceiptTemplate);
  }
}
