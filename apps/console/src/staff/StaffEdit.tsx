import { CheckboxGroupInput, Edit, required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { useSavedNotice } from '../common/savedNotice';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import type { StaffMember } from '../types';
import { roleChoices } from './fields';

// Staff are deactivated, never deleted: the toolbar has only Save.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * Pessimistic, so a refused save (a stale `expectedVersion` gives CONFLICT) leaves the
 * form as it was instead of showing a change that never happened.
 */
export const StaffEdit = () => {
  const saved = useSavedNotice<StaffMember>('console.staff.updated', (member) => member.name, 'show');
  return (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={saved}>
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 560 }}>
      <ScrollToFirstError />
      <TextInput source="email" readOnly helperText="console.staff.email_fixed" />
      <TextInput source="name" validate={required()} />
      <CheckboxGroupInput source="roles" choices={roleChoices} validate={required('console.staff.roles_required')} />
    </SimpleForm>
  </Edit>
  );
};
