import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnyStaff, ForIntegration } from '../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey } from '../auth/principal';
import { AuditTarget } from '../audit/audit.interceptor';
import { batchLoader } from '../common/batch-loader';
import { DocumentsService } from './documents.service';
import { ClientDocumentType, DocumentIdArgs, DocumentsArgs, DocumentType, IssueDocumentArgs, IssueMyDocumentArgs, MyDocumentsArgs } from './dto/document.types';

const CONTENT = { description: 'The bytes, base64 (a PDF: mediaType).' };

/** The staff's documents: any member of staff reads and (re)issues them; every issue is audited. */
@Resolver(() => DocumentType)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Query(() => [DocumentType], { description: 'The documents of an invoice, or every document of a client; newest first.' })
  @AnyStaff()
  documents(@Args() args: DocumentsArgs) {
    return this.service.documents(args);
  }

  @Query(() => DocumentType)
  @AnyStaff()
  document(@Args() { id }: DocumentIdArgs) {
    return this.service.document(id);
  }

  @Mutation(() => DocumentType, { description: 'Makes a document of an invoice or a client\'s period, or finds the one already made from the same data.' })
  @AnyStaff()
  @AuditTarget('DOCUMENT')
  issueDocument(@Args() { input }: IssueDocumentArgs) {
    return this.service.issue(input);
  }

  @ResolveField(() => String, CONTENT)
  contentBase64(@Parent() document: DocumentType, @Context() context: object) {
    return batchLoader(context, 'document.content', (ids) => this.service.contents(ids), '').load(document.id);
  }
}

/** A client's own documents, through its integration key (never another client's). */
@Resolver(() => ClientDocumentType)
export class ClientDocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Query(() => [ClientDocumentType], { description: 'Your documents (of one invoice when invoiceId is given), newest first.' })
  @ForIntegration()
  myDocuments(@Args() { invoiceId }: MyDocumentsArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.clientDocuments(key.clientId, invoiceId);
  }

  @Query(() => ClientDocumentType)
  @ForIntegration()
  myDocument(@Args() { id }: DocumentIdArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.document(id, key.clientId);
  }

  @Mutation(() => ClientDocumentType, { description: 'Makes one of your documents (an invoice\'s receipt, a sales report or account statement of a period), or finds the one already made.' })
  @ForIntegration()
  @AuditTarget('DOCUMENT')
  issueMyDocument(@Args() { input }: IssueMyDocumentArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return this.service.issue(input, key.clientId);
  }

  @ResolveField(() => String, CONTENT)
  contentBase64(@Parent() document: ClientDocumentType, @Context() context: object) {
    return batchLoader(context, 'document.content', (ids) => this.service.contents(ids), '').load(document.id);
  }
}
