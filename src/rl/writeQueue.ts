import { errorText } from '../protocol/errorText';
import { isQuotaError } from '../storage/usage';

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** Why the browser would not store something, in words. */
export function writeFailureCause(error: unknown): string {
  return isQuotaError(error)
    ? "the browser's storage for this app is full"
    : `saving failed (${errorText(error)})`;
}

/** A step's write found its run gone: deleted while it trained (no tab should let that happen). */
export class RunDeleted extends Error {
  constructor() {
    super('the run was deleted while it trained');
    this.name = 'RunDeleted';
  }
}

/** Why a run stopped because the browser would not store it (it stays resumable). */
export function writeFailureMessage(error: unknown, step: number): string {
  if (error instanceof RunDeleted)
    return `Stopped at step ${step}: the run was deleted while it trained; nothing more of it is stored.`;
  const cause = writeFailureCause(error);
  return (
    `Stopped at step ${step}: ${cause}. Everything up to the last checkpoint is kept. ` +
    'Free space under Storage (drop old episodes or checkpoints, or delete runs), then resume.'
  );
}

/**
 * Storage writes made one after another. The first failure is kept and every later write is
 * skipped, so what is stored is a prefix of what was asked: `settled()` waits for the queue and
 * throws that failure.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  /** The first failure as thrown (a DOMException keeps its name, e.g. QuotaExceededError). */
  private failure: { error: unknown } | null = null;

  /** The first write's failure, or null. */
  get error(): Error | null {
    return this.failure && asError(this.failure.error);
  }

  /** The first failure as it was thrown, or null. */
  get cause(): unknown {
    return this.failure?.error ?? null;
  }

  push(write: () => Promise<unknown>): void {
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      try {
        await write();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Resolves once every queued write has landed; throws the first failure. */
  async settled(): Promise<void> {
    await this.tail;
    if (this.failure) throw asError(this.failure.error);
  }
}
