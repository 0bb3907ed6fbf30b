import type { Task } from '../core/tasks/types';
import { encodeTask } from '../policy/encode/observation';
import { buildVocabulary, vocabularyFromWords, type Vocabulary } from '../policy/encode/vocab';

/** The vocabulary from the training split's observations (unknown words are reached by copying). */
export function vocabularyForTasks(
  tasks: readonly Task[],
  size: number,
  maxObsLen: number,
): Vocabulary {
  const empty = vocabularyFromWords([]);
  const counts = new Map<string, number>();
  for (const task of tasks) {
    for (const text of encodeTask(task, empty, maxObsLen).texts)
      counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return buildVocabulary(counts, size);
}
