import { TASK_KINDS } from '../../core/tasks/types';
import type { PerTaskScores } from '../../eval/evaluate';
import type { GridResult, Scores } from '../../eval/grid';
import type { RunSummary } from '../../protocol/training';

/** A run the grid can show: finished, so its final scores are its test evaluation's. */
export const isGridRun = (r: RunSummary): boolean =>
  r.status === 'done' && Object.keys(r.finalRewards).length > 0;

/**
 * What to say of the runs here a grid or an evaluation does not offer (not run to their end
 * with a final test evaluation: stopped, interrupted, failed, going), or null when there are none.
 */
export function unfinishedNote(runs: readonly RunSummary[]): string | null {
  const left = runs.filter((r) => !isGridRun(r)).length;
  if (left === 0) return null;
  const them = left === 1 ? 'It is not offered' : 'They are not offered';
  return `${left === 1 ? '1 run here has' : `${left} runs here have`} no final test evaluation yet (stopped, interrupted, failed or still going). ${them}: only runs that ran to their end are. Resume a stopped or interrupted one on the Train page to finish it.`;
}

/** Whether a run's name marks it as `baseline`'s: the name itself, or it and a space ("joint-rl 2"). */
const namedFor = (run: RunSummary, baseline: string): boolean =>
  run.name === baseline || run.name.startsWith(`${baseline} `);

/**
 * Each baseline's run at first: the newest finished run named for it (a preset's runs take its
 * name), or null.
 */
export function defaultPicks(
  runs: readonly RunSummary[],
  baselines: readonly string[],
): Record<string, string | null> {
  const done = runs.filter(isGridRun).sort((a, b) => b.createdAt - a.createdAt);
  return Object.fromEntries(
    baselines.map((name) => [name, done.find((r) => namedFor(r, name))?.id ?? null]),
  );
}

/** A run's final test scores as the grid keeps them, each with its error where the run kept one. */
export function runScores(run: RunSummary, perTask?: PerTaskScores): Scores {
  const scores: Scores = {};
  for (const kind of TASK_KINDS) {
    const meanReward = run.finalRewards[kind];
    if (meanReward === undefined) continue;
    const err = run.finalStdErr?.[kind];
    const tasks = err?.tasks ?? Object.keys(perTask?.[kind] ?? {}).length;
    scores[kind] = { tasks, meanReward, ...(err ? { stdErr: err.stdErr } : {}) };
  }
  return scores;
}

/**
 * The grid of the runs picked for its baselines (by baseline name), as `lab experiment` would
 * have written it: each run's final test scores, and each test task's score where read (which
 * pairs the differences).
 */
export function gridFromRuns(
  picked: Readonly<Record<string, { run: RunSummary; perTask?: PerTaskScores }>>,
): GridResult {
  const runs: GridResult['runs'] = {};
  for (const [name, { run, perTask }] of Object.entries(picked))
    runs[name] = {
      scores: runScores(run, perTask),
      seconds: run.elapsedMs / 1000,
      steps: run.step,
      ...(perTask ? { perTask } : {}),
      ...(run.warmStartKinds ? { warmStartKinds: run.warmStartKinds } : {}),
      ...(run.trainKinds ? { trainKinds: run.trainKinds } : {}),
    };
  return { base: 'this browser’s runs', seed: 0, backend: '', runs };
}

/**
 * What k of Avg@k is for a grid's runs (k by run name; undefined where not recorded), as a
 * sentence: one k for all, or each k with its runs when they differ. `whose` says where k was
 * read (e.g. "the config's evalSamples").
 */
export function samplesNote(
  k: Readonly<Record<string, number | undefined>>,
  whose: string,
): string {
  const byK = new Map<number | undefined, string[]>();
  for (const [name, samples] of Object.entries(k))
    byK.set(samples, [...(byK.get(samples) ?? []), name]);
  const ks = [...byK.keys()];
  if (ks.length === 0) return '';
  if (ks.length === 1)
    return ks[0] === undefined ? 'Here k was not recorded.' : `Here k = ${ks[0]} (${whose}).`;
  const each = [...byK]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([samples, names]) => `${samples ?? 'not recorded'} (${names.join(', ')})`);
  return `Here k differs between the runs (${whose}): ${each.join('; ')}: their scores are not measured alike.`;
}
