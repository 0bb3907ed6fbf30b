import type { Answer } from '../core/answers/types';
import type { Rng } from '../core/rng';
import type { SandboxRunner } from '../core/sandbox/types';
import { verifyAnswer } from '../core/skills/verify';
import type { Verification } from '../core/skills/types';
import type { Task, TaskKind } from '../core/tasks/types';

/** Anything that answers tasks: the oracle, random, a trained model, a person, an LLM. */
export interface AnswerPolicy {
  name: string;
  answer(task: Task, rng: Rng): Promise<Answer> | Answer;
}

export interface KindScore {
  tasks: number;
  meanReward: number;
}

export interface EvalResult {
  bySkill: Partial<Record<TaskKind, KindScore>>;
  episodes: number;
}

export interface EvalOptions {
  /** Samples per task; the score is the mean over samples (Avg@k). */
  samples?: number;
  onEpisode?: (task: Task, verification: Verification) => void;
}

/** Scores a policy on tasks: mean binary reward per task kind, averaged over `samples` answers a task. */
export async function evaluatePolicy(
  policy: AnswerPolicy,
  tasks: readonly Task[],
  sandbox: SandboxRunner,
  rng: Rng,
  options: EvalOptions = {},
): Promise<EvalResult> {
  const samples = options.samples ?? 1;
  const sums = new Map<TaskKind, { tasks: number; reward: number }>();
  let episodes = 0;
  for (const task of tasks) {
    let total = 0;
    for (let s = 0; s < samples; s++) {
      const answer = await policy.answer(task, rng);
      const verification = await verifyAnswer(task, answer, sandbox);
      options.onEpisode?.(task, verification);
      total += verification.reward;
      episodes++;
    }
    const entry = sums.get(task.kind) ?? { tasks: 0, reward: 0 };
    entry.tasks++;
    entry.reward += total / samples;
    sums.set(task.kind, entry);
  }
  const bySkill: EvalResult['bySkill'] = {};
  for (const [kind, { tasks: n, reward }] of sums)
    bySkill[kind] = { tasks: n, meanReward: n ? reward / n : 0 };
  return { bySkill, episodes };
}
