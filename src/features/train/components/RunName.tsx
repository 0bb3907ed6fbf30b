import { useRef, useState } from 'react';

interface Props {
  id: string;
  name: string;
  onRename: (name: string) => void;
}

/** A run's name; the pencil turns it into an input (Enter or leaving saves, Escape cancels). */
export function RunName({ id, name, onRename }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  // Escape must win over the blur that removing the focused input may fire.
  const cancelled = useRef(false);
  if (draft === null)
    return (
      <span className="run-name">
        <span className="run-name-text" title={name}>
          {name}
        </span>{' '}
        <button
          type="button"
          className="icon-button"
          data-testid={`rename-${id}`}
          aria-label={`Rename ${name}`}
          title="Rename"
          onClick={() => {
            cancelled.current = false;
            setDraft(name);
          }}
        >
          ✎
        </button>
      </span>
    );
  const commit = () => {
    if (cancelled.current) return;
    cancelled.current = true;
    const next = draft.trim();
    setDraft(null);
    if (next && next !== name) onRename(next);
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
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          cancelled.current = true;
          setDraft(null);
        }
      }}
    />
  );
}
