import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useAction } from '../useAction';
import { enterSubmits } from './a11y';

export interface ReasonDialogProps {
  /** The button that opens it. */
  label: string;
  icon: ReactElement;
  color?: 'primary' | 'error' | 'warning' | 'success' | 'inherit';
  testId: string;
  title: ReactNode;
  content?: ReactNode;
  /** Label of the text field (Reason, Note). */
  fieldLabel?: string;
  confirmLabel?: string;
  /** The API wants at least 3 characters for reasons and notes. */
  minLength?: number;
  run: (text: string) => Promise<unknown>;
  success: string;
  /** Small button, e.g. in a table row. */
  size?: 'small' | 'medium';
}

/**
 * A change that must say why (block, unblock, terminate, revoke): the dialog asks for the
 * reason, which the API keeps on the record and in its timeline. The API's word on the
 * reason appears under the field; any other refusal (CONFLICT) as a notification.
 */
export const ReasonDialogButton = ({
  label,
  icon,
  color = 'primary',
  testId,
  title,
  content,
  fieldLabel = 'console.common.reason',
  confirmLabel,
  minLength = 3,
  run,
  success,
  size,
}: ReasonDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { execute, pending } = useAction(run, { formHandlesFieldErrors: true });

  const close = () => {
    setOpen(false);
    setText('');
    setError(null);
  };
  const confirm = async () => {
    const result = await execute(text.trim());
    if (result.ok) {
      notify(success, { type: 'info' });
      close();
      refresh();
    } else if (result.formErrors) {
      // The one text field is what the API can have refused here.
      setError(result.message ?? null);
    }
  };
  const tooShort = text.trim().length < minLength;

  return (
    <>
      <Button
        label={label}
        color={color}
        size={size}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm" onClick={(event) => event.stopPropagation()}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {content ? <DialogContentText sx={{ mb: 2 }}>{content}</DialogContentText> : null}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required
            label={translate(fieldLabel)}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
            onKeyDown={enterSubmits(confirm, !pending && !tooShort)}
            error={!!error}
            helperText={error ?? `${translate('console.common.min_length', { min: minLength })} ${translate('console.a11y.enter_submits')}`}
            slotProps={{ htmlInput: { 'data-testid': `${testId}-reason`, maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            color={color === 'inherit' ? 'primary' : color}
            variant="contained"
            onClick={confirm}
            disabled={pending || tooShort}
            data-testid={`${testId}-confirm`}
          >
            {translate(confirmLabel ?? label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
