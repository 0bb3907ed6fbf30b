import { describe, expect, it } from 'vitest';
import type { RunEpisodeSummary } from '../../protocol/episodes';
import { answerBatches } from './policyAnswers';

const episode = (
  id: number,
  runId: string,
  source: RunEpisodeSummary['source'],
  step: number,
  answerText: string,
  reward: number,
  sampleIndex = 0,
): RunEpisodeSummary => ({
  id,
  runId,
  source,
  step,
  kind: 'bugfix',
  taskId: 'bugfix:p:1',
  groupIndex: 0,
  sampleIndex,
  reward,
  advantage: 0,
  answerText,
  tokens: 3,
  logProb: -1,
});

describe('runs’ answers to one task, by batch', () => {
  it('counts each distinct answer, averages the rewards, and links the batch’s first episode', () => {
    const [batch] = answerBatches([
      episode(12, 'r1', 'test', 40, 'FILES a.js END', 1, 1),
      episode(11, 'r1', 'test', 40, 'FILES b.js END', 0, 0),
      episode(13, 'r1', 'test', 40, 'FILES a.js END', 1, 2),
    ]);
    expect(batch).toEqual({
      runId: 'r1',
      source: 'test',
      step: 40,
      when: 'test evaluation after 40 steps',
      answers: [
        { text: 'FILES b.js END', count: 1, reward: 0 },
        { text: 'FILES a.js END', count: 2, reward: 1 },
      ],
      meanReward: 2 / 3,
      firstEpisode: 11,
    });
  });

  it('orders runs as given (unknown ones last), each test evaluation before its training steps', () => {
    const batches = answerBatches(
      [
        episode(1, 'old', 'train', 5, 'x', 0),
        episode(2, 'gone', 'test', 9, 'x', 0),
        episode(3, 'new', 'train', 10, 'x', 0),
        episode(4, 'new', 'train', 5, 'x', 0),
        episode(5, 'new', 'test', 20, 'x', 1),
      ],
      ['new', 'old'],
    );
    expect(batches.map((b) => `${b.runId} ${b.when}`)).toEqual([
      'new test evaluation after 20 steps',
      'new step 5',
      'new step 10',
      'old step 5',
      'gone test evaluation after 9 steps',
    ]);
  });
});
