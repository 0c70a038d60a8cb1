import PanToolIcon from '@mui/icons-material/PanTool';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useRecordContext } from 'react-admin';
import { OwnerChip } from './QueueColumns';
import { claimWords, useClaim, useClaimNext, type ClaimOperations, type ClaimWords, type QueueItem } from './useClaim';

/** Where the focus goes after a decision: the item page's "Claim next" (issue 11, section 6). */
export const NEXT_ITEM = '[data-next-item]';

export interface ClaimBarProps extends ClaimOperations {
  /** The item; the page's record when left out. */
  item?: QueueItem;
  /** The item is still worked (pending, open, unmatched): a closed one is neither claimed nor given back. */
  open: boolean;
  /** The signed-in person has the queue's role. */
  allowed: boolean;
  words?: ClaimWords;
  /** The buttons' test ids: `${testId}-claim`, `${testId}-release`. */
  testId: string;
  /** 'small' in a list row (the click then does not open the row). */
  size?: 'small' | 'medium';
  /** Also say who holds it (where the page does not say so already). */
  owner?: boolean;
}

/**
 * The claim bar of every queue: claim, give back, and who holds it. Claim is offered also when
 * someone else holds the item: the API then answers CONFLICT naming who has it, and that sentence
 * (in the reader's language) is what the person sees; the page then shows them.
 */
export const ClaimBar = ({ item, open, allowed, words, testId, size, owner = false, claim, release }: ClaimBarProps) => {
  const record = useRecordContext<QueueItem>();
  const target = item ?? record;
  const said = claimWords(words);
  const { mine, claim: take, release: giveBack, canRelease, pending } = useClaim(target, { claim, release }, words);
  if (!target || !open) return null;
  return (
    <>
      {owner && target.claimedBy ? <OwnerChip item={target} open={open} /> : null}
      {allowed && !mine ? (
        <Button
          label={said.claim}
          size={size}
          disabled={pending}
          data-testid={`${testId}-claim`}
          onClick={(event) => {
            // In a list row the click must not open the row; on a page it must reach the document (notices close on a click away).
            if (size === 'small') event.stopPropagation();
            void take();
          }}
        >
          <PanToolIcon />
        </Button>
      ) : null}
      {allowed && mine && canRelease ? (
        <Button
          label={said.release}
          size={size}
          disabled={pending}
          data-testid={`${testId}-release`}
          onClick={(event) => {
            if (size === 'small') event.stopPropagation();
            void giveBack();
          }}
        >
          <UndoIcon />
        </Button>
      ) : null}
    </>
  );
};

export interface ClaimNextButtonProps<T extends QueueItem> {
  claimNext: () => Promise<T | null>;
  /** The resource whose page opens the claimed item. */
  resource: string;
  allowed: boolean;
  words?: ClaimWords;
  testId: string;
  /**
   * On an item's page: the way on after a decision, outlined, and where the focus is put then
   * (NEXT_ITEM), so a clerk goes on with Enter. On a list: the queue's main button.
   */
  nextItem?: boolean;
}

/** Claims the oldest item of the queue nobody holds and opens it. */
export const ClaimNextButton = <T extends QueueItem>({ claimNext, resource, allowed, words, testId, nextItem = false }: ClaimNextButtonProps<T>) => {
  const said = claimWords(words);
  const { next, pending } = useClaimNext(claimNext, resource, words);
  if (!allowed) return null;
  return (
    <Button
      label={said.claimNext}
      variant={nextItem ? 'outlined' : 'contained'}
      disabled={pending}
      data-testid={testId}
      data-next-item={nextItem ? '' : undefined}
      onClick={() => void next()}
    >
      <PlaylistAddCheckIcon />
    </Button>
  );
};
