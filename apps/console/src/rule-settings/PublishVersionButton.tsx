import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, DateInput, Form, minLength, required, TextInput, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { today } from '../common/format';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import { dataProvider } from '../dataProvider';
import { JSON_RULE_SETTINGS, RULE_SETTING_FIELDS, type Country, type RuleSettingName, type RuleSettingVersion } from '../types';
import { useAction, type ActionResult } from '../useAction';
import { CreditPreview } from './CreditPreview';
import { NestedSettingValue, type ValueEditor } from './NestedSettingValue';
import { SettingValueInput } from './SettingInputs';
import { leavesOf, parseSettingsJson, textsOf, typedValue, valueOf } from './settingLeaves';
import { useSettingLabels } from './useSettingLabels';

const Publish = () => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  return (
    <MuiButton
      type="submit"
      variant="contained"
      disabled={formState.isSubmitting}
      startIcon={formState.isSubmitting ? <CircularProgress size={16} color="inherit" /> : undefined}
      data-testid="rule-publish-confirm"
    >
      {translate('console.rule_settings.publish')}
    </MuiButton>
  );
};

/** A flat setting (eligibility, offer): its fields as the API wants them. */
const flatValueFor = (name: RuleSettingName, typed: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(RULE_SETTING_FIELDS[name].map(({ key, kind }) => [key, typedValue(kind, typed[key])]));

const FlatSettingInputs = ({ name }: { name: RuleSettingName }) => (
  <>
    {RULE_SETTING_FIELDS[name].map(({ key, kind }) => (
      <SettingValueInput
        key={key}
        source={`value.${key}`}
        path={key}
        kind={kind}
        label={`console.rule_settings.fields.${key}`}
        helperText={kind === 'number' ? 'console.rule_settings.whole_number' : false}
      />
    ))}
  </>
);

/** The form of one new version; mounted while the dialog is open, so each opening starts from the version in force. */
const PublishForm = ({ name, country, inForce, onClose }: { name: RuleSettingName; country: Country; inForce: RuleSettingVersion; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const labels = useSettingLabels();
  const nested = JSON_RULE_SETTINGS.includes(name);
  const [inForceLeaves] = useState(() => (nested ? leavesOf(inForce.value) : []));
  const [editor, setEditor] = useState<ValueEditor>({ mode: 'form', leaves: inForceLeaves });
  /** A refusal of a part of the value that has no input of its own (`value.debtor`). */
  const [valueProblem, setValueProblem] = useState<string | null>(null);
  // Kept as first made: a Form whose default values change resets what was typed.
  const [defaultValues] = useState(() => ({
    validFrom: today(),
    value: nested
      ? textsOf(inForceLeaves, inForce.value)
      : Object.fromEntries(RULE_SETTING_FIELDS[name].map(({ key }) => [key, String(inForce.value[key] ?? '')])),
    valueJson: '',
    source: '',
  }));
  const publish = useCallback(
    (validFrom: string, value: Record<string, unknown>, source: string) => dataProvider.publishRuleSetting(name, country, validFrom, value, source),
    [name, country],
  );
  const { execute } = useAction(publish, { formHandlesFieldErrors: true });

  const asJson = nested && editor.mode === 'json';
  /** The value as entered, in either mode; null for JSON that is not an object. */
  const valueFrom = (values: FieldValues): Record<string, unknown> | null =>
    !nested ? flatValueFor(name, values.value ?? {}) : asJson ? parseSettingsJson(values.valueJson) : valueOf(editor.leaves, values.value);
  const valueInputs = new Set(
    nested ? (asJson ? [] : editor.leaves.map(({ path }) => `value.${path}`)) : RULE_SETTING_FIELDS[name].map(({ key }) => `value.${key}`),
  );
  /** The human name of the input the API's field is, if the form shows one now. */
  const inputNamed = (field: string) => (valueInputs.has(field) ? labels.named(field.slice('value.'.length)) : undefined);

  /**
   * The API's refusal as form errors. Only inputs shown now may carry one: react-hook-form keeps
   * an error on any other name and would then refuse every later submit without a word.
   */
  const formErrorsFor = (refused: Extract<ActionResult, { ok: false }>) => {
    const { field, formErrors } = refused;
    if (!field || field === 'validFrom' || field === 'source' || valueInputs.has(field)) return formErrors;
    const said = `${field}: ${refused.message ?? ''}`;
    const root = formErrors?.root ? { root: formErrors.root } : {};
    // In the JSON text the field the API names (value.debtor.WITH_RECOURSE.lateDenyShare) is not an input: say it under the text.
    if (asJson) return { ...root, valueJson: said };
    setValueProblem(said);
    return root;
  };

  const submit = async (values: FieldValues) => {
    setValueProblem(null);
    const value = valueFrom(values);
    if (!value) return { valueJson: 'console.rule_settings.json_invalid' };
    const result = await execute(String(values.validFrom ?? ''), value, String(values.source ?? ''));
    if (result.ok) {
      notify('console.rule_settings.published_ok', {
        type: 'success',
        messageArgs: { name: translate(`console.rule_settings.names.${name}`), country, day: String(values.validFrom ?? '') },
      });
      onClose();
      refresh();
      return undefined;
    }
    // A refusal without a field (a version on that day already: CONFLICT) was notified by useAction.
    return formErrorsFor(result);
  };

  return (
    <Form record={NO_RECORD} defaultValues={defaultValues} onSubmit={submit} noValidate>
      <ScrollToFirstError />
      <DialogTitle>
        {translate('console.rule_settings.publish_title', {
          name: translate(`console.rule_settings.names.${name}`).toLowerCase(),
          country: translate(`console.countries.${country}`),
        })}
      </DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 2 }}>{translate('console.rule_settings.publish_content')}</DialogContentText>
        <DateInput
          source="validFrom"
          label="console.rule_settings.valid_from"
          validate={required()}
          helperText="console.rule_settings.valid_from_hint"
          inputProps={{ min: today() }}
          sx={nested ? { maxWidth: 300 } : undefined}
        />
        {valueProblem ? (
          <Alert severity="error" sx={{ mb: 1 }} data-testid="rule-value-problem">
            {valueProblem}
          </Alert>
        ) : null}
        {nested ? <NestedSettingValue editor={editor} onEditor={setEditor} inForceLeaves={inForceLeaves} /> : <FlatSettingInputs name={name} />}
        {name === 'credit' ? <CreditPreview country={country} valueFrom={valueFrom} inputNamed={inputNamed} /> : null}
        <TextInput
          source="source"
          label="console.rule_settings.source"
          multiline
          minRows={2}
          validate={[required(), minLength(3, 'console.common.min_3')]}
          helperText="console.rule_settings.source_hint"
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <Publish />
      </DialogActions>
    </Form>
  );
};

/** Publishes a newer version, the form prefilled with the one in force; versions are never edited. */
export const PublishVersionButton = ({ name, country, inForce }: { name: RuleSettingName; country: Country; inForce: RuleSettingVersion }) => {
  const [open, setOpen] = useState(false);
  const wide = JSON_RULE_SETTINGS.includes(name);
  return (
    <>
      <Button label="console.rule_settings.publish" onClick={() => setOpen(true)} data-testid={`rule-publish-${name}-${country}`}>
        <PublishIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth={wide ? 'lg' : 'sm'} data-testid="rule-publish-dialog" sx={formDialogSx}>
        <PublishForm name={name} country={country} inForce={inForce} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
};
