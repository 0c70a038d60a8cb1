import { Args, Query, Resolver } from '@nestjs/graphql';
import { AllowRoles } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { Role } from '../auth/role';
import { SieExportService } from './sie-export.service';
import { SieExportArgs, SieFileType } from './sie-export.types';

/** The accountant's file, downloaded by finance (and admins). Reading only: nothing is booked or closed. */
@Resolver()
export class SieExportResolver {
  constructor(private readonly sie: SieExportService) {}

  @Query(() => SieFileType, { description: "The Swedish book's fiscal year as SIE 4: chart, balances and every voucher." })
  @AllowRoles(Role.FINANCE, Role.ADMIN)
  async sieExport(@Args() { fiscalYear }: SieExportArgs, @CurrentStaff() me: StaffPrincipal) {
    const file = await this.sie.export(fiscalYear, me);
    return { fileName: file.fileName, sha256: file.sha256, vouchers: file.vouchers, contentBase64: file.content.toString('base64') };
  }
}
