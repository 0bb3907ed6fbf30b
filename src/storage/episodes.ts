/** Reading a run's stored episodes: which steps have some, a step's list, one whole record. */
import Dexie from 'dexie';
import { summarizeEpisode, type EpisodeRecord, type EpisodeSummary } from '../protocol/episodes';
import { labDb, type LabDatabase } from './db';

/** The steps of `runId` with stored episodes, ascending. */
export async function episodeSteps(runId: string, db: LabDatabase = labDb()): Promise<number[]> {
  const keys = await db.episodes
    .where('[runId+step]')
    .between([runId, Dexie.minKey], [runId, Dexie.maxKey])
    .uniqueKeys();
  return keys.map((k) => (k as unknown as [string, number])[1]);
}

/** The episodes stored for one step of `runId`, by group then sample. */
export async function listEpisodes(
  runId: string,
  step: number,
  db: LabDatabase = labDb(),
): Promise<EpisodeSummary[]> {
  const rows = await db.episodes.where('[runId+step]').equals([runId, step]).toArray();
  return rows
    .filter((r): r is EpisodeRecord & { id: number } => r.id !== undefined)
    .sort((a, b) => a.groupIndex - b.groupIndex || a.sampleIndex - b.sampleIndex)
    .map(summarizeEpisode);
}

/** One stored episode, whole, or null when there is none with this id (pruned or deleted). */
export async function getEpisode(
  id: number,
  db: LabDatabase = labDb(),
): Promise<EpisodeRecord | null> {
  return (await db.episodes.get(id)) ?? null;
}
