import { renderAnswer } from '../core/answers/text';
import type { Edit } from '../core/answers/types';
import { parseModule } from '../core/js/parse';
import { tokenize } from '../core/js/tokens';
import { fixEditsBetween } from '../core/tasks/tokenFix';
import type { AnswerSpace } from '../core/tasks/types';

/** What turning new file texts into edits needs of a task: its files and its edit limit. */
export interface EditableTask {
  files: Readonly<Record<string, string>>;
  space: Pick<AnswerSpace, 'maxEdits'>;
}

/**
 * Changes to a task's files (a person's in the editor, a model's diff applied), written in the
 * answer language, or why they cannot be.
 */
export type EditAnswer =
  | {
      ok: true;
      text: string;
      edits: Edit[];
      /** The edited files that do not parse: the answer stands, but the tests will not load. */
      warning?: string;
    }
  | { ok: false; reason: string; empty?: boolean };

const sameTokens = (a: string, b: string): boolean => {
  const values = (s: string) =>
    tokenize(s)
      .map((t) => t.value)
      .join('\u0000');
  return values(a) === values(b);
};

/**
 * Writes the changes a person made to the task's files (`edited`: path to new text) as the edits
 * of an answer, as a policy would have to spell them: token replacements where they do, whole
 * lines deleted and inserted where not, at most the task's `maxEdits` in all. Spacing and
 * comments are not part of an answer. Says what is wrong when the change cannot be written.
 */
export function editAnswer(
  task: EditableTask,
  edited: Readonly<Record<string, string>>,
): EditAnswer {
  const edits: Edit[] = [];
  const unparsed: string[] = [];
  for (const path of Object.keys(edited).sort()) {
    const before = task.files[path];
    const after = edited[path]!;
    if (before === undefined || before === after) continue;
    try {
      tokenize(after);
    } catch (error) {
      return {
        ok: false,
        reason: `${path} does not read as JavaScript (${(error as Error).message}): fix that first.`,
      };
    }
    if (sameTokens(before, after)) continue;
    const left = task.space.maxEdits - edits.length;
    const found = left > 0 ? fixEditsBetween(path, before, after, { maxEdits: left }) : null;
    if (!found)
      return {
        ok: false,
        reason: `The change to ${path} takes more edits than an answer may hold (${task.space.maxEdits} in all, each one token replaced or one line deleted or inserted): change less.`,
      };
    edits.push(...found);
    try {
      parseModule(after);
    } catch (error) {
      unparsed.push(`${path} (${(error as Error).message})`);
    }
  }
  if (edits.length === 0)
    return {
      ok: false,
      empty: true,
      reason: 'No change yet (spacing and comments do not count): edit the code above.',
    };
  const text = renderAnswer({ kind: 'edits', edits });
  if (unparsed.length === 0) return { ok: true, text, edits };
  return {
    ok: true,
    text,
    edits,
    warning: `Does not parse as JavaScript: ${unparsed.join('; ')}. You may still check it: the sandbox will say what that does to the tests.`,
  };
}
