import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  id: string;
  name: string;
  onRename: (name: string) => void;
  /**
   * The runs' names (its own may be among them): a new name one of them has is not taken (pickers
   * and lists show names).
   */
  taken?: ReadonlySet<string>;
}

/** Why an edit left an empty name: the run keeps the one it had. */
export const emptyNameProblem = (name: string): string =>
  `A run’s name can’t be empty: it keeps its name “${name}”.`;

/** Why an edit gave the name another run has: the run keeps the one it had. */
export const takenNameProblem = (name: string, taken: string): string =>
  `Another run is named “${taken}”, and lists and pickers tell runs apart by name: it keeps its name “${name}”.`;

/**
 * A run's name; the pencil turns it into an input (Enter or leaving saves, Escape cancels). An
 * empty name, or another run's, is not saved: the edit ends, and why is said beside the name
 * until the next edit.
 */
export function RunName({ id, name, onRename, taken }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  // Escape must win over the blur that removing the focused input may fire.
  const cancelled = useRef(false);
  // Enter or Escape ends the edit from the keyboard: the focus goes back to the pencil (the
  // input it was in is gone). Leaving the input (Tab, a click) keeps the focus where it went.
  const back = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (draft !== null || !back.current) return;
    back.current = false;
    button.current?.focus();
  }, [draft]);
  if (draft === null)
    return (
      <span className="run-name">
        <span className="run-name-text" title={name}>
          {name}
        </span>{' '}
        <button
          ref={button}
          type="button"
          className="icon-button"
          data-testid={`rename-${id}`}
          aria-label={`Rename ${name}`}
          aria-describedby={problem ? problemId : undefined}
          title="Rename"
          onClick={() => {
            cancelled.current = false;
            setProblem(null);
            setDraft(name);
          }}
        >
          ✎
        </button>
        {problem && (
          <span
            id={problemId}
            className="field-error error rename-problem"
            role="alert"
            data-testid={`rename-problem-${id}`}
          >
            {problem}
          </span>
        )}
      </span>
    );
  const commit = () => {
    if (cancelled.current) return;
    cancelled.current = true;
    const next = draft.trim();
    setDraft(null);
    const problem = !next
      ? emptyNameProblem(name)
      : next !== name && taken?.has(next)
        ? takenNameProblem(name, next)
        : null;
    setProblem(problem);
    if (!problem && next !== name) onRename(next);
  };
  return (
    <input
      autoFocus
      data-testid={`rename-input-${id}`}
      aria-label={`New name for ${name}`}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // Else the same key press would click the pencil the focus is given back to.
          e.preventDefault();
          back.current = true;
          commit();
        }
        if (e.key === 'Escape') {
          back.current = true;
          cancelled.current = true;
          setDraft(null);
        }
      }}
    />
  );
}
