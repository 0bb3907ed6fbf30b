import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxEngine } from './engine';
import { createSandboxPool, SandboxPoolError } from './pool';
import { writeProgress } from './progress';
import type { SandboxRunMessage, SandboxWorkerMessage, WorkerLike } from './protocol';
import { serveSandbox } from './workerHost';

const engine = createSandboxEngine({ now: () => performance.now() });
afterAll(() => engine.dispose());
const now = () => performance.now();

/** A worker on this thread around the real engine (messages cross asynchronously). */
function engineWorker(): WorkerLike & { terminated: boolean } {
  let toPool: ((m: SandboxWorkerMessage) => void) | undefined;
  let toWorker: ((m: SandboxRunMessage) => void) | undefined;
  const worker = {
    terminated: false,
    postMessage: (m: SandboxRunMessage) => queueMicrotask(() => toWorker?.(m)),
    terminate: () => {
      worker.terminated = true;
      toPool = undefined;
    },
    onMessage: (listener: (m: SandboxWorkerMessage) => void) => (toPool = listener),
    onExit: () => {},
  };
  void serveSandbox(engine, {
    post: (m) => queueMicrotask(() => toPool?.(m)),
    onMessage: (listener) => (toWorker = listener),
  });
  return worker;
}

/**
 * A worker whose thread is stuck: it streams one test result for a run (as a message, or with
 * `viaProgress` in the run's progress buffer and a second one as a message), then nothing.
 */
function stuckWorker(viaProgress = false): WorkerLike & { terminated: boolean } {
  let toPool: ((m: SandboxWorkerMessage) => void) | undefined;
  const test = (name: string) => ({ file: 'a', name, status: 'pass' as const, ms: 1 });
  const worker = {
    terminated: false,
    postMessage: (m: SandboxRunMessage) =>
      queueMicrotask(() => {
        if (!viaProgress) return toPool?.({ type: 'test', id: m.id, test: test('first') });
        if (!m.progress || !writeProgress(m.progress, m.id, test('first'))) {
          throw new Error('no progress buffer');
        }
        toPool?.({ type: 'test', id: m.id, test: test('second') });
      }),
    terminate: () => {
      worker.terminated = true;
    },
    onMessage: (listener: (m: SandboxWorkerMessage) => void) => {
      toPool = listener;
      queueMicrotask(() => listener({ type: 'ready' }));
    },
    onExit: () => {},
  };
  return worker;
}

const passing = { files: { 'a.test.js': "test('a', () => { expect(1).toBe(1); });" } };
const failing = { files: { 'a.test.js': "test('a', () => { expect(1).toBe(2); });" } };

describe('createSandboxPool', () => {
  it('runs requests on its workers and queues work beyond its size', async () => {
    const spawned: WorkerLike[] = [];
    const pool = createSandboxPool({
      size: 2,
      now,
      spawn: () => (spawned[spawned.length] = engineWorker()),
    });
    const results = await Promise.all(
      [passing, failing, passing, failing, passing].map((r) => pool.run(r)),
    );
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'fail', 'pass', 'fail', 'pass']);
    expect(spawned).toHaveLength(2);
    await pool.dispose();
  });

  it('terminates a worker that overruns deadline + grace, answers timeout, and respawns', async () => {
    const workers: (WorkerLike & { terminated: boolean })[] = [];
    const pool = createSandboxPool({
      size: 1,
      now,
      graceMs: 50,
      spawn: () => {
        const worker = workers.length === 0 ? stuckWorker() : engineWorker();
        workers.push(worker);
        return worker;
      },
    });
    const started = performance.now();
    const result = await pool.run({ ...passing, deadlineMs: 100 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.tests.map((t) => t.name)).toEqual(['first']);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
    expect(workers[0]?.terminated).toBe(true);
    expect((await pool.run(passing)).verdict).toBe('pass');
    await pool.dispose();
  });

  it('keeps the tests a killed worker wrote to its progress buffer, then those it sent', async () => {
    let spawns = 0;
    const pool = createSandboxPool({
      size: 1,
      now,
      graceMs: 20,
      spawn: () => (spawns++ === 0 ? stuckWorker(true) : engineWorker()),
    });
    const result = await pool.run({ ...passing, deadlineMs: 50 });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.tests.map((t) => t.name)).toEqual(['first', 'second']);
    expect((await pool.run(passing)).tests.map((t) => t.name)).toEqual(['a']);
    await pool.dispose();
  });

  it('answers a runtime error when a worker dies mid-run, then carries on', async () => {
    let exit: ((reason: string) => void) | undefined;
    let first = true;
    const pool = createSandboxPool({
      size: 1,
      now,
      spawn: () => {
        const worker = engineWorker();
        if (!first) return worker;
        first = false;
        return {
          ...worker,
          postMessage: () => queueMicrotask(() => exit?.('exit code 1')),
          onExit: (listener) => (exit = listener),
        };
      },
    });
    expect(await pool.run(passing)).toMatchObject({ verdict: 'error', label: 'runtime' });
    expect((await pool.run(passing)).verdict).toBe('pass');
    await pool.dispose();
  });

  it('gives up with a SandboxPoolError when workers keep failing to start', async () => {
    let spawns = 0;
    const pool = createSandboxPool({
      size: 1,
      now,
      maxStartFailures: 3,
      spawn: () => {
        spawns++;
        return {
          postMessage: () => {},
          terminate: () => {},
          onMessage: (listener) =>
            queueMicrotask(() => listener({ type: 'failed', message: 'no wasm' })),
          onExit: () => {},
        };
      },
    });
    await expect(pool.run(passing)).rejects.toThrow(SandboxPoolError);
    await expect(pool.run(passing)).rejects.toThrow('no wasm');
    expect(spawns).toBe(3);
  });

  it('rejects queued runs on dispose', async () => {
    const pool = createSandboxPool({ size: 1, now, spawn: stuckWorker });
    const pending = pool.run(passing);
    await pool.dispose();
    await expect(pending).rejects.toThrow('disposed');
  });
});
