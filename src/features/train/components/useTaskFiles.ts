import type { TaskFilesView } from '../../../protocol/episodes';
import { useRead } from '../../../components/useRead';

// One value, so what is computed from it (a patch's sides) is not computed again at each redraw.
const NOT_AT_HAND: TaskFilesView = { ok: false, reason: 'The task is not at hand here.' };

const failed = (reason: string): TaskFilesView => ({ ok: false, reason });

/**
 * The task's files from `read`, read once per reader: undefined while reading; without a reader,
 * why there are none.
 */
export function useTaskFiles(read?: () => Promise<TaskFilesView>): TaskFilesView | undefined {
  const view = useRead(read ?? null, failed, "the task's files");
  return read ? view : NOT_AT_HAND;
}
