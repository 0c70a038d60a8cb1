import DownloadIcon from '@mui/icons-material/Download';
import { MenuItem, Stack, TextField } from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { downloadBase64 } from '../common/download';
import { useAction } from '../useAction';
import { sieExport } from './queries';

/**
 * The Swedish book's fiscal (calendar) year as SIE 4 for the accountant: saved byte for byte under
 * the API's file name (the file is code page 437, so it is never read as text here).
 */
export const SieExportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const run = useCallback((fiscalYear: number) => sieExport(fiscalYear), []);
  const { execute, pending } = useAction(run);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="sie-export">
      <TextField
        select
        size="small"
        label={translate('console.ledger.fiscal_year')}
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
        sx={{ minWidth: 120 }}
        slotProps={{ htmlInput: { 'data-testid': 'sie-year' } }}
      >
        {[thisYear, thisYear - 1, thisYear - 2].map((option) => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </TextField>
      <Button
        label="console.ledger.sie_export"
        variant="outlined"
        sx={{ whiteSpace: 'nowrap' }}
        disabled={pending}
        data-testid="sie-export-button"
        onClick={async () => {
          const result = await execute(year);
          if (!result.ok) return;
          downloadBase64(result.value.fileName, result.value.contentBase64, 'application/octet-stream');
          notify('console.ledger.sie_exported', { type: 'info', messageArgs: { file: result.value.fileName, smart_count: result.value.vouchers } });
        }}
      >
        <DownloadIcon />
      </Button>
    </Stack>
  );
};
