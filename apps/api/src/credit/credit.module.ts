import { Module } from '@nestjs/common';
import { DebtorsModule } from '../debtors/debtors.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { RuleSettingsModule } from '../rule-settings/rule-settings.module';
import { ClientSpotCheckResolver, CreditReviewsResolver, CreditWhatIfResolver, InvoiceCreditResolver } from './credit-reviews.resolver';
import { CreditWhatIf } from './credit-what-if';
import { CreditReviewsService } from './credit-reviews.service';
import { CreditService } from './credit.service';

/** Credit decisions: the rules applied under row locks, the exposure counters, the review items. */
@Module({
  imports: [RuleSettingsModule, InvoicesModule, DebtorsModule],
  providers: [CreditService, CreditReviewsService, CreditWhatIf, CreditReviewsResolver, CreditWhatIfResolver, InvoiceCreditResolver, ClientSpotCheckResolver],
  exports: [CreditService],
})
export class CreditModule {}
