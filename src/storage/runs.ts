import type { Table } from 'dexie';
import { holdRunLock } from './runLocks';
import { decodeCheckpoint, encodeCheckpoint } from '../rl/checkpointCodec';
import { checkBundle, configWithDefaults, type RunBundle } from './bundle';
import { isRecord } from '../core/guards';
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

/**
 * A stored run with what the runs table reads of it (and an import checks), whole even in a row
 * an older import let in without it (its bundle was not checked for them).
 */
const whole = (r: RunRecord): RunRecord =>
  isRecord(r.finalRewards) && Array.isArray(r.tags)
    ? r
    : {
        ...r,
        finalRewards: isRecord(r.finalRewards) ? r.finalRewards : {},
        tags: Array.isArray(r.tags) ? r.tags : [],
      };

export async function listRuns(db: LabDatabase = labDb()): Promise<RunRecord[]> {
  return (await db.runs.orderBy('createdAt').toArray()).reverse().map(whole);
}

/** A stored run's config as it was saved (no defaults filled in), or null when there is no such run. */
export async function storedConfig(
  runId: string,
  db: LabDatabase = labDb(),
): Promise<RunRecord['config'] | null> {
  return (await db.runs.get(runId))?.config ?? null;
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
  // Whole, so its bundle (exportBundle) imports again.
  return { run: whole(run), points, evals, events };
}

/**
 * Runs left "running" by a closed or reloaded tab: their worker is gone. They are marked
 * interrupted (their metrics and checkpoints stay) so they can be resumed.
 */
export async function markInterrupted(
  which: { except?: ReadonlySet<string>; only?: readonly string[] } = {},
  db: LabDatabase = labDb(),
): Promise<string[]> {
  // A run another tab trains (it holds the run's lock, runLocks.ts) is left as it is.
  const stale = (await db.runs.where('status').anyOf(ACTIVE_STATUSES).toArray()).filter(
    (r) => !which.except?.has(r.id) && (!which.only || which.only.includes(r.id)),
  );
  const marked: string[] = [];
  for (const r of stale) {
    // Marked only while its lock is free: a tab that starts or resumes it since `except` was
    // read holds it (taken before the run is read), and the run is then left as it is.
    const release = await holdRunLock(r.id).catch(() => null);
    if (!release) continue;
    try {
      // Read again under the lock: a run that ended meanwhile keeps its status.
      const now = await db.runs.get(r.id);
      if (!now || !ACTIVE_STATUSES.includes(now.status)) continue;
      await db.runs.update(r.id, {
        status: 'interrupted',
        message:
          'The tab closed or reloaded during training; resume continues from the last checkpoint.',
      });
      marked.push(r.id);
    } finally {
      release();
    }
  }
  return marked;
}

export async function renameRun(runId: string, name: string, db: LabDatabase = labDb()) {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A run name cannot be empty.');
  await db.runs.update(runId, { name: trimmed });
}

export async function setRunTags(runId: string, tags: string[], db: LabDatabase = labDb()) {
  await db.runs.update(runId, { tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))] });
}

/** The stored run as a bundle (also what "delete" keeps in memory for undo). */
export async function exportBundle(runId: string, db: LabDatabase = labDb()): Promise<RunBundle> {
  // One read transaction: one snapshot of the run (a step or checkpoint stored meanwhile, or a
  // delete, lands wholly before or after it), so its checkpoints never run past its points.
  const { data, checkpoints, episodes } = await db.transaction(
    'r',
    [db.runs, db.points, db.evals, db.events, db.checkpoints, db.episodes],
    async () => ({
      data: await loadRunData(runId, db),
      checkpoints: await db.checkpoints.where('runId').equals(runId).sortBy('step'),
      episodes: await db.episodes.where('runId').equals(runId).sortBy('id'),
    }),
  );
  if (!data) throw new Error(`No run ${runId}.`);
  return {
    format: 'atomic-skills-lab/run-bundle',
    version: 1,
    exportedAt: new Date().toISOString(),
    ...data,
    checkpoints: checkpoints.map((c) => ({ ...c, checkpoint: encodeCheckpoint(c.checkpoint) })),
    episodes,
  };
}

/** A deleted run's rows as stored (ids kept), held for its Undo. */
export interface HeldRun {
  run: RunRecord;
  points: PointRecord[];
  evals: EvalRow[];
  events: EventRow[];
  checkpoints: CheckpointRow[];
  episodes: EpisodeRecord[];
}

/** Deletes a run and returns its rows, read and deleted in one transaction. */
export async function takeRun(runId: string, db: LabDatabase = labDb()): Promise<HeldRun> {
  // Held across the delete: a run a tab trains (or resumes: it takes the lock before it reads
  // the run) is not deleted under it, and a resume waits out the delete.
  const release = await holdRunLock(runId).catch(() => {
    throw new Error(
      'This run is going in a tab of this browser (or starting there): stop it there, then delete it.',
    );
  });
  try {
    return await takeUnlocked(runId, db);
  } finally {
    release();
  }
}

function takeUnlocked(runId: string, db: LabDatabase): Promise<HeldRun> {
  return db.transaction(
    'rw',
    [db.runs, db.points, db.evals, db.events, db.checkpoints, db.episodes],
    async () => {
      const run = await db.runs.get(runId);
      if (!run) throw new Error(`No run ${runId}: deleted already?`);
      const of = <T>(table: Table<T>) => table.where('runId').equals(runId);
      const held: HeldRun = {
        run,
        points: await of(db.points).toArray(),
        evals: await of(db.evals).toArray(),
        events: await of(db.events).toArray(),
        checkpoints: await of(db.checkpoints).toArray(),
        episodes: await of(db.episodes).toArray(),
      };
      await deleteRun(runId, db);
      return held;
    },
  );
}

/**
 * Puts a run `takeRun` deleted back as it was, ids included (links to its episodes work again),
 * in one transaction: no file is made, however large the run.
 */
export async function putRunBack(held: HeldRun, db: LabDatabase = labDb()): Promise<void> {
  await db.transaction(
    'rw',
    [db.runs, db.points, db.evals, db.events, db.checkpoints, db.episodes],
    async () => {
      await db.runs.add(held.run);
      await db.points.bulkAdd(held.points);
      await db.evals.bulkAdd(held.evals);
      await db.events.bulkAdd(held.events);
      await db.checkpoints.bulkAdd(held.checkpoints);
      await db.episodes.bulkAdd(held.episodes);
    },
  );
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

/** A run imported from a bundle. */
export interface ImportedRun {
  run: RunRecord;
  /**
   * The name of the run already stored under the bundle's run id (kept as it was; the import is
   * a copy beside it, under a new id), or null when the run was not here.
   */
  copyOf: string | null;
  /** The bundle's name, when another run here has it (the import is named apart). */
  nameTaken?: string;
  /**
   * Set when the run came under its own id but its answers could not keep their episode numbers
   * (answers here hold them): links to them from elsewhere do not open. (A run trained in Node
   * has none to keep.)
   */
  renumbered?: true;
}

/**
 * `asked`, or, when a stored run has that name, the first of `nth(1)`, `nth(2)`... that none
 * has: runs are named apart.
 */
export async function nameApart(
  db: LabDatabase,
  asked: string,
  nth: (n: number) => string,
): Promise<string> {
  const names = new Set((await db.runs.toArray()).map((r) => r.name));
  let name = asked;
  for (let n = 1; names.has(name); n++) name = nth(n);
  return name;
}

/**
 * Imports a bundle: validated whole first (a corrupt or foreign file changes nothing), then
 * written in one transaction. A run that already exists is kept; the import gets a new id and,
 * if its name is taken, "name (import n)".
 */
export async function importBundle(text: string, db: LabDatabase = labDb()): Promise<ImportedRun> {
  const what = 'open a run bundle (.json) exported from the Train page or by lab bundle';
  if (text.trim() === '') throw new Error(`This file is empty; nothing was imported: ${what}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `This file is not valid JSON (${(error as Error).message}); nothing was imported: ${what}.`,
    );
  }
  const problem = checkBundle(value);
  if (problem) throw new Error(`This file cannot be imported: ${problem}. Nothing was changed.`);
  const bundle = value as RunBundle;
  let checkpoints: CheckpointRow[];
  try {
    checkpoints = bundle.checkpoints.map((c, i) => {
      try {
        return { ...c, checkpoint: decodeCheckpoint(c.checkpoint) };
      } catch (error) {
        throw new Error(`checkpoints[${i}]: ${(error as Error).message}`);
      }
    });
  } catch (error) {
    throw new Error(
      `This file cannot be imported: ${(error as Error).message}. Nothing was changed.`,
    );
  }
  const exists = await db.runs.get(bundle.run.id);
  const id = exists ? `${bundle.run.id}-import-${Date.now().toString(36)}` : bundle.run.id;
  // Any run here of the same name (a copy, or another run named alike): named apart.
  const name = await nameApart(db, bundle.run.name, (n) => `${bundle.run.name} (import ${n})`);
  const status = ACTIVE_STATUSES.includes(bundle.run.status) ? 'interrupted' : bundle.run.status;
  const config = configWithDefaults(bundle.run.config);
  const run: RunRecord = { ...bundle.run, id, name, status, config };
  let renumbered = false as boolean;
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
      // Under the run's own id its answers keep their numbers, so a link to one (an Episodes
      // address) opens here too; numbered anew where they have none or answers here hold them.
      // (A bundle of a run trained in Node has none: its rows were never stored.) Only whole
      // numbers an auto-increment could have given, each once, and none held here.
      const numbers = bundle.episodes.flatMap((e): number[] =>
        Number.isSafeInteger(e.id) && e.id! > 0 && e.id! < 2 ** 32 ? [e.id!] : [],
      );
      const own =
        !exists &&
        numbers.length === bundle.episodes.length &&
        new Set(numbers).size === numbers.length &&
        (await db.episodes.bulkGet(numbers)).every((e) => e === undefined);
      renumbered = !exists && !own && numbers.length > 0;
      await db.episodes.bulkAdd(
        own ? bundle.episodes.map((e) => ({ ...e, runId: id })) : withId(bundle.episodes),
      );
    },
  );
  return {
    run,
    copyOf: exists?.name ?? null,
    ...(!exists && name !== bundle.run.name && { nameTaken: bundle.run.name }),
    ...(renumbered && { renumbered: true as const }),
  };
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
