/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works
 * under Jest, ts-node and the compiled API.
 */
import { StaffAndSessions1763800000000 } from './1763800000000-StaffAndSessions';
import { AuditTrailAndTimeline1763800000001 } from './1763800000001-AuditTrailAndTimeline';
import { ClientsAndDebtors1763900000000 } from './1763900000000-ClientsAndDebtors';
import { InvoicesOffersAndOutbox1764000000000 } from './1764000000000-InvoicesOffersAndOutbox';
import { CreditDecisions1764100000000 } from './1764100000000-CreditDecisions';
import { CreditDecisionIndexes1764100000001 } from './1764100000001-CreditDecisionIndexes';
import { InvoiceLifecycle1764200000000 } from './1764200000000-InvoiceLifecycle';
import { Ledger1764200005000 } from './1764200005000-Ledger';
import { ClientLifecycle1764200006000 } from './1764200006000-ClientLifecycle';
import { PayoutBatches1764200007000 } from './1764200007000-PayoutBatches';
import { GapFreeEventFeed1764200008000 } from './1764200008000-GapFreeEventFeed';
import { DebtorContactSource1764300001000 } from './1764300001000-DebtorContactSource';
import { CreditWhatIfRuns1764300002000 } from './1764300002000-CreditWhatIfRuns';
import { QueueBoardSessions1764300003000 } from './1764300003000-QueueBoardSessions';
import { LeastPrivilegeRoles1764300004000 } from './1764300004000-LeastPrivilegeRoles';
import { LedgerBalanceStripes1764300005000 } from './1764300005000-LedgerBalanceStripes';
import { PayoutCutOffReceiptAndSetOff1764300006000 } from './1764300006000-PayoutCutOffReceiptAndSetOff';
import { LedgerPeriodClosing1764300007000 } from './1764300007000-LedgerPeriodClosing';
import { Documents1764300008000 } from './1764300008000-Documents';
import { DocumentDelivery1764300010000 } from './1764300010000-DocumentDelivery';
import { DebtorPeppolIdAndClientLogo1764300011000 } from './1764300011000-DebtorPeppolIdAndClientLogo';
import { Payments1764300012000 } from './1764300012000-Payments';
import { DisputesAndRecourse1764300014000 } from './1764300014000-DisputesAndRecourse';
import { CollectionLawRates1764300013000 } from './1764300013000-CollectionLawRates';
import { DebtorPaymentStatistics1764300015000 } from './1764300015000-DebtorPaymentStatistics';
import { Reminders1764300016000 } from './1764300016000-Reminders';
import { CollectionCases1764300017000 } from './1764300017000-CollectionCases';
import { CollectionCasePaid1764300017100 } from './1764300017100-CollectionCasePaid';
import { LettersSentAndPaymentParts1764300018000 } from './1764300018000-LettersSentAndPaymentParts';
import { RecourseTermsAndPayments1764300019000 } from './1764300019000-RecourseTermsAndPayments';
import { PayoutRefundsAndSetOffs1764300020000 } from './1764300020000-PayoutRefundsAndSetOffs';
import { BulkImportTriggersAndOrder1764300021000 } from './1764300021000-BulkImportTriggersAndOrder';
import { ClientApprovals1764300022000 } from './1764300022000-ClientApprovals';
import { RecourseInvoiceLetters1764300023000 } from './1764300023000-RecourseInvoiceLetters';
import { RecourseInvoiceCollection1764300024000 } from './1764300024000-RecourseInvoiceCollection';

export const migrations = [
  StaffAndSessions1763800000000,
  AuditTrailAndTimeline1763800000001,
  ClientsAndDebtors1763900000000,
  InvoicesOffersAndOutbox1764000000000,
  CreditDecisions1764100000000,
  CreditDecisionIndexes1764100000001,
  InvoiceLifecycle1764200000000,
  Ledger1764200005000,
  ClientLifecycle1764200006000,
  PayoutBatches1764200007000,
  GapFreeEventFeed1764200008000,
  DebtorContactSource1764300001000,
  CreditWhatIfRuns1764300002000,
  QueueBoardSessions1764300003000,
  LeastPrivilegeRoles1764300004000,
  LedgerBalanceStripes1764300005000,
  PayoutCutOffReceiptAndSetOff1764300006000,
  LedgerPeriodClosing1764300007000,
  Documents1764300008000,
  Payments1764300012000,
  DocumentDelivery1764300010000,
  DebtorPeppolIdAndClientLogo1764300011000,
  DisputesAndRecourse1764300014000,
  CollectionLawRates1764300013000,
  DebtorPaymentStatistics1764300015000,
  Reminders1764300016000,
  CollectionCases1764300017000,
  CollectionCasePaid1764300017100,
  LettersSentAndPaymentParts1764300018000,
  RecourseTermsAndPayments1764300019000,
  PayoutRefundsAndSetOffs1764300020000,
  BulkImportTriggersAndOrder1764300021000,
  ClientApprovals1764300022000,
  RecourseInvoiceLetters1764300023000,
  RecourseInvoiceCollection1764300024000,
];
