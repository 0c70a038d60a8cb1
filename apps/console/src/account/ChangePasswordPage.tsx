import LockResetIcon from '@mui/icons-material/LockReset';
import { Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { Form, minLength, PasswordInput, required, Title, useNotify, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { dataProvider } from '../dataProvider';
import { useAction } from '../useAction';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: string, values: PasswordForm) =>
  value && value !== values.newPassword ? 'console.account.passwords_differ' : undefined;
const differsFromCurrent = (value: string, values: PasswordForm) =>
  value && value === values.currentPassword ? 'console.account.same_as_current' : undefined;

const SubmitButton = () => {
  const translate = useTranslate();
  const { formState } = useFormContext();
  const busy = formState.isSubmitting;
  return (
    <Button
      type="submit"
      variant="contained"
      disabled={busy}
      startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <LockResetIcon />}
      data-testid="change-password-submit"
    >
      {translate('console.account.submit')}
    </Button>
  );
};

/** For everyone, from the user menu. */
export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  // A new key gives an empty form after a successful change.
  const [formKey, setFormKey] = useState(0);

  const change = useCallback(
    (currentPassword: string, newPassword: string) => dataProvider.changeMyPassword(currentPassword, newPassword),
    [],
  );
  const { execute } = useAction(change, { formHandlesFieldErrors: true });

  // Returning the API's field errors lets the form show them beside the right input.
  const submit = useCallback(
    async (values: Record<string, unknown>) => {
      const { currentPassword, newPassword } = values as unknown as PasswordForm;
      const result = await execute(currentPassword, newPassword);
      if (result.ok) {
        notify('console.account.password_changed', { type: 'success' });
        setFormKey((key) => key + 1);
        return undefined;
      }
      return result.formErrors;
    },
    [execute, notify],
  );

  return (
    <Box sx={{ mt: 2, maxWidth: 560 }}>
      <Title title={translate('console.account.change_password')} />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('console.account.change_password')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('console.account.intro')}
          </Typography>
          <Form key={formKey} onSubmit={submit}>
            <Stack>
              <PasswordInput
                source="currentPassword"
                label="console.account.current_password"
                autoComplete="current-password"
                validate={required()}
              />
              <PasswordInput
                source="newPassword"
                label="console.account.new_password"
                autoComplete="new-password"
                validate={[required(), minLength(12), differsFromCurrent]}
              />
              <PasswordInput
                source="confirmPassword"
                label="console.account.confirm_password"
                autoComplete="new-password"
                validate={[required(), sameAsNew]}
              />
              <Box sx={{ mt: 1 }}>
                <SubmitButton />
              </Box>
            </Stack>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
