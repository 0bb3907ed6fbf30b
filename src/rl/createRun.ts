import type { StartRunRequest } from '../protocol/training';
import type { RunRecord } from '../storage/db';
import { checkConfig, configGroup, warmStartKinds } from './config';
import type { SessionEnvironment } from './session';
import { suiteKey } from './suiteSource';

/** Stores a new run's record (status "preparing"), its config checked first; refused when its id is taken. */
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
  const record: RunRecord = {
    id: request.runId,
    name: request.name ?? config.name,
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
