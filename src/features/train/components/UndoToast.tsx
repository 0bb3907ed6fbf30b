import { useEffect, useRef, type ReactNode } from 'react';

export interface UndoToastProps {
  /** What was done ("Deleted “alpha”."). */
  children: ReactNode;
  /** The Undo button's accessible name ("Undo deleting alpha"). */
  undoLabel: string;
  testId: string;
  undoTestId: string;
  /** How long the offer stays (ms). */
  undoMs: number;
  onUndo: () => void;
  /** The offer is withdrawn; `hadFocus`: its Undo held the keyboard's focus, now lost. */
  onExpire: (hadFocus: boolean) => void;
}

/**
 * "Done X. Undo", withdrawn after `undoMs`. Its Undo takes the keyboard's focus when it shows:
 * the control that was pressed has usually gone with what it acted on.
 */
export function UndoToast(props: UndoToastProps) {
  const { undoMs } = props;
  const button = useRef<HTMLButtonElement>(null);
  const expire = useRef(props.onExpire);
  useEffect(() => {
    expire.current = props.onExpire;
  });
  useEffect(() => {
    button.current?.focus();
    const timer = setTimeout(
      () => expire.current(document.activeElement === button.current),
      undoMs,
    );
    return () => clearTimeout(timer);
  }, [undoMs]);
  return (
    <div className="toast" role="status" data-testid={props.testId}>
      {props.children}{' '}
      <button
        ref={button}
        type="button"
        data-testid={props.undoTestId}
        aria-label={props.undoLabel}
        onClick={props.onUndo}
      >
        Undo
      </button>
    </div>
  );
}
