import { Box, Stack, Typography } from '@mui/material';
import { required, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AmountInput } from '../common/money/AmountInput';
import { decimalsOf, groupsOf, isAmountLeaf, type LeafKind, type SettingLeaf } from './settingLeaves';
import { useSettingLabels } from './useSettingLabels';

/**
 * One value of a rule setting. Numbers go through the console's one amount input (issue 11,
 * section 1): typed the reader's way ("0,20" in Swedish, "0.20" in English), held as the decimal
 * string the API takes ("0.20"), a spelling the language does not write refused with its likely
 * reading; amounts with the setting's currency and öre, shares and rates with the six decimals the
 * rules keep, whole numbers without decimals.
 */
export const SettingValueInput = ({ source, path, kind, label, helperText }: { source: string; path: string; kind: LeafKind; label: string; helperText?: string | false }) => {
  const currency = useWatch({ name: 'value.currency' }) as unknown;
  const props = { source, label, helperText };
  switch (kind) {
    // A word such as the currency is the country's, not a business choice: shown, changed only in JSON.
    case 'text':
      return <TextInput {...props} readOnly />;
    case 'json':
      return <TextInput {...props} validate={required()} sx={{ '& input': { fontFamily: 'monospace', fontSize: '0.85rem' } }} />;
    case 'decimal':
    case 'number':
      return (
        <AmountInput
          {...props}
          validate={required()}
          decimals={decimalsOf(kind, path)}
          // The rules' bounds (some start above zero) are the API's to say, in a sentence naming the setting.
          allowNegative
          currency={kind === 'decimal' && isAmountLeaf(path) && typeof currency === 'string' ? currency : undefined}
          data-testid={`rule-input-${path}`}
        />
      );
  }
};

const LeafInput = ({ leaf }: { leaf: SettingLeaf }) => {
  const labels = useSettingLabels();
  return <SettingValueInput source={`value.${leaf.path}`} path={leaf.path} kind={leaf.kind} label={labels.label(leaf.path)} helperText={labels.hint(leaf.path)} />;
};

/** One input per leaf of a nested setting, under a small heading per nested object, several to a row. */
export const SettingInputs = ({ leaves }: { leaves: readonly SettingLeaf[] }) => {
  const labels = useSettingLabels();
  return (
    <Stack spacing={1} data-testid="rule-value-inputs">
      {groupsOf(leaves).map((group) => (
        <Box key={group.path} data-testid="rule-value-group" data-group={group.path}>
          {group.path ? (
            <Typography variant="subtitle2" component="h3" sx={{ mb: 1, mt: 0.5 }}>
              {labels.heading(group.path)}
            </Typography>
          ) : null}
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: 2 }}>
            {group.leaves.map((leaf) => (
              <LeafInput key={leaf.path} leaf={leaf} />
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};
