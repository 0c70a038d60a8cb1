import { Module } from '@nestjs/common';
import { DebtorsModule } from '../debtors/debtors.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { RuleSettingsModule } from '../rule-settings/rule-settings.module';
import { ClientSpotCheckResolver, CreditReviewsResolver, InvoiceCreditResolver } from './credit-reviews.resolver';
import { CreditWhatIfRepository } from './credit-what-if.repository';
import { CreditWhatIfResolver } from './credit-what-if.resolver';
import { CreditWhatIfService } from './credit-what-if.service';
import { CreditReviewsService } from './credit-reviews.service';
import { CreditService } from './credit.service';

/** Credit decisions: the rules applied under row locks, the exposure counters, the review items, the admins' what-if runs. */
@Module({
  imports: [RuleSettingsModule, InvoicesModule, DebtorsModule],
  providers: [
    CreditService,
    CreditReviewsService,
    CreditWhatIfService,
    CreditWhatIfRepository,
    CreditReviewsResolver,
    CreditWhatIfResolver,
    InvoiceCreditResolver,
    ClientSpotCheckResolver,
  ],
  exports: [CreditService, CreditWhatIfService],
})
export class CreditModule {}
