import DownloadIcon from '@mui/icons-material/Download';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { downloadBase64 } from '../common/download';
import { Section } from '../common/Section';
import { today, useFormat } from '../common/format';
import { useAction } from '../useAction';
import { makePrintBatch, markPrintBatchPrinted, printBatchContent, printDay, type PrintBatch } from './queries';

/**
 * The day's post (issue 13 s.4): the letters waiting for print (documents whose debtor takes post,
 * and e-mails refused and sent by post instead), put into one PDF per batch to download and print;
 * finance marks a batch printed once it is in the post.
 */
export const PrintBatchPage = () => {
  const translate = useTranslate();
  const format = useFormat();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<string[]>();
  const isFinance = Array.isArray(permissions) && permissions.includes('FINANCE');
  const [day, setDay] = useState(today());
  const { data } = useQuery({ queryKey: ['print-day', day], queryFn: () => printDay(day), enabled: /^\d{4}-\d{2}-\d{2}$/.test(day) });
  const make = useAction(makePrintBatch);
  const mark = useAction(markPrintBatchPrinted);
  const reload = () => queryClient.invalidateQueries({ queryKey: ['print-day', day] });
  const download = async (batch: PrintBatch) => downloadBase64(batch.fileName, await printBatchContent(batch.id), 'application/pdf');

  return (
    <Box sx={{ mt: 2 }} data-testid="print-batch-page">
      <Title title={translate('console.menu.print_batch')} />
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField type="date" size="small" label={translate('console.deliveries.print_day')} sx={{ width: 220 }} value={day} onChange={(e) => setDay(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} data-testid="print-day" />
          {isFinance && (
            <Button
              label="console.deliveries.make_batch"
              variant="contained"
              disabled={make.pending || !data?.waiting.length}
              data-testid="make-print-batch"
              onClick={async () => {
                if ((await make.execute(day)).ok) {
                  notify('console.deliveries.batch_made', { type: 'info' });
                  await reload();
                }
              }}
            />
          )}
        </Stack>
        <Section title="console.deliveries.waiting" testId="print-waiting">
          {!data?.waiting.length ? (
            <Typography variant="body2" color="text.secondary">
              {translate('console.deliveries.nothing_waiting')}
            </Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.failed-deliveries.fields.invoiceNumber')}</TableCell>
                  <TableCell>{translate('resources.failed-deliveries.fields.clientName')}</TableCell>
                  <TableCell>{translate('console.deliveries.document')}</TableCell>
                  <TableCell>{translate('console.deliveries.why_post')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.waiting.map((d) => (
                  <TableRow key={d.id} data-testid="print-waiting-row">
                    <TableCell>
                      <Link to={`/invoices/${d.invoiceId}/show`} style={{ fontFamily: 'monospace' }}>
                        {d.invoiceNumber}
                      </Link>
                    </TableCell>
                    <TableCell>{d.clientName}</TableCell>
                    <TableCell>
                      {translate(`console.deliveries.kinds.${d.documentKind}`, { _: d.documentKind })} · {translate(`console.deliveries.recipients.${d.recipient}`)}
                    </TableCell>
                    <TableCell>{translate(d.fallbackOf ? 'console.deliveries.post_fallback' : 'console.deliveries.post_chosen')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
        <Section title="console.deliveries.batches" testId="print-batches">
          {!data?.batches.length ? (
            <Typography variant="body2" color="text.secondary">
              {translate('console.deliveries.no_batches')}
            </Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.deliveries.batch')}</TableCell>
                  <TableCell align="right">{translate('console.deliveries.letters')}</TableCell>
                  <TableCell align="right">{translate('console.deliveries.pages')}</TableCell>
                  <TableCell>{translate('console.deliveries.made_at')}</TableCell>
                  <TableCell>{translate('console.deliveries.printed')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {data.batches.map((b) => (
                  <TableRow key={b.id} data-testid="print-batch-row">
                    <TableCell>{translate('console.deliveries.batch_name', { day: format.date(b.printDay), sequence: b.sequence })}</TableCell>
                    <TableCell align="right">{b.deliveryCount}</TableCell>
                    <TableCell align="right">{b.pageCount}</TableCell>
                    <TableCell>{format.dateTime(b.madeAt)}</TableCell>
                    <TableCell>{b.printedAt ? translate('console.deliveries.printed_by', { when: format.dateTime(b.printedAt), name: b.printedByName ?? '' }) : '—'}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <Button label="console.deliveries.download" onClick={() => void download(b)} data-testid="print-batch-download">
                          <DownloadIcon />
                        </Button>
                        {isFinance && !b.printedAt && (
                          <Button
                            label="console.deliveries.mark_printed"
                            disabled={mark.pending}
                            data-testid="print-batch-mark-printed"
                            onClick={async () => {
                              if ((await mark.execute(b.id, b.version)).ok) {
                                notify('console.deliveries.marked_printed', { type: 'info' });
                                await reload();
                              }
                            }}
                          />
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      </Stack>
    </Box>
  );
};
