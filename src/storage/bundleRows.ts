/**
 * Checks of a run bundle's fields and rows beyond the run's config: everything the app reads
 * from a stored run without a guard (the runs table, the charts, the trace viewer, a resume).
 * Each check says why a value is not what the app reads, or null when it is.
 */
import { isTaskKind } from '../core/tasks/types';
import { BACKEND_NAMES } from '../protocol/backend';
import { isFiniteNumber, isRecord } from '../core/guards';

type Problem = string | null;

const shown = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** A map of task kinds to what `ok` accepts (`what` names it). */
export function kindMapProblem(v: unknown, ok: (x: unknown) => boolean, what: string): Problem {
  if (!isRecord(v)) return `expected an object of task kinds to ${what}, not ${shown(v)}`;
  for (const [k, x] of Object.entries(v)) {
    if (!isTaskKind(k)) return `${shown(k)} is not a task kind`;
    if (!ok(x)) return `${k}: expected ${what}, not ${shown(x)}`;
  }
  return null;
}

const kindList = (v: unknown): boolean =>
  Array.isArray(v) && v.every((k) => typeof k === 'string' && isTaskKind(k));

/** A run record's fields besides its name, counts, status, tags and config. */
export function runExtrasProblem(run: Record<string, unknown>): Problem {
  const rewards = kindMapProblem(run.finalRewards, isFiniteNumber, 'numbers');
  if (rewards) return `finalRewards: ${rewards}`;
  if (run.finalStdErr !== undefined) {
    const ok = (x: unknown) => isRecord(x) && isFiniteNumber(x.stdErr) && isFiniteNumber(x.tasks);
    const problem = kindMapProblem(run.finalStdErr, ok, '{ stdErr, tasks }');
    if (problem) return `finalStdErr: ${problem}`;
  }
  if (run.mix !== undefined) {
    const problem = kindMapProblem(run.mix, isFiniteNumber, 'weights');
    if (problem) return `mix: ${problem}`;
  }
  for (const field of ['trainKinds', 'warmStartKinds'] as const)
    if (run[field] !== undefined && !kindList(run[field]))
      return `${field} must be a list of task kinds, not ${shown(run[field])}`;
  if (run.backend != null && !(BACKEND_NAMES as readonly unknown[]).includes(run.backend))
    return `backend ${shown(run.backend)} is not one of ${BACKEND_NAMES.join(', ')}`;
  for (const field of ['group', 'message'] as const)
    if (run[field] !== undefined && typeof run[field] !== 'string')
      return `${field} must be text, not ${shown(run[field])}`;
  const suite = run.suite;
  if (
    !isRecord(suite) ||
    !['quick', 'all'].includes(suite.projects as string) ||
    !isFiniteNumber(suite.seed)
  )
    return `suite must be { projects: "quick" or "all", seed }, not ${shown(suite)}`;
  if (typeof run.suiteKey !== 'string') return `suiteKey must be text, not ${shown(run.suiteKey)}`;
  return null;
}

const step = (v: Record<string, unknown>): boolean => isFiniteNumber(v.step) && v.step >= 0;

/** A training step's logged point. */
export function pointProblem(value: unknown): Problem {
  if (!isRecord(value) || !step(value)) return 'needs a step (a number >= 0)';
  const point = value.point;
  if (!isRecord(point) || !isFiniteNumber(point.rewardMean)) return 'needs a point with rewardMean';
  const reward = kindMapProblem(point.reward, isFiniteNumber, 'numbers');
  return reward && `point.reward: ${reward}`;
}

/** A validation or test evaluation. */
export function evalProblem(value: unknown): Problem {
  if (!isRecord(value) || !step(value)) return 'needs a step (a number >= 0)';
  if (value.split !== 'val' && value.split !== 'test')
    return `split ${shown(value.split)} is not val or test`;
  const score = (x: unknown) =>
    isRecord(x) &&
    isFiniteNumber(x.tasks) &&
    isFiniteNumber(x.meanReward) &&
    (x.stdErr === undefined || isFiniteNumber(x.stdErr));
  const problem = kindMapProblem(value.bySkill, score, '{ tasks, meanReward }');
  return problem && `bySkill: ${problem}`;
}

/** A change of the skill mix. */
export function eventProblem(value: unknown): Problem {
  if (!isRecord(value) || !step(value)) return 'needs a step (a number >= 0)';
  if (!isFiniteNumber(value.elapsedMs)) return 'needs elapsedMs (a number)';
  const problem = kindMapProblem(value.mix, isFiniteNumber, 'weights');
  return problem && `mix: ${problem}`;
}

/** A checkpoint row (its encoded checkpoint is decoded, and checked, on import). */
export function checkpointRowProblem(value: unknown): Problem {
  if (!isRecord(value) || !step(value)) return 'needs a step (a number >= 0)';
  if (!isRecord(value.checkpoint)) return 'needs a checkpoint';
  return null;
}

/** An episode's number, label and alternative lists the trace viewer reads. */
export function episodeListsProblem(e: Record<string, unknown>): Problem {
  if (typeof e.kind !== 'string' || !isTaskKind(e.kind))
    return `kind ${shown(e.kind)} is not a task kind`;
  for (const field of ['actions', 'logProbs', 'entropies', 'groupRewards'] as const)
    if (!(e[field] as unknown[]).every((x) => typeof x === 'number'))
      return `${field}: expected a list of numbers`;
  for (const field of ['actionLabels', 'facts'] as const)
    if (!(e[field] as unknown[]).every((x) => typeof x === 'string'))
      return `${field}: expected a list of text`;
  const alternative = (x: unknown) =>
    isRecord(x) && typeof x.label === 'string' && isFiniteNumber(x.prob);
  if (!(e.top as unknown[][]).every((t) => t.every(alternative)))
    return 'top: expected a label and a prob per alternative';
  return null;
}
