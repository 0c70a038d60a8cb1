import GavelIcon from '@mui/icons-material/Gavel';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useCallback, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDecimal, formatMoneyText, parseAmount } from '@factoring/domain/src/money/amount-text';
import { useFormat } from '../common/format';
import { useAmountLocale } from '../common/money/locale';
import { DecisionButton } from '../common/queue/DecisionButtons';
import { resolveDispute, type Dispute, type DisputeEnding } from './queries';

const ENDINGS: DisputeEnding[] = ['WITHDRAW', 'CREDIT', 'RECOURSE'];

/**
 * Ends a dispute (the reason dialog of issue 15 s.4, on the common decision button): withdrawn by
 * the debtor, credited by the client (its credit note's number and amount), or bought back by the
 * client (recourse of the disputed amount). The version looked at goes along: a case changed since
 * is refused. The credited amount is read the reader's way (issue 11 s.1: "1,500.50" in English,
 * "1 500,50" in Swedish), never by swapping a comma for a point; a spelling the language does not
 * write is refused with its likely reading before anything is sent.
 */
export const ResolveDisputeButton = ({ dispute }: { dispute: Dispute }) => {
  const translate = useTranslate();
  const format = useFormat();
  const locale = useAmountLocale();
  const [ending, setEnding] = useState<DisputeEnding>('WITHDRAW');
  const [creditNumber, setCreditNumber] = useState('');
  const [creditedText, setCreditedText] = useState('');
  const [fieldError, setFieldError] = useState<{ field: string; message?: string } | null>(null);

  const credited = creditedText.trim() ? parseAmount(creditedText, locale, { decimals: 2, allowNegative: false, units: [dispute.currency, 'kr'] }) : null;
  const creditedProblem =
    credited && !credited.ok
      ? `${translate(`console.amount_input.${credited.reason.toLowerCase()}`, { text: creditedText.trim(), decimals: 2, smart_count: 2 })}${
          credited.likelyReading ? ` ${translate('console.amount_input.likely', { likely: formatDecimal(credited.likelyReading, locale) })}` : ''
        }`
      : null;
  const creditedValue = credited?.ok ? credited.value : undefined;

  const run = useCallback(
    (note: string) =>
      resolveDispute({
        id: dispute.id,
        ending,
        note,
        expectedVersion: dispute.version,
        ...(ending === 'CREDIT' ? { creditNumber: creditNumber.trim(), creditedAmount: creditedValue } : {}),
      }),
    [dispute.id, dispute.version, ending, creditNumber, creditedValue],
  );
  const reset = () => {
    setEnding('WITHDRAW');
    setCreditNumber('');
    setCreditedText('');
    setFieldError(null);
  };
  const errorOf = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);

  return (
    <DecisionButton
      label="console.disputes.resolve"
      icon={<GavelIcon />}
      testId="dispute-resolve"
      fieldTestId="reason"
      fieldLabel="console.common.reason"
      title="console.disputes.resolve_title"
      args={{ number: dispute.invoiceNumber }}
      content={translate(`console.disputes.ending_help.${ending}`, { amount: format.amount(dispute.amount, dispute.currency) })}
      incomplete={ending === 'CREDIT' && (!creditNumber.trim() || !creditedValue)}
      run={run}
      success="console.disputes.resolved"
      onRefused={(result) => {
        if (result.formErrors && (result.field === 'creditNumber' || result.field === 'creditedAmount')) {
          setFieldError({ field: result.field, message: result.message });
          return true;
        }
        return undefined;
      }}
      onClose={reset}
      extra={
        <Stack spacing={2} sx={{ mb: 1 }}>
          <TextField
            select
            label={translate('console.disputes.ending')}
            value={ending}
            onChange={(e) => setEnding(e.target.value as DisputeEnding)}
            slotProps={{ htmlInput: { 'data-testid': 'dispute-ending' } }}
          >
            {ENDINGS.map((e) => (
              <MenuItem key={e} value={e} data-testid={`dispute-ending-${e}`}>
                {translate(`console.disputes.endings.${e}`)}
              </MenuItem>
            ))}
          </TextField>
          {ending === 'CREDIT' ? (
            <>
              <TextField
                required
                label={translate('console.disputes.credit_number')}
                value={creditNumber}
                onChange={(e) => {
                  setCreditNumber(e.target.value);
                  setFieldError(null);
                }}
                error={!!errorOf('creditNumber')}
                helperText={errorOf('creditNumber')}
                slotProps={{ htmlInput: { 'data-testid': 'dispute-credit-number', maxLength: 60 } }}
              />
              <TextField
                required
                label={translate('console.disputes.credited_amount', { currency: dispute.currency })}
                value={creditedText}
                onChange={(e) => {
                  setCreditedText(e.target.value);
                  setFieldError(null);
                }}
                onBlur={() => (creditedValue ? setCreditedText(formatDecimal(creditedValue, locale, { minDecimals: 2 })) : undefined)}
                error={!!creditedProblem || !!errorOf('creditedAmount')}
                helperText={
                  errorOf('creditedAmount') ??
                  creditedProblem ??
                  (creditedValue ? translate('console.amount_input.reads_as', { amount: formatMoneyText(creditedValue, dispute.currency, locale) }) : undefined)
                }
                slotProps={{ htmlInput: { 'data-testid': 'dispute-credited-amount', inputMode: 'decimal', style: { textAlign: 'right' } } }}
              />
            </>
          ) : null}
        </Stack>
      }
    />
  );
};
