import type { TaskFilesView } from '../../../protocol/episodes';
import { CodeBlock, PatchFiles } from './CodeBlock';

/**
 * How each line of a unified diff reads: a file's header (from `diff --git` to its first hunk),
 * a hunk header, an added or a removed line, or context. Within a hunk a removed line that
 * reads "--- x" is a removed line, not a header.
 */
function diffLineClasses(lines: readonly string[]): (string | undefined)[] {
  let header = false;
  return lines.map((line) => {
    if (line.startsWith('diff --git')) header = true;
    else if (line.startsWith('@@')) header = false;
    if (header) return 'diff-file';
    if (line.startsWith('@@')) return 'diff-hunk';
    if (line.startsWith('+')) return 'diff-add';
    if (line.startsWith('-')) return 'diff-del';
    return undefined;
  });
}

/** A unified diff, a block per line (every line has its +, - or space), changes marked. */
export function Diff({ text, testId }: { text: string; testId: string }) {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const classes = diffLineClasses(lines);
  return (
    <pre className="episode-code episode-diff" data-testid={testId}>
      {lines.map((line, i) => (
        <span key={i} className={classes[i]}>
          {line}
        </span>
      ))}
    </pre>
  );
}

/** A patch side by side in the editor, or as a unified diff. */
export function Patch({
  patch,
  readFiles,
  testId,
  textTestId,
}: {
  patch: string;
  readFiles: (() => Promise<TaskFilesView>) | undefined;
  testId: string;
  textTestId: string;
}) {
  return (
    <CodeBlock
      editor={<PatchFiles patch={patch} testId={testId} {...(readFiles ? { readFiles } : {})} />}
      text={<Diff text={patch} testId={textTestId} />}
    />
  );
}
