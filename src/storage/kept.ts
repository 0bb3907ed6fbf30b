import type { Kept, KeptJob, KeptResults } from '../protocol/kept';
import { labDb, type LabDatabase } from './db';

/** Keeps one of the Evaluate page's results; returns it as kept (with its id). */
export async function keepResult<J extends KeptJob>(
  job: J,
  result: KeptResults[J],
  db: LabDatabase = labDb(),
): Promise<Kept<J>> {
  const createdAt = Date.now();
  const id = await db.kept.add({ job, createdAt, result });
  return { id, job, createdAt, result };
}

/** Every kept result of one job, newest first. */
export async function keptResults<J extends KeptJob>(
  job: J,
  db: LabDatabase = labDb(),
): Promise<Kept<J>[]> {
  const rows = await db.kept.where('job').equals(job).toArray();
  return (rows as Kept<J>[]).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Forgets one kept result (nothing else refers to it). */
export async function forgetResult(id: number, db: LabDatabase = labDb()): Promise<void> {
  await db.kept.delete(id);
}

/** Puts a forgotten result back, with its id and time. */
export async function restoreResult(entry: Kept, db: LabDatabase = labDb()): Promise<void> {
  await db.kept.put(entry);
}
