import { Box, Typography } from '@mui/material';
import { BooleanInput, CheckboxGroupInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { AmountInput } from '../common/money/AmountInput';
import {
  ACCOUNT_KINDS_BY_COUNTRY,
  DELIVERY_CHANNELS,
  RECOURSE_MODES,
  SPOT_CHECK_INTENSITIES,
  type BankAccount,
  type ClientAgreement,
  type Country,
} from '../types';
import type { AgreementTermsForm } from '../dataProvider';

export const recourseChoices = RECOURSE_MODES.map((id) => ({ id, name: `console.recourse_modes.${id}` }));
export const spotCheckChoices = SPOT_CHECK_INTENSITIES.map((id) => ({ id, name: `console.spot_check_intensities.${id}` }));
export const deliveryChoices = DELIVERY_CHANNELS.map((id) => ({ id, name: `console.delivery_channels.${id}` }));
export const accountKindChoices = (country: Country) =>
  ACCOUNT_KINDS_BY_COUNTRY[country].map((id) => ({ id, name: `console.bank_account_kinds.${id}` }));

/** An account as the form holds it: the kind, and the number as people write it. */
export const accountForForm = (account: BankAccount | undefined | null) =>
  account ? { kind: account.kind, value: account.display ?? account.value } : undefined;

/** The form's starting values from an agreement in force (editing) or policy defaults (approving). */
export const termsDefaults = (
  agreement: ClientAgreement | null | undefined,
  accounts: { payoutAccount?: BankAccount; repaymentAccount?: BankAccount } = {},
): Partial<AgreementTermsForm> =>
  agreement
    ? {
        feePercent: agreement.feePercent,
        feeFixed: agreement.feeFixed,
        feeMinimum: agreement.feeMinimum,
        vatRateOnFeePercent: agreement.vatRateOnFeePercent,
        recourseModes: agreement.recourseModes,
        creditLimit: agreement.creditLimit,
        spotCheckIntensity: agreement.spotCheckIntensity,
        deliveryChannel: agreement.deliveryChannel,
        payoutAccount: accountForForm(agreement.payoutAccount),
        repaymentAccount: accountForForm(agreement.repaymentAccount),
        lateInterestInvoiceNeedsClientApproval: agreement.lateInterestInvoiceNeedsClientApproval,
        collectionHandoffNeedsClientApproval: agreement.collectionHandoffNeedsClientApproval,
      }
    : {
        feePercent: '',
        feeFixed: '',
        feeMinimum: '',
        vatRateOnFeePercent: '25',
        recourseModes: ['WITH_RECOURSE'],
        creditLimit: '',
        // Spot checks are denser at the start of a client relationship (seed 004).
        spotCheckIntensity: 'HIGH',
        deliveryChannel: 'EMAIL',
        payoutAccount: accountForForm(accounts.payoutAccount),
        repaymentAccount: accountForForm(accounts.repaymentAccount),
        // Seed 003: the client's approval only where agreed.
        lateInterestInvoiceNeedsClientApproval: false,
        collectionHandoffNeedsClientApproval: false,
      };

const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } } as const;

/** Kind and number of one bank account, side by side. */
export const AccountInputs = ({ source, country, label }: { source: string; country: Country; label: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate(label)}
      </Typography>
      <Box sx={{ ...grid, rowGap: 0 }}>
        <SelectInput
          source={`${source}.kind`}
          label="console.accounts.kind"
          choices={accountKindChoices(country)}
          validate={required()}
          helperText={false}
        />
        <TextInput source={`${source}.value`} label="console.accounts.number" validate={required()} helperText={false} />
      </Box>
    </Box>
  );
};

/**
 * The terms of a client agreement (`AgreementTermsInput`), for approving an application and
 * for an admin's change of the agreement. The API checks them against the pricing policy
 * (fee 0.5-10 %, ...) and names the field it refuses; the error then shows under it.
 */
export const AgreementTermsInputs = ({ country, currency }: { country: Country; currency: string }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="agreement-terms">
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('console.agreement.pricing')}
      </Typography>
      <Box sx={grid}>
        {/* The columns' scales: fee_percent numeric(7,4), vat_rate_on_fee_percent numeric(5,2), amounts in öre. */}
        <AmountInput
          source="feePercent"
          label="console.agreement.fields.feePercent"
          percent
          decimals={4}
          validate={required()}
          helperText="console.agreement.fee_hint"
        />
        <AmountInput
          source="vatRateOnFeePercent"
          label="console.agreement.fields.vatRateOnFeePercent"
          percent
          decimals={2}
          helperText="console.agreement.vat_hint"
        />
        <AmountInput source="feeFixed" label="console.agreement.fields.feeFixed" currency={currency} helperText="console.agreement.per_invoice" />
        <AmountInput source="feeMinimum" label="console.agreement.fields.feeMinimum" currency={currency} helperText="console.agreement.per_invoice" />
      </Box>
      <CheckboxGroupInput
        source="recourseModes"
        label="console.agreement.fields.recourseModes"
        choices={recourseChoices}
        validate={required('console.agreement.recourse_required')}
        helperText="console.agreement.recourse_hint"
      />
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1, mt: 1 }}>
        {translate('console.agreement.risk_and_delivery')}
      </Typography>
      <Box sx={grid}>
        <AmountInput
          source="creditLimit"
          negativeMessage="console.limits.negative"
          label="console.agreement.fields.creditLimit"
          currency={currency}
          validate={required()}
          helperText="console.agreement.limit_hint"
        />
        <SelectInput
          source="spotCheckIntensity"
          label="console.agreement.fields.spotCheckIntensity"
          choices={spotCheckChoices}
          validate={required()}
          helperText="console.agreement.spot_check_hint"
        />
        <SelectInput
          source="deliveryChannel"
          label="console.agreement.fields.deliveryChannel"
          choices={deliveryChoices}
          validate={required()}
          helperText="console.agreement.delivery_hint"
        />
      </Box>
      <Box sx={{ ...grid, mt: 1 }}>
        <AccountInputs source="payoutAccount" country={country} label="console.agreement.fields.payoutAccount" />
        <AccountInputs source="repaymentAccount" country={country} label="console.agreement.fields.repaymentAccount" />
      </Box>
      <Box sx={{ ...grid, mt: 1 }}>
        <BooleanInput source="lateInterestInvoiceNeedsClientApproval" label="console.agreement.fields.lateInterestInvoiceNeedsClientApproval" helperText={false} />
        <BooleanInput source="collectionHandoffNeedsClientApproval" label="console.agreement.fields.collectionHandoffNeedsClientApproval" helperText={false} />
      </Box>
    </Box>
  );
};
