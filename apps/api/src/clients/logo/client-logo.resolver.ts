import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AllowRoles, ForIntegration } from '../../auth/access.decorators';
import { ClientKeyPrincipal, CurrentClientKey, CurrentStaff, StaffPrincipal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { AuditTarget } from '../../audit/audit.interceptor';
import { ClientType } from '../dto/client.types';
import { ClientLogoRow, ClientLogoService } from './client-logo.service';
import { ClientLogoType, MyLogoType, UploadClientLogoArgs, UploadMyLogoArgs } from './client-logo.types';

const mine = (row: ClientLogoRow): MyLogoType => ({ id: row.id, mediaType: row.mediaType, width: row.width, height: row.height, byteSize: row.byteSize, sha256: row.sha256, uploadedAt: row.uploadedAt });

/** The logo a client's sold invoices print (issue 13): staff upload it on the client page, the client through its integration. */
@Resolver(() => ClientType)
export class ClientLogoResolver {
  constructor(private readonly logos: ClientLogoService) {}

  @ResolveField(() => ClientLogoType, { nullable: true, description: 'The logo its sold invoices print (the newest upload); none: its name is set as a wordmark.' })
  logo(@Parent() client: ClientType) {
    return this.logos.current(client.id);
  }

  @Mutation(() => ClientLogoType, { description: 'Uploads the logo printed on the client\'s sold invoices: a PNG or JPEG of at most 256 KiB. The newest is used.' })
  @AllowRoles(Role.ADMIN)
  @AuditTarget('CLIENT')
  uploadClientLogo(@Args() { clientId, content }: UploadClientLogoArgs, @CurrentStaff() me: StaffPrincipal) {
    return this.logos.upload(clientId, content, { type: 'STAFF', id: me.id, name: me.name });
  }

  @Query(() => MyLogoType, { nullable: true, description: 'The logo your sold invoices print; none: your name is set as a wordmark.' })
  @ForIntegration()
  async myLogo(@CurrentClientKey() key: ClientKeyPrincipal) {
    const row = await this.logos.current(key.clientId);
    return row ? mine(row) : null;
  }

  @Mutation(() => MyLogoType, { description: 'Uploads the logo printed on your sold invoices: a PNG or JPEG of at most 256 KiB and 16 to 4000 pixels on each side. The newest is used.' })
  @ForIntegration()
  @AuditTarget('CLIENT')
  async uploadMyLogo(@Args() { content }: UploadMyLogoArgs, @CurrentClientKey() key: ClientKeyPrincipal) {
    return mine(await this.logos.upload(key.clientId, content, { type: 'CLIENT', id: key.keyId, name: 'Integration key' }));
  }
}
