import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useHasRole } from '../common/roles';
import { useAction } from '../useAction';
import { importBankFile, type BankImport } from './queries';
import { ImportOutcome } from './BankImports';

/** The file's bytes as base64 (what importBankFile takes), read in the browser. */
const base64Of = (file: File, onProgress: (share: number) => void) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    reader.onerror = () => reject(reader.error);
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });

/**
 * Finance uploads a bank file (camt.053/.054, BgMax, Nets OCR; the API detects which): read in the
 * browser with its progress, then sent and read by the API, which stores, matches and books it or
 * refuses it whole with the place that is wrong. The dialog shows the import's outcome.
 */
export const UploadBankFileButton = () => {
  const finance = useHasRole('FINANCE');
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<BankImport | null>(null);
  const { execute, pending } = useAction(importBankFile);
  if (!finance) return null;
  const close = () => {
    if (pending) return;
    setOpen(false);
    setFile(null);
    setOutcome(null);
    setReading(null);
  };
  const send = async () => {
    if (!file) return;
    setReading(0);
    const content = await base64Of(file, setReading);
    setReading(1);
    const result = await execute(file.name, content);
    setReading(null);
    if (result.ok) {
      setOutcome(result.value);
      notify(result.value.status === 'REFUSED' ? 'console.money_in.import_refused' : 'console.money_in.import_done', { type: result.value.status === 'REFUSED' ? 'warning' : 'success' });
      refresh();
    }
  };
  return (
    <>
      <Button label="console.money_in.upload" onClick={() => setOpen(true)} data-testid="bank-file-upload">
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="bank-file-dialog">
        <DialogTitle>{translate('console.money_in.upload_title')}</DialogTitle>
        <DialogContent dividers>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.money_in.upload_help')}</DialogContentText>
          <input
            ref={input}
            type="file"
            accept=".xml,.txt,.dat,.ocr,.bgm,application/xml,text/plain"
            data-testid="bank-file-input"
            aria-label={translate('console.money_in.choose_file')}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
          {file ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('console.money_in.file_size', { name: file.name, size: (file.size / 1024).toFixed(1) })}
            </Typography>
          ) : null}
          {reading !== null || pending ? (
            <>
              <LinearProgress
                sx={{ mt: 2 }}
                variant={reading !== null && reading < 1 ? 'determinate' : 'indeterminate'}
                value={reading !== null ? reading * 100 : undefined}
                data-testid="bank-file-progress"
              />
              <Typography variant="caption" color="text.secondary">
                {translate(reading !== null && reading < 1 ? 'console.money_in.reading_file' : 'console.money_in.importing')}
              </Typography>
            </>
          ) : null}
          {outcome ? (
            <Alert severity={outcome.status === 'REFUSED' ? 'error' : 'success'} sx={{ mt: 2 }} data-testid="bank-file-outcome">
              <ImportOutcome row={outcome} />
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate(outcome ? 'ra.action.close' : 'ra.action.cancel')}
          </MuiButton>
          {outcome ? null : (
            <MuiButton variant="contained" onClick={send} disabled={!file || pending} data-testid="bank-file-send">
              {translate('console.money_in.upload')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
