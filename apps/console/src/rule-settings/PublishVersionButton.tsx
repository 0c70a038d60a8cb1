import PublishIcon from '@mui/icons-material/Publish';
import { Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useCallback, useState } from 'react';
import { Button, DateInput, Form, minLength, required, TextInput, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { today } from '../common/format';
import { formDialogSx, NO_RECORD } from '../common/Section';
import { dataProvider, toDecimal } from '../dataProvider';
import { JSON_RULE_SETTINGS, RULE_SETTING_FIELDS, type Country, type RuleSettingName, type RuleSettingVersion } from '../types';
import { useAction } from '../useAction';
import { CreditPreview, parseSettingsJson } from './CreditPreview';

const validJson = (text: unknown) => (parseSettingsJson(text) ? undefined : 'console.rule_settings.json_invalid');

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

/**
 * The value as the API wants it: whole numbers as JSON numbers, amounts as decimal strings
 * (a decimal comma undone), texts trimmed. What does not read as a number goes as typed,
 * so the API's own sentence says what is allowed.
 */
const valueFor = (name: RuleSettingName, typed: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    RULE_SETTING_FIELDS[name].map(({ key, kind }) => {
      const raw = typed[key];
      if (kind === 'decimal') return [key, toDecimal(raw) ?? ''];
      if (kind === 'number') {
        const text = String(raw ?? '').trim();
        return [key, text !== '' && Number.isFinite(Number(text)) ? Number(text) : text];
      }
      return [key, String(raw ?? '').trim()];
    }),
  );

/** Publishes a newer version, the form prefilled with the one in force; versions are never edited. */
export const PublishVersionButton = ({ name, country, inForce }: { name: RuleSettingName; country: Country; inForce: RuleSettingVersion }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const publish = useCallback(
    (validFrom: string, value: Record<string, unknown>, source: string) => dataProvider.publishRuleSetting(name, country, validFrom, value, source),
    [name, country],
  );
  const { execute } = useAction(publish, { formHandlesFieldErrors: true });

  const asJson = JSON_RULE_SETTINGS.includes(name);
  const submit = async (values: Record<string, unknown>) => {
    const value = asJson ? parseSettingsJson(values.valueJson) : valueFor(name, (values.value ?? {}) as Record<string, unknown>);
    if (!value) return { valueJson: 'console.rule_settings.json_invalid' };
    const result = await execute(String(values.validFrom ?? ''), value, String(values.source ?? ''));
    if (result.ok) {
      notify('console.rule_settings.published_ok', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    }
    // A refusal without a field (a version on that day already: CONFLICT) was notified by useAction.
    // In the JSON text the field the API names (value.debtor.WITH_RECOURSE.lateDenyShare) is not an input: say it under the text.
    if (asJson && result.field?.startsWith('value')) return { ...result.formErrors, valueJson: `${result.field}: ${result.message ?? ''}` };
    return result.formErrors;
  };

  const settingName = translate(`console.rule_settings.names.${name}`);
  return (
    <>
      <Button label="console.rule_settings.publish" onClick={() => setOpen(true)} data-testid={`rule-publish-${name}-${country}`}>
        <PublishIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth={asJson ? 'md' : 'sm'} data-testid="rule-publish-dialog" sx={formDialogSx}>
        <Form
          record={NO_RECORD}
          defaultValues={{
            validFrom: today(),
            value: Object.fromEntries(RULE_SETTING_FIELDS[name].map(({ key }) => [key, String(inForce.value[key] ?? '')])),
            valueJson: asJson ? JSON.stringify(inForce.value, null, 2) : '',
            source: '',
          }}
          onSubmit={submit}
          noValidate
        >
          <DialogTitle>
            {translate('console.rule_settings.publish_title', {
              name: settingName.toLowerCase(),
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
            />
            {RULE_SETTING_FIELDS[name].map(({ key, kind }) => (
              <TextInput
                key={key}
                source={`value.${key}`}
                label={`console.rule_settings.fields.${key}`}
                validate={required()}
                helperText={kind === 'number' ? 'console.rule_settings.whole_number' : kind === 'decimal' ? 'console.validation.decimal' : false}
              />
            ))}
            {asJson ? (
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
            ) : null}
            {name === 'credit' ? <CreditPreview country={country} source="valueJson" /> : null}
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
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <Publish />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
