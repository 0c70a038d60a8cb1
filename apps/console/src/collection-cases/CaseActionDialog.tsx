import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useAction } from '../useAction';

export interface ChoiceField {
  label: string;
  choices: Array<{ id: string; name: string }>;
}

/**
 * One dialog for a case's actions (escalate, record the agency's answer, propose, approve or reject
 * a write-off): an optional choice, optional reference and day, and a note when the action needs one.
 * The caller sends the version it looked at; a case changed since is the API's CONFLICT.
 */
export const CaseActionDialog = ({
  label,
  title,
  help,
  icon,
  testId,
  choice,
  withReference,
  noteRequired,
  run,
  done,
}: {
  label: string;
  title: string;
  help: string;
  icon: ReactElement;
  testId: string;
  choice?: ChoiceField;
  withReference?: boolean;
  noteRequired: boolean;
  run: (values: { choice: string; note: string; reference: string; day: string }) => Promise<unknown>;
  done: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(choice?.choices[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [reference, setReference] = useState('');
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const { execute, pending } = useAction(run);
  const close = () => {
    setOpen(false);
    setNote('');
    setReference('');
  };
  const incomplete = (noteRequired && note.trim().length < 3) || (withReference && (!reference.trim() || !day));
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} data-testid={testId}>
        {icon}
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(help)}</DialogContentText>
          <Stack spacing={2}>
            {choice ? (
              <TextField select label={translate(choice.label)} value={value} onChange={(e) => setValue(e.target.value)} slotProps={{ htmlInput: { 'data-testid': `${testId}-choice` } }}>
                {choice.choices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {withReference ? (
              <>
                <TextField required label={translate('console.collection_cases.agency_reference')} value={reference} onChange={(e) => setReference(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
                <TextField required type="date" label={translate('console.collection_cases.answered_on')} value={day} onChange={(e) => setDay(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
              </>
            ) : null}
            {noteRequired || withReference ? (
              <TextField
                required={noteRequired}
                multiline
                minRows={2}
                label={translate('console.common.reason')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                helperText={noteRequired ? translate('console.common.min_length', { min: 3 }) : undefined}
                slotProps={{ htmlInput: { 'data-testid': `${testId}-note`, maxLength: 2000 } }}
              />
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={pending}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            disabled={pending || incomplete}
            data-testid={`${testId}-confirm`}
            onClick={async () => {
              if ((await execute({ choice: value, note: note.trim(), reference: reference.trim(), day })).ok) {
                notify(done, { type: 'info' });
                close();
                refresh();
              }
            }}
          >
            {translate(label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
