import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { focusAfterDecision } from '../a11y';
import { ReasonDialogButton, type ReasonDialogProps } from '../ReasonDialog';
import { NEXT_ITEM } from './ClaimBar';

export interface DecisionButtonProps extends Omit<ReasonDialogProps, 'onDone' | 'title' | 'success'> {
  /** The dialog's title, translated with `args` (the item's number, name). */
  title: string;
  /** The notice after the decision, translated with `args`. */
  success: string;
  args?: Record<string, unknown>;
  /**
   * A decision that closes the item goes straight on to the queue's next item (useGoOn): given what
   * the API answered and the notice's sentence, it returns whether it went on. Left out, or when it
   * did not go on, the notice is shown and the page reloaded.
   */
  goOn?: (value: unknown, said: string) => Promise<boolean>;
}

/**
 * One decision of a queue item, with its note (the reason dialog): approve, deny, ask, a call's
 * outcome, resolve, escalate. From the keyboard: the button, then type, then Enter; afterwards
 * the focus goes on to the next item's "Claim next" (NEXT_ITEM), not back to this button, which
 * the decision may have removed.
 */
export const DecisionButton = ({
  title,
  success,
  args,
  goOn,
  fieldLabel = 'console.queue.note',
  fieldTestId = 'note',
  maxLength = 2000,
  ...rest
}: DecisionButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <ReasonDialogButton
      inRow={false}
      {...rest}
      title={translate(title, args)}
      success={success}
      fieldLabel={fieldLabel}
      fieldTestId={fieldTestId}
      maxLength={maxLength}
      onDone={async (value) => {
        if (goOn && (await goOn(value, translate(success, args)))) return;
        notify(success, { type: 'info', messageArgs: args });
        refresh();
        focusAfterDecision(NEXT_ITEM, `[data-testid="${rest.testId}"]`);
      }}
    />
  );
};
