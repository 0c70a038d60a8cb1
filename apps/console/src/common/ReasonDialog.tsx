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
import { useAction, type ActionResult } from '../useAction';
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
  variant?: 'text' | 'outlined' | 'contained';
  /** A note the decision may go without (approve, a call's outcome): no minimum, worded as optional. */
  optional?: boolean;
  /** A confirmation with no text at all (approve a write-off): the dialog asks only "are you sure". */
  noText?: boolean;
  /** Between the text and the field: a choice the action needs (reasons, an ending). */
  extra?: ReactNode;
  /** Something else the confirm waits for (a reason ticked, a number typed). */
  incomplete?: boolean;
  /** The field's test id is `${testId}-${fieldTestId}`. */
  fieldTestId?: string;
  maxLength?: number;
  /**
   * What follows a success instead of the notice and refresh (a queue goes on to its next item).
   * Called after the dialog has closed, with what the API answered.
   */
  onDone?: (value: unknown) => void | Promise<void>;
  /**
   * A refusal the dialog shows itself, kept open (a limit that would be exceeded, an amount field):
   * return what to show under the field, or true when shown elsewhere; undefined leaves it to the dialog.
   */
  onRefused?: (result: Extract<ActionResult, { ok: false }>) => ReactNode | true | undefined;
  onClose?: () => void;
  /**
   * In a table row: a click on the button or in the dialog (a portal, whose clicks React passes up
   * the tree) must not open the row. Off on a page, where the click must reach the document, so an
   * open notice (MUI's click-away) goes and the decision's own notice is the one shown.
   */
  inRow?: boolean;
}

/**
 * A change that must say why (block, unblock, terminate, revoke, a queue's decisions): the dialog
 * asks for the reason, which the API keeps on the record and in its timeline. The API's word on
 * the reason appears under the field; any other refusal as a notification (in the reader's
 * language); when someone else changed or took the item meanwhile (CONFLICT) the dialog closes and
 * the page shows it as it is now. Enter records it (a11y.enterSubmits).
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
  variant,
  optional = false,
  noText = false,
  extra,
  incomplete = false,
  fieldTestId = 'reason',
  maxLength = 1000,
  onDone,
  onRefused,
  onClose,
  inRow = true,
}: ReasonDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ReactNode>(null);
  const { execute, pending } = useAction(run, { formHandlesFieldErrors: true });

  const close = () => {
    setOpen(false);
    setText('');
    setError(null);
    setProblem(null);
    onClose?.();
  };
  const confirm = async () => {
    const result = await execute(text.trim());
    if (result.ok) {
      close();
      if (onDone) await onDone(result.value);
      else {
        notify(success, { type: 'info' });
        refresh();
      }
      return;
    }
    const shown = onRefused?.(result);
    if (shown === true) return;
    if (shown !== undefined && shown !== null) setProblem(shown);
    else if (result.formErrors) {
      // The one text field is what the API can have refused here.
      setError(result.message ?? null);
    } else if (result.code === 'CONFLICT' || result.code === 'NOT_FOUND') {
      close();
      refresh();
    }
  };
  const tooShort = !optional && !noText && text.trim().length < minLength;
  const hint = optional ? translate('console.reviews.note_optional') : translate('console.common.min_length', { min: minLength });

  return (
    <>
      <Button
        label={label}
        color={color}
        size={size}
        variant={variant}
        onClick={(event) => {
          if (inRow) event.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {icon}
      </Button>
      <Dialog
        open={open}
        onClose={pending ? undefined : close}
        fullWidth
        maxWidth="sm"
        onClick={inRow ? (event) => event.stopPropagation() : undefined}
        data-testid={`${testId}-dialog`}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {content ? <DialogContentText sx={{ mb: 2 }}>{content}</DialogContentText> : null}
          {extra}
          {noText ? null : (
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={2}
              required={!optional}
              label={translate(fieldLabel)}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
              onKeyDown={enterSubmits(confirm, !pending && !tooShort && !incomplete)}
              error={!!error}
              helperText={error ?? `${hint} ${translate('console.a11y.enter_submits')}`}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-${fieldTestId}`, maxLength } }}
              sx={extra ? { mt: 1 } : undefined}
            />
          )}
          {problem}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            color={color === 'inherit' ? 'primary' : color}
            variant="contained"
            onClick={confirm}
            disabled={pending || tooShort || incomplete}
            data-testid={`${testId}-confirm`}
          >
            {translate(confirmLabel ?? label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
