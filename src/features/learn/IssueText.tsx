import { Fragment } from 'react';

/**
 * An issue's text as a person reads it: Markdown's inline `code` shown as code, without the
 * backticks (a backtick with no partner on its line stays as written). Everything else is kept
 * as the policy's prompt has it, spacing and line breaks included.
 */
export function IssueText({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <pre className="episode-prompt-body" data-testid="learn-issue-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </pre>
  );
}
