import { batchName, type RunEpisodeSummary } from '../../protocol/episodes';

/** One batch of a run's answers to a task: a test evaluation's k answers, or a training group. */
export interface AnswerBatch {
  runId: string;
  source: RunEpisodeSummary['source'];
  step: number;
  /** "test evaluation after 200 steps", "step 35". */
  when: string;
  /** Each distinct answer with how often it was given and its reward. */
  answers: { text: string; count: number; reward: number }[];
  meanReward: number;
  /** An episode of the batch, to open in the trace viewer. */
  firstEpisode: number;
}

const SOURCE_ORDER: Record<RunEpisodeSummary['source'], number> = { test: 0, val: 1, train: 2 };

/**
 * Runs' stored answers to one task, by batch: each run's test evaluation first, then its
 * validations and sampled training steps by step; runs in `runOrder` (unknown runs last).
 */
export function answerBatches(
  rows: readonly RunEpisodeSummary[],
  runOrder: readonly string[] = [],
): AnswerBatch[] {
  const batches = new Map<string, RunEpisodeSummary[]>();
  for (const r of rows) {
    const key = `${r.runId}\u0000${r.source}\u0000${r.step}`;
    batches.set(key, [...(batches.get(key) ?? []), r]);
  }
  const rank = (runId: string) => {
    const i = runOrder.indexOf(runId);
    return i < 0 ? runOrder.length : i;
  };
  return [...batches.values()]
    .map((episodes): AnswerBatch => {
      const first = episodes[0]!;
      const answers: AnswerBatch['answers'] = [];
      for (const e of [...episodes].sort((a, b) => a.sampleIndex - b.sampleIndex)) {
        const same = answers.find((a) => a.text === e.answerText);
        if (same) same.count++;
        else answers.push({ text: e.answerText, count: 1, reward: e.reward });
      }
      return {
        runId: first.runId,
        source: first.source,
        step: first.step,
        when: batchName(first),
        answers,
        meanReward: episodes.reduce((s, e) => s + e.reward, 0) / episodes.length,
        firstEpisode: Math.min(...episodes.map((e) => e.id)),
      };
    })
    .sort(
      (a, b) =>
        rank(a.runId) - rank(b.runId) ||
        a.runId.localeCompare(b.runId) ||
        SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
        a.step - b.step,
    );
}
