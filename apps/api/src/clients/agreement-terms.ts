import { Injectable } from '@nestjs/common';
import { InvalidValueError, LocalDate } from '@factoring/domain';
import { checkRecourseTerms, DEFAULT_AGREEMENT_POLICY, defaultRecourseTermsOn, RecourseTerms, validateAgreementTerms, versionInForce } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';
import { AgreementTermsInput } from './dto/client.types';
import { parseClientAccount } from './bank-accounts';
import { ClientError } from './client-errors';

export interface ValidTerms {
  feePercent: string;
  feeFixed: string;
  feeMinimum: string;
  vatRateOnFeePercent: string;
  recourseModes: string[];
  creditLimit: string;
  spotCheckIntensity: string;
  deliveryChannel: string;
  payoutAccount: { kind: string; value: string; display: string };
  repaymentAccount: { kind: string; value: string; display: string };
  /** Recourse terms (issue 15 s.3): given, else the current version's, else the dated defaults. */
  recourse: RecourseTerms;
  /** The client's approvals the agreement asks for (issue 15 s.2, s.5; seed 003): none unless agreed. */
  lateInterestInvoiceNeedsClientApproval: boolean;
  collectionHandoffNeedsClientApproval: boolean;
}

/** The agreement's terms for the client's approvals (migration 1764300022000). */
export interface ClientApprovalTerms {
  lateInterestInvoiceNeedsClientApproval: boolean;
  collectionHandoffNeedsClientApproval: boolean;
}

/** Checks agreement terms against the pricing policy in force and writes agreement versions. */
@Injectable()
export class AgreementTerms {
  validate(
    input: AgreementTermsInput,
    country: 'SE' | 'NO',
    field: string,
    defaults: { payoutAccount: { kind: string; value: string }; repaymentAccount: { kind: string; value: string } } & Partial<RecourseTerms> & Partial<ClientApprovalTerms>,
    today: LocalDate = LocalDate.today(),
  ): ValidTerms {
    const policy = versionInForce(`agreement policy ${country}`, DEFAULT_AGREEMENT_POLICY[country], today.toString()).value;
    const terms = {
      feePercent: input.feePercent,
      feeFixed: input.feeFixed ?? '0',
      feeMinimum: input.feeMinimum ?? '0',
      vatRateOnFeePercent: input.vatRateOnFeePercent ?? policy.vatRatesOnFee[0],
      recourseModes: input.recourseModes,
      creditLimit: input.creditLimit,
      spotCheckIntensity: input.spotCheckIntensity,
      deliveryChannel: input.deliveryChannel,
    };
    const { problems } = validateAgreementTerms(terms, policy);
    if (problems.length) {
      const [first] = problems;
      throw new InvalidValueError(first.code, first.message.en, `${field}.${first.field}`, { problems: problems.map((p: (typeof problems)[number]) => ({ field: `${field}.${p.field}`, code: p.code, message: p.message.en })) });
    }
    const fallback = defaultRecourseTermsOn(today.toString()).value;
    const recourse: RecourseTerms = {
      recourseAfterDays: input.recourseAfterDays ?? defaults.recourseAfterDays ?? fallback.recourseAfterDays,
      recourseInvoiceDaysToPay: input.recourseInvoiceDaysToPay ?? defaults.recourseInvoiceDaysToPay ?? fallback.recourseInvoiceDaysToPay,
      feesAfterRecourseTo: input.feesAfterRecourseTo ?? defaults.feesAfterRecourseTo ?? fallback.feesAfterRecourseTo,
    };
    const [recourseProblem] = checkRecourseTerms(recourse);
    if (recourseProblem) {
      const code = recourseProblem.field === 'recourseAfterDays' ? ClientError.AGREEMENT_RECOURSE_AFTER_DAYS : ClientError.AGREEMENT_RECOURSE_DAYS_TO_PAY;
      throw new InvalidValueError(code, recourseProblem.message, `${field}.${recourseProblem.field}`);
    }
    return {
      ...terms,
      recourse,
      lateInterestInvoiceNeedsClientApproval: input.lateInterestInvoiceNeedsClientApproval ?? defaults.lateInterestInvoiceNeedsClientApproval ?? false,
      collectionHandoffNeedsClientApproval: input.collectionHandoffNeedsClientApproval ?? defaults.collectionHandoffNeedsClientApproval ?? false,
      payoutAccount: parseClientAccount(input.payoutAccount ?? defaults.payoutAccount, country, `${field}.payoutAccount`),
      repaymentAccount: parseClientAccount(input.repaymentAccount ?? defaults.repaymentAccount, country, `${field}.repaymentAccount`),
    };
  }

  async insertVersion(tx: EntityManager, clientId: string, version: number, terms: ValidTerms, by: StaffPrincipal, reason: string): Promise<void> {
    await tx.query(
      `INSERT INTO client_agreement (client_id, version, fee_percent, fee_fixed, fee_minimum, vat_rate_on_fee_percent, recourse_modes,
                                     credit_limit, spot_check_intensity, delivery_channel, payout_account, repayment_account, changed_by, change_reason,
                                     recourse_after_days, recourse_invoice_days_to_pay, fees_after_recourse_to,
                                     late_interest_needs_client_approval, collection_handoff_needs_client_approval)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        clientId,
        version,
        terms.feePercent,
        terms.feeFixed,
        terms.feeMinimum,
        terms.vatRateOnFeePercent,
        terms.recourseModes,
        terms.creditLimit,
        terms.spotCheckIntensity,
        terms.deliveryChannel,
        terms.payoutAccount,
        terms.repaymentAccount,
        by.id,
        reason,
        terms.recourse.recourseAfterDays,
        terms.recourse.recourseInvoiceDaysToPay,
        terms.recourse.feesAfterRecourseTo,
        terms.lateInterestInvoiceNeedsClientApproval,
        terms.collectionHandoffNeedsClientApproval,
      ],
    );
  }
}
