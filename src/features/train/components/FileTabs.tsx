import { onTabListKey } from '../../../components/tabKeys';

/** A file offered to pick: its path, and a note after it such as " (new file)". */
export interface FileTab {
  path: string;
  note?: string;
}

/**
 * A row of files to pick one from; with one file, its name alone (nothing to pick), and with
 * none, nothing.
 */
export function FileTabs({
  files,
  picked,
  onPick,
  label,
}: {
  files: readonly FileTab[];
  picked: number;
  onPick: (index: number) => void;
  label: string;
}) {
  const only = files.length === 1 ? files[0] : undefined;
  if (only)
    return (
      <p className="file-name">
        <code>{only.path}</code>
        {only.note}
      </p>
    );
  if (files.length === 0) return null;
  return (
    <div className="file-tabs" role="tablist" aria-label={label} onKeyDown={onTabListKey}>
      {files.map((f, i) => (
        <button
          key={f.path}
          type="button"
          role="tab"
          aria-selected={i === picked}
          tabIndex={i === picked ? 0 : -1}
          className={i === picked ? 'file-tab active' : 'file-tab'}
          onClick={() => onPick(i)}
        >
          {f.path}
          {f.note}
        </button>
      ))}
    </div>
  );
}
