import type { PlayTask } from '../../protocol/learn';

/**
 * A code-editing task for the Learn panels' tests: one file, its focus line, and an answer
 * space of edits only (at most `maxEdits`).
 */
export function editingTask(
  path: string,
  code: string,
  {
    line,
    body,
    title = 'Fix it',
    maxEdits = 1,
  }: { line: number; body: string; title?: string; maxEdits?: number },
): PlayTask {
  return {
    id: 'edit:money:1',
    kind: 'editing',
    split: 'test',
    project: 'money',
    prompt: { title, body },
    files: { [path]: code },
    focus: { file: path, startLine: line },
    space: {
      files: [path],
      literals: [],
      functions: [],
      maxCases: 0,
      expectRequired: false,
      maxEdits,
      replacements: [],
      insertLines: [],
    },
  };
}
