import BackHandIcon from '@mui/icons-material/BackHand';
import LowPriorityIcon from '@mui/icons-material/LowPriority';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { useCallback } from 'react';
import {
  Button,
  useGetIdentity,
  useListContext,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
} from 'react-admin';
import { useHasRole } from '../common/roles';
import { dataProvider } from '../dataProvider';
import type { ClientApplication } from '../types';
import { useAction } from '../useAction';

/** Whether the signed-in analyst holds this application. */
export const useHoldsApplication = (record: ClientApplication | undefined) => {
  const { identity } = useGetIdentity();
  return !!record?.claimedBy && record.claimedBy.id === identity?.id;
};

/**
 * Takes the application. Shown also when someone else holds it: the API then answers
 * CONFLICT naming who has it, and that sentence is what the analyst sees.
 */
export const ClaimButton = ({ size }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<ClientApplication>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsApplication(record);
  const notify = useNotify();
  const refresh = useRefresh();
  const claim = useCallback((id: string) => dataProvider.claimClientApplication(id), []);
  const { execute, pending } = useAction(claim);
  if (!record || !analyst || record.state !== 'PENDING' || mine) return null;
  return (
    <Button
      label="console.applications.claim"
      size={size}
      disabled={pending}
      data-testid="application-claim"
      onClick={async (event) => {
        event.stopPropagation();
        const result = await execute(record.id);
        if (result.ok) notify('console.applications.claimed', { type: 'info' });
        // Claimed or decided meanwhile: the API's message is shown; the page then shows by whom.
        if (result.ok || result.code === 'CONFLICT') refresh();
      }}
    >
      <BackHandIcon />
    </Button>
  );
};

export const ReleaseButton = ({ size }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<ClientApplication>();
  const analyst = useHasRole('CREDIT_ANALYST');
  const mine = useHoldsApplication(record);
  const notify = useNotify();
  const refresh = useRefresh();
  const release = useCallback((id: string) => dataProvider.releaseClientApplication(id), []);
  const { execute, pending } = useAction(release);
  if (!record || !analyst || record.state !== 'PENDING' || !mine) return null;
  return (
    <Button
      label="console.applications.release"
      size={size}
      disabled={pending}
      data-testid="application-release"
      onClick={async (event) => {
        event.stopPropagation();
        const result = await execute(record.id);
        if (result.ok) notify('console.applications.released', { type: 'info' });
        if (result.ok || result.code === 'CONFLICT') refresh();
      }}
    >
      <LowPriorityIcon />
    </Button>
  );
};

/** Claims the oldest pending application nobody holds (in the country filtered on) and opens it. */
export const ClaimNextButton = () => {
  const analyst = useHasRole('CREDIT_ANALYST');
  const { filterValues } = useListContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const claimNext = useCallback((country?: string) => dataProvider.claimNextClientApplication(country), []);
  const { execute, pending } = useAction(claimNext);
  if (!analyst) return null;
  return (
    <Button
      label="console.applications.claim_next"
      variant="contained"
      disabled={pending}
      data-testid="applications-claim-next"
      onClick={async () => {
        const result = await execute(filterValues?.country || undefined);
        if (!result.ok) return;
        if (!result.value) {
          notify('console.applications.none_waiting', { type: 'info' });
          return;
        }
        notify('console.applications.claimed', { type: 'info' });
        redirect('show', 'client-applications', result.value.id);
      }}
    >
      <PlaylistAddCheckIcon />
    </Button>
  );
};
