import type { StartRunRequest } from '../protocol/training';
import type { RunRecord } from '../storage/db';
import { checkConfig, configGroup, warmStartKinds } from './config';
import type { SessionEnvironment } from './session';
import { nodeSuiteOf, suiteKey } from './suiteSource';
import { nameApart } from '../storage/runs';

/**
 * Stores a new run's record (status "preparing"), its config checked first; refused when its id
 * is taken. A name another run has is numbered apart.
 */
export async function createRun(
  env: Pick<SessionEnvironment, 'db' | 'backend' | 'wallClock' | 'buildId'>,
  request: StartRunRequest,
): Promise<RunRecord> {
  const { config } = request;
  if (!config) throw new Error('A new run needs a config.');
  const problem = checkConfig(config);
  if (problem) throw new Error(`Invalid training config: ${problem}`);
  if (await env.db.runs.get(request.runId))
    throw new Error(`A run with id ${request.runId} exists already.`);
  const suite = request.suite ?? { projects: 'quick', seed: 1 };
  // Named apart from the runs here (a second quick demo is "quick (2)"), as a rename must be.
  const asked = request.name ?? config.name;
  const name = await nameApart(env.db, asked, (n) => `${asked} (${n + 1})`);
  const record: RunRecord = {
    id: request.runId,
    name,
    status: 'preparing',
    tags: request.tags ?? [],
    backend: env.backend(),
    createdAt: env.wallClock(),
    step: 0,
    steps: config.steps,
    elapsedMs: 0,
    finalRewards: {},
    mix: config.mix,
    trainKinds: config.trainKinds,
    warmStartKinds: warmStartKinds(config),
    group: configGroup(config),
    config,
    suiteKey: suiteKey(suite, env.buildId),
    suite,
  };
  await env.db.runs.add(record);
  return record;
}

/**
 * Why a stored run cannot be resumed by this build of the app, or null: its tasks were built
 * (or laid out for the policy) by another version, or in Node on tasks the app cannot rebuild.
 * Resumed anyway, it would go on training on other observations than its checkpoint learned
 * from, with no word of it (review 43rl F5).
 */
export function resumeProblem(run: RunRecord, buildId: string): string | null {
  if (nodeSuiteOf(run.suiteKey))
    return `"${run.name}" was trained in Node on tasks this app cannot rebuild, so it cannot be resumed here: go on with it in Node (lab train --resume).`;
  if (run.suiteKey !== suiteKey(run.suite, buildId))
    return `"${run.name}" was trained on tasks another version of the app built or laid out for the policy otherwise, so resuming it here would train it on other observations. Start a new run with its settings instead (its curves and episodes stay as they are).`;
  return null;
}
