/** A row of file names to pick one from (shown only when there is more than one). */
export function FileTabs({
  names,
  picked,
  onPick,
  label,
}: {
  /** Each file's tab text (its path, with a note such as "(new file)"). */
  names: readonly string[];
  picked: number;
  onPick: (index: number) => void;
  label: string;
}) {
  if (names.length < 2) return null;
  return (
    <div className="file-tabs" role="tablist" aria-label={label}>
      {names.map((name, i) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={i === picked}
          className={i === picked ? 'file-tab active' : 'file-tab'}
          onClick={() => onPick(i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
