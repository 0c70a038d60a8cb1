import { Box, Stack, Typography } from '@mui/material';
import { required, TextInput } from 'react-admin';
import { groupsOf, type SettingLeaf } from './settingLeaves';
import { useSettingLabels } from './useSettingLabels';

const LeafInput = ({ leaf }: { leaf: SettingLeaf }) => {
  const labels = useSettingLabels();
  const props = { source: `value.${leaf.path}`, label: labels.label(leaf.path), helperText: labels.hint(leaf.path) };
  switch (leaf.kind) {
    // A word such as the currency is the country's, not a business choice: shown, changed only in JSON.
    case 'text':
      return <TextInput {...props} readOnly />;
    case 'json':
      return <TextInput {...props} validate={required()} sx={{ '& input': { fontFamily: 'monospace', fontSize: '0.85rem' } }} />;
    default:
      return <TextInput {...props} validate={required()} />;
  }
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
