import type { PruneTarget, RunUsage, StorageReport } from '../protocol/storage';
import { labDb, type EpisodeRecord, type LabDatabase } from './db';
import { jsonSize, suiteUsage } from './suites';

const jsonBytes = (rows: readonly unknown[]): number =>
  rows.reduce<number>((n, r) => n + jsonSize(r), 0);

/** The origin's usage and quota, or nulls where the browser does not tell. */
export async function estimateStorage(): Promise<{ usage: number | null; quota: number | null }> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return { usage: null, quota: null };
  const { usage, quota } = await storage.estimate();
  return { usage: usage ?? null, quota: quota ?? null };
}

/** What each run uses (approximate: JSON size of rows, array bytes of checkpoints). */
export async function storageReport(db: LabDatabase = labDb()): Promise<StorageReport> {
  const runs: RunUsage[] = [];
  for (const run of await db.runs.orderBy('createdAt').reverse().toArray()) {
    const of = { runId: run.id };
    const [points, evals, events] = await Promise.all([
      db.points.where(of).toArray(),
      db.evals.where(of).toArray(),
      db.events.where(of).toArray(),
    ]);
    // Episodes and checkpoints (most of a run's bytes) measured one row at a time, never all
    // held at once: the panel is opened when storage is large.
    let checkpointBytes = 0;
    let checkpointCount = 0;
    await db.checkpoints.where(of).each(({ checkpoint: c }) => {
      checkpointCount++;
      for (const a of [...c.weights, ...c.optimizer, ...(c.reference ?? [])])
        checkpointBytes += a.values.byteLength;
    });
    let episodeBytes = 0;
    let episodeCount = 0;
    await db.episodes.where(of).each((e) => {
      episodeCount++;
      episodeBytes += jsonSize(e);
    });
    runs.push({
      runId: run.id,
      name: run.name,
      status: run.status,
      metrics: jsonBytes(points) + jsonBytes(evals) + jsonBytes(events),
      checkpoints: checkpointBytes,
      checkpointCount,
      episodes: episodeBytes,
      episodeCount,
    });
  }
  return { ...(await estimateStorage()), runs, suites: await suiteUsage(db) };
}

/**
 * Frees space without touching a run's curves: drops its sampled episodes, or every checkpoint
 * but the latest (which resuming needs). One transaction: it happens whole or not at all.
 * Resolves with how many rows went.
 */
export async function pruneRun(
  runId: string,
  what: PruneTarget,
  db: LabDatabase = labDb(),
): Promise<number> {
  if (what === 'episodes') return (await takeEpisodes(runId, db)).length;
  return db.transaction('rw', db.checkpoints, async () => {
    const rows = await db.checkpoints.where({ runId }).sortBy('step');
    for (const row of rows.slice(0, -1)) await db.checkpoints.delete([runId, row.step]);
    return Math.max(0, rows.length - 1);
  });
}

/** Deletes a run's stored episodes and resolves with them, whole (ids included), for an undo. */
export function takeEpisodes(runId: string, db: LabDatabase = labDb()): Promise<EpisodeRecord[]> {
  return db.transaction('rw', db.episodes, async () => {
    const rows = await db.episodes.where({ runId }).toArray();
    await db.episodes.where({ runId }).delete();
    return rows;
  });
}

/**
 * Puts back episodes `takeEpisodes` removed, under their own ids (links to them work again).
 * Left out: those of a run no longer stored, batches (a step's or an evaluation's) that hold
 * episodes again (a resumed run made them anew), batches past the run's steps as stored now
 * (resumed, in this tab or another, from an earlier checkpoint: it stores them anew, or they
 * are another policy's), and rows whose id another row holds now. Resolves with how many were
 * put back.
 */
export function restoreEpisodes(
  rows: readonly EpisodeRecord[],
  db: LabDatabase = labDb(),
): Promise<number> {
  return db.transaction('rw', db.runs, db.episodes, async () => {
    const back: EpisodeRecord[] = [];
    // Each run's steps done, as stored now (null: the run is gone).
    const steps = new Map<string, number | null>();
    const present = new Map<string, boolean>();
    // An id another row holds now (a run imported since under its own numbers) is not taken.
    const taken = new Set(
      (await db.episodes.bulkGet(rows.flatMap((r) => (r.id === undefined ? [] : [r.id])))).flatMap(
        (e) => (e?.id === undefined ? [] : [e.id]),
      ),
    );
    for (const row of rows) {
      if (row.id !== undefined && taken.has(row.id)) continue;
      if (!steps.has(row.runId)) steps.set(row.runId, (await db.runs.get(row.runId))?.step ?? null);
      const done = steps.get(row.runId);
      // Step n's answers, and the evaluations after n steps, of a run n steps into its training.
      if (done == null || (row.source === 'train' ? row.step >= done : row.step > done)) continue;
      const batch = [row.runId, row.source, row.step] as const;
      const key = batch.join('\u0000');
      if (!present.has(key))
        present.set(
          key,
          (await db.episodes.where('[runId+source+step]').equals(batch).count()) > 0,
        );
      if (!present.get(key)) back.push(row);
    }
    await db.episodes.bulkPut(back);
    return back.length;
  });
}

/** Whether an error, or one it wraps (Dexie's and IndexedDB's aborts keep it as `inner`), matches. */
function anyWrapped(error: unknown, match: (e: { name?: unknown; message?: unknown }) => boolean) {
  for (let e = error as { name?: unknown; message?: unknown; inner?: unknown } | null; e;) {
    if (match(e)) return true;
    e = (e.inner as typeof e) ?? null;
  }
  return false;
}

/** Whether an error (or the error inside a Dexie/IndexedDB abort) is the browser refusing for space. */
export const isQuotaError = (error: unknown): boolean =>
  anyWrapped(error, (e) => e.name === 'QuotaExceededError');

/**
 * Whether an error (or one inside it) is IndexedDB refusing a value for its size: Chromium caps
 * one serialized value at 133,169,152 bytes ("The serialized keys and/or value are too large",
 * an UnknownError; seen 2026-12-04), which the whole corpus's built suite (25,900 tasks, some
 * 650 MB) exceeds.
 */
export const isTooLargeError = (error: unknown): boolean =>
  anyWrapped(
    error,
    (e) => typeof e.message === 'string' && /value (is|are) too large/i.test(e.message),
  );
