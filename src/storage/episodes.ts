/** Reading a run's stored episodes: which batches it has, a batch's list, one whole record. */
import Dexie from 'dexie';
import {
  summarizeEpisode,
  type EpisodeBatch,
  type EpisodeRecord,
  type EpisodeSummary,
  type RunEpisodeSummary,
  TASK_EPISODES_LIMIT,
} from '../protocol/episodes';
import { labDb, type LabDatabase } from './db';

/** At one step, an evaluation (after that many steps) came before the training step. */
const SOURCE_ORDER: Record<EpisodeBatch['source'], number> = { val: 0, test: 1, train: 2 };

/**
 * The batches of `runId` with stored episodes in the order they happened: by step, an
 * evaluation after N steps before training step N (a stopped run's final test evaluation, then
 * the steps it trained once resumed).
 */
export async function episodeBatches(
  runId: string,
  db: LabDatabase = labDb(),
): Promise<EpisodeBatch[]> {
  const keys = await db.episodes
    .where('[runId+source+step]')
    .between([runId, Dexie.minKey, Dexie.minKey], [runId, Dexie.maxKey, Dexie.maxKey])
    .uniqueKeys();
  return keys
    .map((k) => {
      const [, source, step] = k as unknown as [string, EpisodeBatch['source'], number];
      return { source, step };
    })
    .sort((a, b) => a.step - b.step || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
}

/** The episodes of one batch of `runId`, by group then sample. */
export async function listEpisodes(
  runId: string,
  batch: EpisodeBatch,
  db: LabDatabase = labDb(),
): Promise<EpisodeSummary[]> {
  const rows = await db.episodes
    .where('[runId+source+step]')
    .equals([runId, batch.source, batch.step])
    .toArray();
  return rows
    .filter((r): r is EpisodeRecord & { id: number } => r.id !== undefined)
    .sort((a, b) => a.groupIndex - b.groupIndex || a.sampleIndex - b.sampleIndex)
    .map(summarizeEpisode);
}

/**
 * Every run's stored answers to these tasks (test evaluations, sampled training groups), the
 * newest `TASK_EPISODES_LIMIT` per task (by when they were stored).
 */
export async function taskEpisodes(
  taskIds: readonly string[],
  db: LabDatabase = labDb(),
): Promise<RunEpisodeSummary[]> {
  const out: RunEpisodeSummary[] = [];
  for (const taskId of taskIds) {
    const rows = await db.episodes
      .where('taskId')
      .equals(taskId)
      .reverse()
      .limit(TASK_EPISODES_LIMIT)
      .toArray();
    for (const r of rows.reverse())
      if (r.id !== undefined) out.push({ ...summarizeEpisode({ ...r, id: r.id }), runId: r.runId });
  }
  return out;
}

/** One stored episode, whole, or null when there is none with this id (pruned or deleted). */
export async function getEpisode(
  id: number,
  db: LabDatabase = labDb(),
): Promise<EpisodeRecord | null> {
  return (await db.episodes.get(id)) ?? null;
}
