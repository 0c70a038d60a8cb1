import { useListContext, useRecordContext } from 'react-admin';
import { ClaimBar, ClaimNextButton as QueueClaimNextButton } from '../common/queue/ClaimBar';
import { useHolds, type ClaimWords } from '../common/queue/useClaim';
import { useHasRole } from '../common/roles';
import { dataProvider } from '../dataProvider';
import type { ClientApplication } from '../types';

/** The applications queue on the common queue parts (common/queue): its mutations and its words. */
const claim = (id: string) => dataProvider.claimClientApplication(id);
const release = (id: string) => dataProvider.releaseClientApplication(id);
const words: ClaimWords = {
  claim: 'console.applications.claim',
  release: 'console.applications.release',
  claimNext: 'console.applications.claim_next',
  claimed: 'console.applications.claimed',
  released: 'console.applications.released',
  noneWaiting: 'console.applications.none_waiting',
};

/** Whether the signed-in analyst holds this application. */
export const useHoldsApplication = (record: ClientApplication | undefined) => useHolds(record);

/** Take or give back the application (pending only); someone else's is answered by the API's CONFLICT naming them. */
export const ApplicationClaimBar = ({ size }: { size?: 'small' | 'medium' }) => {
  const record = useRecordContext<ClientApplication>();
  const analyst = useHasRole('CREDIT_ANALYST');
  return (
    <ClaimBar
      open={record?.state === 'PENDING'}
      allowed={analyst}
      words={words}
      testId="application"
      size={size}
      claim={claim}
      release={release}
    />
  );
};

/** Claims the oldest pending application nobody holds (in the country filtered on) and opens it. */
export const ClaimNextButton = () => {
  const { filterValues } = useListContext();
  return <ClaimNextApplication country={(filterValues?.country as string | undefined) || undefined} />;
};

/**
 * The same on an application's page (`nextItem`): the way on to the next one once this is decided,
 * where the focus goes after a decision, so the queue is worked from the keyboard.
 */
export const ClaimNextApplication = ({ country, nextItem = false }: { country?: string; nextItem?: boolean }) => {
  const analyst = useHasRole('CREDIT_ANALYST');
  return (
    <QueueClaimNextButton
      claimNext={() => dataProvider.claimNextClientApplication(country)}
      resource="client-applications"
      allowed={analyst}
      words={words}
      testId={nextItem ? 'application-claim-next' : 'applications-claim-next'}
      nextItem={nextItem}
    />
  );
};
