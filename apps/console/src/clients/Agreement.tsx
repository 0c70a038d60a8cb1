import { Box, Chip, Stack, Typography } from '@mui/material';
import { createContext, useContext } from 'react';
import { ArrayField, DataTable, useRecordContext, useTranslate } from 'react-admin';
import { toNumber, useFormat } from '../common/format';
import { Facts } from '../common/Section';
import type { BankAccount, Client, ClientAgreement, ClientAgreementRow } from '../types';

export const AccountText = ({ account }: { account: BankAccount | null | undefined }) => {
  const translate = useTranslate();
  if (!account) return <>—</>;
  return (
    <span>
      <Box component="span" sx={{ fontFamily: 'monospace' }}>
        {account.display ?? account.value}
      </Box>{' '}
      <Box component="span" sx={{ color: 'text.secondary' }}>
        ({translate(`console.bank_account_kinds.${account.kind}`, { _: account.kind })})
      </Box>
    </span>
  );
};

const RecourseChips = ({ modes }: { modes: string[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {modes.map((mode) => (
        <Chip key={mode} size="small" variant="outlined" label={translate(`console.recourse_modes.${mode}`, { _: mode })} />
      ))}
    </Stack>
  );
};

/** The agreement in force: pricing, risk and delivery, accounts; who set it and why. */
export const AgreementFacts = ({ agreement, currency }: { agreement: ClientAgreement; currency: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Box data-testid="agreement-in-force" data-version={agreement.version}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="h4" component="span" sx={{ fontWeight: 600 }} data-testid="agreement-fee">
          {format.percent(agreement.feePercent)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {[
            translate('console.agreement.fee_of_amount'),
            toNumber(agreement.feeFixed) > 0
              ? translate('console.agreement.fee_fixed_part', { amount: format.amount(agreement.feeFixed, currency, { decimals: 2 }) })
              : null,
            toNumber(agreement.feeMinimum) > 0
              ? translate('console.agreement.fee_minimum_part', { amount: format.amount(agreement.feeMinimum, currency, { decimals: 2 }) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Stack>
      <Facts
        rows={[
          ['console.agreement.fields.vatRateOnFeePercent', format.percent(agreement.vatRateOnFeePercent)],
          ['console.agreement.fields.recourseModes', <RecourseChips key="recourse" modes={agreement.recourseModes} />],
          ['console.agreement.fields.creditLimit', format.amount(agreement.creditLimit, currency)],
          [
            'console.agreement.fields.spotCheckIntensity',
            translate(`console.spot_check_intensities.${agreement.spotCheckIntensity}`, { _: agreement.spotCheckIntensity }),
          ],
          [
            'console.agreement.fields.deliveryChannel',
            translate(`console.delivery_channels.${agreement.deliveryChannel}`, { _: agreement.deliveryChannel }),
          ],
          ['console.agreement.fields.payoutAccount', <AccountText key="payout" account={agreement.payoutAccount} />],
          ['console.agreement.fields.repaymentAccount', <AccountText key="repayment" account={agreement.repaymentAccount} />],
          // Recourse terms (issue 15 s.3): when an unpaid invoice is bought back, the days to pay it, who keeps what the debtor pays on top after it.
          ['console.agreement.fields.recourseAfterDays', translate('console.agreement.days', { smart_count: agreement.recourseAfterDays })],
          ['console.agreement.fields.recourseInvoiceDaysToPay', translate('console.agreement.days', { smart_count: agreement.recourseInvoiceDaysToPay })],
          [
            'console.agreement.fields.feesAfterRecourseTo',
            translate(`console.agreement.fees_after_recourse_to.${agreement.feesAfterRecourseTo}`, { _: agreement.feesAfterRecourseTo }),
          ],
          // The client's approvals (issue 15 s.2, s.5; seed 003): none unless agreed.
          ['console.agreement.fields.lateInterestInvoiceNeedsClientApproval', translate(`console.agreement.approval_needed.${agreement.lateInterestInvoiceNeedsClientApproval}`)],
          ['console.agreement.fields.collectionHandoffNeedsClientApproval', translate(`console.agreement.approval_needed.${agreement.collectionHandoffNeedsClientApproval}`)],
          [
            'console.agreement.version',
            translate('console.agreement.version_text', {
              version: agreement.version,
              date: format.date(agreement.validFrom),
              name: agreement.changedBy?.name ?? '—',
            }),
            'agreement-version',
          ],
          ['console.agreement.reason', agreement.changeReason],
        ]}
      />
    </Box>
  );
};

const Fees = (_props: { label?: string }) => {
  const agreement = useRecordContext<ClientAgreement>();
  const currency = useContext(CurrencyContext);
  const format = useFormat();
  if (!agreement) return null;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {format.percent(agreement.feePercent)}
      <Typography variant="caption" color="text.secondary" component="div">
        + {format.amount(agreement.feeFixed, currency, { decimals: 2 })}, min {format.amount(agreement.feeMinimum, currency, { decimals: 2 })}
      </Typography>
    </span>
  );
};

/** The client's currency for the history's rows, whose own record is the agreement. */
const CurrencyContext = createContext<string | undefined>(undefined);

const Limit = (_props: { label?: string }) => {
  const agreement = useRecordContext<ClientAgreement>();
  const currency = useContext(CurrencyContext);
  const format = useFormat();
  return agreement ? <span>{format.amount(agreement.creditLimit, currency)}</span> : null;
};

const Terms = (_props: { label?: string }) => {
  const agreement = useRecordContext<ClientAgreement>();
  const translate = useTranslate();
  if (!agreement) return null;
  return (
    <Typography variant="body2" component="span">
      {agreement.recourseModes.map((mode) => translate(`console.recourse_modes.${mode}`)).join(', ')}
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`console.delivery_channels.${agreement.deliveryChannel}`)} ·{' '}
        {translate(`console.spot_check_intensities.${agreement.spotCheckIntensity}`)}
      </Typography>
    </Typography>
  );
};

const Changed = (_props: { label?: string }) => {
  const agreement = useRecordContext<ClientAgreement>();
  const format = useFormat();
  if (!agreement) return null;
  return (
    <span>
      {format.date(agreement.validFrom)}
      <Typography variant="caption" color="text.secondary" component="div">
        {agreement.changedBy?.name ?? '—'}
      </Typography>
    </span>
  );
};

/** Every version of the agreement, newest first (agreementHistory). */
export const AgreementHistory = (_props: { label?: false }) => {
  const client = useRecordContext<Client>();
  const translate = useTranslate();
  return (
    <CurrencyContext.Provider value={client?.currency}>
    <ArrayField source="agreementHistory">
      <DataTable<ClientAgreementRow>
        bulkActionButtons={false}
        rowClick={false}
        size="small"
        data-testid="agreement-history"
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('console.agreement.none')}
          </Typography>
        }
      >
        <DataTable.Col source="version" label="console.agreement.version" disableSort />
        <DataTable.Col label="console.agreement.valid_from" disableSort>
          <Changed />
        </DataTable.Col>
        <DataTable.Col label="console.agreement.fields.feePercent" disableSort>
          <Fees />
        </DataTable.Col>
        <DataTable.Col label="console.agreement.fields.creditLimit" disableSort>
          <Limit />
        </DataTable.Col>
        <DataTable.Col label="console.agreement.terms" disableSort>
          <Terms />
        </DataTable.Col>
        <DataTable.Col source="changeReason" label="console.agreement.reason" disableSort />
      </DataTable>
    </ArrayField>
    </CurrencyContext.Provider>
  );
};
