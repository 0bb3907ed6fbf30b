import type { LiveInfo } from '../../../state/trainSlice';

const THEN_EVALUATED =
  'the final validation and test evaluation then give the run its scores, and it ends as stopped.';

/**
 * What a run asked to stop still does before it ends, by what it was doing when asked: Stop
 * acts between steps (and the warm start's batches), and an evaluation under way finishes (a
 * stopped run keeps its scores).
 */
export function stoppingNote(stage: LiveInfo['stage']): string {
  if (stage?.phase === 'eval') {
    const what = stage.detail ? ` (${stage.detail})` : '';
    return stage.detail?.startsWith('test')
      ? `Stopping: the test evaluation under way${what} finishes first, so its scores are kept; then the run ends as stopped.`
      : `Stopping: the validation under way${what} finishes, then the final test evaluation gives the run its scores, and it ends as stopped.`;
  }
  if (stage?.phase === 'done')
    return 'Stopping: the final evaluation is done; the run is being saved.';
  if (stage?.phase === 'rl') return `Stopping after the step under way: ${THEN_EVALUATED}`;
  // Stop acts between the warm start's batches too; a run stopped before its first step has
  // nothing RL-trained to evaluate.
  if (stage?.phase === 'warm-start')
    return 'Stopping after the warm start’s batch under way: nothing of the warm start is kept (Resume starts it again), and the run ends as stopped.';
  return "Stopping once the run's tasks are ready: a run that has trained no step yet ends there with nothing to evaluate; one resumed after steps gets its final validation and test evaluation first. It then ends as stopped.";
}
