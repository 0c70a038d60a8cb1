import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useFormat } from '../common/format';
import { Section } from '../common/Section';
import type { BankImport } from './queries';
import { UploadBankFileButton } from './UploadBankFileButton';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export const ImportStatusChip = ({ status }: { status: BankImport['status'] }) => {
  const translate = useTranslate();
  const color = status === 'DONE' ? 'success' : status === 'REFUSED' ? 'error' : 'info';
  return <Chip size="small" color={color} label={translate(`console.money_in.import_statuses.${status}`)} data-testid="import-status" />;
};

/** An import's counts in a sentence, or its refusal with the place in the file that is wrong. */
export const ImportOutcome = ({ row }: { row: BankImport }) => {
  const translate = useTranslate();
  if (row.status === 'REFUSED') {
    const reason = row.refusalCode ? translate(`console.money_in.refusals.${row.refusalCode}`, { _: row.refusalMessage ?? row.refusalCode }) : row.refusalMessage;
    return (
      <span data-testid="import-refusal">
        {reason}
        {row.refusalPlace ? ` ${translate('console.money_in.refusal_place', { place: row.refusalPlace })}` : ''}
      </span>
    );
  }
  return (
    <span data-testid="import-counts">
      {translate('console.money_in.import_counts', {
        read: row.entriesRead,
        fresh: row.entriesNew,
        duplicate: row.entriesDuplicate,
        matched: row.entriesMatched,
        unmatched: row.entriesUnmatched,
        reconciled: row.entriesReconciled,
      })}
    </span>
  );
};

/** The bank files read, newest first: status, format, counts, amounts, or the refusal and its place. */
export const BankImports = () => {
  const translate = useTranslate();
  const format = useFormat();
  const { data, isPending } = useGetList<BankImport & { id: string }>('bank-imports', { pagination: { page: 1, perPage: 10 } });
  return (
    <Section title="console.money_in.imports" testId="bank-imports" action={<UploadBankFileButton />}>
      {isPending ? null : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('console.money_in.no_imports')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('console.money_in.started')}</TableCell>
              <TableCell>{translate('console.money_in.file')}</TableCell>
              <TableCell>{translate('console.money_in.status')}</TableCell>
              <TableCell>{translate('console.money_in.counts')}</TableCell>
              <TableCell align="right">{translate('console.money_in.amount_matched')}</TableCell>
              <TableCell align="right">{translate('console.money_in.amount_unmatched')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((row) => (
              <TableRow key={row.id} data-testid="bank-import-row">
                <TableCell sx={num}>
                  {format.dateTime(row.startedAt)}
                  <br />
                  <Typography variant="caption" color="text.secondary">{row.startedBy?.name ?? translate(`console.money_in.sources.${row.source}`, { _: row.source })}</Typography>
                </TableCell>
                <TableCell>
                  {row.fileName}
                  <br />
                  <Typography variant="caption" color="text.secondary">{row.format ? translate(`console.money_in.formats.${row.format}`, { _: row.format }) : '—'}</Typography>
                </TableCell>
                <TableCell>
                  <ImportStatusChip status={row.status} />
                </TableCell>
                <TableCell>
                  <ImportOutcome row={row} />
                </TableCell>
                <TableCell align="right" sx={num}>{row.status === 'REFUSED' ? '—' : format.amount(row.amountMatched, undefined, { decimals: 2 })}</TableCell>
                <TableCell align="right" sx={num}>{row.status === 'REFUSED' ? '—' : format.amount(row.amountUnmatched, undefined, { decimals: 2 })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};
