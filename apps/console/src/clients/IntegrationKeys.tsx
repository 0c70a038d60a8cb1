import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import KeyOffIcon from '@mui/icons-material/KeyOff';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useRef, useState } from 'react';
import {
  ArrayField,
  Button,
  DataTable,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useFormat } from '../common/format';
import { ReasonDialogButton } from '../common/ReasonDialog';
import { useHasRole } from '../common/roles';
import { dataProvider } from '../dataProvider';
import type { Client, IntegrationKey, IssuedIntegrationKey } from '../types';
import { useAction } from '../useAction';

/**
 * The secret, once: the API keeps only its hash, so closing this dialog loses it for good.
 * It closes only by its button, not by a click beside it.
 */
const KeyShownOnce = ({ issued, onClose }: { issued: IssuedIntegrationKey; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.key);
    } catch {
      // Without the clipboard API (an insecure origin): select the text and copy the old way.
      field.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    notify('console.keys.copied', { type: 'info' });
  };
  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="key-shown-once" disableEscapeKeyDown>
      <DialogTitle>{translate('console.keys.issued_title', { label: issued.integrationKey.label })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="key-warning">
          {translate('console.keys.shown_once')}
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            fullWidth
            value={issued.key}
            inputRef={field}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'issued-key', style: { fontFamily: 'monospace' } } }}
            onFocus={(event) => event.target.select()}
          />
          <Tooltip title={translate('console.keys.copy')}>
            <IconButton onClick={copy} color={copied ? 'success' : 'primary'} data-testid="copy-key" aria-label={translate('console.keys.copy')}>
              <ContentCopyIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      </DialogContent>
      <DialogActions>
        <MuiButton variant="contained" onClick={onClose} data-testid="key-done">
          {translate(copied ? 'console.keys.done_copied' : 'console.keys.done')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

/** Admins issue a key for the client's accounting program, named so it can be told apart later. */
export const IssueKeyButton = () => {
  const record = useRecordContext<Client>();
  const admin = useHasRole('ADMIN');
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedIntegrationKey | null>(null);
  const issue = useCallback((clientId: string, name: string) => dataProvider.issueIntegrationKey(clientId, name), []);
  const { execute, pending } = useAction(issue, { formHandlesFieldErrors: true });
  if (!record || !admin) return null;

  const close = () => {
    setOpen(false);
    setLabel('');
    setError(null);
  };
  const confirm = async () => {
    const result = await execute(record.id, label.trim());
    if (result.ok) {
      close();
      setIssued(result.value);
    } else if (result.formErrors) {
      setError(result.message ?? null);
    }
  };

  return (
    <>
      <Button label="console.keys.issue" onClick={() => setOpen(true)} data-testid="key-issue">
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('console.keys.issue_title', { name: record.legalName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.keys.issue_content')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            required
            label={translate('console.keys.label')}
            placeholder={translate('console.keys.label_example')}
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? ' '}
            slotProps={{ htmlInput: { 'data-testid': 'key-label', maxLength: 100 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={confirm} disabled={pending || !label.trim()} data-testid="key-issue-confirm">
            {translate('console.keys.issue')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      {issued ? (
        <KeyShownOnce
          issued={issued}
          onClose={() => {
            setIssued(null);
            refresh();
          }}
        />
      ) : null}
    </>
  );
};

const RevokeKeyButton = () => {
  const key = useRecordContext<IntegrationKey>();
  const admin = useHasRole('ADMIN');
  const translate = useTranslate();
  if (!key || !admin || key.revokedAt) return null;
  return (
    <ReasonDialogButton
      size="small"
      label="console.keys.revoke"
      icon={<KeyOffIcon />}
      color="error"
      testId="key-revoke"
      title={translate('console.keys.revoke_title', { label: key.label })}
      content={translate('console.keys.revoke_content')}
      run={(reason) => dataProvider.revokeIntegrationKey(key.id, reason)}
      success="console.keys.revoked"
    />
  );
};

const KeyStatus = (_props: { label?: string }) => {
  const key = useRecordContext<IntegrationKey>();
  const translate = useTranslate();
  const format = useFormat();
  if (!key) return null;
  if (!key.revokedAt) return <Chip size="small" color="success" label={translate('console.keys.active')} />;
  return (
    <Box>
      <Chip size="small" label={translate('console.keys.revoked_chip')} />
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
        {translate('console.keys.revoked_by', { name: key.revokedBy?.name ?? '—', date: format.date(key.revokedAt) })}
        {key.revokeReason ? `: ${key.revokeReason}` : ''}
      </Typography>
    </Box>
  );
};

const Created = (_props: { label?: string }) => {
  const key = useRecordContext<IntegrationKey>();
  const format = useFormat();
  if (!key) return null;
  return (
    <span>
      {format.dateTime(key.createdAt)}
      {key.createdBy ? <Typography variant="caption" color="text.secondary" component="div">{key.createdBy.name}</Typography> : null}
    </span>
  );
};

const LastUsed = (_props: { label?: string }) => {
  const key = useRecordContext<IntegrationKey>();
  const translate = useTranslate();
  const format = useFormat();
  if (!key) return null;
  return <span>{key.lastUsedAt ? format.dateTime(key.lastUsedAt) : translate('console.keys.never_used')}</span>;
};

/** The client's keys, newest first; the secret itself is never listed, only its first characters. */
export const IntegrationKeys = () => {
  const translate = useTranslate();
  return (
    <ArrayField source="integrationKeys">
      <DataTable<IntegrationKey>
        bulkActionButtons={false}
        rowClick={false}
        size="small"
        data-testid="integration-keys"
        empty={
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('console.keys.none')}
          </Typography>
        }
      >
        <DataTable.Col source="label" label="console.keys.label" disableSort />
        <DataTable.Col source="keyPrefix" label="console.keys.prefix" disableSort>
          <KeyPrefix />
        </DataTable.Col>
        <DataTable.Col label="console.keys.created" disableSort>
          <Created />
        </DataTable.Col>
        <DataTable.Col label="console.keys.last_used" disableSort>
          <LastUsed />
        </DataTable.Col>
        <DataTable.Col label="console.keys.status" disableSort>
          <KeyStatus />
        </DataTable.Col>
        <DataTable.Col label="console.common.actions" disableSort align="right">
          <RevokeKeyButton />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};

const KeyPrefix = () => {
  const key = useRecordContext<IntegrationKey>();
  return key ? <code data-testid="key-prefix">{key.keyPrefix}…</code> : null;
};
