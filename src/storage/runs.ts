import { RUN_STATUSES, type RunSummary } from '../protocol/training';
import { decodeCheckpoint, encodeCheckpoint, type EncodedCheckpoint } from '../rl/checkpointCodec';
import { checkConfig, DEFAULT_CONFIG, type TrainConfig } from '../rl/config';
import {
  ACTIVE_STATUSES,
  labDb,
  type CheckpointRow,
  type EpisodeRecord,
  type EvalRow,
  type EventRow,
  type LabDatabase,
  type PointRecord,
  type RunRecord,
} from './db';

/** Everything stored for one run. */
export interface RunData {
  run: RunRecord;
  points: PointRecord[];
  evals: EvalRow[];
  events: EventRow[];
}

export async function listRuns(db: LabDatabase = labDb()): Promise<RunRecord[]> {
  return (await db.runs.orderBy('createdAt').toArray()).reverse();
}

export async function loadRunData(
  runId: string,
  db: LabDatabase = labDb(),
): Promise<RunData | null> {
  const run = await db.runs.get(runId);
  if (!run) return null;
  const [points, evals, events] = await Promise.all([
    db.points.where('runId').equals(runId).sortBy('step'),
    db.evals.where('runId').equals(runId).sortBy('id'),
    db.events.where('runId').equals(runId).sortBy('id'),
  ]);
  return { run, points, evals, events };
}

/**
 * Runs left "running" by a closed or reloaded tab: their worker is gone. They are marked
 * interrupted (their metrics and checkpoints stay) so they can be resumed.
 */
export async function markInterrupted(db: LabDatabase = labDb()): Promise<string[]> {
  const stale = await db.runs.where('status').anyOf(ACTIVE_STATUSES).toArray();
  for (const r of stale)
    await db.runs.update(r.id, {
      status: 'interrupted',
      message:
        'The tab closed or reloaded during training; resume continues from the last checkpoint.',
    });
  return stale.map((r) => r.id);
}

export async function renameRun(runId: string, name: string, db: LabDatabase = labDb()) {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A run name cannot be empty.');
  await db.runs.update(runId, { name: trimmed });
}

export async function setRunTags(runId: string, tags: string[], db: LabDatabase = labDb()) {
  await db.runs.update(runId, { tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))] });
}

/** A whole run as one portable file: config, metrics, config events, checkpoints, episodes. */
export interface RunBundle {
  format: 'atomic-skills-lab/run-bundle';
  version: 1;
  exportedAt: string;
  run: RunRecord;
  points: PointRecord[];
  evals: EvalRow[];
  events: EventRow[];
  checkpoints: (Omit<CheckpointRow, 'checkpoint'> & { checkpoint: EncodedCheckpoint })[];
  episodes: EpisodeRecord[];
}

/** The stored run as a bundle (also what "delete" keeps in memory for undo). */
export async function exportBundle(runId: string, db: LabDatabase = labDb()): Promise<RunBundle> {
  const data = await loadRunData(runId, db);
  if (!data) throw new Error(`No run ${runId}.`);
  const [checkpoints, episodes] = await Promise.all([
    db.checkpoints.where('runId').equals(runId).sortBy('step'),
    db.episodes.where('runId').equals(runId).sortBy('id'),
  ]);
  return {
    format: 'atomic-skills-lab/run-bundle',
    version: 1,
    exportedAt: new Date().toISOString(),
    ...data,
    checkpoints: checkpoints.map((c) => ({ ...c, checkpoint: encodeCheckpoint(c.checkpoint) })),
    episodes,
  };
}

export async function deleteRun(runId: string, db: LabDatabase = labDb()): Promise<void> {
  await db.transaction(
    'rw',
    [db.runs, db.points, db.evals, db.events, db.checkpoints, db.episodes],
    async () => {
      await db.runs.delete(runId);
      for (const table of [db.points, db.evals, db.events, db.checkpoints, db.episodes])
        await table.where('runId').equals(runId).delete();
    },
  );
}

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

const count = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Why a bundle's run record would not show or resume as stored, or null. */
function checkRunFields(run: Partial<RunRecord>): string | null {
  if (run.name!.trim() === '') return 'its name is empty';
  for (const field of ['step', 'steps', 'elapsedMs', 'createdAt'] as const)
    if (!count(run[field]))
      return `${field} must be a number >= 0, not ${JSON.stringify(run[field])}`;
  if (!(RUN_STATUSES as readonly string[]).includes(run.status as string))
    return `status ${JSON.stringify(run.status)} is not one of ${RUN_STATUSES.join(', ')}`;
  if (!isArray(run.tags) || run.tags.some((t) => typeof t !== 'string'))
    return 'tags must be a list of strings';
  // Configs saved before a field existed read it as its default, as the trainer does.
  const saved = run.config as Partial<TrainConfig>;
  const config = {
    ...DEFAULT_CONFIG,
    ...saved,
    model: { ...DEFAULT_CONFIG.model, ...saved.model },
  };
  const problem = checkConfig(config);
  return problem ? `its config is not valid (${problem})` : null;
}

/** Why a parsed file is not a run bundle this app can import, or null. */
export function checkBundle(value: unknown): string | null {
  const b = value as Partial<RunBundle> | null;
  if (!b || typeof b !== 'object') return 'the file is not a JSON object';
  if (b.format !== 'atomic-skills-lab/run-bundle')
    return `not a run bundle (format is ${JSON.stringify(b.format ?? null)}, expected "atomic-skills-lab/run-bundle")`;
  if (b.version !== 1)
    return `bundle version ${String(b.version)} is not supported (this app reads version 1)`;
  const run = b.run as Partial<RunRecord> | undefined;
  if (!run || typeof run.id !== 'string' || typeof run.name !== 'string' || !run.config)
    return 'run: needs an id, a name and a config';
  const runProblem = checkRunFields(run);
  if (runProblem) return `run: ${runProblem}`;
  for (const field of ['points', 'evals', 'events', 'checkpoints', 'episodes'] as const)
    if (!isArray(b[field])) return `${field}: expected an array`;
  for (const [i, p] of b.points!.entries()) {
    const q = p as Partial<PointRecord>;
    if (typeof q.step !== 'number' || !q.point || typeof q.point.rewardMean !== 'number')
      return `points[${i}]: needs a step and a point with rewardMean`;
  }
  for (const [i, e] of b.episodes!.entries()) {
    const problem = episodeProblem(e);
    if (problem) return `episodes[${i}]: ${problem}`;
  }
  return null;
}

const EPISODE_ARRAYS = [
  'actions',
  'actionLabels',
  'logProbs',
  'entropies',
  'top',
  'facts',
  'runs',
  'groupRewards',
] as const;

/** What an episode record lacks that the trace needs to show it, or null. */
function episodeProblem(value: unknown): string | null {
  const e = value as Partial<EpisodeRecord> | null;
  if (!e || typeof e !== 'object') return 'expected an object';
  if (typeof e.step !== 'number' || !['train', 'val', 'test'].includes(e.source as string))
    return 'needs a step and a source (train, val or test)';
  if (
    typeof e.taskId !== 'string' ||
    typeof e.kind !== 'string' ||
    typeof e.answerText !== 'string'
  )
    return 'needs a taskId, a kind and an answerText';
  const number = (['reward', 'groupIndex', 'sampleIndex', 'advantage'] as const).find(
    (f) => typeof e[f] !== 'number',
  );
  if (number) return `${number}: expected a number`;
  const missing = EPISODE_ARRAYS.find((f) => !isArray(e[f]));
  if (missing) return `${missing}: expected an array`;
  if (!e.top!.every(isArray)) return 'top: expected a list of alternatives per token';
  const run = (r: unknown) => {
    const x = r as Record<string, unknown> | null;
    return !!x && typeof x.purpose === 'string' && isArray(x.tests);
  };
  if (!e.runs!.every(run)) return 'runs: each needs a purpose and its tests';
  const p = e.prompt as Record<string, unknown> | undefined;
  if (
    p !== undefined &&
    (typeof p !== 'object' ||
      p === null ||
      typeof p.title !== 'string' ||
      typeof p.body !== 'string' ||
      (p.patch !== undefined && typeof p.patch !== 'string'))
  )
    return 'prompt: expected a title and a body (and a patch) as text';
  const r = e.rendering as Record<string, unknown> | undefined;
  if (
    r !== undefined &&
    (typeof r !== 'object' ||
      r === null ||
      ['patch', 'tests'].some((f) => r[f] !== undefined && typeof r[f] !== 'string'))
  )
    return 'rendering: expected an object with a patch and tests as text';
  return null;
}

/**
 * Imports a bundle: validated whole first (a corrupt or foreign file changes nothing), then
 * written in one transaction. A run that already exists is kept; the import gets a new id and
 * name.
 */
export async function importBundle(text: string, db: LabDatabase = labDb()): Promise<RunSummary> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `This file is not valid JSON (${(error as Error).message}); nothing was imported.`,
    );
  }
  const problem = checkBundle(value);
  if (problem) throw new Error(`This file cannot be imported: ${problem}. Nothing was changed.`);
  const bundle = value as RunBundle;
  let checkpoints: CheckpointRow[];
  try {
    checkpoints = bundle.checkpoints.map((c) => ({
      ...c,
      checkpoint: decodeCheckpoint(c.checkpoint),
    }));
  } catch (error) {
    throw new Error(
      `This file cannot be imported: ${(error as Error).message}. Nothing was changed.`,
    );
  }
  const exists = await db.runs.get(bundle.run.id);
  const names = new Set((await db.runs.toArray()).map((r) => r.name));
  const id = exists ? `${bundle.run.id}-import-${Date.now().toString(36)}` : bundle.run.id;
  let name = bundle.run.name;
  for (let n = 2; exists && names.has(name); n++) name = `${bundle.run.name} (import ${n - 1})`;
  const status = ACTIVE_STATUSES.includes(bundle.run.status) ? 'interrupted' : bundle.run.status;
  const run: RunRecord = { ...bundle.run, id, name, status };
  const withId = <T extends { runId: string; id?: number }>(rows: T[]): T[] =>
    rows.map(({ id: _drop, ...rest }) => ({ ...(rest as unknown as T), runId: id }));
  await db.transaction(
    'rw',
    [db.runs, db.points, db.evals, db.events, db.checkpoints, db.episodes],
    async () => {
      await db.runs.add(run);
      await db.points.bulkPut(bundle.points.map((p) => ({ ...p, runId: id })));
      await db.evals.bulkAdd(withId(bundle.evals));
      await db.events.bulkAdd(withId(bundle.events));
      await db.checkpoints.bulkPut(checkpoints.map((c) => ({ ...c, runId: id })));
      await db.episodes.bulkAdd(withId(bundle.episodes));
    },
  );
  return run;
}

/**
 * Drops what a run resumed from its checkpoint at step `from` makes again, so nothing is stored
 * twice: points and training episodes from `from` on (those steps are sampled again), and
 * evaluations with their answers after `evalsThrough` (see evalsKeptThrough).
 */
export async function dropAfter(
  runId: string,
  from: number,
  evalsThrough: number,
  db: LabDatabase = labDb(),
): Promise<void> {
  await db.points.where('[runId+step]').between([runId, from], [runId, Infinity]).delete();
  await db.evals
    .where('runId')
    .equals(runId)
    .filter((e) => e.step > evalsThrough)
    .delete();
  const bySource = db.episodes.where('[runId+source+step]');
  await bySource.between([runId, 'train', from], [runId, 'train', Infinity], true, true).delete();
  for (const source of ['val', 'test'])
    await bySource
      .between([runId, source, evalsThrough], [runId, source, Infinity], false, true)
      .delete();
}
