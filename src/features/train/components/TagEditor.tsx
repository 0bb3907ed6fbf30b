import { useId, useState } from 'react';

/** The longest tag (characters): a label to filter and group runs by, not a note. */
export const MAX_TAG_LENGTH = 40;

/** Why a tag typed cannot be added, or null. */
export function tagProblem(tag: string): string | null {
  const length = [...tag].length;
  return length > MAX_TAG_LENGTH
    ? `A tag holds at most ${MAX_TAG_LENGTH} characters; this one has ${length}. Shorten it (Escape clears it).`
    : null;
}

interface Props {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** Names the run in accessible labels. */
  runName: string;
}

/** Tags as removable chips, and a small input that adds one on Enter (or on leaving it). */
export function TagEditor({ tags, onChange, runName }: Props) {
  const [draft, setDraft] = useState('');
  // Set when adding was refused: the text stays in the input, with the reason beside it.
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const add = () => {
    const tag = draft.trim();
    const refused = tagProblem(tag);
    setProblem(refused);
    if (refused) return;
    setDraft('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {/* A long tag (an imported run's, say) ends in "…", whole on hover. */}
          <span className="tag-text" title={tag}>
            {tag}
          </span>
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
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // The reason goes once the tag is short enough.
          if (problem) setProblem(tagProblem(e.target.value.trim()));
        }}
        // A tag typed and left is kept, as if confirmed with Enter.
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
          if (e.key === 'Escape' && draft) {
            setDraft('');
            setProblem(null);
          }
        }}
      />
      {problem && (
        <span id={problemId} className="field-error error tag-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
