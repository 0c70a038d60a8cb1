import DnsIcon from '@mui/icons-material/Dns';
import { ListItemIcon, MenuItem, Tooltip, Typography } from '@mui/material';
import { useCallback } from 'react';
import { useNotify, useSidebarState, useTranslate } from 'react-admin';
import { gql } from '../graphql';
import { useAction } from '../useAction';

const OPEN_QUEUE_BOARD = `mutation OpenQueueBoard { openQueueBoard { url expiresAt } }`;

/**
 * Admins' way into Bull Board (issue 9 g): the board lives in the API under /admin/queues, and
 * the console's bearer token cannot ride on a link, so this asks the API for a one-time link
 * that signs this admin in to the board (read-only, 15 minutes) and opens it in a new tab.
 */
export const QueueBoardMenuItem = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [sidebarOpen] = useSidebarState();
  const run = useCallback(() => gql<{ openQueueBoard: { url: string; expiresAt: string } }>(OPEN_QUEUE_BOARD), []);
  const { execute, pending } = useAction(run);

  const open = async () => {
    // The tab is opened at the click, while the browser still counts it as the person's own
    // doing: one opened after the API's answer may be taken for a pop-up and blocked.
    const tab = window.open('', '_blank');
    if (!tab) {
      notify('console.queue_board.popup_blocked', { type: 'warning' });
      return;
    }
    tab.opener = null;
    const result = await execute();
    if (result.ok) tab.location.replace(new URL(result.value.openQueueBoard.url, window.location.origin).toString());
    else tab.close();
  };

  const label = translate('console.queue_board.menu');
  return (
    <Tooltip title={translate('console.queue_board.hint')} placement="right">
      {/* Looks like react-admin's own menu items (MenuItemLink), which need a route to go to. Its test id is
          not a `menu-` one: those are the routes the browser tests walk per role. */}
      <MenuItem
        onClick={open}
        disabled={pending}
        data-testid="queue-board-open"
        aria-label={label}
        sx={{ color: 'text.secondary', '& .MuiListItemIcon-root': { minWidth: 40, color: 'text.secondary' } }}
      >
        <ListItemIcon>
          <DnsIcon />
        </ListItemIcon>
        {sidebarOpen ? (
          <Typography variant="inherit" noWrap sx={{ flexGrow: 1 }}>
            {label}
          </Typography>
        ) : null}
      </MenuItem>
    </Tooltip>
  );
};
