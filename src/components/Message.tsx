import type { ReactNode, Ref } from 'react';

/**
 * A message on a page: an error (an alert, said at once) or a notice (a status, said when the
 * reader is free), with a Dismiss button when it can be put away.
 */
export function Message({
  kind,
  testId,
  onDismiss,
  className,
  ref,
  children,
}: {
  kind: 'error' | 'notice';
  testId: string;
  onDismiss?: () => void;
  /** Added to `error` or `notice`. */
  className?: string;
  /** Given when the message takes the keyboard's focus (it is then focusable from script). */
  ref?: Ref<HTMLParagraphElement>;
  children: ReactNode;
}) {
  return (
    <p
      ref={ref}
      {...(ref ? { tabIndex: -1 } : {})}
      className={className ? `${kind} ${className}` : kind}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
      {onDismiss && (
        <>
          {' '}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}
