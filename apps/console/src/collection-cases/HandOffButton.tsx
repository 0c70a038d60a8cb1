import OutboxIcon from '@mui/icons-material/Outbox';
import { Button, useNotify, useRedirect } from 'react-admin';
import { useHasRole } from '../common/roles';
import { useAction } from '../useAction';
import { handOffToCollection } from './queries';

/**
 * Hands a collection-ready invoice to collection (issue 15 s.5), from the overdue queue's row:
 * the API opens the case (refusing a paid, disputed or already handed-off invoice with words of
 * its own) and the case's page opens. Collection staff only.
 */
export const HandOffButton = ({ invoiceId }: { invoiceId: string }) => {
  const collection = useHasRole('COLLECTION');
  const notify = useNotify();
  const redirect = useRedirect();
  const { execute, pending } = useAction(handOffToCollection);
  if (!collection) return null;
  return (
    <Button
      label="console.collection_cases.hand_off"
      size="small"
      disabled={pending}
      data-testid="hand-off"
      onClick={async (event) => {
        event.stopPropagation();
        const result = await execute(invoiceId);
        if (result.ok && result.value) {
          notify('console.collection_cases.handed_off', { type: 'info' });
          redirect('show', 'collection-cases', result.value.id);
        }
      }}
    >
      <OutboxIcon />
    </Button>
  );
};
