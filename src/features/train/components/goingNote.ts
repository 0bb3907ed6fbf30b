import type { RunSummary } from '../../../protocol/training';

/**
 * Why the form cannot start a run while another is going, and what does free it: only a run
 * that has ended (stopped, done) lets another start; a paused run still holds the worker.
 */
export function goingRunNote(run: Pick<RunSummary, 'name' | 'status'>): string {
  const name = `"${run.name}"`;
  switch (run.status) {
    case 'paused':
      return `${name} is paused: Resume it to go on, or Stop it to start another run (one run at a time).`;
    case 'preparing':
      return `${name} is building its tasks: Stop it to start another run, or wait for it to end (one run at a time).`;
    default:
      return `${name} is training: Stop it to start another run, or wait for it to end (one run at a time).`;
  }
}
