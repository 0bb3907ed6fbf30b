import type { Answer } from '../core/answers/types';
import { drawSalt, keyedRng, type Rng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { verifyAnswer } from '../core/skills/verify';
import type { Verification } from '../core/skills/types';
import type { Task, TaskKind } from '../core/tasks/types';
import { overlapped } from '../rl/overlap';
import { inKindOrder, standardError, type PerTaskScores } from './stats';

/** Anything that answers tasks: the oracle, random, a trained model, a person, an LLM. */
export interface AnswerPolicy {
  name: string;
  answer(task: Task, rng: Rng): Promise<Answer> | Answer;
  /**
   * Optional: one answer to each of several requests at once, each drawn from its own `rng` (a
   * model decodes them in one batch). evaluatePolicy uses it when there is one.
   */
  answerMany?(requests: readonly { task: Task; rng: Rng }[]): Promise<Answer[]>;
}

/** Tasks a batch-answering policy is asked about at once (each with all its samples). */
export const EVAL_BATCH_TASKS = 16;

export interface KindScore {
  tasks: number;
  meanReward: number;
  /**
   * Standard error of `meanReward` over the tasks (the sample std of the per-task scores over
   * the square root of their number): how far another draw of tasks could move it. Absent in
   * results saved before it was recorded.
   */
  stdErr?: number;
}

export type { PerTaskScores } from './stats';

export interface EvalResult {
  bySkill: Partial<Record<TaskKind, KindScore>>;
  episodes: number;
  /**
   * Each task's score (mean reward over its samples), by kind and task id: lets two policies
   * scored on the same tasks be compared task by task (a paired difference has a smaller error
   * than two separate means). Absent in results saved before it was recorded.
   */
  perTask?: PerTaskScores;
}

export interface EvalOptions {
  /** Samples per task; the score is the mean over samples (Avg@k). */
  samples?: number;
  /** Each graded answer: its task, verdict, the answer itself and which of the task's samples. */
  onEpisode?: (task: Task, verification: Verification, answer: Answer, sampleIndex: number) => void;
  /**
   * Answers drawn ahead of the sandbox: each graded while up to this many more are drawn.
   * Default 0 (grade each before drawing the next): grading beside sampling slowed training on
   * the 2-core machine it was measured on. The scores are the same either way.
   */
  gradeAhead?: number;
}

/** A kind's score from its tasks' own scores (at least one): their mean and its standard error. */
export function kindScore(scores: readonly number[]): KindScore {
  const stdErr = standardError(scores);
  return {
    tasks: scores.length,
    meanReward: scores.reduce((a, b) => a + b, 0) / scores.length,
    // Unknown from one task: left out rather than stored as NaN (JSON has no NaN).
    ...(Number.isNaN(stdErr) ? {} : { stdErr }),
  };
}

/**
 * Scores a policy on tasks: mean binary reward per task kind, averaged over `samples` answers a
 * task (Avg@k), with its standard error and every task's own score. Each answer comes from a
 * random stream of its own, keyed by its task's id and sample index under a salt drawn from
 * `rng`: a seed repeats the evaluation, and a task's answers do not change when other tasks join
 * or leave the list, nor whether they are asked for one by one or in batches (up to float
 * rounding: padded to another batch's longest observation, a probability's last bits can move).
 * A policy with `answerMany` is asked about EVAL_BATCH_TASKS tasks at a time; with `gradeAhead`,
 * answers are asked for one at a time and graded in the sandbox while the next are drawn.
 */
export async function evaluatePolicy(
  policy: AnswerPolicy,
  tasks: readonly Task[],
  sandbox: SandboxRunner,
  rng: Rng,
  options: EvalOptions = {},
): Promise<EvalResult> {
  const samples = options.samples ?? 1;
  type Draw = { task: Task; sampleIndex: number };
  const draws = tasks.flatMap((task) =>
    Array.from({ length: samples }, (_, sampleIndex): Draw => ({ task, sampleIndex })),
  );
  const salt = drawSalt(rng);
  // Sample 0 draws from the task's stream, sample k from a stream of its own.
  const streamOf = ({ task, sampleIndex }: Draw): Rng =>
    keyedRng(salt, sampleIndex === 0 ? task.id : `${task.id}#${sampleIndex}`);
  const report = (draw: Draw, answer: Answer, verification: Verification): number => {
    options.onEpisode?.(draw.task, verification, answer, draw.sampleIndex);
    return verification.reward;
  };
  let rewards: number[];
  if (policy.answerMany && !((options.gradeAhead ?? 0) > 0)) {
    // A batch of tasks answered at once, then graded together (episodes reported in order).
    const answerMany = policy.answerMany.bind(policy);
    rewards = [];
    for (let i = 0; i < draws.length; i += EVAL_BATCH_TASKS * samples) {
      const batch = draws.slice(i, i + EVAL_BATCH_TASKS * samples);
      const answers = await answerMany(batch.map((d) => ({ task: d.task, rng: streamOf(d) })));
      const verdicts = await Promise.all(
        answers.map((answer, j) => verifyAnswer(batch[j]!.task, answer, sandbox)),
      );
      verdicts.forEach((v, j) => rewards.push(report(batch[j]!, answers[j]!, v)));
    }
  } else {
    const { results } = await overlapped(
      draws,
      (draw) => Promise.resolve(policy.answer(draw.task, streamOf(draw))),
      async (answer, draw) => report(draw, answer, await verifyAnswer(draw.task, answer, sandbox)),
      { now: () => 0, maxAhead: options.gradeAhead ?? 0 },
    );
    rewards = results.map((r) => r.consumed);
  }
  const byKind = new Map<TaskKind, number[]>();
  const perTask: PerTaskScores = {};
  tasks.forEach((task, i) => {
    const own = rewards.slice(i * samples, (i + 1) * samples);
    const score = own.reduce((a, b) => a + b, 0) / samples;
    (perTask[task.kind] ??= {})[task.id] = score;
    const scores = byKind.get(task.kind) ?? [];
    if (scores.length === 0) byKind.set(task.kind, scores);
    scores.push(score);
  });
  const bySkill = inKindOrder((kind) => {
    const scores = byKind.get(kind);
    return scores && kindScore(scores);
  });
  return { bySkill, episodes: draws.length, perTask };
}
