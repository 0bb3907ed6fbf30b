import { useMemo } from 'react';
import type { TaskFilesView } from '../../protocol/episodes';
import type { PlayTask } from '../../protocol/learn';

/** A reader of a task's files for the shared file views (they are at hand: no worker call). */
export function useFilesReader(task: PlayTask): () => Promise<TaskFilesView> {
  return useMemo(
    () => () =>
      Promise.resolve({
        ok: true,
        files: task.files,
        ...(task.focus ? { focus: task.focus } : {}),
        ...(task.graders ? { graders: task.graders } : {}),
      }),
    [task],
  );
}
