import { Injectable } from '@nestjs/common';
import { InvalidValueError, LocalDate } from '@factoring/domain';
import { DEFAULT_AGREEMENT_POLICY, validateAgreementTerms, versionInForce } from '@factoring/rules';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/principal';
import { AgreementTermsInput } from './dto/client.types';
import { parseClientAccount } from './bank-accounts';

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
}

/** Checks agreement terms against the pricing policy in force and writes agreement versions. */
@Injectable()
export class AgreementTerms {
  validate(
    input: AgreementTermsInput,
    country: 'SE' | 'NO',
    field: string,
    defaults: { payoutAccount: { kind: string; value: string }; repaymentAccount: { kind: string; value: string } },
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
    return {
      ...terms,
      payoutAccount: parseClientAccount(input.payoutAccount ?? defaults.payoutAccount, country, `${field}.payoutAccount`),
      repaymentAccount: parseClientAccount(input.repaymentAccount ?? defaults.repaymentAccount, country, `${field}.repaymentAccount`),
    };
  }

  async insertVersion(tx: EntityManager, clientId: string, version: number, terms: ValidTerms, by: StaffPrincipal, reason: string): Promise<void> {
    await tx.query(
      `INSERT INTO client_agreement (client_id, version, fee_percent, fee_fixed, fee_minimum, vat_rate_on_fee_percent, recourse_modes,
                                     credit_limit, spot_check_intensity, delivery_channel, payout_account, repayment_account, changed_by, change_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
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
      ],
    );
  }
}
