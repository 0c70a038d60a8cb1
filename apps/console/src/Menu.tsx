import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { navigationFor, sectionTitle } from './navigation';
import { QueueBoardMenuItem } from './queues/QueueBoardMenuItem';
import type { Role } from './types';

/**
 * Everyone sees the dashboard; then each of the person's roles brings its own items,
 * under a subheader naming the role, so someone with several roles sees where each
 * queue belongs; clients and debtors come last, once, for everyone. The `data-testid`s are what the browser tests look for.
 */
export const Menu = () => {
  const { permissions } = usePermissions<Role[]>();
  const [sidebarOpen] = useSidebarState();
  const translate = useTranslate();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="console.menu.dashboard" data-testid="menu-dashboard" />
      {/* A flat list: MUI's MenuList wants its items as direct children, not in fragments. */}
      {navigationFor(permissions).flatMap(({ key: section, items }) => [
        sidebarOpen ? (
          <ListSubheader
            key={`section-${section}`}
            disableSticky
            data-testid={`menu-section-${section.toLowerCase().replace(/_/g, '-')}`}
            sx={{
              bgcolor: 'transparent',
              lineHeight: 1,
              mt: 2,
              mb: 0.5,
              fontSize: '0.72rem',
              fontWeight: 600,
              letterSpacing: '0.06em',
              textTransform: 'uppercase',
              color: 'text.secondary',
            }}
          >
            {translate(sectionTitle(section))}
          </ListSubheader>
        ) : null,
        ...items.map(({ key, path, testId, icon: Icon }) => (
          <RaMenu.Item
            key={key}
            to={path}
            primaryText={`console.menu.${key}`}
            leftIcon={<Icon />}
            data-testid={testId}
          />
        )),
        // Admins open Bull Board from here (issue 9 g): a button, not a route of the console.
        ...(section === 'ADMIN' ? [<QueueBoardMenuItem key="queue-board" />] : []),
      ])}
    </RaMenu>
  );
};
