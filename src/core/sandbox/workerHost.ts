/**
 * The worker side of a sandbox pool, shared by the Node and browser worker entries: warms the
 * engine up, says `ready`, then runs requests one at a time, streaming each test's result.
 */
import type { SandboxEngine } from './engine';
import { markPosted, writeProgress } from './progress';
import type { SandboxRunMessage, WorkerPort } from './protocol';
import type { TestResult } from './types';

/** A tiny run used to load the wasm instance and warm the interpreter before `ready`. */
const WARM_UP = {
  files: {
    'warm.test.js': "test('warm', () => { expect([1, { a: 2 }]).toEqual([1, { a: 2 }]); });",
  },
  deadlineMs: 5000,
};

/**
 * Serves `engine` on `port`. Runs are chained, so even a pool that sent two at once would get
 * them one after the other. Resolves once the worker has said `ready` (or `failed`).
 */
export async function serveSandbox(engine: SandboxEngine, port: WorkerPort): Promise<void> {
  const handle = async (message: SandboxRunMessage): Promise<void> => {
    const { id, progress } = message;
    // Once a test did not fit in the progress buffer, the rest go as messages too (in order).
    let spilled = !progress;
    const onTest = (test: TestResult): void => {
      if (!spilled && progress && writeProgress(progress, id, test)) return;
      spilled = true;
      port.post({ type: 'test', id, test });
    };
    const result = await engine.run(message.request, onTest);
    if (progress) markPosted(progress, id);
    port.post({ type: 'result', id, result });
  };
  const warmUp = async (): Promise<void> => {
    try {
      const warm = await engine.run(WARM_UP);
      if (warm.verdict !== 'pass') throw new Error(`warm-up run failed: ${warm.message ?? ''}`);
      port.post({ type: 'ready' });
    } catch (error) {
      port.post({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  let queue = warmUp();
  port.onMessage((message) => {
    if (message.type !== 'run') return;
    // engine.run never rejects (it turns every failure into a result), so the chain holds.
    queue = queue.then(() => handle(message));
  });
  await queue;
}
