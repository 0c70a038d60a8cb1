import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';

/** react-admin's sign-in card, asking for the e-mail address the API signs in with. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login
      avatarIcon={<AccountBalanceIcon />}
      sx={{ background: 'linear-gradient(135deg, #0f2f4d 0%, #1f5f8b 60%, #3b87b8 100%)' }}
    >
      <Box sx={{ px: 2, pb: 1, textAlign: 'center', maxWidth: 300, mx: 'auto' }}>
        <Typography variant="h6" component="h1" data-testid="login-title">
          {translate('console.app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('console.app.sign_in_subtitle')}
        </Typography>
      </Box>
      <LoginForm data-testid="login-form">
        <TextInput
          autoFocus
          source="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
      </LoginForm>
    </Login>
  );
};
