import { useState } from 'react';

interface Props {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** Names the run in accessible labels. */
  runName: string;
}

/** Tags as removable chips, and a small input that adds one on Enter (or on leaving it). */
export function TagEditor({ tags, onChange, runName }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim();
    setDraft('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove tag ${tag} from ${runName}`}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        placeholder="+ tag"
        aria-label={`Add a tag to ${runName}`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        // A tag typed and left is kept, as if confirmed with Enter.
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
