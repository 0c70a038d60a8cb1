import { Chip, Stack, Tooltip } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { usePermissions } from 'react-admin';
import { useAction } from '../useAction';
import { clearDeliveryFlag, retryDelivery, type Delivery } from './queries';

const COLORS: Partial<Record<Delivery['status'], 'success' | 'warning' | 'error' | 'info' | 'default'>> = {
  SENT: 'success',
  PRINTED: 'success',
  RETRYING: 'warning',
  AWAITING_PRINT: 'info',
  FAILED: 'error',
  FAILED_FELL_BACK_TO_POST: 'error',
};

export const DeliveryStatusChip = ({ delivery }: { delivery: Delivery }) => {
  const translate = useTranslate();
  return <Chip size="small" color={COLORS[delivery.status] ?? 'default'} label={translate(`console.deliveries.statuses.${delivery.status}`)} data-testid="delivery-status" />;
};

/** Where it went: the channel in words, and the address (a letter goes to the address on the document). */
export const DeliveryWay = ({ delivery }: { delivery: Delivery }) => {
  const translate = useTranslate();
  return (
    <span>
      {translate(`console.deliveries.channels.${delivery.channel}`)}
      {delivery.address ? ` · ${delivery.address}` : ''}
    </span>
  );
};

/** Why it is in the queue, in words, with the server's answer in a tooltip (it is the server's own text). */
export const DeliveryReason = ({ delivery }: { delivery: Delivery }) => {
  const translate = useTranslate();
  if (!delivery.flagReason && !delivery.lastError) return <span>—</span>;
  const words = delivery.flagReason ? translate(`console.deliveries.reasons.${delivery.flagReason}`, { _: delivery.flagReason }) : translate('console.deliveries.reasons.LAST_ERROR');
  const code = delivery.lastCode ? ` (${translate('console.deliveries.smtp_code', { code: delivery.lastCode })})` : '';
  return (
    <Tooltip title={delivery.lastError ?? ''}>
      <span>
        {words}
        {code}
      </span>
    </Tooltip>
  );
};

const ACTING_ROLES = ['FINANCE', 'COLLECTION'];

/** Send again (a new round of attempts by its own channel) or take off the queue: finance and collection. */
export const DeliveryActions = ({ delivery, onDone }: { delivery: Delivery; onDone?: () => void }) => {
  const { permissions } = usePermissions<string[]>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const retry = useAction(retryDelivery);
  const clear = useAction(clearDeliveryFlag);
  if (!Array.isArray(permissions) || !permissions.some((role) => ACTING_ROLES.includes(role))) return null;
  const done = (message: string) => {
    notify(message, { type: 'info' });
    void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
    refresh();
    onDone?.();
  };
  const canRetry = ['FAILED', 'FAILED_FELL_BACK_TO_POST', 'RETRYING'].includes(delivery.status);
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {canRetry && (
        <Button
          label="console.deliveries.retry"
          disabled={retry.pending}
          data-testid="delivery-retry"
          onClick={async () => {
            if ((await retry.execute(delivery.id, delivery.version)).ok) done('console.deliveries.retried');
          }}
        />
      )}
      {delivery.flagged && (
        <Button
          label="console.deliveries.clear"
          disabled={clear.pending}
          data-testid="delivery-clear"
          onClick={async () => {
            if ((await clear.execute(delivery.id, delivery.version)).ok) done('console.deliveries.cleared');
          }}
        />
      )}
    </Stack>
  );
};
