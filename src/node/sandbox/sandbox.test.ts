import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES, HEALTHY_RUN, inTest } from '../../core/sandbox/adversarial';
import { createInProcessSandbox, createNodeSandbox } from './index';

const DEADLINE_MS = 500;
const GRACE_MS = 300;
// Slack for a loaded 2-core machine; the bench prints the real figures.
const SLACK_MS = 1500;

const pool = createNodeSandbox({ size: 1, graceMs: GRACE_MS });
// The first run waits for the worker to start (tsx + wasm): keep that out of the timings.
beforeAll(() => pool.run(HEALTHY_RUN), 30_000);
afterAll(() => pool.dispose());

describe('createNodeSandbox: adversarial code through the worker_threads pool', () => {
  it.each(ADVERSARIAL_CASES)(
    '$name ends as $verdict/$label in time, and the next run is unaffected',
    async (c) => {
      const deadlineMs = c.deadlineMs ?? DEADLINE_MS;
      const started = performance.now();
      const result = await pool.run({ files: c.files, deadlineMs, memoryMb: c.memoryMb });
      const elapsed = performance.now() - started;
      expect({ verdict: result.verdict, label: result.label }).toEqual({
        verdict: c.verdict,
        label: c.label,
      });
      expect(elapsed).toBeLessThan(deadlineMs + GRACE_MS + SLACK_MS);
      expect((await pool.run({ ...HEALTHY_RUN, deadlineMs: 5000 })).verdict).toBe('pass');
    },
  );

  it('does not leak globalThis pollution into the next run', async () => {
    const polluted = await pool.run({
      files: {
        'case.test.js':
          "globalThis.leaked = 1; Object.prototype.evil = 1; test('case', () => { expect(leaked).toBe(1); });",
      },
    });
    expect(polluted.verdict).toBe('pass');
    const next = await pool.run({
      files: inTest("expect(typeof leaked).toBe('undefined'); expect({}.evil).toBeUndefined();"),
    });
    expect(next.verdict).toBe('pass');
  });

  it('passes the step budget to the worker: a loop ends at it, long before the deadline', async () => {
    const result = await pool.run({
      files: inTest('for (;;) {}'),
      deadlineMs: 60_000,
      stepBudget: 100,
    });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout', checks: 101 });
    expect(result.tests[0]?.message).toBe('step budget exceeded');
  });

  it('keeps the results streamed before the watchdog killed the worker', async () => {
    const result = await pool.run({
      files: {
        'case.test.js':
          "test('fine', () => { expect(1).toBe(1); });\ntest('stuck', () => { for (;;) Array(1e5).fill(0); });",
      },
      deadlineMs: DEADLINE_MS,
    });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([['fine', 'pass']]);
  });
});

/**
 * Keeps this thread busy for `ms`, as a model step beside the sandbox does, from the event
 * loop's check phase: the next turn runs the timers due meanwhile (the watchdog's) before it
 * reads the worker's message (blocking elsewhere in the turn happened not to show it).
 */
function blockThread(ms: number): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      const until = performance.now() + ms;
      while (performance.now() < until);
      resolve();
    }),
  );
}

describe("the watchdog when the pool's own thread is busy", () => {
  const quick = { files: inTest('expect(1 + 1).toBe(2);'), deadlineMs: 100 };

  it('keeps a result that arrived while this thread was blocked past deadline + grace', async () => {
    const busy = createNodeSandbox({ size: 1, graceMs: 50 });
    await busy.run(HEALTHY_RUN);
    for (let i = 0; i < 3; i++) {
      const result = busy.run(quick);
      await blockThread(600);
      expect((await result).verdict).toBe('pass');
    }
    await busy.dispose();
  }, 60_000);

  it('does so without shared memory too (a page that is not cross-origin isolated)', async () => {
    const global = globalThis as { crossOriginIsolated?: boolean };
    global.crossOriginIsolated = false;
    const busy = createNodeSandbox({ size: 1, graceMs: 50 });
    try {
      await busy.run(HEALTHY_RUN);
      const result = busy.run(quick);
      await blockThread(600);
      expect((await result).verdict).toBe('pass');
      // A run that really overruns is still ended by the watchdog.
      const stuck = await busy.run({
        files: inTest('for (;;) Array(1e5).fill(0);'),
        deadlineMs: 100,
      });
      expect(stuck).toMatchObject({ verdict: 'error', label: 'timeout' });
    } finally {
      delete global.crossOriginIsolated;
      await busy.dispose();
    }
  }, 60_000);
});

describe('createInProcessSandbox', () => {
  it('runs on the calling thread with the same verdicts', async () => {
    const sandbox = createInProcessSandbox();
    expect((await sandbox.run(HEALTHY_RUN)).verdict).toBe('pass');
    const loop = await sandbox.run({ files: inTest('while (true) {}'), deadlineMs: 200 });
    expect(loop).toMatchObject({ verdict: 'error', label: 'timeout' });
    await sandbox.dispose();
  });
});
