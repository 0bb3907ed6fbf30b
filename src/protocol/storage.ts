/** What the browser's storage holds for this app, per run, as the storage panel shows it. */
export interface RunUsage {
  runId: string;
  name: string;
  status: string;
  /** Approximate bytes: step points, evals and config events. */
  metrics: number;
  /** Bytes of the stored checkpoints' arrays (weights, optimiser state, KL reference). */
  checkpoints: number;
  checkpointCount: number;
  /** Approximate bytes of the sampled episodes. */
  episodes: number;
  episodeCount: number;
}

export interface StorageReport {
  /** The origin's usage and quota from `navigator.storage.estimate()`, when the browser says. */
  usage: number | null;
  quota: number | null;
  runs: RunUsage[];
  /** Built task suites cached for reuse (rebuilt when needed). */
  suites: { count: number; bytes: number };
}

export type PruneTarget = 'episodes' | 'checkpoints';

/** ok below 80 % of the quota; nearly-full from 80 %; full from 95 %. */
export type StorageLevel = 'ok' | 'nearly-full' | 'full';

export function storageLevel(usage: number | null, quota: number | null): StorageLevel {
  if (usage === null || quota === null || quota <= 0) return 'ok';
  const used = usage / quota;
  return used >= 0.95 ? 'full' : used >= 0.8 ? 'nearly-full' : 'ok';
}

/** Bytes for people: 0 B, 12.3 kB, 4.5 MB, 1.2 GB (powers of 1000, as browsers report them). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1000) return `${Math.max(0, Math.round(n || 0))} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}
