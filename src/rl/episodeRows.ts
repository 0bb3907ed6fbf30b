import { renderAnswer } from '../core/answers/text';
import type { EpisodeRecord } from '../storage/db';
import type { StepEpisode } from './grpo';

function toEpisode(
  runId: string,
  seed: number,
  step: number,
  e: StepEpisode,
  group: StepEpisode[],
): EpisodeRecord {
  return {
    runId,
    step,
    source: 'train',
    groupIndex: e.groupIndex,
    sampleIndex: group.indexOf(e),
    taskId: e.task.id,
    kind: e.task.kind,
    split: e.task.split,
    prompt: { title: e.task.prompt.title, body: e.task.prompt.body },
    answerText: renderAnswer(e.sample.answer),
    actions: e.sample.actions,
    actionLabels: e.sample.labels,
    logProbs: e.sample.logProbs,
    entropies: e.sample.entropies,
    top: e.sample.topLabels,
    reward: e.verification.reward,
    valid: e.verification.valid,
    facts: e.verification.facts,
    runs: e.verification.runs,
    secondary: e.verification.secondary,
    groupRewards: group.map((g) => g.verification.reward),
    advantage: e.advantage,
    seed,
  };
}

/** The sampled episodes of one step as stored rows. */
export function episodeRows(
  runId: string,
  seed: number,
  step: number,
  episodes: StepEpisode[],
): EpisodeRecord[] {
  const groups = new Map<number, StepEpisode[]>();
  for (const e of episodes) groups.set(e.groupIndex, [...(groups.get(e.groupIndex) ?? []), e]);
  return episodes.map((e) => toEpisode(runId, seed, step, e, groups.get(e.groupIndex)!));
}
