import { describe, expect, it } from 'vitest';
import { stoppingNote } from './stopping';

describe('stoppingNote', () => {
  it('says an evaluation under way finishes first, and what follows it', () => {
    expect(stoppingNote({ phase: 'eval', detail: 'test at step 40' })).toBe(
      'Stopping: the test evaluation under way (test at step 40) finishes first, so its scores are kept; then the run ends as stopped.',
    );
    expect(stoppingNote({ phase: 'eval', detail: 'val at step 20' })).toMatch(
      /^Stopping: the validation under way \(val at step 20\) finishes, then the final test evaluation gives the run its scores/,
    );
  });

  it('says a step ends first, then the final evaluations; a stop in the warm start or before it keeps nothing to evaluate', () => {
    expect(stoppingNote({ phase: 'rl' })).toMatch(
      /^Stopping after the step under way: the final validation and test evaluation then give the run its scores/,
    );
    expect(stoppingNote({ phase: 'warm-start' })).toMatch(
      /^Stopping after the warm start’s batch under way: nothing of the warm start is kept/,
    );
    expect(stoppingNote({ phase: 'done' })).toMatch(/the final evaluation is done/);
    expect(stoppingNote(null)).toMatch(
      /^Stopping once the run's tasks are ready: a run that has trained no step yet ends there/,
    );
  });
});
