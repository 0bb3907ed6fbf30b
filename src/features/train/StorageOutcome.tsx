import { forwardRef } from 'react';
import type { StorageOutcome } from '../../bridge/storage';
import { Message } from '../../components/Message';
import { UndoToast } from './components/UndoToast';

interface Props {
  outcome: StorageOutcome;
  undoMs: number;
  onUndo: () => void;
  /** The Undo is withdrawn; `hadFocus`: it held the keyboard's focus. */
  onUndoExpired: (hadFocus: boolean) => void;
  onDismiss: () => void;
}

/**
 * What the last storage action came to, in the Storage panel: a drop of episodes with its Undo
 * (which takes the focus), anything else as a message that takes it when the action's button
 * has lost it (the buttons are disabled while an action runs).
 */
export const StorageOutcomeView = forwardRef<HTMLParagraphElement, Props>(
  function StorageOutcomeView({ outcome, undoMs, onUndo, onUndoExpired, onDismiss }, ref) {
    if (outcome.undo)
      return (
        <UndoToast
          testId="storage-outcome"
          undoTestId="undo-drop-episodes"
          undoLabel="Undo dropping the episodes"
          undoMs={undoMs}
          onUndo={onUndo}
          onExpire={onUndoExpired}
        >
          {outcome.text}
        </UndoToast>
      );
    return (
      <Message
        ref={ref}
        kind={outcome.kind === 'error' ? 'error' : 'notice'}
        testId="storage-outcome"
        onDismiss={onDismiss}
      >
        {outcome.text}
      </Message>
    );
  },
);
