import type { Ref } from 'react';

/** A button that opens files (a label around a hidden file input); hands over what was picked. */
export function FileButton({
  label,
  testId,
  accept,
  multiple = false,
  title,
  onFiles,
  inputRef,
}: {
  label: string;
  testId: string;
  accept: string;
  multiple?: boolean;
  title?: string;
  onFiles: (files: File[]) => void;
  /** The file input, to give it the keyboard's focus. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label className="button-like" {...(title ? { title } : {})}>
      {label}
      <input
        ref={inputRef}
        type="file"
        className="sr-only"
        data-testid={testId}
        accept={accept}
        multiple={multiple}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared, so picking the same file again is seen.
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
