import { ListSubheader } from '@mui/material';
import { Menu as RaMenu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { navigationFor, sectionTitle } from './navigation';
import { QueueBoardMenuItem } from './queues/QueueBoardMenuItem';
import type { Role } from './types';

/**
 * Everyone sees the dashboard; then each of the person's roles brings its own items,
 * under a subheader naming the role, so someone with several roles sees where each
 * queue belongs; clients and debtors come last, once, for everyone. The `data-testid`s are what the browser tests look for.
 *
 * react-admin's menu is an ARIA menu, which may hold menu items only (issue 11, section 6: axe's
 * aria-required-children and listitem). The subheaders are therefore hidden from assistive
 * technology, and each item is described by its section's heading instead, so a screen reader
 * says "Spot checks, Credit analyst" while the arrow keys still run through one flat menu.
 */
export const Menu = () => {
  const { permissions } = usePermissions<Role[]>();
  const [sidebarOpen] = useSidebarState();
  const translate = useTranslate();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="console.menu.dashboard" data-testid="menu-dashboard" />
      {/* A flat list: MUI's MenuList wants its items as direct children, not in fragments. */}
      {navigationFor(permissions).flatMap(({ key: section, items }) => {
        const slug = section.toLowerCase().replace(/_/g, '-');
        const headingId = `menu-section-heading-${slug}`;
        return [
          sidebarOpen ? (
            <ListSubheader
              key={`section-${section}`}
              id={headingId}
              aria-hidden
              disableSticky
              data-testid={`menu-section-${slug}`}
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
              aria-describedby={sidebarOpen ? headingId : undefined}
              data-testid={testId}
            />
          )),
          // Admins open Bull Board from here (issue 9 g): a button, not a route of the console.
          ...(section === 'ADMIN' ? [<QueueBoardMenuItem key="queue-board" />] : []),
        ];
      })}
    </RaMenu>
  );
};
