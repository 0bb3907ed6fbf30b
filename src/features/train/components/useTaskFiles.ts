import { useEffect, useState } from 'react';
import type { TaskFilesView } from '../../../protocol/episodes';

// One value, so what is computed from it (a patch's sides) is not computed again at each redraw.
const NOT_AT_HAND: TaskFilesView = { ok: false, reason: 'The task is not at hand here.' };

/**
 * The task's files from `read`, read once per reader: undefined while reading; without a reader,
 * why there are none.
 */
export function useTaskFiles(read?: () => Promise<TaskFilesView>): TaskFilesView | undefined {
  const [files, setFiles] = useState<{ from: unknown; view: TaskFilesView }>();
  useEffect(() => {
    if (!read) return;
    let live = true;
    read().then(
      (view) => live && setFiles({ from: read, view }),
      (e: unknown) =>
        live &&
        setFiles({
          from: read,
          view: {
            ok: false,
            reason: `Reading them failed: ${e instanceof Error ? e.message : String(e)}`,
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [read]);
  if (!read) return NOT_AT_HAND;
  return files?.from === read ? files.view : undefined;
}
