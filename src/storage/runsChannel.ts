/**
 * Tabs of this browser tell each other that the stored runs changed (a BroadcastChannel): a run
 * trains on (its step and curves grow) or has ended, or runs were deleted, renamed, imported,
 * marked interrupted... A tab does not hear its own news. Where there is no BroadcastChannel,
 * nothing is said (each tab then sees the others' changes at its next load).
 */
import { isRecord } from '../core/guards';

const NAME = 'atomic-skills-lab:runs';

export interface RunsNews {
  /** The run changed, or null: the list (which runs, their names, tags, statuses). */
  runId: string | null;
  /** The run is training in the tab that says so (it has its lock: see runLocks.ts). */
  training: boolean;
}

let channel: BroadcastChannel | null | undefined;

function theChannel(): BroadcastChannel | null {
  if (channel === undefined)
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(NAME);
  return channel;
}

const isNews = (v: unknown): v is RunsNews =>
  isRecord(v) &&
  (v.runId === null || typeof v.runId === 'string') &&
  typeof v.training === 'boolean';

/** Tells the other tabs of this browser. */
export function tellOtherTabs(news: RunsNews): void {
  theChannel()?.postMessage(news);
}

/** Hears the other tabs; returns a function that stops listening. */
export function hearOtherTabs(listener: (news: RunsNews) => void): () => void {
  const c = theChannel();
  if (!c) return () => {};
  const on = (e: MessageEvent<unknown>) => {
    if (isNews(e.data)) listener(e.data);
  };
  c.addEventListener('message', on);
  return () => c.removeEventListener('message', on);
}
