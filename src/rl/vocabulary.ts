import type { Task } from '../core/tasks/types';
import { encodeTask } from '../policy/encode/observation';
import { buildVocabulary, vocabularyFromWords, type Vocabulary } from '../policy/encode/vocab';

/**
 * Projects a word must occur in to get its own id. Validation and test tasks come from projects
 * training never sees, so a project's own names (`setByPath`, `chunk`) are left to the anonymous
 * slots in training too: the model then learns to match a name by identity within the
 * observation, which carries over to new projects, instead of memorising one project's names.
 */
export const VOCAB_MIN_PROJECTS = 3;

/**
 * The vocabulary from the training split's observations: words shared by at least
 * `VOCAB_MIN_PROJECTS` projects (or all of them, when the split has fewer), most frequent first.
 */
export function vocabularyForTasks(
  tasks: readonly Task[],
  size: number,
  maxObsLen: number,
): Vocabulary {
  const empty = vocabularyFromWords([]);
  const counts = new Map<string, number>();
  const projects = new Map<string, Set<string>>();
  for (const task of tasks) {
    for (const text of encodeTask(task, empty, maxObsLen).texts) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
      let seen = projects.get(text);
      if (!seen) projects.set(text, (seen = new Set()));
      seen.add(task.project);
    }
  }
  const minProjects = Math.min(VOCAB_MIN_PROJECTS, new Set(tasks.map((t) => t.project)).size);
  for (const [text, seen] of projects) if (seen.size < minProjects) counts.delete(text);
  return buildVocabulary(counts, size);
}
