import { Alert, Box, Card, CardContent, Link as MuiLink, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { CountryFlag } from '../common/CountryField';
import { useFormat } from '../common/format';
import { useHasRole } from '../common/roles';
import { Facts, Section } from '../common/Section';
import {
  ApproveBatchButton,
  CancelBatchButton,
  ExportBatchButton,
  ImportStatusReportButton,
  MarkSentButton,
  StatusReportAlert,
  usePreparedByMe,
} from './BatchButtons';
import { BatchStateChip, LineStateChip, num } from './fields';
import type { PayoutBatch, StatusReportResult } from './queries';

/** What the batch needs next, in a sentence: who may do it, and what stops the preparer. */
const NextStep = () => {
  const record = useRecordContext<PayoutBatch>();
  const translate = useTranslate();
  const mine = usePreparedByMe(record);
  const finance = useHasRole('FINANCE');
  if (!record) return null;
  if (record.state === 'PREPARED' && mine) {
    return (
      <Alert severity="info" sx={{ mt: 2 }} data-testid="batch-four-eyes">
        {translate('console.payouts.four_eyes_mine')}
      </Alert>
    );
  }
  if (record.state === 'CANCELLED') {
    return (
      <Alert severity="warning" sx={{ mt: 2 }} data-testid="batch-cancelled">
        {translate('console.payouts.cancelled_because', { reason: record.cancelReason ?? '' })}
      </Alert>
    );
  }
  const key = `console.payouts.next.${record.state}`;
  const text = translate(key, { _: '' });
  return text && (finance || record.state !== 'PREPARED') ? (
    <Alert severity="info" variant="outlined" sx={{ mt: 2 }} data-testid="batch-next-step">
      {text}
    </Alert>
  ) : null;
};

const Header = ({ report }: { report: StatusReportResult | null }) => {
  const record = useRecordContext<PayoutBatch>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 600 }}>
            {translate('console.payouts.batch')}
          </Typography>
          <Typography variant="h5" component="h1" data-testid="batch-title">
            {translate('console.payouts.batch_of', { day: format.date(record.payoutDate) })}
          </Typography>
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <CountryFlag country={record.book} showCode={false} />
            <Typography variant="body1">{translate(`console.countries.${record.book}`)}</Typography>
          </Stack>
          <BatchStateChip state={record.state} size="medium" />
          <Box sx={{ flex: 1 }} />
          <Stack sx={{ alignItems: 'flex-end' }}>
            <Typography variant="h5" component="span" sx={num} data-testid="batch-total">
              {format.amount(record.total, record.currency, { decimals: 2 })}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="batch-line-count">
              {translate('console.payouts.count_payments', { smart_count: record.lineCount })}
            </Typography>
          </Stack>
        </Stack>
        <NextStep />
        {report ? <StatusReportAlert result={report} /> : null}
      </CardContent>
    </Card>
  );
};

const Who = () => {
  const record = useRecordContext<PayoutBatch>();
  const format = useFormat();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title="console.payouts.four_eyes" testId="batch-who" fill>
      <Facts
        rows={[
          ['console.payouts.prepared_by', translate('console.payouts.by_when', { who: record.preparedBy.name, when: format.dateTime(record.preparedAt) }), 'batch-prepared-by'],
          [
            'console.payouts.approved_by',
            record.approvedBy ? translate('console.payouts.by_when', { who: record.approvedBy.name, when: format.dateTime(record.approvedAt) }) : translate('console.payouts.not_yet'),
            'batch-approved-by',
          ],
        ]}
      />
    </Section>
  );
};

const Bank = () => {
  const record = useRecordContext<PayoutBatch>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  return (
    <Section title="console.payouts.bank_file" testId="batch-bank" fill>
      <Facts
        rows={[
          ['console.payouts.payout_day', format.date(record.payoutDate)],
          ['console.payouts.book_label', translate('console.payouts.book', { country: translate(`console.countries.${record.book}`), currency: record.currency })],
          ['console.payouts.message_id', <span key="m" style={{ fontFamily: 'monospace' }}>{record.messageId}</span>, 'batch-message-id'],
          ['console.payouts.file_format', 'ISO 20022 pain.001.001.03'],
        ]}
      />
    </Section>
  );
};

const Lines = () => {
  const record = useRecordContext<PayoutBatch>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const lines = record.lines ?? [];
  const money = (value: string) => format.amount(value, record.currency, { decimals: 2 });
  return (
    <Section title="console.payouts.lines_title" testId="batch-lines">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('console.payouts.fields.invoice')}</TableCell>
            <TableCell>{translate('console.payouts.fields.client')}</TableCell>
            <TableCell>{translate('console.payouts.fields.payee')}</TableCell>
            <TableCell>{translate('console.payouts.fields.reference')}</TableCell>
            <TableCell>{translate('console.payouts.fields.line_state')}</TableCell>
            <TableCell align="right">{translate('console.payouts.fields.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.id} data-testid="batch-line" data-invoice={line.invoiceNumber ?? ''} data-refund={line.refundId ?? ''}>
              {/* An invoice number stays on one line; a refund's kind is words, and wraps. */}
              <TableCell sx={line.invoiceId ? { whiteSpace: 'nowrap' } : undefined}>
                {line.invoiceId ? (
                  <MuiLink component={Link} to={`/invoices/${line.invoiceId}/show`}>
                    {line.invoiceNumber}
                  </MuiLink>
                ) : (
                  <span>{translate(`console.payouts.refund_kinds.${line.refundKind}`)}</span>
                )}
                {line.attempt > 1 ? (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                    {translate('console.payouts.attempt', { n: line.attempt })}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                {line.clientId ? (
                  <MuiLink component={Link} to={`/clients/${line.clientId}/show`} color="inherit">
                    {line.clientName}
                  </MuiLink>
                ) : (
                  (line.payee?.name ?? '—')
                )}
              </TableCell>
              <TableCell>
                <Stack>
                  <span style={num}>{line.payee?.display ?? line.payee?.value ?? '—'}</span>
                  {line.payee?.kind ? (
                    <Typography variant="caption" color="text.secondary">
                      {translate(`console.bank_account_kinds.${line.payee.kind}`, { _: '' })}
                    </Typography>
                  ) : null}
                </Stack>
              </TableCell>
              {/* An OCR/KID in figures, on one line; a refund's words to the payee ('Återbetalning av överbetalning') wrap. */}
              <TableCell sx={/^\d+$/.test(line.reference) ? { ...num, fontFamily: 'monospace' } : undefined}>{line.reference}</TableCell>
              <TableCell>
                <LineStateChip state={line.state} />
              </TableCell>
              <TableCell align="right" sx={num}>
                {money(line.amount)}
                {line.setOff && line.setOff !== '0.00' ? (
                  <Typography variant="caption" color="text.secondary" component="div" data-testid="batch-line-set-off">
                    {translate('console.payouts.set_off', { amount: money(line.setOff) })}
                  </Typography>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={5} sx={{ fontWeight: 600, color: 'text.primary' }}>
              {translate('console.payouts.count_payments', { smart_count: record.lineCount })}
            </TableCell>
            <TableCell align="right" sx={{ ...num, fontWeight: 600, color: 'text.primary' }} data-testid="batch-lines-total">
              {money(record.total)}
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </Section>
  );
};

/** The app bar's title: the day and the book in words, not the record's codes. */
const BatchTitle = () => {
  const record = useRecordContext<PayoutBatch>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  return (
    <span>
      {translate('console.payouts.batch_of', { day: format.date(record.payoutDate) })} · {translate(`console.countries.${record.book}`)}
    </span>
  );
};

/**
 * One payout batch: its day, book, state and total; who prepared it and who approved it (four eyes);
 * the bank file; every payment. The actions follow the state: approve or cancel, export the file,
 * mark it sent, read the bank's status report.
 */
export const PayoutBatchShow = () => {
  const [report, setReport] = useState<StatusReportResult | null>(null);
  return (
    <Show
      component="div"
      title={<BatchTitle />}
      actions={
        <TopToolbar>
          <CancelBatchButton />
          <ExportBatchButton />
          <MarkSentButton />
          <ImportStatusReportButton onResult={setReport} />
          <ApproveBatchButton />
        </TopToolbar>
      }
    >
      <Header report={report} />
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
        <Who />
        <Bank />
      </Box>
      <Lines />
    </Show>
  );
};
