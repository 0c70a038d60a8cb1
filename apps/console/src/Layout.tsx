import LockResetIcon from '@mui/icons-material/LockReset';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { forwardRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  AppBar as RaAppBar,
  Layout as RaLayout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { AccessibleDefaults } from './common/a11y';
import { Menu } from './Menu';

export const CHANGE_PASSWORD_PATH = '/account/password';

const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      {...props}
      ref={ref}
      component={Link}
      to={CHANGE_PASSWORD_PATH}
      onClick={() => userMenu?.onClose()}
      data-testid="user-menu-change-password"
    >
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('console.menu.change_password')}</ListItemText>
    </MenuItem>
  );
});
ChangePasswordMenuItem.displayName = 'ChangePasswordMenuItem';

/**
 * The button shows the person's name; its accessible name must contain that visible text (WCAG 2.5.3,
 * axe's label-content-name-mismatch), so it is "<name>, account" rather than react-admin's "Profile".
 */
const ConsoleUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName ? translate('console.a11y.user_menu', { name: identity.fullName }) : undefined;
  return (
    <Box component="span" data-testid="user-menu">
      <UserMenu label={label}>
        <ChangePasswordMenuItem />
        <Logout data-testid="user-menu-logout" />
      </UserMenu>
    </Box>
  );
};

const AppName = () => {
  const translate = useTranslate();
  return (
    <Typography
      variant="subtitle1"
      component="span"
      sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', md: 'inline' } }}
    >
      {translate('console.app.title')}
    </Typography>
  );
};

const AppBar = () => (
  <RaAppBar
    userMenu={<ConsoleUserMenu />}
    toolbar={
      <>
        <Box component="span" data-testid="locale-switcher">
          <LocalesMenuButton />
        </Box>
        <LoadingIndicator />
      </>
    }
  >
    <AppName />
    <TitlePortal />
  </RaAppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <AccessibleDefaults>
    <RaLayout appBar={AppBar} menu={Menu}>
      {children}
    </RaLayout>
  </AccessibleDefaults>
);
