import {
  CheckboxGroupInput,
  Create,
  email,
  minLength,
  PasswordInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useSavedNotice } from '../common/savedNotice';
import { ScrollToFirstError } from '../common/ScrollToFirstError';
import type { StaffMember } from '../types';
import { roleChoices } from './fields';

export const StaffCreate = () => {
  const saved = useSavedNotice<StaffMember>('console.staff.created', (member) => member.name, 'list');
  return (
  <Create redirect="list" mutationOptions={saved}>
    <SimpleForm defaultValues={{ roles: [] }} noValidate sx={{ maxWidth: 560 }}>
      <ScrollToFirstError />
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email()]} />
      <TextInput source="name" autoComplete="off" validate={required()} />
      <CheckboxGroupInput source="roles" choices={roleChoices} validate={required('console.staff.roles_required')} />
      <PasswordInput
        source="initialPassword"
        autoComplete="new-password"
        validate={[required(), minLength(12)]}
        helperText="console.staff.password_hint"
      />
    </SimpleForm>
  </Create>
  );
};
