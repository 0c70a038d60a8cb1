import { MenuItem, Stack, TextField } from '@mui/material';
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { today } from '../common/format';
import { DecisionButton } from '../common/queue/DecisionButtons';

export interface ChoiceField {
  label: string;
  choices: Array<{ id: string; name: string }>;
}

/**
 * One dialog for a case's actions (escalate, record the agency's answer, propose, approve or reject
 * a write-off), on the common decision button: an optional choice, optional reference and day, and
 * a note when the action needs one. The caller sends the version it looked at; a case changed since
 * is the API's CONFLICT (the dialog closes and the page shows the case as it is now).
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
  const [value, setValue] = useState(choice?.choices[0]?.id ?? '');
  const [reference, setReference] = useState('');
  const [day, setDay] = useState(today);
  const send = useCallback((note: string) => run({ choice: value, note, reference: reference.trim(), day }), [run, value, reference, day]);
  const extra =
    choice || withReference ? (
      <Stack spacing={2} sx={{ mb: 1 }}>
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
      </Stack>
    ) : undefined;
  return (
    <DecisionButton
      label={label}
      icon={icon}
      testId={testId}
      title={title}
      content={translate(help)}
      fieldLabel="console.common.reason"
      optional={!noteRequired}
      noText={!noteRequired && !withReference}
      extra={extra}
      incomplete={withReference && (!reference.trim() || !day)}
      run={send}
      success={done}
      onClose={() => setReference('')}
    />
  );
};
