/**
 * Which tab trains a run: its trainer holds a Web Lock named for the run while the run goes,
 * released when the run ends or its tab (and worker) goes. A tab that opens meanwhile sees the
 * lock held and leaves the run alone (not "interrupted", not resumed or deleted twice).
 */
const PREFIX = 'atomic-skills-lab:run:';

const lockManager = (): LockManager | null =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;

/**
 * Takes the run's lock, resolving with its release once held; refused when another tab holds
 * it. Where the browser has no locks (Node), nothing is held.
 */
export function holdRunLock(runId: string): Promise<() => void> {
  const manager = lockManager();
  if (!manager) return Promise.resolve(() => {});
  return new Promise((granted, refused) => {
    manager
      .request(`${PREFIX}${runId}`, { ifAvailable: true }, (lock) => {
        if (!lock) {
          refused(
            new Error(
              'This run is training in another tab of this browser: pause, stop or resume it there.',
            ),
          );
          return;
        }
        return new Promise<void>((release) => granted(release));
      })
      .catch(refused);
  });
}

/** The runs whose lock a tab of this browser holds now (training there, or a reloaded tab's
 * worker not yet gone: see `whenRunFree`). */
export async function heldRunIds(): Promise<Set<string>> {
  const manager = lockManager();
  if (!manager) return new Set();
  const { held = [] } = await manager.query();
  return new Set(
    held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])),
  );
}

/**
 * Resolves once no tab holds the run's lock: the tab that trained it has ended the run, closed,
 * or (a reload) let its old worker go. Asked in a queue, the lock is let go at once.
 */
export function whenRunFree(runId: string): Promise<void> {
  const manager = lockManager();
  if (!manager) return Promise.resolve();
  return manager.request(`${PREFIX}${runId}`, () => undefined).then(() => undefined);
}
