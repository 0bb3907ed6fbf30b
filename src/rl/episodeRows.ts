import { renderAnswer } from '../core/answers/text';
import type { Verification } from '../core/skills/types';
import type { Task } from '../core/tasks/types';
import type { EpisodeRecord } from '../storage/db';
import type { StepEpisode } from './grpo';
import type { AnswerTrace, EvalEpisode, EvalPoint } from './run';

interface Graded {
  task: Task;
  sample: AnswerTrace;
  verification: Verification;
}

/** Groups `items` by `key`, keeping their order within each group. */
function groupBy<T>(items: readonly T[], key: (item: T) => number | string): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function toRecord(
  e: Graded,
  where: Pick<
    EpisodeRecord,
    'runId' | 'seed' | 'step' | 'source' | 'groupIndex' | 'sampleIndex' | 'advantage'
  >,
  group: readonly Graded[],
): EpisodeRecord {
  return {
    ...where,
    taskId: e.task.id,
    kind: e.task.kind,
    split: e.task.split,
    prompt: {
      title: e.task.prompt.title,
      body: e.task.prompt.body,
      ...(e.task.patch !== undefined ? { patch: e.task.patch } : {}),
    },
    answerText: renderAnswer(e.sample.answer),
    ...(e.verification.rendering ? { rendering: e.verification.rendering } : {}),
    actions: e.sample.actions,
    actionLabels: e.sample.labels,
    logProbs: e.sample.logProbs,
    entropies: e.sample.entropies,
    top: e.sample.topLabels,
    ...(e.sample.truncated ? { truncated: true as const } : {}),
    reward: e.verification.reward,
    valid: e.verification.valid,
    facts: e.verification.facts,
    runs: e.verification.runs,
    secondary: e.verification.secondary,
    groupRewards: group.map((g) => g.verification.reward),
  };
}

/** The sampled episodes of one step as stored rows. */
export function episodeRows(
  runId: string,
  seed: number,
  step: number,
  episodes: StepEpisode[],
): EpisodeRecord[] {
  const groups = groupBy(episodes, (e) => e.groupIndex);
  return episodes.map((e) => {
    const group = groups.get(e.groupIndex)!;
    const where = { runId, seed, step, source: 'train' as const, advantage: e.advantage };
    return toRecord(
      e,
      { ...where, groupIndex: e.groupIndex, sampleIndex: group.indexOf(e) },
      group,
    );
  });
}

/**
 * An evaluation's answers (a validation's or the final test's) as stored rows: a group is one
 * task's Avg@k answers (its `groupRewards` are what its score averaged, in sample order),
 * numbered by the task's place in the evaluation; no update followed, so the advantage is 0.
 */
export function evalEpisodeRows(
  runId: string,
  seed: number,
  point: Pick<EvalPoint, 'step' | 'split'>,
  episodes: EvalEpisode[],
): EpisodeRecord[] {
  const groups = groupBy(episodes, (e) => e.taskIndex);
  for (const group of groups.values()) group.sort((a, b) => a.sampleIndex - b.sampleIndex);
  return episodes.map((e) =>
    toRecord(
      e,
      {
        runId,
        seed,
        step: point.step,
        source: point.split,
        advantage: 0,
        groupIndex: e.taskIndex,
        sampleIndex: e.sampleIndex,
      },
      groups.get(e.taskIndex)!,
    ),
  );
}
