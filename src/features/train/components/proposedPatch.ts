/**
 * The edits an answer proposed, as a patch, for an answer whose edits were not applied when it
 * was graded (a composite's edit outside the files its localization named, say): what they
 * would have changed, worked out again from the answer's text and the task's files.
 */
import { applyEdits } from '../../../core/answers/apply';
import { parseAnswer } from '../../../core/answers/text';
import type { Answer, Edit } from '../../../core/answers/types';
import { diffFiles } from '../../../core/vfs';
import { errorText } from '../../../protocol/errorText';

/** The edits of an answer's text (an edit answer's, or a composite's edit steps), in order. */
export function proposedEdits(answerText: string): Edit[] {
  const edits = (a: Answer): Edit[] =>
    a.kind === 'edits' ? a.edits : a.kind === 'steps' ? a.steps.flatMap(edits) : [];
  try {
    return edits(parseAnswer(answerText));
  } catch {
    return [];
  }
}

/** Those edits applied to the task's files, as a patch; or why they do not apply. */
export function proposedPatch(
  files: Readonly<Record<string, string>>,
  edits: readonly Edit[],
): { patch: string } | { error: string } {
  try {
    return { patch: diffFiles(files, applyEdits(files, edits)) };
  } catch (error) {
    return { error: errorText(error) };
  }
}
