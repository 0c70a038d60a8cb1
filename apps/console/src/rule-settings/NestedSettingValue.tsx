import { FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { required, TextInput, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { getIn, kindsOf, leavesOf, mergeLeaves, parseSettingsJson, textOf, valueOf, type SettingLeaf } from './settingLeaves';
import { SettingInputs } from './SettingInputs';

/** How a nested value is being edited: the generated inputs (these leaves) or the JSON text. */
export interface ValueEditor {
  mode: 'form' | 'json';
  leaves: SettingLeaf[];
}

const validJson = (text: unknown) => (parseSettingsJson(text) ? undefined : 'console.rule_settings.json_invalid');

const ValueJsonInput = () => (
  <TextInput
    source="valueJson"
    label="console.rule_settings.value_json"
    multiline
    minRows={8}
    maxRows={24}
    validate={[required(), validJson]}
    helperText="console.rule_settings.value_json_hint"
    sx={{ '& textarea': { fontFamily: 'monospace', fontSize: '0.8rem' } }}
  />
);

/**
 * The value of a nested setting with a switch between the generated inputs and the JSON text.
 * Each way over carries the value entered so far; JSON that does not parse keeps the text open.
 */
export const NestedSettingValue = ({
  editor,
  onEditor,
  inForceLeaves,
}: {
  editor: ValueEditor;
  onEditor: (editor: ValueEditor) => void;
  inForceLeaves: readonly SettingLeaf[];
}) => {
  const translate = useTranslate();
  const { getValues, setValue, setError, clearErrors } = useFormContext();
  const asJson = editor.mode === 'json';

  const toJson = () => {
    setValue('valueJson', JSON.stringify(valueOf(editor.leaves, getValues('value')), null, 2), { shouldDirty: true });
    onEditor({ ...editor, mode: 'json' });
  };

  const toForm = () => {
    const typed = parseSettingsJson(getValues('valueJson'));
    if (!typed) {
      setError('valueJson', { type: 'json', message: 'console.rule_settings.json_invalid' });
      return;
    }
    // The in-force kinds win: "45" typed for a number of days is still a number of days.
    const leaves = mergeLeaves(inForceLeaves, leavesOf(typed, kindsOf(inForceLeaves)));
    for (const { path, kind } of leaves) setValue(`value.${path}`, textOf(kind, getIn(typed, path)), { shouldDirty: true });
    clearErrors('valueJson');
    onEditor({ mode: 'form', leaves });
  };

  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 1, mb: 0.5 }}>
        <Typography variant="overline" component="h3" color="text.secondary" sx={{ fontWeight: 600, lineHeight: 1.4 }}>
          {translate('console.rule_settings.value')}
        </Typography>
        <FormControlLabel
          data-testid="rule-value-as-json"
          control={<Switch size="small" checked={asJson} onChange={asJson ? toForm : toJson} />}
          label={translate('console.rule_settings.edit_as_json')}
          slotProps={{ typography: { variant: 'body2' } }}
          sx={{ mr: 0 }}
        />
      </Stack>
      {asJson ? <ValueJsonInput /> : <SettingInputs leaves={editor.leaves} />}
    </>
  );
};
