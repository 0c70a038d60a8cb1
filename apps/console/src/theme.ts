import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the house colours: calm blues, a white sidebar. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1f5f8b' },
    secondary: { main: '#143d5c' },
    background: { default: '#f4f6f8' },
  },
  shape: { borderRadius: 8 },
  sidebar: { width: 268, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiCard: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #e1e5ea' } } },
    MuiAppBar: { styleOverrides: { root: { boxShadow: 'none' } } },
  },
};
